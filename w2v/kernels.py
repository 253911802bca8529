"""Numba kernels for Word2Vec: plain functions over flat arrays, no objects.

``train_targets`` is ``reference.train_targets`` made fast: the one step
every variant shares. ``skipgram_chunk`` and ``cbow_chunk`` walk a slice
of the encoded corpus and feed it to that step, example after example, with
negative sampling, hierarchical softmax, or both. The Python driver
(``base.py``) calls them once per chunk of the corpus and owns everything
else: learning-rate schedule, progress bar, threads, loss history.

Shapes used throughout::

    V      vocabulary size            dim   vector size
    W_in   (V, stride) float32        input vectors: the ones we keep as "the" vectors
    W_out  (V, stride) float32        negative sampling's output vectors (word2vec.c's syn1neg)
    W_hs   (V - 1, stride) float32    hierarchical softmax's inner-node vectors (syn1)
    hs_points  (V, L) int32           each word's path of inner nodes (huffman.py)
    hs_labels  (V, L) float32         1 - the branch bits on that path
    hs_lengths (V,) int32             path lengths; an empty array turns HS off

Only the first ``dim`` columns are used. ``stride >= dim`` lets the driver
pad rows to whole cache lines (``wordvec.hogwild.padded_rows``); the
padding is never read or written.

All arithmetic on vectors is float32, as in word2vec.c; sums of losses are
float64. ``fastmath`` lets LLVM vectorise the dot products (reordering
float32 additions), so results differ from NumPy's in the last bits.
``nogil`` lets several Python threads run kernels at once (Hogwild).
"""
import math

import numpy as np
from numba import njit

from wordvec.noise import alias_draw
from wordvec.prefetch import prefetch_row
from wordvec.rng import below, next_u64, to_unit

# exp(-40) is below float32 resolution around 1, so clipping the score there
# never changes a gradient; it keeps exp() finite for any score.
MAX_SCORE = np.float32(40.0)
# Below this the running product of likelihoods is folded into the loss sum
# (see _fold); products of one example's terms stay far above 1e-300.
_UNDERFLOW_GUARD = 1e-150

# fastmath minus the "no NaN / no inf" promises: a diverging run must still
# produce a NaN loss that the driver can see and report.
_FASTMATH = {"reassoc", "contract", "arcp", "nsz", "afn"}
_jit = njit(cache=True, nogil=True, fastmath=_FASTMATH, error_model="numpy")


@_jit
def train_targets(h, W_out, targets, labels, n_targets, alpha, neu1e):
    """Train the rows W_out[targets[:n_targets]] on input h, in place.

    h         (>= dim,) float32   the input vector (a row of W_in, or CBOW's mean)
    targets   (>= n_targets,) int  output rows; labels (>= n_targets,) float32, 0 or 1
    neu1e     (dim,) float32      h's update, accumulated (-alpha dJ/dh); its
                                  length is the vector size
    Returns the likelihood Π σ(±u_t·h) of the labels (float64). Its -log is
    the reference's loss; returning the product, not the log, lets the
    caller take one log per many examples: log is the most expensive
    instruction here.
    """
    dim = neu1e.shape[0]
    likelihood = 1.0
    for t in range(n_targets):
        target = targets[t]
        label = labels[t]
        score = np.float32(0.0)
        for k in range(dim):
            score += h[k] * W_out[target, k]
        if score > MAX_SCORE:  # written as ifs, not min/max, so a NaN passes through
            score = MAX_SCORE
        elif score < -MAX_SCORE:
            score = -MAX_SCORE
        exp_minus = np.float32(math.exp(-score))
        prob = np.float32(1.0) / (np.float32(1.0) + exp_minus)  # σ(score)
        # σ(-x) = e^-x σ(x): exact even where 1 - σ(x) would round to 0.
        likelihood *= np.float64(prob if label > 0.5 else exp_minus * prob)
        gradient = (label - prob) * alpha  # minus dJ/dscore, times the step size
        for k in range(dim):
            neu1e[k] += gradient * W_out[target, k]
            W_out[target, k] += gradient * h[k]
    return likelihood


@_jit
def _fold(loss, likelihood):
    """Move a small running likelihood product into the loss sum."""
    if likelihood < _UNDERFLOW_GUARD:
        return loss - math.log(likelihood), 1.0
    return loss, likelihood


