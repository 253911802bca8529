"""PPMI-SVD's fast path against the dense reference, on tiny matrices.

Small enough to run as plain Python too (CI reruns them with NUMBA_DISABLE_JIT=1).
"""
import numpy as np
import pytest

from svd import PPMISVD
from svd import reference as ref
from svd.kernels import Entries, marginals
from svd.ppmi import PPMI
from svd.randomized import randomized_svd
from wordvec.cooccur.matrix import Cooccurrence
from wordvec.text.vocab import Vocabulary

pytestmark = pytest.mark.kernel


def random_counts(seed, vocab_size=30, density=0.3, symmetric=True):
    """A random count matrix stored as count_cooccurrences would store it (and dense)."""
    rng = np.random.default_rng(seed)
    dense = np.where(rng.random((vocab_size, vocab_size)) < density,
                     rng.integers(1, 60, (vocab_size, vocab_size)), 0).astype(float)
    if symmetric:
        dense = dense + dense.T
    stored = np.triu(dense) if symmetric else dense
    rows, cols = np.nonzero(stored)   # row-major: sorted by (row, col)
    matrix = Cooccurrence(rows.astype(np.int32), cols.astype(np.int32),
                          stored[rows, cols].astype(np.float32), vocab_size=vocab_size,
                          symmetric=symmetric, window=2, distance_weighting=False).check()
    return matrix, dense


def match_signs(A, B):
    """A with each column's sign flipped to agree with B's."""
    return A * np.where(np.sum(A * B, axis=0) < 0, -1.0, 1.0)


@pytest.mark.parametrize("symmetric", [True, False])
def test_marginals_are_the_row_and_column_sums(symmetric):
    matrix, dense = random_counts(0, symmetric=symmetric)
    rows, cols = np.zeros(30), np.zeros(30)
    marginals(Entries(matrix.rows, matrix.cols, matrix.values, symmetric), rows, cols)
    np.testing.assert_allclose(rows, dense.sum(axis=1))
    np.testing.assert_allclose(cols, dense.sum(axis=0))


@pytest.mark.parametrize("symmetric", [True, False])
@pytest.mark.parametrize("cds,neg", [(1.0, 1.0), (0.75, 1.0), (0.5, 2.0)])
def test_ppmi_operator_is_the_reference_ppmi(symmetric, cds, neg):
    matrix, dense = random_counts(1, symmetric=symmetric)
    expected = ref.ppmi(dense, cds=cds, neg=neg)
    assert (expected > 0).sum() > 20 and (expected[dense > 0] == 0).any()  # some clipped
    M = PPMI(matrix, cds=cds, neg=neg)
    np.testing.assert_allclose(M.to_dense(), expected, atol=2e-6)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_products_with_any_number_of_workers(workers):
    matrix, dense = random_counts(2)
    expected = ref.ppmi(dense, cds=0.75)
    block = np.random.default_rng(0).standard_normal((30, 7)).astype(np.float32)
    M = PPMI(matrix, cds=0.75, workers=workers)
    np.testing.assert_allclose(M.times(block), expected @ block, atol=1e-4)
    np.testing.assert_allclose(M.times(block, transpose=True), expected.T @ block, atol=1e-4)


def test_a_word_without_pairs_gets_a_zero_row():
    matrix, dense = random_counts(3)
    keep = (matrix.rows != 4) & (matrix.cols != 4)
    matrix = Cooccurrence(matrix.rows[keep], matrix.cols[keep], matrix.values[keep], 30, True,
                          2, False)
    dense[4, :] = dense[:, 4] = 0
    M = PPMI(matrix).to_dense()
    assert np.isfinite(M).all() and not M[4].any() and not M[:, 4].any()
    np.testing.assert_allclose(M, ref.ppmi(dense), atol=2e-6)


def test_randomized_svd_with_enough_power_iterations_is_exact():
    matrix, dense = random_counts(4, vocab_size=40)
    M = PPMI(matrix, cds=0.75)
    # PPMI spectra decay slowly: it takes many iterations to separate the top 5.
    U, S, V = randomized_svd(M.times, M.shape, dim=5, oversampling=10, power_iterations=16,
                             seed=3)
    U_ref, S_ref, V_ref = ref.truncated_svd(ref.ppmi(dense, cds=0.75), 5)
    assert U.dtype == S.dtype == V.dtype == np.float32
    np.testing.assert_allclose(S, S_ref, rtol=1e-5)
    # Both fix the signs by the same rule; match_signs would only hide a broken one.
    np.testing.assert_allclose(U, U_ref, atol=1e-4)
    np.testing.assert_allclose(V, V_ref, atol=1e-4)


def test_without_power_iterations_it_is_only_approximate():
    matrix, dense = random_counts(4, vocab_size=40)
    M = PPMI(matrix, cds=0.75)
    _, S_ref, _ = ref.truncated_svd(ref.ppmi(dense, cds=0.75), 5)
    _, rough, _ = randomized_svd(M.times, M.shape, 5, oversampling=0, power_iterations=0, seed=3)
    _, fine, _ = randomized_svd(M.times, M.shape, 5, oversampling=0, power_iterations=3, seed=3)
    # A randomised SVD's singular values are never above the exact ones.
    assert (rough <= S_ref * (1 + 1e-6)).all() and (fine <= S_ref * (1 + 1e-6)).all()
    assert np.abs(rough - S_ref).max() > 10 * np.abs(fine - S_ref).max()


@pytest.mark.parametrize("eig", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("vectors", ["word", "word+context", "concat"])
def test_the_estimator_equals_the_reference_pipeline(eig, vectors):
    matrix, dense = random_counts(5, vocab_size=40)
    vocab = Vocabulary([f"w{i}" for i in range(40)], list(range(1000, 960, -1)))
    model = PPMISVD(dim=4, eig=eig, vectors=vectors, cds=0.75, power_iterations=16,
                    verbose=False).fit_cooccurrence(matrix, vocab)
    expected = ref.ppmi_svd(dense, 4, cds=0.75, eig=eig, vectors=vectors)
    np.testing.assert_allclose(model.wv.vectors, expected, atol=1e-4)
    np.testing.assert_allclose(model.singular_values_, np.linalg.svd(
        ref.ppmi(dense, cds=0.75), compute_uv=False)[:4], rtol=1e-5)
