"""The Numba kernels against the NumPy references, on random tiny problems.

Every variant (skip-gram or CBOW, with negative sampling, hierarchical
softmax, or both) is replayed by a plain-Python walk that draws the same
random numbers in the same order and trains with the reference; updated
rows and loss must agree to 1e-5. Also run by CI with NUMBA_DISABLE_JIT=1,
so the kernels' pure-Python path (the one you can debug) stays correct.
"""
import numpy as np
import pytest

from w2v.huffman import huffman_tree, label_matrix
from w2v.kernels import (Chunk, CorpusArrays, HierarchicalSoftmax, NegativeSampling, cbow_chunk,
                         skipgram_chunk, train_targets)
from w2v.reference import negative_sampling_targets, skipgram_step
from w2v.reference import train_targets as ref_targets
from w2v.reference_cbow import cbow_step
from w2v.reference_hs import hs_targets
from wordvec.engine.alias import alias_draw, alias_table
from wordvec.engine.hogwild import padded_rows
from wordvec.engine.rng import below, next_u64, seed_state, to_unit

pytestmark = pytest.mark.kernel
VOCAB, DIM = 12, 8


def close(actual, expected, rtol=1e-5):
    """Agreement to rtol relative to the array's scale (zeros stay comparable)."""
    scale = max(float(np.abs(expected).max()), 1e-12)
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=rtol * scale)


def draw(state):
    """next_u64 called from Python: keep both values as NumPy uint64, as in the kernel."""
    state, bits = next_u64(np.uint64(state))
    return np.uint64(state), np.uint64(bits)


class Problem:
    """A random tiny corpus, vocabulary, weights and output layers."""

    def __init__(self, seed, negative, hs):
        rng = np.random.default_rng(seed)
        self.negative, self.hs = negative, hs
        lengths = rng.integers(1, 9, size=5)
        self.bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        # Skewed frequencies, so subsampling drops some words and keeps others.
        self.ids = np.minimum(rng.geometric(0.25, size=self.bounds[-1]) - 1,
                              VOCAB - 1).astype(np.int32)
        self.keep_prob = np.where(np.arange(VOCAB) < 3, 0.6, 1.0)
        self.noise_prob, self.noise_alias = alias_table(rng.random(VOCAB) + 0.1)
        self.window = int(rng.integers(1, 4))
        self.W_in = (rng.normal(size=(VOCAB, DIM)) * 0.1).astype(np.float32)
        self.W_out = (rng.normal(size=(VOCAB, DIM)) * 0.1).astype(np.float32)
        self.W_hs = (rng.normal(size=(VOCAB - 1, DIM)) * 0.1).astype(np.float32)
        tree = huffman_tree(rng.integers(1, 100, size=VOCAB))
        self.tree = tree
        self.hs_arrays = ((tree.points, label_matrix(tree), tree.lengths) if hs else
                          (np.zeros((1, 1), np.int32), np.zeros((1, 1), np.float32),
                           np.zeros(0, np.int32)))

    def bundles(self, W_out, W_hs, negative=None):
        """The kernels' corpus, negative-sampling and hierarchical-softmax bundles."""
        negative = self.negative if negative is None else negative
        return (CorpusArrays(self.ids, self.bounds, self.keep_prob),
                NegativeSampling(negative, W_out, self.noise_prob, self.noise_alias),
                HierarchicalSoftmax(self.hs, W_hs, *self.hs_arrays))

    def outputs(self, W_in, W_out, W_hs, center, noise):
        """The reference's output layers for one example, HS first as in the kernel."""
        layers = []
        if self.hs:
            length = self.tree.lengths[center]
            layers.append((W_hs, *hs_targets(self.tree.codes[center, :length],
                                             self.tree.points[center, :length])))
        if self.negative:
            layers.append((W_out, *negative_sampling_targets(center, noise)))
        return layers

    def draw_noise(self, center, state):
        noise = []
        for _ in range(self.negative):
            state, bits = draw(state)
            word = int(alias_draw(self.noise_prob, self.noise_alias, bits))
            if word != center:
                noise.append(word)
        return noise, state

    def subsample(self, s, state):
        kept = []
        for word in self.ids[self.bounds[s]:self.bounds[s + 1]]:
            if self.keep_prob[word] < 1.0:
                state, bits = draw(state)
                if to_unit(bits) >= self.keep_prob[word]:
                    continue
            kept.append(int(word))
        return kept, state


