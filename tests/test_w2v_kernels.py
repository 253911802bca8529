"""The Numba kernels against the NumPy reference, on random tiny problems.

Also run by CI with NUMBA_DISABLE_JIT=1, so the kernels' pure-Python path
(the one you can step through in a debugger) stays correct too.
"""
import numpy as np
import pytest

from w2v.kernels import sgns_example, skipgram_chunk
from w2v.reference import sgd_step
from wordvec.noise import alias_draw, alias_table
from wordvec.rng import below, next_u64, seed_state, to_unit

pytestmark = pytest.mark.kernel


def close(actual, expected, rtol=1e-5):
    """Agreement to rtol relative to the array's scale (zeros stay comparable)."""
    scale = max(float(np.abs(expected).max()), 1e-12)
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=rtol * scale)


def random_problem(seed, vocab_size=9, dim=6):
    rng = np.random.default_rng(seed)
    W_in = rng.normal(scale=0.5, size=(vocab_size, dim)).astype(np.float32)
    W_out = rng.normal(scale=0.5, size=(vocab_size, dim)).astype(np.float32)
    return rng, W_in, W_out


@pytest.mark.parametrize("seed", range(10))
def test_one_example_equals_reference(seed):
    rng, W_in, W_out = random_problem(seed)
    context, center = rng.integers(9, size=2)
    # Noise words may repeat (the kernel and reference then both update row by row).
    negatives = rng.choice([w for w in range(9) if w != center], size=5).astype(np.int64)
    alpha = np.float32(0.1)
    ref_in, ref_out = W_in.astype(np.float64), W_out.astype(np.float64)
    ref_loss = sgd_step(ref_in, ref_out, context, center, negatives, float(alpha))
    likelihood = sgns_example(W_in, W_out, context, center, negatives, len(negatives), alpha,
                              np.empty(W_in.shape[1], np.float32))
    assert -np.log(likelihood) == pytest.approx(ref_loss, rel=1e-5)
    close(W_in, ref_in)
    close(W_out, ref_out)


def draw(state):
    """next_u64 called from Python: keep both values as NumPy uint64, as in the kernel."""
    state, bits = next_u64(np.uint64(state))
    return np.uint64(state), np.uint64(bits)


def replay_chunk(ids, bounds, first, end, W_in, W_out, keep_prob, noise_prob, noise_alias,
                 window, negative, alpha_start, alpha_end, state):
    """skipgram_chunk written plainly, drawing the same random numbers in the
    same order (its docstring's contract) and training with the reference."""
    chunk_words = max(bounds[end] - bounds[first], 1)
    loss, examples = 0.0, 0
    for s in range(first, end):
        done = (bounds[s] - bounds[first]) / chunk_words
        alpha = float(np.float32(alpha_start + (alpha_end - alpha_start) * done))
        kept = []
        for word in ids[bounds[s]:bounds[s + 1]]:
            if keep_prob[word] < 1.0:
                state, bits = draw(state)
                if to_unit(bits) >= keep_prob[word]:
                    continue
            kept.append(int(word))
        for i, center in enumerate(kept):
            state, bits = draw(state)
            reach = window - below(bits, window)
            for j in range(max(0, i - reach), min(len(kept), i + reach + 1)):
                if j == i:
                    continue
                noise = []
                for _ in range(negative):
                    state, bits = draw(state)
                    noise_word = int(alias_draw(noise_prob, noise_alias, bits))
                    if noise_word != center:
                        noise.append(noise_word)
                loss += sgd_step(W_in, W_out, kept[j], center, noise, alpha)
                examples += 1
    return loss, examples, state


