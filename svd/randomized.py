"""Randomised truncated SVD (Halko, Martinsson & Tropp 2011): the top singular triplets of M.

``reference.truncated_svd`` calls ``np.linalg.svd`` on the dense matrix, out
of reach for 70,000 words. The randomised SVD needs only products of M and
Mᵀ with thin blocks of l = dim + oversampling columns, which
``ppmi.PPMI.times`` computes without building M:

1. Ω: a random (n, l) Gaussian block. Y = M Ω spans, nearly, M's top
   l-dimensional range: each column is a random mix of M's columns, in which
   the directions of large singular values dominate.
2. Power iterations (their Algorithm 4.4, randomised subspace iteration):
   q times, Q ← orth(Mᵀ Q), Q ← orth(M Q). Each round multiplies the weight
   of direction i by σ_i², so the top dim directions stand out from the
   rest even when the singular values decay slowly, as a PPMI matrix's do.
   orth (an orthonormal basis, ``orthonormal``) after every product keeps
   the columns from collapsing onto the first singular vector.
3. B = Qᵀ M, a small (l, n) matrix, computed as Bᵀ = Mᵀ Q; its exact SVD
   B = Ũ Σ Vᵀ gives M ≈ Q B = (Q Ũ) Σ Vᵀ: U = Q Ũ. (Their Algorithm 5.1;
   the SVD of B goes through a QR of Bᵀ and the SVD of its (l, l) R.)

That is 2q + 2 products, nearly all of the time. Oversampling (l > dim)
makes the top dim triplets accurate with fewer power iterations; the last
l - dim are dropped. A PPMI matrix's singular values decay slowly, so both
matter. On wiki17m (dim 100, window 5, 2 workers; SVD seconds, then
analogy@30k, WS353, SimLex of W = U):

    q = 4, oversampling 10     7.9 s   0.309  0.657  0.259
    q = 4, oversampling 100   10.1 s   0.319  0.671  0.267   (the defaults)
    q = 8, oversampling 10    13.1 s   0.313  0.666  0.265
    scipy's svds (ARPACK)     13.7 s   0.318  0.665  0.267   (exact; + 2.1 s
                                                            to build a CSR M)

Everything is float32, as the vectors are: a product's cost is memory
traffic, half that of float64 (the same run in float64: 16.9 s, the same
scores), and so is its memory (l = 200: 56 MB a block). Only the (l, l)
matrices are float64. Signs are fixed as in ``reference.flip_signs``.

>>> rng = np.random.default_rng(0)
>>> M = rng.random((60, 40)) @ np.diag(0.8 ** np.arange(40)) @ rng.random((40, 60))
>>> def times(X, transpose):
...     return (M.T if transpose else M) @ X
>>> U, S, V = randomized_svd(times, M.shape, dim=3, oversampling=10, power_iterations=4,
...                          seed=0)
>>> np.allclose(S, np.linalg.svd(M)[1][:3], rtol=1e-5)
True
"""
import numpy as np

# Above this condition number of the block, orthonormal() falls back to Householder QR.
MAX_CHOLESKY_CONDITION = 1e4
# Rows converted to float64 at a time to form a Gram matrix (8 MB at l = 128).
GRAM_ROWS = 8192


def randomized_svd(times, shape, dim, oversampling, power_iterations, seed, on_product=None):
    """(U, S, V): M's top ``dim`` singular triplets, approximately; U (m, dim), V (n, dim).

    Parameters
    ----------
    times : callable
        ``times(X, transpose)``: M @ X, or Mᵀ @ X if ``transpose``, for a
        float32 block X; returns float32.
    shape : (int, int)
        (m, n), M's shape.
    dim, oversampling, power_iterations : int
        The rank wanted, the extra columns l - dim, and q.
    seed : int
        Seeds Ω: the same seed (and the same ``times``) gives the same bits.
    on_product : callable, optional
        Called with no argument after each of the 2q + 2 products (progress).

    Returns
    -------
    U : ndarray (m, dim) float32
    S : ndarray (dim,) float32, in decreasing order
    V : ndarray (n, dim) float32
    """
    m, n = shape
    width = min(dim + oversampling, m, n)

    def product(X, transpose):
        Y = times(X, transpose)
        if on_product is not None:
            on_product()
        return Y

    omega = np.random.default_rng(seed).standard_normal((n, width), dtype=np.float32)
    Q = orthonormal(product(omega, transpose=False))          # (m, l): M's range
    del omega
    for _ in range(power_iterations):
        Q = orthonormal(product(Q, transpose=True))           # (n, l): Mᵀ's range
        Q = orthonormal(product(Q, transpose=False))          # (m, l)
    B_t = product(Q, transpose=True)                          # (n, l) = (Qᵀ M)ᵀ
    # The SVD of the thin Bᵀ through that of a square (l, l) matrix: Bᵀ = Q_B R,
    # R = W Σ Zᵀ, so Bᵀ = (Q_B W) Σ Zᵀ. LAPACK's SVD of Bᵀ itself took 375 MB
    # more on wiki17m (Bᵀ: 56 MB), enough to be the whole fit's peak.
    Q_B = orthonormal(B_t)
    R = (Q_B.T @ B_t).astype(np.float64)
    del B_t
    W, S, Z_t = np.linalg.svd(R)
    U = Q @ Z_t.T[:, :dim].astype(np.float32)                 # U = Q Ũ, Ũ = Z
    V = Q_B @ W[:, :dim].astype(np.float32)
    U, V = flip_signs(U, V)
    return U, S[:dim].astype(np.float32), V


def orthonormal(Y):
    """An orthonormal basis Q of Y's columns, in Y's dtype: the Q of Y = Q R.

    Cholesky QR: YᵀY = RᵀR (R upper triangular), so Q = Y R⁻¹. Two matrix
    products and an (l, l) Cholesky: on wiki17m's (70,105, 110) blocks,
    0.05 s against 0.4-0.8 s for NumPy's Householder QR, which would cost
    more than the products themselves. Its one weakness: it squares Y's
    condition number. YᵀY is summed in float64, which leaves room for
    cond(Y) up to ~1e4 (ours are below 100); beyond that (a block of nearly
    dependent columns, e.g. from a matrix of rank below l), Householder QR.
    """
    try:
        R = np.linalg.cholesky(gram(Y)).T          # numpy gives L = Rᵀ
    except np.linalg.LinAlgError:                  # YᵀY not positive definite
        R = None
    if R is None or np.linalg.cond(R) > MAX_CHOLESKY_CONDITION:
        return np.linalg.qr(Y)[0]
    return Y @ np.linalg.inv(R).astype(Y.dtype)


def gram(Y):
    """YᵀY in float64, summed over slices of rows: no float64 copy of all of Y."""
    G = np.zeros((Y.shape[1], Y.shape[1]))
    for start in range(0, Y.shape[0], GRAM_ROWS):
        rows = Y[start:start + GRAM_ROWS].astype(np.float64)
        G += rows.T @ rows
    return G


def flip_signs(U, V):
    """Each column of U gets its largest-magnitude entry positive; V's column follows."""
    rows = np.argmax(np.abs(U), axis=0)
    signs = np.where(U[rows, np.arange(U.shape[1])] < 0, -1, 1).astype(U.dtype)
    return U * signs, V * signs