def alpha_of(problem, s, first, end, alpha_start, alpha_end):
    done = (problem.bounds[s] - problem.bounds[first]) / max(
        problem.bounds[end] - problem.bounds[first], 1)
    return float(np.float32(alpha_start + (alpha_end - alpha_start) * done))


def replay_skipgram(p, first, end, W_in, W_out, W_hs, alpha_start, alpha_end, state):
    """skipgram_chunk written plainly (its docstring's random-number contract)."""
    loss, examples = 0.0, 0
    for s in range(first, end):
        alpha = alpha_of(p, s, first, end, alpha_start, alpha_end)
        kept, state = p.subsample(s, state)
        for i, center in enumerate(kept):
            state, bits = draw(state)
            reach = p.window - below(bits, p.window)
            for j in range(max(0, i - reach), min(len(kept), i + reach + 1)):
                if j != i:
                    noise, state = p.draw_noise(center, state)
                    loss += skipgram_step(W_in, kept[j],
                                          p.outputs(W_in, W_out, W_hs, center, noise), alpha)
                    examples += 1
    return loss, examples, state


def replay_cbow(p, first, end, W_in, W_out, W_hs, alpha_start, alpha_end, state, mean):
    """cbow_chunk written plainly (its docstring's random-number contract)."""
    loss, examples = 0.0, 0
    for s in range(first, end):
        alpha = alpha_of(p, s, first, end, alpha_start, alpha_end)
        kept, state = p.subsample(s, state)
        for i, center in enumerate(kept):
            state, bits = draw(state)
            reach = p.window - below(bits, p.window)
            contexts = [kept[j] for j in range(max(0, i - reach), min(len(kept), i + reach + 1))
                        if j != i]
            if not contexts:
                continue
            noise, state = p.draw_noise(center, state)
            loss += cbow_step(W_in, contexts, p.outputs(W_in, W_out, W_hs, center, noise), alpha,
                              mean=mean)
            examples += 1
    return loss, examples, state


VARIANTS = [(5, False), (0, True), (3, True)]  # negative sampling, HS, both


@pytest.mark.parametrize("negative,hs", VARIANTS)
@pytest.mark.parametrize("architecture", ["skipgram", "cbow-mean", "cbow-sum"])
@pytest.mark.parametrize("seed", range(4))
def test_chunk_equals_reference_replay(seed, architecture, negative, hs):
    p = Problem(seed, negative, hs)
    W_in, W_out, W_hs = p.W_in.copy(), p.W_out.copy(), p.W_hs.copy()
    ref = [W.astype(np.float64) for W in (p.W_in, p.W_out, p.W_hs)]
    first, end, state = 1, 5, seed_state(seed, 7)
    corpus, ns, hs_layer = p.bundles(W_out, W_hs)
    chunk = Chunk(first, end, 0.05, 0.02)
    if architecture == "skipgram":
        loss, examples, words, state_after = skipgram_chunk(
            corpus, chunk, W_in, DIM, p.window, ns, hs_layer, state)
        ref_loss, ref_examples, ref_state = replay_skipgram(p, first, end, *ref, 0.05, 0.02,
                                                            state)
    else:
        mean = architecture == "cbow-mean"
        loss, examples, words, state_after = cbow_chunk(
            corpus, chunk, W_in, DIM, p.window, mean, ns, hs_layer, state)
        ref_loss, ref_examples, ref_state = replay_cbow(p, first, end, *ref, 0.05, 0.02, state,
                                                        mean)
    assert examples == ref_examples > 0
    assert words == p.bounds[end] - p.bounds[first]
    assert state_after == ref_state
    assert loss == pytest.approx(ref_loss, rel=1e-5)
    for kernel_W, ref_W in zip((W_in, W_out, W_hs), ref):
        close(kernel_W, ref_W)


