"""Skip-gram with negatives shared by a window (pWord2Vec): reference, kernel, estimator.

The reference equals plain skip-gram when the window holds one context word;
the kernel replays the reference window by window (the same random numbers
in the same order) to 1e-5. Run by CI with NUMBA_DISABLE_JIT=1 too.
"""
import numpy as np
import pytest

from corpora import synthetic
from w2v import SkipGram, SkipGramSharedNegatives
from w2v.kernels_shared import skipgram_shared_chunk
from w2v.reference import negative_sampling_targets, skipgram_step
from w2v.reference_shared import shared_negatives_step
from wordvec.engine.alias import alias_draw, alias_table
from wordvec.engine.hogwild import padded_rows
from wordvec.engine.rng import below, next_u64, to_unit
from wordvec.engine.windows import Chunk, CorpusArrays, NegativeSampling

VOCAB, DIM = 12, 8


def draw(state):
    state, bits = next_u64(np.uint64(state))
    return np.uint64(state), np.uint64(bits)


@pytest.mark.kernel
@pytest.mark.parametrize("seed", range(4))
def test_one_context_word_is_plain_skipgram(seed):
    rng = np.random.default_rng(seed)
    W_in, W_out = rng.normal(size=(VOCAB, DIM)), rng.normal(size=(VOCAB, DIM))
    noise = list(rng.choice(np.arange(2, VOCAB), size=4, replace=False))
    shared_in, shared_out = W_in.copy(), W_out.copy()
    loss = shared_negatives_step(shared_in, shared_out, [0], center=1, noise=noise, alpha=0.1)
    plain_loss = skipgram_step(W_in, 0, [(W_out, *negative_sampling_targets(1, noise))], 0.1)
    assert loss == pytest.approx(plain_loss)
    np.testing.assert_allclose(shared_in, W_in)
    np.testing.assert_allclose(shared_out, W_out)


@pytest.mark.kernel
def test_a_window_is_its_pairs_gradients_summed_before_any_update():
    """Hand-checked on two context words: each row moves by the sum over the window
    of its pairs' SGD steps, all taken at the weights before the window."""
    rng = np.random.default_rng(9)
    W_in, W_out = rng.normal(size=(6, 3)), rng.normal(size=(6, 3))
    expected_in, expected_out = W_in.copy(), W_out.copy()
    for context in (0, 2):
        pair_in, pair_out = W_in.copy(), W_out.copy()   # each pair from the same start
        skipgram_step(pair_in, context, [(pair_out, [1, 4, 5], [1.0, 0.0, 0.0])], 0.1)
        expected_in += pair_in - W_in
        expected_out += pair_out - W_out
    shared_negatives_step(W_in, W_out, [0, 2], center=1, noise=[4, 5], alpha=0.1)
    np.testing.assert_allclose(W_in, expected_in)
    np.testing.assert_allclose(W_out, expected_out)


@pytest.mark.kernel
@pytest.mark.parametrize("padded", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_kernel_replays_the_reference_window_by_window(seed, padded):
    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 9, size=5)
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    ids = np.minimum(rng.geometric(0.25, size=bounds[-1]) - 1, VOCAB - 1).astype(np.int32)
    keep_prob = np.where(np.arange(VOCAB) < 3, 0.6, 1.0)
    noise_prob, noise_alias = alias_table(rng.random(VOCAB) + 0.1)
    window, negative = int(rng.integers(1, 4)), int(rng.integers(1, 5))
    W_in = (rng.normal(size=(VOCAB, DIM)) * 0.3).astype(np.float32)
    W_out = (rng.normal(size=(VOCAB, DIM)) * 0.3).astype(np.float32)
    ref_in, ref_out = W_in.astype(np.float64), W_out.astype(np.float64)
    alpha = np.float32(0.05)
    if padded:  # the kernel trains whole padded rows; the padding must stay zero
        W_in_rows, W_out_rows = padded_rows(VOCAB, DIM), padded_rows(VOCAB, DIM)
        W_in_rows[:, :DIM], W_out_rows[:, :DIM] = W_in, W_out
    else:
        W_in_rows, W_out_rows = W_in, W_out

    loss, examples, words, state = skipgram_shared_chunk(
        CorpusArrays(ids, bounds, keep_prob), Chunk(0, len(lengths), alpha, alpha), W_in_rows,
        DIM, window, NegativeSampling(negative, W_out_rows, noise_prob, noise_alias),
        np.uint64(seed + 1))
    W_in, W_out = W_in_rows[:, :DIM], W_out_rows[:, :DIM]
    assert not W_in_rows[:, DIM:].any() and not W_out_rows[:, DIM:].any()

    ref_state, ref_loss, ref_examples = np.uint64(seed + 1), 0.0, 0
    for s in range(len(lengths)):
        kept = []
        for word in ids[bounds[s]:bounds[s + 1]]:
            if keep_prob[word] < 1.0:
                ref_state, bits = draw(ref_state)
                if to_unit(bits) >= keep_prob[word]:
                    continue
            kept.append(int(word))
        for i, center in enumerate(kept):
            ref_state, bits = draw(ref_state)
            reach = window - below(bits, window)
            contexts = [kept[j] for j in range(max(0, i - reach), min(len(kept), i + reach + 1))
                        if j != i]
            if not contexts:
                continue
            noise = []
            for _ in range(negative):
                ref_state, bits = draw(ref_state)
                word = int(alias_draw(noise_prob, noise_alias, bits))
                if word != center:
                    noise.append(word)
            ref_loss += shared_negatives_step(ref_in, ref_out, contexts, center, noise,
                                              float(alpha))
            ref_examples += len(contexts)
    assert examples == ref_examples > 0 and state == ref_state and words == bounds[-1]
    np.testing.assert_allclose(loss, ref_loss, rtol=1e-5)
    np.testing.assert_allclose(W_in, ref_in, atol=1e-5)
    np.testing.assert_allclose(W_out, ref_out, atol=1e-5)


@pytest.mark.kernel
def test_rows_of_different_widths_are_refused():
    corpus = CorpusArrays(np.zeros(3, np.int32), np.array([0, 3]), np.ones(VOCAB))
    noise_prob, noise_alias = alias_table(np.ones(VOCAB))
    with pytest.raises(ValueError, match="one width"):
        skipgram_shared_chunk(corpus, Chunk(0, 1, 0.1, 0.1), padded_rows(VOCAB, DIM), DIM, 2,
                              NegativeSampling(2, np.zeros((VOCAB, DIM), np.float32), noise_prob,
                                               noise_alias), np.uint64(1))


def test_the_estimator_learns_the_planted_analogies_and_is_reproducible():
    sentences = synthetic.generate(3000, seed=4)
    settings = dict(dim=24, epochs=3, min_count=2, verbose=False, seed=5)
    model = SkipGramSharedNegatives(**settings).fit(sentences)
    again = SkipGram(**settings, shared_negatives=True).fit(sentences)
    assert np.array_equal(model.wv.vectors, again.wv.vectors)
    assert model.loss_history_[-1] < model.loss_history_[0]
    assert model.wv.metadata["params"]["shared_negatives"] is True
    plain = SkipGram(**settings).fit(sentences)
    assert not np.array_equal(plain.wv.vectors, model.wv.vectors)


def test_it_needs_negative_sampling():
    with pytest.raises(ValueError, match="needs negative > 0 and hs=False"):
        SkipGram(shared_negatives=True, hs=True, verbose=False).fit([["a", "b"]] * 5)
