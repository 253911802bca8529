"""What every Word2Vec variant shares: parameters, data preparation, the epoch driver.

A subclass (``SkipGram``, ``CBOW``) only says which kernel trains a chunk
of the corpus. Around the kernel, in Python:

* the vocabulary and the encoded corpus (``wordvec.cache.prepare.prepare_corpus``);
* the output layers: negative sampling's noise distribution, hierarchical
  softmax's Huffman tree (``huffman.py``), or both;
* initialisation as word2vec.c: W_in uniform in ±0.5/dim, W_out and W_hs zeros;
* and, from the core's ``wordvec.train.window_sgd.WindowSGD`` (which fastText
  shares): the learning rate, linear from ``alpha`` to ``min_alpha`` over
  all epochs, and chunks of ~1M words, each a task for the shared training
  loop (``wordvec.train.loop``: threads, progress bar, loss history,
  callbacks, Ctrl-C).
"""
import math

import numpy as np

from wordvec.engine import alias_table, padded_rows
from wordvec.errors import TrainingError
from wordvec.train import (VOCABULARY_PARAMS, Param, WindowSGD, check_bool, check_int,
                           check_number, uniform_rows)

from .huffman import huffman_tree, label_matrix
from .kernels import CorpusArrays, HierarchicalSoftmax, NegativeSampling

# What .wv holds: W_in (word2vec's output), W_in + W_out (Levy, Goldberg &
# Dagan 2015's "w+c"), or both side by side. The same values as GloVe's.
VECTORS = ("word", "word+context", "concat")


