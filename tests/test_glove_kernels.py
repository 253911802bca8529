"""The GloVe AdaGrad kernel against the NumPy reference, and the shuffle."""
import numpy as np
import pytest

from glove.kernels import Entries, GradSq, Params, Rates, adagrad_chunk, shuffle_order
from glove.reference import adagrad_epoch
from wordvec.engine.hogwild import padded_rows
from wordvec.engine.rng import seed_state

pytestmark = pytest.mark.kernel
VOCAB, DIM = 9, 6


def close(actual, expected, rtol=1e-5):
    scale = max(float(np.abs(expected).max()), 1e-12)
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=rtol * scale)


def random_entries(rng, symmetric):
    X = np.where(rng.random((VOCAB, VOCAB)) < 0.5, rng.gamma(2.0, 30.0, (VOCAB, VOCAB)), 0.0)
    if symmetric:
        X = np.triu(X)
    rows, cols = np.nonzero(X)
    return rows.astype(np.int32), cols.astype(np.int32), X[rows, cols].astype(np.float32)


@pytest.mark.parametrize("bias_eta", [True, False])
@pytest.mark.parametrize("symmetric", [True, False])
@pytest.mark.parametrize("seed", range(4))
def test_one_epoch_equals_reference(seed, symmetric, bias_eta):
    rng = np.random.default_rng(seed)
    rows, cols, values = random_entries(rng, symmetric)
    order = rng.permutation(len(rows)).astype(np.int64)
    params32 = [rng.normal(scale=0.3, size=(VOCAB, DIM)).astype(np.float32) for _ in range(2)]
    params32 += [rng.normal(scale=0.3, size=VOCAB).astype(np.float32) for _ in range(2)]
    # The kernel gets padded rows, as the estimator gives it.
    W, W_ctx = padded_rows(VOCAB, DIM), padded_rows(VOCAB, DIM)
    W[:, :DIM], W_ctx[:, :DIM] = params32[0], params32[1]
    b, b_ctx = params32[2].copy(), params32[3].copy()
    # The kernel keeps AdaGrad's sums minus their initial 1 (glove/kernels.py).
    G, G_ctx = padded_rows(VOCAB, DIM), padded_rows(VOCAB, DIM)
    G_b, G_b_ctx = np.zeros(VOCAB, np.float32), np.zeros(VOCAB, np.float32)
    x_max, alpha, eta, clip = 40.0, 0.75, 0.05, 2.0

    ref = [p.astype(np.float64) for p in params32]
    ref_sq = [np.ones_like(p) for p in ref]
    ref_loss, ref_terms = adagrad_epoch(ref, ref_sq, rows, cols, values, order, symmetric,
                                        x_max, alpha, eta, clip, bias_eta)
    loss, n_terms = adagrad_chunk(Entries(rows, cols, values, symmetric), order, 0, len(order),
                                  Params(W, W_ctx, b, b_ctx), GradSq(G, G_ctx, G_b, G_b_ctx), DIM,
                                  Rates(x_max, alpha, eta, clip, bias_eta))
    assert n_terms == ref_terms
    assert loss == pytest.approx(ref_loss, rel=1e-5)
    for kernel_array, ref_array in zip((W[:, :DIM], W_ctx[:, :DIM], b, b_ctx), ref):
        close(kernel_array, ref_array)
    for kernel_array, ref_array in zip((G[:, :DIM], G_ctx[:, :DIM], G_b, G_b_ctx), ref_sq):
        close(1.0 + kernel_array, ref_array)
        # and the squared steps themselves, which are tiny next to the 1
        close(kernel_array, ref_array - 1.0, rtol=1e-4)
    assert not W[:, DIM:].any() and not G[:, DIM:].any()  # padding never touched


def test_chunks_of_an_order_equal_the_whole():
    rng = np.random.default_rng(5)
    rows, cols, values = random_entries(rng, True)
    order = np.arange(len(rows), dtype=np.int64)

    def fresh():
        W = padded_rows(VOCAB, DIM)
        W[:, :DIM] = 0.1
        G = padded_rows(VOCAB, DIM)
        return (Params(W, W.copy(), np.zeros(VOCAB, np.float32), np.zeros(VOCAB, np.float32)),
                GradSq(G, G.copy(), np.zeros(VOCAB, np.float32), np.zeros(VOCAB, np.float32)))
    X, rates = Entries(rows, cols, values, True), Rates(50.0, 0.75, 0.05, 100.0, True)
    whole, parts = fresh(), fresh()
    adagrad_chunk(X, order, 0, len(order), *whole, DIM, rates)
    middle = len(order) // 2
    for start, end in ((0, middle), (middle, len(order))):
        adagrad_chunk(X, order, start, end, *parts, DIM, rates)
    for a, b in zip([*whole[0], *whole[1]], [*parts[0], *parts[1]]):
        np.testing.assert_array_equal(a, b)


def test_shuffle_is_a_seeded_permutation():
    first = np.arange(1000, dtype=np.int64)
    second = first.copy()
    shuffle_order(first, seed_state(3, 0))
    shuffle_order(second, seed_state(3, 0))
    assert np.array_equal(first, second)
    assert sorted(first.tolist()) == list(range(1000))
    assert (first != np.arange(1000)).mean() > 0.9
    third = np.arange(1000, dtype=np.int64)
    shuffle_order(third, seed_state(3, 1))
    assert not np.array_equal(first, third)


def test_a_tiny_squared_step_is_not_rounded_away():
    # A nearly fitted term: diff = 1e-4, so the bias step is 5e-6 and its square 2.5e-11,
    # far below float32's resolution around 1. AdaGrad's sum must still grow by it.
    x = np.float32(50.0)  # above x_max: weight 1
    W = padded_rows(1, DIM)
    b = np.array([np.log(x) / 2 + 1e-4], np.float32)
    b_ctx = np.array([np.log(x) / 2], np.float32)
    diff = float(b[0]) + float(b_ctx[0]) - float(np.log(x))
    G, G_b = padded_rows(1, DIM), np.zeros(1, np.float32)
    adagrad_chunk(Entries(np.zeros(1, np.int32), np.zeros(1, np.int32), np.array([x]), False),
                  np.zeros(1, np.int64), 0, 1, Params(W, W.copy(), b, b_ctx),
                  GradSq(G, G.copy(), G_b, np.zeros(1, np.float32)), DIM,
                  Rates(10.0, 0.75, 0.05, 100.0, True))
    assert G_b[0] == pytest.approx((0.05 * diff) ** 2, rel=1e-3)
    assert np.float32(1.0) + np.float32(G_b[0]) == np.float32(1.0)  # what a sum from 1 would lose
