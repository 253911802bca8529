"""The PPMI-SVD estimator: count co-occurrences, weigh them by PPMI, factorise by truncated SVD.

No training loop and no learning rate: the vectors are the top singular
vectors of the shifted PPMI matrix (``reference.py``), computed by a
randomised SVD (``randomized.py``) from products with the matrix, which is
never built (``ppmi.py``).

>>> sentences = [["the", "king", "rules", "the", "land"],
...              ["the", "queen", "rules", "the", "land"]] * 100
>>> model = PPMISVD(dim=2, window=2, min_count=1, verbose=False).fit(sentences)
>>> model.wv.vector_size, model.singular_values_.shape, model.epochs_trained_
(2, (2,), 1)
>>> model.wv.most_similar("king", topn=1)[0][0]
'queen'
"""
import time

import numpy as np

from wordvec.cooccur import DEFAULT_MEMORY_MB
from wordvec.errors import TrainingError
from wordvec.train import CountEstimator, Param, check_int, check_number
from wordvec.util import bar as progress_bar

from .ppmi import PPMI
from .randomized import randomized_svd

# What .wv holds: the same values as Word2Vec's and GloVe's.
VECTORS = ("word+context", "word", "concat")


class PPMISVD(CountEstimator):
    """Truncated SVD of the shifted PPMI matrix (Levy & Goldberg 2014; Levy, Goldberg & Dagan 2015).

    ``__init__`` only stores the parameters; ``fit(corpus)`` counts the
    co-occurrences and factorises, ``fit_cooccurrence(matrix, vocab)``
    factorises a matrix counted before (``wordvec cooccur``). There are no
    epochs: the whole computation counts as one, so that ``epochs_trained_``
    is 1 and each callback is called once, as ``callback(model, 1)``.

    Attributes
    ----------
    wv : KeyedVectors
    vocab_ : Vocabulary
    cooccurrence_ : Cooccurrence
        The counts #(w,c) (kept: the PPMI matrix is computed from them).
    W_, C_ : ndarray (V, dim) float32
        Word and context vectors, U Σ^eig and V Σ^eig.
    singular_values_ : ndarray (dim,) float32
        Σ, in decreasing order.
    count_seconds_, train_seconds_ : float
        Counting (0 with ``fit_cooccurrence``); PPMI and SVD.
    loss_history_, loss_curve_ : list
        Empty: nothing is minimised step by step.
    seconds_per_epoch_ : list of float
        [train_seconds_], the one "epoch".
    epochs_trained_ : int
        1 once fitted.
    interrupted_ : bool
        Always False: Ctrl-C stops the fit with nothing kept (no partial
        result would be worth saving).
    """

    algorithm = "svd"
    params = {
        "dim": Param("Size of the vectors: the rank of the truncated SVD."),
        "window": Param("Context words on each side (or on the left only) counted as "
                        "co-occurring. Levy et al. (2015) recommend short windows (2, the "
                        "levy2015 preset) for SVD on billions of tokens; on wiki17m's 17 "
                        "million, 5 scored far better (analogies 0.319 against 0.265)."),
        "symmetric": Param("Count context on both sides (True, as Levy et al.) or on the left "
                           "only."),
        "distance_weighting": Param("A context word d positions away adds 1/d (GloVe's "
                                    "counts) or 1 (False: plain counts, as Levy et al.'s "
                                    "windows without dynamic weighting)."),
        "neg": Param("k, the shift: PPMI becomes max(PMI - log k, 0), the matrix skip-gram "
                     "with k negative samples factorises implicitly. 1 (no shift) is what "
                     "Levy et al. (2015) recommend for SVD: shifting hurt it.", type=float),
        "cds": Param("Context distribution smoothing α: P(c) ∝ count(c)^α in the PMI, as "
                     "word2vec's noise distribution; it tempers PMI's bias towards rare "
                     "contexts. 0.75 always helped in Levy et al. (2015); 1 is plain PMI."),
        "eig": Param("Eigenvalue weighting p: W = U Σ^p. 1 is the textbook SVD, which Levy et "
                     "al. (2015) found much worse on similarity; they recommend 0 or 0.5. 0 "
                     "(the default) scored best on WS353 on wiki17m, 0.5 on analogies."),
        "vectors": Param("What the saved vectors are: 'word', W = U Σ^eig (the default: it "
                         "scored best on wiki17m); 'word+context', W + C with C = V Σ^eig "
                         "(Levy et al.'s w+c: better WS353, worse analogies there); 'concat', "
                         "[W, C] side by side (2 * dim columns).", choices=VECTORS),
        "power_iterations": Param("q of the randomised SVD (Halko et al. 2011): each "
                                  "iteration is two more products with the matrix and brings "
                                  "the result closer to the exact top singular vectors. 4 "
                                  "with oversampling 100 matched scipy's exact svds on "
                                  "wiki17m."),
        "oversampling": Param("Extra columns of the randomised SVD's blocks, dropped at the "
                              "end: they make the top dim more accurate. A PPMI matrix's "
                              "singular values decay slowly, so many help. A product's time "
                              "grows with dim + oversampling, though less than in proportion."),
        "seed": Param("Seeds the randomised SVD's random block. The same seed and the same "
                      "number of workers give bit-identical vectors."),
        "workers": Param("Threads for the products with the PPMI matrix, nearly all of the "
                         "SVD's time (wiki17m: 17.6 s with 1, 10.1 s with 2). Counting runs on "
                         "one thread; the small dense steps (orthonormalising the blocks, the "
                         "final (l, l) SVD) use NumPy's BLAS, whose threads this does not set "
                         "(OPENBLAS_NUM_THREADS does)."),
        "verbose": Param("Show a progress bar of the stages (counting, products)."),
        "callbacks": Param("Callables, each called once as callback(model, 1) after fitting."),
    }

    def __init__(self, dim=100, window=5, symmetric=True, distance_weighting=False, neg=1.0,
                 cds=0.75, eig=0.0, vectors="word", power_iterations=4,
                 oversampling=100, min_count=5, max_vocab_size=None, max_final_vocab=None,
                 memory_mb=DEFAULT_MEMORY_MB, seed=1, workers=1, verbose=True, callbacks=()):
        self.dim = dim
        self.window = window
        self.symmetric = symmetric
        self.distance_weighting = distance_weighting
        self.neg = neg
        self.cds = cds
        self.eig = eig
        self.vectors = vectors
        self.power_iterations = power_iterations
        self.oversampling = oversampling
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
        for name in ("power_iterations", "oversampling"):
            check_int(name, getattr(self, name), low=0)
        check_number("neg", self.neg, low=1.0)
        check_number("cds", self.cds, low_open=True)
        check_number("eig", self.eig)

    # -- fitting (fit and fit_cooccurrence: see CountEstimator) ------------------------------

    def _learn(self, resume=None):
        if resume is not None:
            raise TrainingError("PPMI-SVD has no epochs, so nothing to resume: fit it again")
        vocab, matrix = self.vocab_, self.cooccurrence_
        if self.dim > len(vocab):
            raise TrainingError(f"dim must be at most the vocabulary size, {len(vocab)} words "
                                f"(the rank of a {len(vocab)} x {len(vocab)} matrix), "
                                f"got {self.dim}")
        self._keep(None)
        started = time.perf_counter()
        products = 2 * self.power_iterations + 2
        with progress_bar(products, f"randomised SVD of the PPMI matrix ({self.algorithm})",
                          "product", self.verbose) as bar:
            M = PPMI(matrix, cds=self.cds, neg=self.neg, workers=self.workers)
            U, S, V = randomized_svd(M.times, M.shape, self.dim, self.oversampling,
                                     self.power_iterations, self.seed, on_product=bar.update)
        weights = S ** np.float32(self.eig)
        self.W_, self.C_ = U * weights, V * weights
        self.singular_values_ = S
        self.train_seconds_ = time.perf_counter() - started
        self.seconds_per_epoch_ = [self.train_seconds_]
        self.epochs_trained_ = 1
        for callback in self.callbacks:
            callback(self, 1)

    # -- results ---------------------------------------------------------------------------

    def _word_and_context(self):
        return self.W_, self.C_
