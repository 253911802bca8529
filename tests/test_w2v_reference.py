"""The NumPy reference: its gradients against finite differences."""
import numpy as np
import pytest
from gradient_check import numeric_gradient

from w2v.reference import (negative_sampling_targets, sgns_gradients, sgns_loss, sgns_step, sigmoid,
                           skipgram_step)


@pytest.mark.kernel
@pytest.mark.parametrize("seed", range(5))
def test_gradients_match_finite_differences(seed):
    rng = np.random.default_rng(seed)
    dim, k = 7, 4
    v, u, U_neg = rng.normal(size=dim), rng.normal(size=dim), rng.normal(size=(k, dim))
    loss, grad_v, grad_u, grad_U = sgns_gradients(v, u, U_neg)
    assert loss == pytest.approx(sgns_loss(v, u, U_neg))
    np.testing.assert_allclose(grad_v, numeric_gradient(lambda: sgns_loss(v, u, U_neg), v),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(grad_u, numeric_gradient(lambda: sgns_loss(v, u, U_neg), u),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(grad_U, numeric_gradient(lambda: sgns_loss(v, u, U_neg), U_neg),
                               rtol=1e-6, atol=1e-8)


@pytest.mark.kernel
def test_loss_by_hand():
    # v = (1, 0), u = (2, 0): score 2; one noise word with score -1.
    v, u, U_neg = np.array([1.0, 0.0]), np.array([2.0, 0.0]), np.array([[-1.0, 3.0]])
    expected = -np.log(1 / (1 + np.exp(-2))) - np.log(1 / (1 + np.exp(-1)))
    assert sgns_loss(v, u, U_neg) == pytest.approx(expected)
    assert sigmoid(0.0) == 0.5


@pytest.mark.kernel
def test_sgns_step_is_a_gradient_step():
    rng = np.random.default_rng(3)
    W_in, W_out = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    before_in, before_out = W_in.copy(), W_out.copy()
    alpha, negatives = 0.05, [2, 4, 5]
    loss = sgns_step(W_in, W_out, w_I=0, w_O=1, noise=negatives, alpha=alpha)
    expected_loss, grad_v, grad_u, grad_U = sgns_gradients(before_in[0], before_out[1],
                                                           before_out[negatives])
    assert loss == pytest.approx(expected_loss)
    np.testing.assert_allclose(W_in[0], before_in[0] - alpha * grad_v)
    np.testing.assert_allclose(W_out[1], before_out[1] - alpha * grad_u)
    np.testing.assert_allclose(W_out[negatives], before_out[negatives] - alpha * grad_U)
    untouched = [3]
    np.testing.assert_array_equal(W_out[untouched], before_out[untouched])
    np.testing.assert_array_equal(W_in[1:], before_in[1:])


@pytest.mark.kernel
def test_sgns_steps_reduce_the_loss():
    rng = np.random.default_rng(4)
    W_in, W_out = rng.normal(size=(5, 3)) * 0.1, rng.normal(size=(5, 3)) * 0.1
    losses = [sgns_step(W_in, W_out, 0, 1, [2, 3], alpha=0.5) for _ in range(50)]
    assert losses[-1] < 0.1 * losses[0]


@pytest.mark.kernel
@pytest.mark.parametrize("noise", [[2, 4, 5], [2, 2, 5]])
def test_the_generalised_step_is_the_papers_step(noise):
    # skipgram_step (targets and labels, any output layer) equals sgns_step
    # (the paper's pair): every gradient first, so a repeated noise word
    # moves twice by the same step.
    rng = np.random.default_rng(5)
    W_in, W_out = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    paper_in, paper_out = W_in.copy(), W_out.copy()
    loss = skipgram_step(W_in, 0, [(W_out, *negative_sampling_targets(1, noise))], 0.05)
    paper_loss = sgns_step(paper_in, paper_out, 0, 1, noise, 0.05)
    assert loss == pytest.approx(paper_loss)
    np.testing.assert_allclose(W_in, paper_in)
    np.testing.assert_allclose(W_out, paper_out)


# -- CBOW -----------------------------------------------------------------------------------

from w2v.huffman import huffman_tree  # noqa: E402
from w2v.reference import logistic_gradients, logistic_loss  # noqa: E402
from w2v.reference_cbow import cbow_gradients, cbow_input, cbow_step  # noqa: E402
from w2v.reference_hs import hs_loss, hs_probability, hs_targets  # noqa: E402


@pytest.mark.kernel
@pytest.mark.parametrize("mean", [True, False])
@pytest.mark.parametrize("seed", range(3))
def test_cbow_gradients_match_finite_differences(seed, mean):
    rng = np.random.default_rng(seed)
    W_in, W_out = rng.normal(size=(7, 5)), rng.normal(size=(7, 5))
    contexts, targets, labels = [0, 2, 5], [1, 3, 4], [1.0, 0.0, 0.0]

    def loss():
        return logistic_loss(cbow_input(W_in, contexts, mean), W_out[targets], labels)
    _, grad_contexts, grad_U = cbow_gradients(W_in, contexts, W_out, targets, labels, mean)
    numeric = numeric_gradient(loss, W_in)
    np.testing.assert_allclose(grad_contexts, numeric[contexts], rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(grad_U, numeric_gradient(loss, W_out)[targets], rtol=1e-6,
                               atol=1e-8)


@pytest.mark.kernel
def test_cbow_step_gives_every_context_the_whole_error():
    # The tools' rule, on purpose: each context row moves by -alpha dJ/dh,
    # C times the exact gradient of the mean (reference_cbow's docstring).
    rng = np.random.default_rng(1)
    W_in, W_out = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    before = W_in.copy()
    contexts, targets, labels, alpha = [0, 2, 3], [1, 4], [1.0, 0.0], 0.05
    _, grad_contexts, _ = cbow_gradients(W_in, contexts, W_out.copy(), targets, labels)
    cbow_step(W_in, contexts, [(W_out, targets, labels)], alpha)
    np.testing.assert_allclose(W_in[contexts],
                               before[contexts] - alpha * len(contexts) * grad_contexts)


# -- hierarchical softmax -----------------------------------------------------------------

@pytest.mark.kernel
def test_hierarchical_softmax_is_a_distribution_over_the_vocabulary():
    rng = np.random.default_rng(2)
    counts = rng.integers(1, 50, size=9)
    tree = huffman_tree(counts)
    W_hs, h = rng.normal(size=(8, 4)), rng.normal(size=4)
    total = sum(hs_probability(h, W_hs, tree.codes[w, :n], tree.points[w, :n])
                for w, n in enumerate(tree.lengths))
    assert total == pytest.approx(1.0)


@pytest.mark.kernel
@pytest.mark.parametrize("seed", range(3))
def test_hs_loss_is_logistic_loss_on_the_path_and_its_gradient_checks(seed):
    rng = np.random.default_rng(seed)
    tree = huffman_tree(rng.integers(1, 50, size=10))
    W_hs, h = rng.normal(size=(9, 5)), rng.normal(size=5)
    word = int(rng.integers(10))
    code, point = tree.codes[word, :tree.lengths[word]], tree.points[word, :tree.lengths[word]]
    targets, labels = hs_targets(code, point)
    assert hs_loss(h, W_hs, code, point) == pytest.approx(
        logistic_loss(h, W_hs[targets], labels))
    assert hs_loss(h, W_hs, code, point) == pytest.approx(
        -np.log(hs_probability(h, W_hs, code, point)))
    _, grad_h, grad_U = logistic_gradients(h, W_hs[targets], labels)
    np.testing.assert_allclose(grad_h, numeric_gradient(lambda: hs_loss(h, W_hs, code, point), h),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(
        grad_U, numeric_gradient(lambda: hs_loss(h, W_hs, code, point), W_hs)[targets],
        rtol=1e-6, atol=1e-8)