@pytest.mark.parametrize("seed", range(5))
def test_train_targets_equals_reference(seed):
    rng = np.random.default_rng(seed)
    h = rng.normal(size=DIM).astype(np.float32)
    W_out = rng.normal(scale=0.5, size=(VOCAB, DIM)).astype(np.float32)
    targets = rng.integers(VOCAB, size=6)  # repeats allowed: both take one step from the same rows
    labels = rng.integers(2, size=6).astype(np.float32)
    ref_W = W_out.astype(np.float64)
    ref_loss, ref_grad = ref_targets(h.astype(np.float64), ref_W, targets, labels, 0.1)
    grad_h = np.zeros(DIM, np.float32)
    likelihood = train_targets(h, W_out, targets, labels, len(targets), np.float32(0.1), grad_h,
                               np.empty(len(targets), np.float32))
    assert -np.log(likelihood) == pytest.approx(ref_loss, rel=1e-5)
    close(grad_h, ref_grad)
    close(W_out, ref_W)


def test_train_targets_refuses_a_scratch_shorter_than_its_targets():
    W_out = np.zeros((VOCAB, DIM), np.float32)
    with pytest.raises(ValueError, match="at least n_targets"):
        train_targets(np.ones(DIM, np.float32), W_out, np.arange(3), np.zeros(3, np.float32), 3,
                      np.float32(0.1), np.zeros(DIM, np.float32), np.empty(2, np.float32))
    assert not W_out.any()  # refused before any row moved


def test_exp32_is_within_two_float32_epsilons_of_exp_over_the_clipped_scores():
    from wordvec.engine.logistic import MAX_SCORE, exp32
    xs = np.concatenate([np.linspace(-MAX_SCORE, MAX_SCORE, 4001, dtype=np.float32),
                         np.float32([0.0, 1e-8, -1e-8, 0.34657359, -0.34657359])])
    got = np.array([exp32(x) for x in xs], dtype=np.float64)
    exact = np.exp(xs.astype(np.float64))
    assert np.max(np.abs(got - exact) / exact) <= 2 * np.finfo(np.float32).eps
    assert exp32(np.float32(0.0)) == 1.0


def test_padded_rows_train_exactly_like_plain_rows():
    p = Problem(7, negative=4, hs=True)
    plain = [p.W_in.copy(), p.W_out.copy(), p.W_hs.copy()]
    padded = [padded_rows(*W.shape) for W in plain]
    for rows, W in zip(padded, plain):
        rows[:, :DIM] = W
    results = []
    for W_in, W_out, W_hs in (plain, padded):
        corpus, ns, hs_layer = p.bundles(W_out, W_hs)
        results.append(skipgram_chunk(corpus, Chunk(0, 5, 0.05, 0.01), W_in, DIM, p.window, ns,
                                      hs_layer, seed_state(2)))
    assert results[0][1:] == results[1][1:]
    assert results[0][0] == pytest.approx(results[1][0], rel=1e-6)
    for rows, W in zip(padded, plain):
        assert rows.shape[1] == 16 and not rows[:, DIM:].any()
        close(rows[:, :DIM], W, rtol=1e-6)


def test_alias_draws_follow_the_noise_distribution():
    probabilities = np.array([0.5, 0.3, 0.15, 0.05])
    noise_prob, noise_alias = alias_table(probabilities)
    state = seed_state(0)
    draws = []
    for _ in range(40_000):
        state, bits = draw(state)
        draws.append(alias_draw(noise_prob, noise_alias, bits))
    frequencies = np.bincount(draws, minlength=4) / len(draws)
    np.testing.assert_allclose(frequencies, probabilities, atol=0.01)


def test_subsampling_keeps_words_at_their_keep_probability():
    # One sentence of 20,000 copies of word 0, kept with probability 0.3;
    # window 1 gives two examples per kept word (one at each end).
    n = 20_000
    ids = np.zeros(n, np.int32)
    bounds = np.array([0, n], np.int64)
    noise_prob, noise_alias = alias_table([0.0, 1.0])
    no_hs = HierarchicalSoftmax(False, np.zeros((1, 1), np.float32), np.zeros((1, 1), np.int32),
                                np.zeros((1, 1), np.float32), np.zeros(1, np.int32))
    _, examples, _, _ = skipgram_chunk(
        CorpusArrays(ids, bounds, np.array([0.3, 1.0])), Chunk(0, 1, 0.01, 0.01),
        np.zeros((2, 4), np.float32), 4, 1,
        NegativeSampling(1, np.zeros((2, 4), np.float32), noise_prob, noise_alias), no_hs,
        seed_state(1))
    kept = examples / 2 + 1
    assert kept / n == pytest.approx(0.3, abs=0.015)
