"""PPMI-SVD's dense NumPy reference: counts, PPMI values and vectors checked by hand."""
import math

import numpy as np
import pytest

from svd.reference import flip_signs, ppmi, ppmi_svd, svd_vectors, truncated_svd, window_counts
from wordvec.cooccur.counting import count_cooccurrences
from wordvec.text.encode import EncodedCorpus

pytestmark = pytest.mark.kernel

# #(w,c) of two words: #w = #c = (2, 3), |D| = 5.
X2 = np.array([[0.0, 2.0], [2.0, 1.0]])


def test_window_counts_by_hand():
    # "a b c", window 1: a-b and b-c, each once in each direction.
    X = window_counts([[0, 1, 2]], vocab_size=3, window=1)
    np.testing.assert_array_equal(X, [[0, 1, 0], [1, 0, 1], [0, 1, 0]])
    # A word beside itself: both directions land on its diagonal cell.
    np.testing.assert_array_equal(window_counts([[0, 0]], 1, window=1), [[2.0]])


def test_window_counts_are_the_cores_unweighted_counts():
    rng = np.random.default_rng(0)
    sentences = [rng.integers(0, 6, rng.integers(1, 9)).tolist() for _ in range(30)]
    ids = np.concatenate([np.array(s, np.int32) for s in sentences])
    bounds = np.concatenate([[0], np.cumsum([len(s) for s in sentences])]).astype(np.int64)
    for window in (1, 2, 4):
        counted = count_cooccurrences(EncodedCorpus(ids, bounds), 6, window=window,
                                      distance_weighting=False)
        np.testing.assert_array_equal(window_counts(sentences, 6, window), counted.to_dense())


def test_ppmi_by_hand_without_smoothing():
    M = ppmi(X2, cds=1.0)
    # PMI(w,c) = log(#(w,c) |D| / (#w #c)).
    assert M[0, 1] == pytest.approx(math.log(2 * 5 / (2 * 3)))
    assert M[1, 0] == pytest.approx(math.log(2 * 5 / (3 * 2)))
    assert M[1, 1] == 0.0   # log(1 * 5 / (3 * 3)) < 0, clipped
    assert M[0, 0] == 0.0   # never seen together: 0, not log 0


def test_ppmi_by_hand_with_context_smoothing():
    # P_α(c) = #c^α / Σ #c'^α: PMI(w,c) = log(#(w,c) Σ #c'^α / (#w #c^α)).
    a = 0.75
    total = 2 ** a + 3 ** a
    M = ppmi(X2, cds=a)
    assert M[0, 1] == pytest.approx(math.log(2 * total / (2 * 3 ** a)))
    assert M[1, 0] == pytest.approx(math.log(2 * total / (3 * 2 ** a)))
    assert M[1, 1] == 0.0   # log(1 * total / (3 * 3 ** a)) < 0
    # Smoothing lifts the rarer context's probability, so its PMI falls:
    # with cds < 1 the matrix is no longer symmetric.
    assert M[1, 0] < ppmi(X2, cds=1.0)[1, 0] and M[0, 1] > M[1, 0]


def test_neg_shifts_by_log_k_before_clipping():
    pmi = math.log(5 / 3)  # PMI(0,1) without smoothing
    assert ppmi(X2, cds=1.0, neg=1.5)[0, 1] == pytest.approx(pmi - math.log(1.5))
    assert ppmi(X2, cds=1.0, neg=2.0)[0, 1] == 0.0    # log(5/3) < log 2
    np.testing.assert_array_equal(ppmi(X2, neg=1.0), ppmi(X2))


def test_truncated_svd_is_the_best_low_rank_approximation():
    rng = np.random.default_rng(1)
    M = ppmi(window_counts([rng.integers(0, 8, 12).tolist() for _ in range(40)], 8, 2))
    U, S, V = truncated_svd(M, 3)
    np.testing.assert_allclose(U.T @ U, np.eye(3), atol=1e-12)
    np.testing.assert_allclose(V.T @ V, np.eye(3), atol=1e-12)
    assert (np.diff(S) <= 0).all()
    full = np.linalg.svd(M, compute_uv=False)
    # Eckart-Young: the error of the rank-3 approximation is the rest of the spectrum.
    assert np.linalg.norm(M - U @ np.diag(S) @ V.T) == pytest.approx(np.sqrt(np.sum(full[3:] ** 2)))
    # The sign rule: each column's largest-magnitude entry is positive.
    assert (U[np.argmax(np.abs(U), axis=0), np.arange(3)] > 0).all()


def test_flip_signs_keeps_the_product():
    U, V = np.array([[1.0, -3.0], [-2.0, 1.0]]), np.array([[0.5, 1.0], [1.0, 2.0]])
    U2, V2 = flip_signs(U, V)
    np.testing.assert_array_equal(U2, [[-1.0, 3.0], [2.0, -1.0]])
    np.testing.assert_array_equal(V2, [[-0.5, -1.0], [-1.0, -2.0]])
    np.testing.assert_array_equal(U2 @ V2.T, U @ V.T)


def test_eig_and_vectors_by_hand():
    U, S, V = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([4.0, 1.0]), np.full((2, 2), 0.5)
    np.testing.assert_array_equal(svd_vectors(U, S, V, 0.0, "word"), U)
    np.testing.assert_array_equal(svd_vectors(U, S, V, 1.0, "word"), [[4.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(svd_vectors(U, S, V, 0.5, "word"), [[2.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(svd_vectors(U, S, V, 0.5, "word+context"),
                                  [[3.0, 0.5], [1.0, 1.5]])
    np.testing.assert_array_equal(svd_vectors(U, S, V, 0.0, "concat"),
                                  [[1.0, 0.0, 0.5, 0.5], [0.0, 1.0, 0.5, 0.5]])


def test_the_pipeline_composes_its_steps():
    X = window_counts([[0, 1, 2, 3, 1, 0, 2], [3, 2, 1]], 4, window=2)
    U, S, _ = truncated_svd(ppmi(X, cds=0.75, neg=1.0), 2)
    np.testing.assert_array_equal(ppmi_svd(X, 2, cds=0.75, neg=1.0, eig=0.5, vectors="word"),
                                  U * np.sqrt(S))
