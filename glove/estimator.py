"""The GloVe estimator: count co-occurrences, then fit vectors to their logs.

>>> from corpora.synthetic import generate
>>> model = GloVe(dim=30, window=5, epochs=10, x_max=10, verbose=False).fit(generate(20_000))
>>> model.wv.most_similar("paris", topn=1)       # doctest: +SKIP
[('french', 0.87)]
"""
import inspect
import logging
import math
import time

import numpy as np
from tqdm.auto import tqdm

from wordvec.cache import prepare_corpus
from wordvec.errors import TrainingError, VocabularyError
from wordvec.hogwild import padded_rows, run_chunks
from wordvec.keyedvectors import KeyedVectors
from wordvec.rng import seed_state

from .cooccur import count_cooccurrences
from .kernels import adagrad_chunk, shuffle_order
from .matrix import vocabulary_hash

logger = logging.getLogger(__name__)

OUTPUTS = ("sum", "word", "concat")  # W + W̃ (the paper's choice), W only, [W, W̃]
CHUNKS_PER_EPOCH = 20                 # kernel calls per epoch, also the loss_curve_ points


class GloVe:
    """Global Vectors (Pennington, Socher & Manning 2014), trained with AdaGrad.

    ``__init__`` only stores the parameters; ``fit(corpus)`` counts the
    co-occurrences and trains, ``fit_cooccurrence(matrix, vocab)`` trains on
    a matrix counted before (``wordvec cooccur``).

    Parameters
    ----------
    dim : int
        Size of the vectors.
    window : int
        Context words on each side (or on the left only) counted as co-occurring.
    symmetric : bool
        Count context on both sides (True, the paper's and the C tool's default)
        or on the left only.
    distance_weighting : bool
        A context word d positions away adds 1/d (True, as the paper) or 1.
    x_max, alpha : float
        The weighting f(x) = min(1, (x / x_max)^alpha) of eq. 9. The paper's
        x_max = 100 suits billions of tokens; see ``glove.presets`` for a
        small-corpus setting.
    eta : float
        AdaGrad's initial learning rate.
    grad_clip : float
        Every gradient coordinate is clipped to [-grad_clip, grad_clip].
    bias_eta : bool
        True (the paper's AdaGrad): the biases step like every other
        coordinate, eta times the clipped gradient. False: as the GloVe C
        tool, whose bias step is the raw gradient, without eta or clipping
        (its open PR #209 would change that). On wiki17m with the paper's
        settings, False scored WS353 +0.009 and SimLex +0.011 over three
        seeds, analogies the same (``bench/results/glove_paper_seeds_*``).
    epochs : int
        Passes over the co-occurrence entries, each in a new shuffled order.
    output : {"sum", "word", "concat"}
        What ``wv`` holds: W + W̃ (the paper's choice), W only, or [W, W̃]
        side by side (2 * dim columns).
    min_count, max_vocab_size, max_final_vocab : int, optional
        The vocabulary, as for ``w2v.SkipGram`` (same vocabulary, so the
        two can be compared word for word).
    memory_mb : int
        Memory budget of the co-occurrence counting; above it, partial
        counts spill to disk (``glove.cooccur``).
    seed : int
        Seeds the initialisation and the shuffles. With ``workers=1`` the same
        seed gives bit-identical vectors.
    workers : int
        Threads; more than one trains lock-free (Hogwild) over disjoint
        slices of each epoch's order, and is not reproducible bit for bit.
    verbose : bool
        Show a progress bar.
    callbacks : sequence of callables
        Each is called as ``callback(model, epoch)`` after every epoch.

    Attributes
    ----------
    wv : KeyedVectors
    vocab_ : Vocabulary
    cooccurrence_ : Cooccurrence
    W_, W_ctx_ : ndarray (V, dim) float32, and b_, b_ctx_ (V,) float32
    loss_history_ : list of float
        Mean J/2 per term, per epoch.
    loss_curve_ : list of (float, float)
        (epochs done, mean J/2) after each chunk of ~1/20 epoch.
    count_seconds_, train_seconds_, seconds_per_epoch_ : float
    interrupted_ : bool
    """

    algorithm = "glove"

    def __init__(self, dim=100, window=10, symmetric=True, distance_weighting=True, x_max=100.0,
                 alpha=0.75, eta=0.05, grad_clip=100.0, bias_eta=True, epochs=25, output="sum",
                 min_count=5, max_vocab_size=None, max_final_vocab=None, memory_mb=700, seed=1,
                 workers=1, verbose=True, callbacks=()):
        self.dim = dim
        self.window = window
        self.symmetric = symmetric
        self.distance_weighting = distance_weighting
        self.x_max = x_max
        self.alpha = alpha
        self.eta = eta
        self.grad_clip = grad_clip
        self.bias_eta = bias_eta
        self.epochs = epochs
        self.output = output
        self.min_count = min_count
        self.max_vocab_size = max_vocab_size
        self.max_final_vocab = max_final_vocab
        self.memory_mb = memory_mb
        self.seed = seed
        self.workers = workers
        self.verbose = verbose
        self.callbacks = callbacks

    def get_params(self):
        """The constructor's parameters (scikit-learn's convention)."""
        names = list(inspect.signature(type(self).__init__).parameters)[1:]
        return {name: getattr(self, name) for name in names}

    def _validate(self):
        for name in ("dim", "window", "epochs", "min_count", "workers", "memory_mb"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive int, got {value!r}")
        for name in ("x_max", "alpha", "eta", "grad_clip"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"{name} must be a positive number, got {value!r}")
        if not isinstance(self.bias_eta, bool):
            raise ValueError(f"bias_eta must be True or False, got {self.bias_eta!r}")
        if self.output not in OUTPUTS:
            raise ValueError(f"output must be one of {OUTPUTS}, got {self.output!r}")

    # -- fitting ---------------------------------------------------------------------------

    def fit(self, corpus, cache_dir=None):
        """Build the vocabulary, count co-occurrences, train; return self."""
        self._validate()
        vocab, encoded = prepare_corpus(corpus, self.min_count, self.max_vocab_size,
                                        self.max_final_vocab, cache_dir)
        started = time.perf_counter()
        matrix = count_cooccurrences(encoded, len(vocab), window=self.window,
                                     symmetric=self.symmetric,
                                     distance_weighting=self.distance_weighting,
                                     memory_mb=self.memory_mb, vocab_words=vocab.words)
        self.count_seconds_ = time.perf_counter() - started
        return self.fit_cooccurrence(matrix, vocab)

    def fit_cooccurrence(self, matrix, vocab):
        """Train on a co-occurrence matrix counted with ``vocab``; return self."""
        self._validate()
        if matrix.vocab_size != len(vocab) or (
                matrix.vocab_hash and matrix.vocab_hash != vocabulary_hash(vocab.words)):
            raise VocabularyError(
                f"the co-occurrence matrix was counted with another vocabulary "
                f"({matrix.vocab_size} words) than the one given ({len(vocab)} words)")
        if matrix.nnz == 0:
            raise TrainingError("the co-occurrence matrix is empty: nothing to train on")
        self.vocab_, self.cooccurrence_ = vocab, matrix
        if not hasattr(self, "count_seconds_"):
            self.count_seconds_ = 0.0
        self._init_weights(len(vocab))
        self._train()
        return self

    def _init_weights(self, vocab_size):
        """As the C tool: everything uniform in ±0.5/dim, AdaGrad sums at 1
        (stored as G - 1 = 0: see glove/kernels.py)."""
        rng = np.random.default_rng(self.seed)

        def uniform(shape):
            return (rng.random(shape, dtype=np.float32) - np.float32(0.5)) / np.float32(self.dim)
        self._W_rows, self._W_ctx_rows = padded_rows(vocab_size, self.dim), \
            padded_rows(vocab_size, self.dim)
        self._W_rows[:, :self.dim] = uniform((vocab_size, self.dim))
        self._W_ctx_rows[:, :self.dim] = uniform((vocab_size, self.dim))
        self.b_, self.b_ctx_ = uniform(vocab_size), uniform(vocab_size)
        self._G_rows = padded_rows(vocab_size, self.dim)
        self._G_ctx_rows = padded_rows(vocab_size, self.dim)
        self._G_b = np.zeros(vocab_size, np.float32)
        self._G_b_ctx = np.zeros(vocab_size, np.float32)
        self.W_, self.W_ctx_ = self._W_rows[:, :self.dim], self._W_ctx_rows[:, :self.dim]

    def _train(self):
        matrix = self.cooccurrence_
        order = np.arange(matrix.nnz, dtype=np.int64)
        bounds = np.linspace(0, matrix.nnz, CHUNKS_PER_EPOCH + 1).astype(np.int64)
        chunks = [(int(a), int(b)) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]
        self.loss_history_, self.loss_curve_, self.seconds_per_epoch_ = [], [], []
        self.epochs_trained_, self.interrupted_ = 0, False

        # floats always, so that x_max=10 and x_max=10.0 share one compiled kernel
        rates = (float(self.x_max), float(self.alpha), float(self.eta), float(self.grad_clip))

        def work(chunk):
            return adagrad_chunk(
                matrix.rows, matrix.cols, matrix.values, order, chunk[0], chunk[1],
                matrix.symmetric, self._W_rows, self._W_ctx_rows, self.b_, self.b_ctx_,
                self._G_rows, self._G_ctx_rows, self._G_b, self._G_b_ctx, self.dim, *rates,
                self.bias_eta)

        bar = tqdm(total=self.epochs * matrix.nnz, unit="entry", unit_scale=True,
                   disable=not self.verbose, desc="glove")
        started = time.perf_counter()
        try:
            for epoch in range(self.epochs):
                epoch_started = time.perf_counter()
                # A new order every epoch, from (seed, epoch): the same whatever the workers.
                shuffle_order(order, seed_state(self.seed, epoch))
                epoch_loss, epoch_terms = 0.0, 0
                for (start, end), (loss, terms) in run_chunks(work, chunks, self.workers):
                    if not math.isfinite(loss):
                        raise TrainingError(
                            f"the loss became {loss} in epoch {epoch + 1}: training diverged. "
                            f"Try a smaller learning rate eta (now {self.eta}) or a larger "
                            f"x_max (now {self.x_max})")
                    epoch_loss, epoch_terms = epoch_loss + loss, epoch_terms + terms
                    self.loss_curve_.append((epoch + end / matrix.nnz, loss / max(terms, 1)))
                    bar.update(end - start)
                    bar.set_postfix(epoch=epoch + 1, loss=f"{loss / max(terms, 1):.4f}",
                                    refresh=False)
                self.loss_history_.append(epoch_loss / max(epoch_terms, 1))
                self.seconds_per_epoch_.append(time.perf_counter() - epoch_started)
                self.epochs_trained_ = epoch + 1
                self._wv = None
                logger.info("epoch %d: loss %.4f", epoch + 1, self.loss_history_[-1])
                for callback in self.callbacks:
                    callback(self, epoch + 1)
        except KeyboardInterrupt:
            self.interrupted_ = True
            logger.warning("interrupted in epoch %d: keeping the vectors trained so far",
                           self.epochs_trained_ + 1)
        finally:
            bar.close()
            self.loss_curve_.sort()
        self.train_seconds_ = time.perf_counter() - started
        self._wv = None

    # -- results ---------------------------------------------------------------------------

    @property
    def wv(self):
        """The learned vectors as ``KeyedVectors``, as chosen by ``output``."""
        if getattr(self, "_wv", None) is None:
            if not hasattr(self, "W_"):
                raise AttributeError("GloVe has no vectors yet: call fit first")
            if self.output == "sum":
                vectors = self.W_ + self.W_ctx_
            elif self.output == "word":
                vectors = self.W_
            else:
                vectors = np.hstack([self.W_, self.W_ctx_])
            params = {k: v for k, v in self.get_params().items() if k not in ("verbose",
                                                                               "callbacks")}
            self._wv = KeyedVectors(vectors, self.vocab_.words, self.vocab_.counts, metadata={
                "algorithm": self.algorithm, "params": params,
                "epochs_trained": self.epochs_trained_, "loss_history": self.loss_history_,
                "cooccurrence_nnz": int(self.cooccurrence_.nnz)})
        return self._wv

    def __repr__(self):
        defaults = type(self)().get_params()
        changed = {k: v for k, v in self.get_params().items() if v != defaults[k]}
        return "GloVe(" + ", ".join(f"{k}={v!r}" for k, v in changed.items()) + ")"
