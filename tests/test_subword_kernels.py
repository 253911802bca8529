"""fastText's kernels against its NumPy reference, and the reference against finite differences.

The kernels are replayed by a plain-Python walk that draws the same random
numbers in the same order and trains pair by pair with ``subword.reference``
(the tool's procedure: h recomputed and every row written for each pair);
the rows and the loss must agree to 1e-5. Run by CI with NUMBA_DISABLE_JIT=1 too.
"""
import numpy as np
import pytest

from gradient_check import numeric_gradient
from subword.kernels import SubwordRows, cbow_chunk, hidden_scale, skipgram_chunk
from subword.reference import cbow_step, pair_gradients, pair_loss, hidden, sg_step
from wordvec.engine.alias import alias_draw, alias_table
from wordvec.engine.rng import below, next_u64, to_unit
from wordvec.engine.windows import Chunk, CorpusArrays, NegativeSampling
from wordvec.text.subwords import subword_table

pytestmark = pytest.mark.kernel
# Short words of few letters: n-grams repeat within words ("aaaa") and collide
# across them in few buckets, the cases where the kernel's shortcut must still hold.
WORDS = ["aaaa", "ab", "ba", "abab", "bbb", "aab", "b", "abba"]
BUCKET, DIM = 11, 6


def draw(state):
    state, bits = next_u64(np.uint64(state))
    return np.uint64(state), np.uint64(bits)


class Problem:
    def __init__(self, seed, minn=2, maxn=3):
        rng = np.random.default_rng(seed)
        self.words = WORDS
        V = len(self.words)
        lengths = rng.integers(1, 9, size=5)
        self.bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        self.ids = np.minimum(rng.geometric(0.3, size=self.bounds[-1]) - 1, V - 1).astype(np.int32)
        self.keep_prob = np.where(np.arange(V) < 2, 0.6, 1.0)
        self.noise_prob, self.noise_alias = alias_table(rng.random(V) + 0.1)
        self.window = int(rng.integers(1, 4))
        self.negative = int(rng.integers(1, 4))
        table = subword_table(self.words, minn, maxn, BUCKET)
        self.table = table
        self.rows = SubwordRows(table.offsets, table.ids, hidden_scale(table.offsets, table.ids))
        self.W_in = (rng.normal(size=(V + BUCKET, DIM)) * 0.3).astype(np.float32)
        self.W_out = (rng.normal(size=(V, DIM)) * 0.3).astype(np.float32)

    def kernel_args(self, W_out):
        return (CorpusArrays(self.ids, self.bounds, self.keep_prob),
                NegativeSampling(self.negative, W_out, self.noise_prob, self.noise_alias))

    def subsample(self, s, state):
        kept = []
        for word in self.ids[self.bounds[s]:self.bounds[s + 1]]:
            if self.keep_prob[word] < 1.0:
                state, bits = draw(state)
                if to_unit(bits) >= self.keep_prob[word]:
                    continue
            kept.append(int(word))
        return kept, state

    def draw_noise(self, positive, state):
        noise = []
        for _ in range(self.negative):
            state, bits = draw(state)
            word = int(alias_draw(self.noise_prob, self.noise_alias, bits))
            if word != positive:
                noise.append(word)
        return noise, state


def replay(p, cbow, W_in, W_out, first, end, alpha, state):
    """The kernels' walk, written plainly, training with the reference."""
    loss, examples = 0.0, 0
    for s in range(first, end):
        kept, state = p.subsample(s, state)
        for i, center in enumerate(kept):
            state, bits = draw(state)
            reach = p.window - below(bits, p.window)
            window = [j for j in range(max(0, i - reach), min(len(kept), i + reach + 1)) if j != i]
            if not window:
                continue
            if cbow:
                noise, state = p.draw_noise(center, state)
                loss += cbow_step(W_in, W_out, [p.table.rows_of(kept[j]) for j in window],
                                  center, noise, alpha)
                examples += 1
                continue
            pairs = []
            for j in window:  # all the centre's noise first, as the kernel draws it
                noise, state = p.draw_noise(kept[j], state)
                pairs.append((kept[j], noise))
            for context, noise in pairs:
                loss += sg_step(W_in, W_out, p.table.rows_of(center), context, noise, alpha)
                examples += 1
    return loss, examples, state


