"""The GloVe estimator: count co-occurrences, then fit vectors to their logs.

>>> sentences = [["the", "king", "rules"], ["the", "queen", "rules"]] * 200
>>> model = GloVe(dim=8, window=2, epochs=3, x_max=10.0, min_count=1, verbose=False)
>>> model.fit(sentences).wv.vector_size, model.cooccurrence_.nnz, model.epochs_trained_
(8, 5, 3)
"""

import sys

import numpy as np

from wordvec.cooccur import DEFAULT_MEMORY_MB
from wordvec.engine import padded_rows, seed_state
from wordvec.train import (CheckpointError, CountEstimator, Param, check_bool, check_int,
                           check_number, uniform_rows)

from .kernels import Entries, GradSq, Params, Rates, adagrad_chunk, shuffle_order

# What .wv holds: W + W̃ (the paper's choice), W only, or [W, W̃] side by
# side. The same values as Word2Vec's.
VECTORS = ("word+context", "word", "concat")
CHUNKS_PER_EPOCH = 20  # kernel calls per epoch, also the loss_curve_ points


class GloVe(CountEstimator):
    """Global Vectors (Pennington, Socher & Manning 2014), trained with AdaGrad.

    ``__init__`` only stores the parameters; ``fit(corpus)`` counts the
    co-occurrences and trains, ``fit_cooccurrence(matrix, vocab)`` trains on
    a matrix counted before (``wordvec cooccur``).

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
    count_seconds_, train_seconds_ : float
    seconds_per_epoch_ : list of float
    interrupted_ : bool
    memory_ : dict
        Bytes that training holds, by part, and their ``"total"`` (said on
        standard error before the first epoch when verbose).
    """

    algorithm = "glove"
    params = {
        "dim": Param("Size of the vectors."),
        "symmetric": Param("Count context on both sides (True, the paper's and the C tool's "
                           "default) or on the left only."),
        "distance_weighting": Param("A context word d positions away adds 1/d (True, as the "
                                    "paper) or 1."),
        "x_max": Param("Where the weighting f(x) = min(1, (x / x_max)^alpha) of eq. 9 reaches "
                       "1: rarer pairs count less. The paper's 100 suits billions of tokens; "
                       "see the small-corpus preset for tens of millions."),
        "alpha": Param("The exponent of the weighting f(x) = min(1, (x / x_max)^alpha). "
                       "(Word2Vec's alpha is another thing: its learning rate; GloVe's is "
                       "eta.)"),
        "eta": Param("AdaGrad's initial learning rate."),
        "grad_clip": Param("Every gradient coordinate is clipped to [-grad_clip, grad_clip]."),
        "bias_eta": Param("True (the paper's AdaGrad): the biases step like every other "
                          "coordinate, eta times the clipped gradient. False: as the GloVe C "
                          "tool, whose bias step is the raw gradient, without eta or "
                          "clipping."),
        "epochs": Param("Passes over the co-occurrence entries, each in a new shuffled order."),
        "vectors": Param("What the saved vectors are: 'word+context', W + W̃ (the paper's "
                         "choice); 'word', W only; 'concat', [W, W̃] side by side (2 * dim "
                         "columns).", choices=VECTORS),
        "seed": Param("Seeds the initialisation and the shuffles. With one worker the same "
                      "seed gives bit-identical vectors."),
        "workers": Param("Training threads; more than one trains lock-free (Hogwild) over "
                         "disjoint slices of each epoch's order, and is not reproducible bit "
                         "for bit."),
        "verbose": Param("Show a progress bar."),
        "callbacks": Param("Callables, each called as callback(model, epoch) after every "
                           "epoch."),
    }

    def __init__(self, dim=100, window=10, symmetric=True, distance_weighting=True, x_max=100.0,
                 alpha=0.75, eta=0.05, grad_clip=100.0, bias_eta=True, epochs=25,
                 vectors="word+context", min_count=5, max_vocab_size=None, max_final_vocab=None,
                 memory_mb=DEFAULT_MEMORY_MB, seed=1, workers=1, verbose=True, callbacks=()):
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
        self.vectors = vectors
        self.min_count = min_count
        self.max_vocab_size = max_vocab_size
        self.max_final_vocab = max_final_vocab
        self.memory_mb = memory_mb
        self.seed = seed
        self.workers = workers
        self.verbose = verbose
        self.callbacks = callbacks

    def _validate(self):
        super()._validate()
        check_int("epochs", self.epochs)
        for name in ("x_max", "alpha", "eta", "grad_clip"):
            check_number(name, getattr(self, name), low_open=True)
        check_bool("bias_eta", self.bias_eta)

    # -- fitting (fit and fit_cooccurrence: see CountEstimator) ------------------------------

    def _learn(self, resume=None):
        self._init_weights(len(self.vocab_))
        if self._resume_from(resume) is not None:
            # AdaGrad divides by sqrt(1 + G): sums below 0 only a damaged file can hold.
            low = min(float(sums.min()) for sums in self._grad_sq)
            if low < 0:
                raise CheckpointError(f"{resume}: AdaGrad's sums of squared gradients go down "
                                      f"to {low:g}, below 0; the checkpoint is damaged")
        self._train()

    def _memory(self, order):
        """Bytes of what training holds, by part: the matrix is the most of it."""
        matrix = self.cooccurrence_
        parts = {
            f"the matrix ({matrix.nnz:,} entries x 12 B)":
                matrix.rows.nbytes + matrix.cols.nbytes + matrix.values.nbytes,
            "the shuffled order (8 B per entry)": order.nbytes,
            "W, W̃ and biases": sum(array.nbytes for array in self._params),
            "AdaGrad's sums": sum(array.nbytes for array in self._grad_sq),
        }
        return {**parts, "total": sum(parts.values())}

    def _training_state(self):
        W_rows, W_ctx_rows, b, b_ctx = self._params
        G_W, G_W_ctx, G_b, G_b_ctx = self._grad_sq
        return {"W": W_rows, "W_ctx": W_ctx_rows, "b": b, "b_ctx": b_ctx,
                "G_W": G_W, "G_W_ctx": G_W_ctx, "G_b": G_b, "G_b_ctx": G_b_ctx}

    def _init_weights(self, vocab_size):
        """As the C tool: everything uniform in ±0.5/dim, AdaGrad sums at 1
        (stored as G - 1 = 0: see glove/kernels.py)."""
        rng = np.random.default_rng(self.seed)
        W_rows, W_ctx_rows = padded_rows(vocab_size, self.dim), padded_rows(vocab_size, self.dim)
        W_rows[:, :self.dim] = uniform_rows(rng, (vocab_size, self.dim), self.dim)
        W_ctx_rows[:, :self.dim] = uniform_rows(rng, (vocab_size, self.dim), self.dim)
        self.b_ = uniform_rows(rng, vocab_size, self.dim)
        self.b_ctx_ = uniform_rows(rng, vocab_size, self.dim)
        self.W_, self.W_ctx_ = W_rows[:, :self.dim], W_ctx_rows[:, :self.dim]
        self._params = Params(W_rows, W_ctx_rows, self.b_, self.b_ctx_)
        self._grad_sq = GradSq(padded_rows(vocab_size, self.dim),
                               padded_rows(vocab_size, self.dim),
                               np.zeros(vocab_size, np.float32), np.zeros(vocab_size, np.float32))

    def _train(self):
        matrix = self.cooccurrence_
        entries = Entries(matrix.rows, matrix.cols, matrix.values, matrix.symmetric)
        # floats always, so that x_max=10 and x_max=10.0 share one compiled kernel
        rates = Rates(float(self.x_max), float(self.alpha), float(self.eta),
                      float(self.grad_clip), self.bias_eta)
        order = np.arange(matrix.nnz, dtype=np.int64)
        self.memory_ = self._memory(order)
        if self.verbose:
            parts = ", ".join(f"{what} {size / 1e6:,.0f} MB"
                              for what, size in self.memory_.items() if what != "total")
            print(f"GloVe's training holds {self.memory_['total'] / 1e6:,.0f} MB: {parts} "
                  "(--memory-mb bounds the counting before it)", file=sys.stderr, flush=True)
        bounds = np.linspace(0, matrix.nnz, CHUNKS_PER_EPOCH + 1).astype(np.int64)
        tasks = [((int(a), int(b)), int(b - a)) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]

        def shuffle(epoch):
            # A new order every epoch, from (seed, epoch): the same whatever the workers.
            shuffle_order(order, seed_state(self.seed, epoch))

        def work(epoch, span):
            return adagrad_chunk(entries, order, span[0], span[1], self._params, self._grad_sq,
                                 self.dim, rates)

        def hint(progress):
            return (f"Try a smaller learning rate eta (now {self.eta}) or a larger x_max "
                    f"(now {self.x_max})")

        # Resumed: each epoch's order is a shuffle of the previous one's, so
        # the epochs done are shuffled again (not trained) to find where to go on.
        for epoch in range((self._resumed or {}).get("epoch", 0)):
            shuffle(epoch)

        def warmup():  # empty work: compiles the kernels, changes nothing
            shuffle_order(order[:0], seed_state(self.seed, 0))
            work(0, (0, 0))

        self._train_epochs(work, tasks, unit="entry", before_epoch=shuffle, hint=hint,
                           warmup=warmup)

    # -- results ---------------------------------------------------------------------------

    def _word_and_context(self):
        return self.W_, self.W_ctx_