class Word2VecBase(WindowSGD):
    """Shared estimator logic; see ``SkipGram`` for the parameters."""

    params = {
        "dim": Param("Size of the vectors."),
        "window": Param("Maximum distance between a word and a context word. Each centre "
                        "word draws its own window in 1..window (word2vec.c's rule), so "
                        "nearer words count more."),
        "negative": Param("Noise words per example (negative sampling); 0 turns negative "
                          "sampling off, which then needs hs."),
        "hs": Param("Also (or, with negative 0, only) train hierarchical softmax over a "
                    "Huffman tree of the vocabulary, as word2vec.c's -hs 1."),
        "ns_exponent": Param("Exponent of the noise distribution: P(w) is proportional to "
                             "count(w) to this power."),
        "sample": Param("Subsampling threshold: words much more frequent than this share of "
                        "the corpus are randomly dropped (word2vec.c's formula); 0 keeps "
                        "every word."),
        "alpha": Param("Initial learning rate of SGD; it decays linearly to min_alpha over "
                       "all epochs. (GloVe's alpha is another thing: its weighting exponent.)"),
        "min_alpha": Param("Final learning rate, reached at the end of the last epoch."),
        "epochs": Param("Passes over the corpus."),
        **VOCABULARY_PARAMS,
        "vectors": Param("What the saved vectors are: 'word', the input vectors W_in "
                         "(word2vec's output); 'word+context', W_in + W_out (Levy, Goldberg "
                         "and Dagan 2015's w+c; needs negative > 0); 'concat', [W_in, W_out] "
                         "side by side.", choices=VECTORS),
        "seed": Param("Seeds the initialisation and all sampling. With one worker the same "
                      "seed gives bit-identical vectors."),
        "workers": Param("Training threads. More than one trains lock-free (Hogwild): "
                         "faster, but thread timing changes the result, so runs are not "
                         "reproducible bit for bit."),
        "verbose": Param("Show a progress bar (epoch, words/s, alpha, loss)."),
        "callbacks": Param("Callables, each called as callback(model, epoch) after every "
                           "epoch, with model.wv holding the vectors of that moment."),
    }

    def __init__(self, dim=100, window=5, negative=5, hs=False, ns_exponent=0.75, sample=1e-3,
                 alpha=0.025, min_alpha=1e-4, epochs=5, min_count=5, max_vocab_size=None,
                 max_final_vocab=None, vectors="word", seed=1, workers=1, verbose=True,
                 callbacks=()):
        self.dim = dim
        self.window = window
        self.negative = negative
        self.hs = hs
        self.ns_exponent = ns_exponent
        self.sample = sample
        self.alpha = alpha
        self.min_alpha = min_alpha
        self.epochs = epochs
        self.min_count = min_count
        self.max_vocab_size = max_vocab_size
        self.max_final_vocab = max_final_vocab
        self.vectors = vectors
        self.seed = seed
        self.workers = workers
        self.verbose = verbose
        self.callbacks = callbacks

    # -- fit ------------------------------------------------------------------------------

    def _validate(self):
        super()._validate()
        check_int("window", self.window)
        check_int("negative", self.negative, low=0)
        check_bool("hs", self.hs)
        if self.negative == 0 and not self.hs:
            raise ValueError("negative=0 and hs=False leave no output layer: set negative > 0 "
                             "(negative sampling), hs=True (hierarchical softmax), or both")
        if self.vectors != "word" and self.negative == 0:
            raise ValueError(f"vectors={self.vectors!r} uses W_out, which only negative "
                             "sampling learns (hierarchical softmax has no row per word): set "
                             "negative > 0")
        check_number("ns_exponent", self.ns_exponent, -math.inf)
        check_number("sample", self.sample)
        check_number("alpha", self.alpha, low_open=True)
        check_number("min_alpha", self.min_alpha, 0.0, self.alpha)
        check_int("epochs", self.epochs)

    def _training_state(self):
        return {"W_in": self._W_in_rows, "W_out": self._W_out_rows, "W_hs": self._W_hs_rows}

    def _init_weights(self):
        vocab_size = len(self.vocab_)
        # The kernels train the padded, cache-line aligned matrices (see
        # padded_rows); W_in_, W_out_, W_hs_ are views of their first dim columns.
        self._W_in_rows = padded_rows(vocab_size, self.dim)
        self._W_out_rows = padded_rows(vocab_size if self.negative else 1, self.dim)
        self._W_hs_rows = padded_rows(max(vocab_size - 1, 1) if self.hs else 1, self.dim)
        self.W_in_ = self._W_in_rows[:, :self.dim]
        self.W_out_ = self._W_out_rows[:, :self.dim] if self.negative else None
        self.W_hs_ = self._W_hs_rows[:, :self.dim] if self.hs else None
        self.W_in_[:] = uniform_rows(np.random.default_rng(self.seed), (vocab_size, self.dim),
                                     self.dim)

    def _init_output_layers(self):
        """The kernels' bundles: the corpus, negative sampling, hierarchical softmax."""
        self._corpus = CorpusArrays(self.corpus_.ids, self.corpus_.bounds,
                                    self.vocab_.keep_probabilities(self.sample))
        if self.negative:
            noise_prob, noise_alias = alias_table(self.vocab_.noise_distribution(
                self.ns_exponent))
        else:  # never read: negative = 0 turns negative sampling off
            noise_prob, noise_alias = np.ones(1), np.zeros(1, np.int32)
        self._ns = NegativeSampling(self.negative, self._W_out_rows, noise_prob, noise_alias)
        if self.hs:
            if len(self.vocab_) < 2:
                raise TrainingError("hierarchical softmax needs at least 2 words in the "
                                    "vocabulary; lower min_count")
            self.huffman_ = huffman_tree(self.vocab_.counts)
            self._hs = HierarchicalSoftmax(True, self._W_hs_rows, self.huffman_.points,
                                           label_matrix(self.huffman_), self.huffman_.lengths)
        else:  # never read: on=False turns hierarchical softmax off
            self._hs = HierarchicalSoftmax(False, self._W_hs_rows, np.zeros((1, 1), np.int32),
                                           np.zeros((1, 1), np.float32), np.zeros(1, np.int32))

    def _word_and_context(self):
        return self.W_in_, self.W_out_  # W_out_ is None without NS: _validate refuses its use

    def metadata(self):
        """Hyperparameters and training facts, saved with the vectors."""
        return {**super().metadata(),
                "words_per_second": getattr(self, "words_per_second_", None)}