@pytest.mark.parametrize("seed", range(6))
def test_chunk_equals_reference_replay(seed):
    rng, W_in, W_out = random_problem(seed, vocab_size=12, dim=8)
    W_in *= 0.2
    W_out *= 0.2
    lengths = rng.integers(1, 9, size=5)
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    # Skewed word frequencies, so subsampling drops some words and keeps others.
    ids = np.minimum(rng.geometric(0.25, size=bounds[-1]) - 1, 11).astype(np.int32)
    keep_prob = np.where(np.arange(12) < 3, 0.6, 1.0)
    noise_prob, noise_alias = alias_table(rng.random(12) + 0.1)
    window, negative = int(rng.integers(1, 4)), int(rng.integers(1, 5))
    first, end = 1, 5
    state = seed_state(seed, 7)
    ref_in, ref_out = W_in.astype(np.float64), W_out.astype(np.float64)

    loss, examples, words, state_after = skipgram_chunk(
        ids, bounds, first, end, W_in, W_out, W_in.shape[1], keep_prob, noise_prob, noise_alias,
        window, negative, 0.05, 0.02, state)
    ref_loss, ref_examples, ref_state = replay_chunk(
        ids, bounds, first, end, ref_in, ref_out, keep_prob, noise_prob, noise_alias,
        window, negative, 0.05, 0.02, state)

    assert examples == ref_examples > 0
    assert words == bounds[end] - bounds[first]
    assert state_after == ref_state
    assert loss == pytest.approx(ref_loss, rel=1e-5)
    close(W_in, ref_in)
    close(W_out, ref_out)


def test_alias_draws_follow_the_noise_distribution():
    probabilities = np.array([0.5, 0.3, 0.15, 0.05])
    noise_prob, noise_alias = alias_table(probabilities)
    state = seed_state(0)
    draws = []
    for _ in range(40_000):
        state, bits = draw(state)
        draws.append(alias_draw(noise_prob, noise_alias, np.uint64(bits)))
    frequencies = np.bincount(draws, minlength=4) / len(draws)
    np.testing.assert_allclose(frequencies, probabilities, atol=0.01)


def test_subsampling_keeps_words_at_their_keep_probability():
    # One sentence of 20,000 copies of word 0 (keep 0.3) and 1 (keep 1.0):
    # with negative=1 and window=1, examples come only from kept words, and
    # every kept word's vector moves, so count examples instead.
    n = 20_000
    ids = np.zeros(n, np.int32)
    bounds = np.array([0, n], np.int64)
    W_in = np.zeros((2, 4), np.float32)
    W_out = np.zeros((2, 4), np.float32)
    noise_prob, noise_alias = alias_table([0.0, 1.0])
    _, examples, _, _ = skipgram_chunk(ids, bounds, 0, 1, W_in, W_out, 4, np.array([0.3, 1.0]),
                                       noise_prob, noise_alias, 1, 1, 0.01, 0.01, seed_state(1))
    kept = examples / 2 + 1  # window 1: two examples per kept word but the ends
    assert kept / n == pytest.approx(0.3, abs=0.015)


def test_padded_rows_train_exactly_like_plain_rows():
    from wordvec.hogwild import padded_rows
    rng, W_in, W_out = random_problem(7, vocab_size=12, dim=8)
    ids = rng.integers(12, size=40).astype(np.int32)
    bounds = np.array([0, 25, 40], np.int64)
    keep_prob = np.full(12, 0.8)
    noise_prob, noise_alias = alias_table(np.ones(12))
    W_in_rows, W_out_rows = padded_rows(12, 8), padded_rows(12, 8)
    assert W_in_rows.shape == (12, 16)
    W_in_rows[:, :8], W_out_rows[:, :8] = W_in, W_out
    plain = skipgram_chunk(ids, bounds, 0, 2, W_in, W_out, 8, keep_prob, noise_prob,
                           noise_alias, 3, 4, 0.05, 0.01, seed_state(2))
    padded = skipgram_chunk(ids, bounds, 0, 2, W_in_rows, W_out_rows, 8, keep_prob, noise_prob,
                            noise_alias, 3, 4, 0.05, 0.01, seed_state(2))
    assert padded[1:] == plain[1:] and padded[0] == pytest.approx(plain[0], rel=1e-6)
    close(W_in_rows[:, :8], W_in, rtol=1e-6)
    close(W_out_rows[:, :8], W_out, rtol=1e-6)
    assert not W_in_rows[:, 8:].any() and not W_out_rows[:, 8:].any()
