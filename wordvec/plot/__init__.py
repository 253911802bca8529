"""The project's figures: each a function from plain inputs to a matplotlib Figure.

Import the figures from here; each lives in the module of its concept:

* ``benchmarks``: ``scores`` (benchmark scores per model, with 95%
  intervals) and ``similarity_scatter`` (human score against cosine, pair by pair);
* ``training``: ``loss_curves`` (training loss against epochs) and
  ``accuracy_by_epoch`` (a score after each epoch);
* ``word_maps``: ``pca_map`` (words on their first two principal components,
  analogy offsets as arrows), with ``pca_2d``, the projection itself;
* ``corpus``: ``zipf`` (word count against rank), ``keep_probability``
  (word2vec's subsampling) and ``glove_weighting`` (GloVe's weight of a count);
* ``noise``: ``noise_distribution`` (negative sampling's count ** 3/4, against
  the unigram distribution);
* ``huffman_tree``: ``code_tree`` (hierarchical softmax's Huffman tree: bits on
  the edges, words and counts at the leaves), with ``tree_layout``;
* ``cooccurrence``: ``cooccurrence_heatmap`` (a corner of the co-occurrence
  matrix, log colours), with ``top_left_block``, that corner from COO arrays;
* ``subwords``: ``ngram_collisions`` (the share of n-grams sharing a hashed row,
  against the bucket count, beside the birthday expectation ``birthday_share``)
  and ``bucket_memory`` (the n-gram matrix's megabytes against the bucket count);
* ``hyperparameters``: ``sweep`` (a score against a hyperparameter's value, a line per
  benchmark, 95% intervals as bands), with ``short_number``, its tick labels;
* ``base``: ``save`` (atomic, format by extension), ``png_bytes``,
  ``data_uri`` (a figure inside a self-contained HTML page) and ``model_colors``;
* ``labels``: where to write each word so that labels do not overlap.

Pass one ``colors`` dict (``model_colors(all_model_names)``) to every figure
and a model keeps its colour throughout a report. matplotlib is loaded only
when a figure is drawn, so importing this module costs nothing; the figures
never touch pyplot, so they work without a display and are freed like any
object.

Example
-------
>>> from wordvec import plot
>>> from wordvec.text.vocab import Vocabulary
>>> fig = plot.zipf(Vocabulary(["the", "of", "cat", "sat"], [900, 450, 300, 225]))
>>> fig.axes[0].get_xscale()
'log'
>>> plot.data_uri(fig)[:22]
'data:image/png;base64,'
"""
from .base import data_uri, figure_bytes, model_colors, png_bytes, save
from .benchmarks import scores, similarity_scatter
from .cooccurrence import cooccurrence_heatmap, top_left_block
from .corpus import glove_weighting, keep_probability, zipf
from .huffman_tree import code_tree, tree_layout
from .hyperparameters import short_number, sweep
from .noise import noise_distribution
from .subwords import birthday_share, bucket_memory, ngram_collisions
from .training import accuracy_by_epoch, loss_curves
from .word_maps import pca_2d, pca_map

__all__ = ["scores", "similarity_scatter", "loss_curves", "accuracy_by_epoch", "pca_map",
           "pca_2d", "zipf", "keep_probability", "glove_weighting", "save", "png_bytes",
           "figure_bytes", "data_uri", "model_colors", "noise_distribution",
           "code_tree", "tree_layout", "cooccurrence_heatmap", "top_left_block",
           "sweep", "short_number", "ngram_collisions", "bucket_memory", "birthday_share"]