@pytest.mark.parametrize("cbow", [False, True], ids=["skipgram", "cbow"])
@pytest.mark.parametrize("seed", range(6))
def test_kernel_replays_the_reference_pair_by_pair(seed, cbow):
    p = Problem(seed)
    alpha = np.float32(0.05)  # constant along the chunk: alpha_start == alpha_end
    W_in, W_out = p.W_in.copy(), p.W_out.copy()
    kernel = cbow_chunk if cbow else skipgram_chunk
    corpus, ns = p.kernel_args(W_out)
    n_sentences = len(p.bounds) - 1
    loss, examples, words, state = kernel(corpus, Chunk(0, n_sentences, alpha, alpha), W_in,
                                          p.rows, DIM, p.window, ns, np.uint64(seed + 1))
    ref_in, ref_out = p.W_in.astype(np.float64), p.W_out.astype(np.float64)
    ref_loss, ref_examples, ref_state = replay(p, cbow, ref_in, ref_out, 0, n_sentences,
                                               float(alpha), seed + 1)
    assert examples == ref_examples > 0
    assert words == p.bounds[-1] and state == ref_state
    np.testing.assert_allclose(loss, ref_loss, rtol=1e-5)
    np.testing.assert_allclose(W_in, ref_in, atol=1e-5)
    np.testing.assert_allclose(W_out, ref_out, atol=1e-5)
    assert not np.array_equal(W_in, p.W_in)  # something trained


def test_repeated_ngrams_are_the_case_the_shortcut_must_handle():
    """'aaaa' has the n-gram 'aa' three times: its hidden_scale is above 1, and the
    replay above passes through it (seed 0 trains on it)."""
    p = Problem(0)
    scale = p.rows.hidden_scale[p.words.index("aaaa")]
    rows = p.table.rows_of(p.words.index("aaaa"))
    _, counts = np.unique(rows, return_counts=True)
    assert scale == pytest.approx((counts ** 2).sum() / len(rows)) and scale > 1
    assert 0 in p.ids  # "aaaa" is word 0, the most frequent in the geometric draw


@pytest.mark.parametrize("seed", range(3))
def test_reference_gradients_match_finite_differences(seed):
    rng = np.random.default_rng(seed)
    Z, V = rng.normal(size=(9, 4)), rng.normal(size=(5, 4))
    rows = np.array([0, 6, 7, 6])          # a repeated n-gram row counts twice
    context, noise = 1, [2, 4]

    def loss():
        return pair_loss(hidden(Z, rows), V[context], V[noise])

    J, grad_Z, grad_c, grad_noise = pair_gradients(Z, V, rows, context, noise)
    assert J == pytest.approx(loss())
    np.testing.assert_allclose(grad_Z, numeric_gradient(loss, Z), atol=1e-6)
    numeric_V = numeric_gradient(loss, V)
    np.testing.assert_allclose(grad_c, numeric_V[context], atol=1e-6)
    np.testing.assert_allclose(grad_noise, numeric_V[noise], atol=1e-6)


def test_sg_step_moves_every_row_by_the_whole_input_gradient():
    """The tool's rule, not the exact gradient: each occurrence of a row gets -alpha ∂J/∂h."""
    rng = np.random.default_rng(5)
    Z, V = rng.normal(size=(9, 4)), rng.normal(size=(5, 4))
    rows = np.array([0, 6, 7, 6])
    _, grad_Z, _, _ = pair_gradients(Z.copy(), V.copy(), rows, 1, [2])
    before = Z.copy()
    sg_step(Z, V, rows, 1, [2], alpha=0.1)
    moved = before - Z
    # Row 6 occurs twice: twice the step; the exact gradient would give it 2/4 of it.
    np.testing.assert_allclose(moved[6], 2 * moved[0])
    np.testing.assert_allclose(moved[0], 0.1 * grad_Z[0] * len(rows))
