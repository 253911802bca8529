"""The PPMI matrix of a co-occurrence count, as an operator: M @ X and Mᵀ @ X, in threads.

``reference.ppmi`` builds M densely; a real vocabulary cannot (wiki17m: 70,105
words, 4.9 billion cells). Here M is never built at all. Its entries are

    M(w,c) = max(log #(w,c) - log #w - α log #c + log Σ_c' #c'^α - log k, 0)

(the reference's formula with |D| cancelled), which is one log of the
count minus a row term and a column term:

    row_shift[w] = log #w          col_shift[c] = α log #c - log Σ_c' #c'^α + log k

So the counts, as ``count_cooccurrences`` returns them (COO, sorted, the
upper triangle only for a symmetric window), plus those two vectors, *are*
M: a product computes each entry when it needs it (``kernels.ppmi_times``).
A product costs a log per stored count, next to the 2 x width multiply-adds
of its two cells; in exchange M takes no memory of its own (a CSR copy of
its nonzero cells, both triangles, would take 8 bytes a cell: 194 MB on
wiki17m at window 5, 24 million cells, on top of the counts' 180 MB), M and
Mᵀ share it, and nothing is built before the first product.

Threads: the stored entries are cut into slices, dealt round-robin to
``workers`` threads; thread t adds into its own block (thread 0 into the
result), and the blocks are summed in a fixed order at the end. So the
result does not depend on thread timing: the same inputs and the same
number of workers give the same bits. Round-robin, because the slices are
unequal work (how many cells PPMI clips to 0, and how many of the rows they
touch are in cache, vary along the matrix): each thread gets some of every
part.

>>> import numpy as np
>>> from wordvec.cooccur import Cooccurrence
>>> X = Cooccurrence(np.array([0, 0, 0, 1], np.int32), np.array([0, 1, 2, 2], np.int32),
...                  np.array([2, 3, 1, 1], np.float32), vocab_size=3, symmetric=True,
...                  window=2, distance_weighting=False)
>>> PPMI(X, cds=1.0).to_dense().round(3)     # as reference.ppmi(X.to_dense(), cds=1.0)
array([[0.   , 0.405, 0.   ],
       [0.405, 0.   , 0.405],
       [0.   , 0.405, 0.   ]])
>>> M = PPMI(X, cds=0.75, workers=2)           # smoothed: no longer symmetric
>>> M.to_dense().round(3)
array([[0.   , 0.389, 0.   ],
       [0.49 , 0.   , 0.215],
       [0.085, 0.389, 0.   ]])
>>> I = np.eye(3, dtype=np.float32)
>>> np.allclose(M.times(I, transpose=True), M.to_dense().T)
True
"""
from itertools import pairwise

import numpy as np

from wordvec.engine import run_chunks

from .kernels import Entries, Shifts, marginals, ppmi_times

# Slices of the stored entries per thread (see the module docstring).
SLICES_PER_WORKER = 16


class PPMI:
    """The shifted PPMI matrix of ``matrix``'s counts, with context smoothing ``cds``.

    Parameters
    ----------
    matrix : wordvec.cooccur.matrix.Cooccurrence
        The counts #(w,c); kept by reference, never copied or changed.
    cds : float
        α, the exponent of the context counts (1: no smoothing).
    neg : float
        k, the shift log k (1: none).
    workers : int
        Threads per product.

    Attributes
    ----------
    shape : (int, int)
        (V, V).
    word_counts, context_counts : ndarray (V,) float64
        #w and #c, the row and column sums of the counts.
    shifts : kernels.Shifts
        row_shift and col_shift, float32.
    """

    def __init__(self, matrix, cds=0.75, neg=1.0, workers=1):
        V = matrix.vocab_size
        self.shape = (V, V)
        self.workers = workers
        self.entries = Entries(matrix.rows, matrix.cols, matrix.values, bool(matrix.symmetric))
        self.word_counts, self.context_counts = np.zeros(V), np.zeros(V)
        marginals(self.entries, self.word_counts, self.context_counts)
        self.shifts = Shifts(*ppmi_shifts(self.word_counts, self.context_counts, cds, neg))
        n_slices = max(1, min(workers * SLICES_PER_WORKER, matrix.nnz))
        bounds = np.linspace(0, matrix.nnz, n_slices + 1).astype(np.int64).tolist()
        slices = list(pairwise(bounds))
        self._slices = [slices[t::workers] for t in range(min(workers, n_slices))]

    def times(self, source, transpose=False):
        """M @ source, or Mᵀ @ source: (V, width) float32 -> (V, width) float32."""
        source = np.ascontiguousarray(source, dtype=np.float32)
        # Thread 0 adds into the result; each other thread into a block of its own.
        blocks = [np.zeros(source.shape, np.float32) for _ in self._slices]

        def work(thread):
            for start, stop in self._slices[thread]:
                ppmi_times(self.entries, self.shifts, transpose, source, blocks[thread],
                           start, stop)

        for _ in run_chunks(work, list(range(len(blocks))), self.workers):
            pass
        for block in blocks[1:]:
            blocks[0] += block
        return blocks[0]

    def to_dense(self):
        """M as a dense float64 (V, V) array: for tests and tiny examples (M @ I)."""
        return self.times(np.eye(self.shape[0], dtype=np.float32)).astype(np.float64)


def ppmi_shifts(word_counts, context_counts, cds, neg):
    """(row_shift, col_shift), float32, from #w and #c (see the module docstring).

    A word that never occurs in a pair has a count of 0, and no entry would
    use its shift: it is set to 0 rather than log 0 = -inf.
    """
    used_w, used_c = word_counts > 0, context_counts > 0
    row_shift = np.zeros(word_counts.shape)
    row_shift[used_w] = np.log(word_counts[used_w])
    smoothed = context_counts[used_c] ** cds                  # #c^α
    col_shift = np.zeros(context_counts.shape)
    col_shift[used_c] = np.log(smoothed) - np.log(smoothed.sum()) + np.log(neg)
    return row_shift.astype(np.float32), col_shift.astype(np.float32)
