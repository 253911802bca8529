"""The fastText estimators: Word2Vec's training, with each word the mean of its n-grams.

Around the kernels (``kernels.py``), in Python, as the fastText tool does it:

* the vocabulary and the encoded corpus, as for every family
  (``wordvec.cache.prepare``), then each word's rows once for the whole run
  (``wordvec.text.subwords.subword_table``: its own row, then its n-grams');
* one input matrix of V + bucket rows, the words' then the n-gram buckets',
  uniform in ±1/dim as the tool's (word2vec.c uses ±0.5/dim), and the output
  rows W_out, zeros;
* noise words from count^0.5 (the tool's exponent; word2vec's is 0.75);
* the learning rate, linear from alpha to min_alpha (the tool: to 0), and
  the chunks, threads and progress of the core's ``WindowSGD``.

>>> sentences = [["where", "here", "there", "nowhere"]] * 100
>>> model = FastText(dim=8, bucket=1000, min_count=1, epochs=2, verbose=False).fit(sentences)
>>> model.wv.built_from_ngrams("everywhere"), model.wv["everywhere"].shape
(True, (8,))
"""
import math
import sys

import numpy as np

from wordvec.engine import alias_table, padded_rows
from wordvec.engine.windows import CorpusArrays, NegativeSampling
from wordvec.errors import TrainingError
from wordvec.text import subword_table
from wordvec.train import VOCABULARY_PARAMS, Param, WindowSGD, check_int, check_number
from wordvec.vectors import SubwordVectors

from .kernels import SubwordRows, cbow_chunk, hidden_scale, skipgram_chunk

# Rows initialised per block, so that initialising a 2M-row matrix needs no
# second matrix of temporaries.
_INIT_ROWS = 1 << 16


class FastTextBase(WindowSGD):
    """Shared estimator logic; see ``FastText`` for the parameters."""

    params = {
        "dim": Param("Size of the vectors."),
        "window": Param("Maximum distance between a word and a context word; each centre "
                        "word draws its own window in 1..window."),
        "negative": Param("Noise words per example (negative sampling)."),
        "ns_exponent": Param("Exponent of the noise distribution, P(w) ∝ count(w)^this. The "
                             "fastText tool uses 0.5 (word2vec 0.75)."),
        "sample": Param("Subsampling threshold, as word2vec's; the tool's default is 1e-4."),
        "alpha": Param("Initial learning rate (the tool's -lr); it decays linearly to "
                       "min_alpha over all epochs. (GloVe's alpha is another thing: its "
                       "weighting exponent.)"),
        "min_alpha": Param("Final learning rate (the tool decays to 0)."),
        "epochs": Param("Passes over the corpus."),
        "minn": Param("Shortest character n-gram, in characters (< and > count)."),
        "maxn": Param("Longest character n-gram; 0 turns n-grams off (then it is Word2Vec "
                      "with the tool's settings)."),
        "bucket": Param("Rows the n-grams are hashed into. The n-gram matrix takes "
                        "bucket x dim x 4 bytes: 800 MB at 2,000,000 x 100; fewer rows save "
                        "memory at the price of more collisions."),
        **VOCABULARY_PARAMS,
        "vectors": Param("What the saved vectors are: 'word', each word's mean of its own "
                         "row and its n-grams' rows (the tool's word vectors).",
                         choices=("word",)),
        "seed": Param("Seeds the initialisation and all sampling. With one worker the same "
                      "seed gives bit-identical vectors."),
        "workers": Param("Training threads. More than one trains lock-free (Hogwild): "
                         "faster, but thread timing changes the result, so runs are not "
                         "reproducible bit for bit."),
        "verbose": Param("Show a progress bar (epoch, words/s, alpha, loss)."),
        "callbacks": Param("Callables, each called as callback(model, epoch) after every "
                           "epoch, with model.wv holding the vectors of that moment."),
    }

    def __init__(self, dim=100, window=5, negative=5, ns_exponent=0.5, sample=1e-4, alpha=0.05,
                 min_alpha=0.0, epochs=5, minn=3, maxn=6, bucket=2_000_000, min_count=5,
                 max_vocab_size=None, max_final_vocab=None, vectors="word", seed=1, workers=1,
                 verbose=True, callbacks=()):
        self.dim = dim
        self.window = window
        self.negative = negative
        self.ns_exponent = ns_exponent
        self.sample = sample
        self.alpha = alpha
        self.min_alpha = min_alpha
        self.epochs = epochs
        self.minn = minn
        self.maxn = maxn
        self.bucket = bucket
        self.min_count = min_count
        self.max_vocab_size = max_vocab_size
        self.max_final_vocab = max_final_vocab
        self.vectors = vectors
        self.seed = seed
        self.workers = workers
        self.verbose = verbose
        self.callbacks = callbacks

    def _validate(self):
        super()._validate()
        check_int("window", self.window)
        check_int("negative", self.negative)
        check_number("ns_exponent", self.ns_exponent, -math.inf)
        check_number("sample", self.sample)
        check_number("alpha", self.alpha, low_open=True)
        check_number("min_alpha", self.min_alpha, 0.0, self.alpha)
        check_int("epochs", self.epochs)
        check_int("maxn", self.maxn, low=0)
        if self.maxn:  # maxn = 0 turns n-grams off, and minn means nothing (as in the tool)
            check_int("minn", self.minn, low=1, high=self.maxn)
        check_int("bucket", self.bucket, low=1 if self.maxn else 0)

    def _matrix_bytes(self):
        """What the input matrix (unpadded) and the output matrix (padded) take."""
        stride = padded_rows(1, self.dim).shape[1]
        return ((len(self.vocab_) + self.bucket) * self.dim + len(self.vocab_) * stride) * 4

    def _init_weights(self):
        vocab_size = len(self.vocab_)
        if self.verbose:
            print(f"fastText's matrices take {self._matrix_bytes() / 1e6:,.0f} MB: "
                  f"{vocab_size:,} words and {self.bucket:,} n-gram buckets x {self.dim} "
                  "dimensions (bucket= sets how many n-gram rows)", file=sys.stderr, flush=True)
        # The input rows are not padded to cache lines, unlike Word2Vec's: two threads
        # rarely write neighbouring rows among 2M random n-gram rows, and padding 100
        # floats to 112 would cost 96 MB at the default bucket.
        self._W_in_rows = np.empty((vocab_size + self.bucket, self.dim), dtype=np.float32)
        self._W_out_rows = padded_rows(vocab_size, self.dim)
        rng = np.random.default_rng(self.seed)
        bound = np.float32(1.0 / self.dim)
        for start in range(0, len(self._W_in_rows), _INIT_ROWS):
            block = self._W_in_rows[start:start + _INIT_ROWS]
            block[:] = rng.random(block.shape, dtype=np.float32) * (2 * bound) - bound
        self.W_in_ = self._W_in_rows
        self.W_out_ = self._W_out_rows[:, :self.dim]

    def _init_output_layers(self):
        """The kernels' bundles: the corpus, each word's rows, negative sampling."""
        self._corpus = CorpusArrays(self.corpus_.ids, self.corpus_.bounds,
                                    self.vocab_.keep_probabilities(self.sample))
        table = subword_table(self.vocab_.words, self.minn, self.maxn, self.bucket)
        self.subwords_ = table
        self._subwords = SubwordRows(table.offsets, table.ids,
                                     hidden_scale(table.offsets, table.ids))
        if len(self.vocab_) < 1:
            raise TrainingError("the vocabulary is empty; lower min_count")
        noise_prob, noise_alias = alias_table(self.vocab_.noise_distribution(self.ns_exponent))
        self._ns = NegativeSampling(self.negative, self._W_out_rows, noise_prob, noise_alias)

    def _training_state(self):
        return {"W_in": self._W_in_rows, "W_out": self._W_out_rows}

    @property
    def wv(self):
        """The learned vectors as ``SubwordVectors``: any word, from its n-grams if unseen.

        Its ``input_matrix`` is a view of the model's, not a copy (800 MB at
        the default bucket): training further changes it.
        """
        if getattr(self, "_wv", None) is None:
            if not hasattr(self, "vocab_"):
                raise AttributeError(f"{type(self).__name__} has no vectors yet: call fit first")
            self._wv = SubwordVectors(self.W_in_, self.vocab_.words, self.minn, self.maxn,
                                      self.bucket, counts=self.vocab_.counts,
                                      metadata=self.metadata(), output_matrix=self.W_out_)
        return self._wv

    def _word_and_context(self):
        return self.wv.vectors, None

    def metadata(self):
        """Hyperparameters and training facts, saved with the vectors."""
        return {**super().metadata(),
                "words_per_second": getattr(self, "words_per_second_", None)}


