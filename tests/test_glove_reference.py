"""GloVe's NumPy reference: loss by hand, gradients against finite differences."""
import numpy as np
import pytest
from gradient_check import numeric_gradient

from glove.reference import adagrad_term, glove_gradients, glove_loss, terms, weighting

pytestmark = pytest.mark.kernel


def random_problem(seed, vocab_size=5, dim=3):
    rng = np.random.default_rng(seed)
    X = np.where(rng.random((vocab_size, vocab_size)) < 0.6,
                 rng.gamma(2.0, 20.0, (vocab_size, vocab_size)), 0.0)
    params = [rng.normal(scale=0.5, size=(vocab_size, dim)),
              rng.normal(scale=0.5, size=(vocab_size, dim)),
              rng.normal(scale=0.5, size=vocab_size), rng.normal(scale=0.5, size=vocab_size)]
    return X, params


def test_weighting_function():
    np.testing.assert_allclose(weighting([1, 50, 100, 1000], 100, 0.75),
                               [0.01 ** 0.75, 0.5 ** 0.75, 1.0, 1.0])


def test_loss_by_hand():
    # One nonzero entry X_01 = e: diff = w0·w̃1 + b0 + b̃1 - 1 = 2 + 0.5 + 0 - 1 = 1.5.
    X = np.array([[0.0, np.e], [0.0, 0.0]])
    W, W_ctx = np.array([[1.0, 1.0], [0, 0]]), np.array([[0, 0], [1.0, 1.0]])
    b, b_ctx = np.array([0.5, 0.0]), np.zeros(2)
    expected = 0.5 * (np.e / 10) ** 0.75 * 1.5 ** 2
    assert glove_loss(W, W_ctx, b, b_ctx, X, x_max=10, alpha=0.75) == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(4))
def test_gradients_match_finite_differences(seed):
    X, params = random_problem(seed)

    def loss():
        return glove_loss(*params, X, x_max=30.0, alpha=0.75)
    _, *grads = glove_gradients(*params, X, x_max=30.0, alpha=0.75)
    for param, grad in zip(params, grads):
        np.testing.assert_allclose(grad, numeric_gradient(loss, param), rtol=1e-6, atol=1e-8)


def test_one_adagrad_term_by_hand():
    # First step from accumulators of 1: each coordinate moves by eta * gradient.
    X, params = random_problem(1)
    W, W_ctx, b, b_ctx = [p.copy() for p in params]
    grad_sq = [np.ones_like(p) for p in params]
    i, j, x = 2, 3, 17.0
    diff = W[i] @ W_ctx[j] + b[i] + b_ctx[j] - np.log(x)
    fdiff = (x / 30.0) ** 0.75 * diff
    before = [p.copy() for p in (W, W_ctx, b, b_ctx)]
    loss = adagrad_term((W, W_ctx, b, b_ctx), grad_sq, i, j, x, 30.0, 0.75, 0.05, 100.0)
    assert loss == pytest.approx(0.5 * fdiff * diff)
    np.testing.assert_allclose(W[i], before[0][i] - 0.05 * fdiff * before[1][j])
    np.testing.assert_allclose(W_ctx[j], before[1][j] - 0.05 * fdiff * before[0][i])
    assert b[i] == pytest.approx(before[2][i] - 0.05 * fdiff)
    np.testing.assert_allclose(grad_sq[0][i], 1 + (0.05 * fdiff * before[1][j]) ** 2)
    # The gradient is clipped before the step.
    W2, W_ctx2, b2, b_ctx2 = [p.copy() for p in params]
    adagrad_term((W2, W_ctx2, b2, b_ctx2), [np.ones_like(p) for p in params], i, j, x,
                 30.0, 0.75, 0.05, 1e-3)
    assert np.abs(W2[i] - params[0][i]).max() == pytest.approx(0.05 * 1e-3)


def test_the_c_tools_bias_step():
    # bias_eta=False: the biases step by the raw weighted error, without eta or
    # clipping (the GloVe C tool); the vectors step as before.
    X, params = random_problem(1)
    i, j, x = 2, 3, 17.0
    diff = params[0][i] @ params[1][j] + params[2][i] + params[3][j] - np.log(x)
    fdiff = (x / 30.0) ** 0.75 * diff
    ours, c_tool = [p.copy() for p in params], [p.copy() for p in params]
    sq_ours, sq_c = [np.ones_like(p) for p in params], [np.ones_like(p) for p in params]
    adagrad_term(ours, sq_ours, i, j, x, 30.0, 0.75, 0.05, 1e-3)
    adagrad_term(c_tool, sq_c, i, j, x, 30.0, 0.75, 0.05, 1e-3, bias_eta=False)
    assert c_tool[2][i] == pytest.approx(params[2][i] - fdiff)
    assert c_tool[3][j] == pytest.approx(params[3][j] - fdiff)
    assert sq_c[2][i] == pytest.approx(1 + fdiff ** 2)
    assert ours[2][i] == pytest.approx(params[2][i] - 0.05 * np.clip(fdiff, -1e-3, 1e-3))
    np.testing.assert_array_equal(c_tool[0], ours[0])
    np.testing.assert_array_equal(c_tool[1], ours[1])


def test_adagrad_epochs_lower_the_loss():
    X, params = random_problem(2, vocab_size=6, dim=4)
    rows, cols = np.nonzero(X)
    values = X[rows, cols]
    grad_sq = [np.ones_like(p) for p in params]
    from glove.reference import adagrad_epoch
    before = glove_loss(*params, X, 30.0, 0.75)
    for _ in range(30):
        adagrad_epoch(params, grad_sq, rows, cols, values, np.arange(len(rows)), False,
                      30.0, 0.75, 0.1, 100.0)
    assert glove_loss(*params, X, 30.0, 0.75) < 0.5 * before


def test_symmetric_entries_expand_to_both_directions():
    assert list(terms([0, 1], [2, 1], [5.0, 3.0], symmetric=True)) == \
        [(0, 2, 5.0), (2, 0, 5.0), (1, 1, 3.0)]
    assert list(terms([0], [2], [5.0], symmetric=False)) == [(0, 2, 5.0)]
