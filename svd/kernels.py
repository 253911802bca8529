"""Numba kernels of the fast path: the co-occurrence marginals, and the PPMI matrix times a block.

The PPMI matrix M is never stored (``ppmi.py`` says why): a product reads
the co-occurrence counts as ``wordvec.cooccur.matrix.Cooccurrence`` stores
them and works out each entry of M on the way, from two shift vectors:

    M(w,c) = max(log #(w,c) - row_shift[w] - col_shift[c], 0)

The arrays travel in bundles, as in ``glove/kernels.py`` (namedtuples:
Numba passes them like C structs)::

    Entries(rows, cols, values, symmetric)    the counts #(w,c), sorted COO
        rows, cols  (nnz,) int32     entry e is #(rows[e], cols[e]) = values[e] > 0
        values      (nnz,) float32   (a symmetric matrix stores only rows <= cols:
        symmetric   bool              entry e then also stands for #(cols[e], rows[e]))
    Shifts(row, col)                          M's entries from the counts (above)
        row, col    (V,) float32

A stored entry (i, j) of a symmetric matrix is two cells of M, M(i,j) and
M(j,i), which differ: context smoothing makes col_shift differ from
row_shift. ``ppmi_times`` uses both, and for Mᵀ it swaps them, as Mᵀ(i,j) =
M(j,i); for a matrix stored whole, the second cell is simply 0.

>>> import numpy as np
>>> entries = Entries(np.array([0, 0], np.int32), np.array([0, 1], np.int32),
...                   np.array([np.e, np.e], np.float32), True)   # #(a,a) = #(a,b) = e
>>> shifts = Shifts(np.array([0.0, 0.5], np.float32), np.array([0.25, 0.0], np.float32))
>>> source, target = np.eye(2, dtype=np.float32), np.zeros((2, 2), np.float32)
>>> ppmi_times(entries, shifts, False, source, target, 0, 2)     # target = M @ I = M
>>> target.round(3)        # M(a,a) = 1 - 0 - 0.25; M(a,b) = 1 - 0 - 0; M(b,a) = 1 - 0.5 - 0.25
array([[0.75, 1.  ],
       [0.25, 0.  ]], dtype=float32)
"""
from collections import namedtuple

import numpy as np

from wordvec.engine import float_kernel, kernel

Entries = namedtuple("Entries", "rows cols values symmetric")
Shifts = namedtuple("Shifts", "row col")


@kernel
def marginals(entries, row_sums, col_sums):
    """#w and #c of the full matrix, added into ``row_sums`` and ``col_sums``.

    entries : Entries, the counts (above)
    row_sums, col_sums : (V,) float64, #w = Σ_c #(w,c) and #c = Σ_w #(w,c)

    float64: a frequent word's row sums millions of counts. A symmetric
    matrix's off-diagonal entry counts in both its rows and both its columns.
    """
    rows, cols, values, symmetric = entries
    for e in range(values.shape[0]):
        i, j, x = rows[e], cols[e], np.float64(values[e])
        row_sums[i] += x
        col_sums[j] += x
        if symmetric and i != j:
            row_sums[j] += x
            col_sums[i] += x


@float_kernel
def ppmi_times(entries, shifts, transpose, source, target, start, stop):
    """target += M @ source (Mᵀ @ source if ``transpose``), over stored entries [start, stop).

    entries : Entries, the counts; shifts : Shifts, row_shift and col_shift (V,)
    source : (V, width) float32, C order, the block M multiplies
    target : (V, width) float32, C order, where the product is added (not cleared)

    Each nonzero cell of M adds its multiple of one row of ``source`` to one
    row of ``target``: width multiply-adds on contiguous memory, which LLVM
    turns into SIMD instructions. A cell that PPMI clips to 0 costs nothing
    more than its test.
    """
    rows, cols, values, symmetric = entries
    zero = np.float32(0.0)
    width = source.shape[1]
    for e in range(start, stop):
        i, j = rows[e], cols[e]
        log_x = np.log(values[e])
        m_ij = max(log_x - shifts.row[i] - shifts.col[j], zero)          # M(i,j)
        m_ji = zero
        if symmetric and i != j:
            m_ji = max(log_x - shifts.row[j] - shifts.col[i], zero)      # M(j,i)
        if transpose:       # Mᵀ(i,j) = M(j,i): the same two cells, trading places
            m_ij, m_ji = m_ji, m_ij
        if m_ij > zero:
            for k in range(width):
                target[i, k] += m_ij * source[j, k]
        if m_ji > zero:
            for k in range(width):
                target[j, k] += m_ji * source[i, k]