class FastText(FastTextBase):
    """fastText's skip-gram (Bojanowski et al. 2017): subword vectors, trained with SGD.

    ``__init__`` only stores the parameters; ``fit(corpus)`` learns. Each
    word is the mean of the rows of its character n-grams (and its own), and
    the centre word's mean predicts each word of its window, through negative
    sampling. Rare and unseen words get vectors from their parts; on small
    corpora this wins most on syntactic analogies (suffixes, plurals).
    Defaults are the fastText tool's (``-lr 0.05 -t 1e-4 -minn 3 -maxn 6
    -bucket 2000000``, noise from count^0.5).

    Attributes
    ----------
    wv : SubwordVectors
        The vectors; ``wv["unseen"]`` is the mean of its n-gram rows.
    W_in_ : (V + bucket, dim) float32
        The input matrix: the words' rows, then the n-gram buckets'.
    W_out_ : (V, dim) float32
        The output vectors of negative sampling.
    subwords_ : wordvec.text.subwords.SubwordTable
        Each word's rows.
    loss_history_, loss_curve_, seconds_per_epoch_, words_per_second_, interrupted_
        As for ``w2v.SkipGram``.

    Examples
    --------
    >>> model = FastText(dim=8, bucket=500, min_count=1, epochs=1, verbose=False)
    >>> model.fit([["walk", "walking", "walked", "talk", "talking"]] * 50).wv.vector_size
    8
    """

    algorithm = "fasttext"

    def _train_chunk(self, chunk, state):
        return skipgram_chunk(self._corpus, chunk, self._W_in_rows, self._subwords, self.dim,
                              self.window, self._ns, state)


class FastTextCBOW(FastTextBase):
    """fastText's CBOW: the mean of the n-gram rows of all the context words predicts the
    centre word. Faster than skip-gram (one example per word), usually weaker on
    semantic analogies.

    >>> model = FastTextCBOW(dim=8, bucket=500, min_count=1, epochs=1, verbose=False)
    >>> model.fit([["walk", "walking", "walked", "talk", "talking"]] * 50).wv.vector_size
    8
    """

    algorithm = "fasttext-cbow"

    def _train_chunk(self, chunk, state):
        return cbow_chunk(self._corpus, chunk, self._W_in_rows, self._subwords, self.dim,
                          self.window, self._ns, state)