@_jit
def subsample(ids, start, end, keep_prob, kept, state):
    """Copy ids[start:end] into ``kept``, dropping each word with probability
    1 - keep_prob[word] (one random draw per word with keep_prob < 1).
    Returns (number kept, state). Done before windows are formed, so a
    window reaches past the dropped words, as in word2vec.c and gensim."""
    length = 0
    for p in range(start, end):
        word = ids[p]
        if keep_prob[word] < 1.0:
            state, bits = next_u64(state)
            if to_unit(bits) >= keep_prob[word]:
                continue
        kept[length] = word
        length += 1
    return length, state


@_jit
def draw_noise(center, negative, noise_prob, noise_alias, targets, state):
    """targets[0] = center, then up to ``negative`` noise words: a draw equal to
    the centre is skipped, not redrawn (word2vec.c, gensim). Returns
    (number of targets, state)."""
    targets[0] = center
    n_targets = 1
    for _ in range(negative):
        state, bits = next_u64(state)
        noise = alias_draw(noise_prob, noise_alias, bits)
        if noise != center:
            targets[n_targets] = noise
            n_targets += 1
    return n_targets, state


@_jit
def skipgram_chunk(ids, bounds, first_sentence, end_sentence, W_in, dim, keep_prob, window,
                   negative, W_out, noise_prob, noise_alias,
                   W_hs, hs_points, hs_labels, hs_lengths, alpha_start, alpha_end, state):
    """Train skip-gram on sentences [first_sentence, end_sentence); in place.

    ids          (n_words,) int32    the encoded corpus (wordvec.encode)
    bounds       (n_sentences + 1,) int64   sentence s is ids[bounds[s]:bounds[s+1]]
    keep_prob    (V,) float64        subsampling keep probability per word
    negative     int                 noise words per example; 0 turns NS off
    noise_prob, noise_alias  (V,)    alias table of the noise distribution (wordvec.noise)
    alpha_start, alpha_end           learning rate at the first and after the last word
                                     of the chunk; linear in between, stepped per sentence
    state        uint64              random state (wordvec.rng)
    (W_in, dim, W_out, W_hs and the hs_ arrays: see the module docstring.)

    Every (context, centre) pair in a window is one example: the context
    word's W_in row predicts the centre through HS, NS or both.
    Random numbers are drawn in this order, which the tests replay: per
    sentence, ``subsample``'s; then per kept centre word, one for its
    reduced window, then per context word ``draw_noise``'s.

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    max_len = 1
    for s in range(first_sentence, end_sentence):
        max_len = max(max_len, bounds[s + 1] - bounds[s])
    kept = np.empty(max_len, dtype=np.int32)    # the sentence after subsampling
    contexts = np.empty(2 * window, dtype=np.int32)                 # one centre's examples,
    targets = np.empty((2 * window, negative + 1), dtype=np.int64)  # their NS targets
    n_targets = np.empty(2 * window, dtype=np.int64)
    ns_labels = np.zeros(negative + 1, dtype=np.float32)
    ns_labels[0] = 1.0                          # the centre; noise words are 0
    neu1e = np.empty(dim, dtype=np.float32)
    use_hs = hs_lengths.shape[0] > 0
    chunk_words = max(bounds[end_sentence] - bounds[first_sentence], 1)
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(first_sentence, end_sentence):
        done = (bounds[s] - bounds[first_sentence]) / chunk_words
        alpha = np.float32(alpha_start + (alpha_end - alpha_start) * done)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(length):
            center = kept[i]
            # Reduced window: a uniform size in 1..window, so nearer words
            # are seen more often (word2vec.c's b, gensim's reduced_windows).
            state, bits = next_u64(state)
            reach = window - below(bits, window)
            # Draw the noise words of all this centre's examples first (the
            # same random numbers in the same order as one example at a
            # time), so each example can prefetch the next one's rows.
            n_examples = 0
            for j in range(max(0, i - reach), min(length, i + reach + 1)):
                if j != i:
                    contexts[n_examples] = kept[j]
                    if negative > 0:
                        n_targets[n_examples], state = draw_noise(
                            center, negative, noise_prob, noise_alias, targets[n_examples], state)
                    n_examples += 1
            # Ask for example e + 1's noise rows, then train example e while they load.
            for e in range(-1, n_examples):
                if e + 1 < n_examples and negative > 0:
                    for t in range(1, n_targets[e + 1]):
                        prefetch_row(W_out, targets[e + 1, t])
                if e < 0:
                    continue
                neu1e[:] = 0.0
                h = W_in[contexts[e]]  # updated only below, after both layers
                if use_hs:
                    likelihood *= train_targets(h, W_hs, hs_points[center], hs_labels[center],
                                                hs_lengths[center], alpha, neu1e)
                if negative > 0:
                    likelihood *= train_targets(h, W_out, targets[e], ns_labels, n_targets[e],
                                                alpha, neu1e)
                for k in range(dim):
                    h[k] += neu1e[k]
                examples += 1
                loss, likelihood = _fold(loss, likelihood)
    loss -= math.log(likelihood)
    return loss, examples, bounds[end_sentence] - bounds[first_sentence], state


@_jit
def _plan_cbow(kept, length, i, window, negative, noise_prob, noise_alias, contexts,
               targets, state):
    """Draw centre i's reduced window and noise words; fill contexts and targets.
    Returns (number of context words, number of NS targets, state)."""
    state, bits = next_u64(state)
    reach = window - below(bits, window)
    n_contexts = 0
    for j in range(max(0, i - reach), min(length, i + reach + 1)):
        if j != i:
            contexts[n_contexts] = kept[j]
            n_contexts += 1
    n_targets = 0
    if n_contexts > 0 and negative > 0:
        n_targets, state = draw_noise(kept[i], negative, noise_prob, noise_alias, targets,
                                      state)
    return n_contexts, n_targets, state


@_jit
def cbow_chunk(ids, bounds, first_sentence, end_sentence, W_in, dim, keep_prob, window,
               cbow_mean, negative, W_out, noise_prob, noise_alias,
               W_hs, hs_points, hs_labels, hs_lengths, alpha_start, alpha_end, state):
    """Train CBOW on sentences [first_sentence, end_sentence); in place.

    Arguments as ``skipgram_chunk``'s, plus ``cbow_mean``: h is the mean
    (True) or the sum of the context rows. Each centre word with at least one
    context word is one example; every context row then receives the whole
    update neu1e (see reference_cbow.py for why it is not divided).
    Random numbers: per sentence, ``subsample``'s; then per kept centre, one
    for its reduced window and, if it has context words, ``draw_noise``'s.

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    max_len = 1
    for s in range(first_sentence, end_sentence):
        max_len = max(max_len, bounds[s + 1] - bounds[s])
    kept = np.empty(max_len, dtype=np.int32)
    # Two slots: while centre i trains from one, centre i + 1 is planned in
    # the other and its noise rows are prefetched.
    contexts = np.empty((2, 2 * window), dtype=np.int32)
    targets = np.empty((2, negative + 1), dtype=np.int64)
    n_contexts = np.zeros(2, dtype=np.int64)
    n_targets = np.zeros(2, dtype=np.int64)
    ns_labels = np.zeros(negative + 1, dtype=np.float32)
    ns_labels[0] = 1.0
    h = np.empty(dim, dtype=np.float32)
    neu1e = np.empty(dim, dtype=np.float32)
    use_hs = hs_lengths.shape[0] > 0
    chunk_words = max(bounds[end_sentence] - bounds[first_sentence], 1)
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(first_sentence, end_sentence):
        done = (bounds[s] - bounds[first_sentence]) / chunk_words
        alpha = np.float32(alpha_start + (alpha_end - alpha_start) * done)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(-1, length):
            if i + 1 < length:
                slot = (i + 1) % 2
                n_contexts[slot], n_targets[slot], state = _plan_cbow(
                    kept, length, i + 1, window, negative, noise_prob, noise_alias,
                    contexts[slot], targets[slot], state)
                # Unlike skip-gram, each centre is one example, so even its
                # own W_out row and its context rows are worth fetching early.
                for t in range(n_targets[slot]):
                    prefetch_row(W_out, targets[slot, t])
                for c in range(n_contexts[slot]):
                    prefetch_row(W_in, contexts[slot, c])
            if i < 0 or n_contexts[i % 2] == 0:
                continue
            slot = i % 2
            center = kept[i]
            h[:] = 0.0
            for c in range(n_contexts[slot]):
                row = contexts[slot, c]  # hoisted: Numba can't tell that h doesn't alias it
                for k in range(dim):
                    h[k] += W_in[row, k]
            if cbow_mean:
                scale = np.float32(1.0) / np.float32(n_contexts[slot])
                for k in range(dim):
                    h[k] *= scale
            neu1e[:] = 0.0
            if use_hs:
                likelihood *= train_targets(h, W_hs, hs_points[center], hs_labels[center],
                                            hs_lengths[center], alpha, neu1e)
            if negative > 0:
                likelihood *= train_targets(h, W_out, targets[slot], ns_labels, n_targets[slot],
                                            alpha, neu1e)
            for c in range(n_contexts[slot]):
                row = contexts[slot, c]
                for k in range(dim):
                    W_in[row, k] += neu1e[k]
            examples += 1
            loss, likelihood = _fold(loss, likelihood)
    loss -= math.log(likelihood)
    return loss, examples, bounds[end_sentence] - bounds[first_sentence], state
