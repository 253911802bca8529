"""Numba kernels for Word2Vec: plain functions over flat arrays, no objects.

``sgns_example`` is ``reference.sgd_step`` made fast; ``skipgram_chunk``
walks a slice of the encoded corpus and feeds it example after example.
The Python driver (``base.py``) calls ``skipgram_chunk`` once per chunk of
~1M words and owns everything else: learning-rate schedule, progress bar,
threads, loss history.

Shapes used throughout::

    V    vocabulary size      dim   vector size
    W_in   (V, stride) float32   input vectors, the ones we keep as "the" vectors
    W_out  (V, stride) float32   output vectors (word2vec.c's syn1neg)

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
# (see skipgram_chunk); products of one example's terms stay above 1e-110.
_UNDERFLOW_GUARD = 1e-190

# fastmath minus the "no NaN / no inf" promises: a diverging run must still
# produce a NaN loss that the driver can see and report.
_FASTMATH = {"reassoc", "contract", "arcp", "nsz", "afn"}
_jit = njit(cache=True, nogil=True, fastmath=_FASTMATH, error_model="numpy")


@_jit
def sgns_example(W_in, W_out, context, center, negatives, n_negatives, alpha, neu1e):
    """One SGD step on one (context, center, negatives) example, in place.

    W_in, W_out  (V, stride) float32   updated in place, columns [0, dim)
    negatives    (>= n_negatives,) int64   noise word ids, none equal to ``center``
    neu1e        (dim,) float32     scratch: the accumulated update of W_in[context];
                                    its length is the vector size
    Returns the example's likelihood σ(u·v) Π σ(-u_k·v) (float64); its
    -log is the reference's loss. Returning the product, not the log,
    lets the caller take one log per ~50 examples: log is the most
    expensive instruction here.
    """
    dim = neu1e.shape[0]
    neu1e[:] = 0.0
    likelihood = 1.0
    for slot in range(n_negatives + 1):
        target = center if slot == 0 else negatives[slot - 1]
        label = np.float32(1.0) if slot == 0 else np.float32(0.0)
        score = np.float32(0.0)
        for k in range(dim):
            score += W_in[context, k] * W_out[target, k]
        if score > MAX_SCORE:  # written as ifs, not min/max, so a NaN passes through
            score = MAX_SCORE
        elif score < -MAX_SCORE:
            score = -MAX_SCORE
        exp_minus = np.float32(math.exp(-score))
        prob = np.float32(1.0) / (np.float32(1.0) + exp_minus)  # σ(score)
        # σ(-x) = e^-x σ(x): exact even where 1 - σ(x) would round to 0.
        likelihood *= np.float64(prob if slot == 0 else exp_minus * prob)
        gradient = (label - prob) * alpha  # minus dJ/dscore, times the step size
        for k in range(dim):
            neu1e[k] += gradient * W_out[target, k]
            W_out[target, k] += gradient * W_in[context, k]
    for k in range(dim):
        W_in[context, k] += neu1e[k]
    return likelihood


@_jit
def skipgram_chunk(ids, bounds, first_sentence, end_sentence, W_in, W_out, dim,
                   keep_prob, noise_prob, noise_alias, window, negative,
                   alpha_start, alpha_end, state):
    """Train skip-gram on sentences [first_sentence, end_sentence); in place.

    ids          (n_words,) int32    the encoded corpus (wordvec.encode)
    bounds       (n_sentences + 1,) int64   sentence s is ids[bounds[s]:bounds[s+1]]
    dim          int                 vector size (W_in.shape[1] unless rows are padded)
    keep_prob    (V,) float64        subsampling keep probability per word
    noise_prob   (V,) float64        alias table of the noise distribution
    noise_alias  (V,) int32          (wordvec.noise.alias_table)
    alpha_start, alpha_end           learning rate at the first and after the
                                     last word of the chunk; linear in between,
                                     stepped once per sentence
    state        uint64              random state (wordvec.rng)

    Random numbers are drawn in this order, which the tests replay:
    per sentence, one per word whose keep_prob < 1 (subsampling); then per
    kept centre word, one for its reduced window, then per context word,
    ``negative`` for the noise words (a draw equal to the centre is skipped,
    not redrawn, as in word2vec.c and gensim).

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    max_len = 1
    for s in range(first_sentence, end_sentence):
        max_len = max(max_len, bounds[s + 1] - bounds[s])
    kept = np.empty(max_len, dtype=np.int32)  # the sentence after subsampling
    contexts = np.empty(2 * window, dtype=np.int32)            # one centre's examples:
    negatives = np.empty((2 * window, max(negative, 1)), dtype=np.int64)  # their noise words
    n_negatives = np.empty(2 * window, dtype=np.int64)         # (draws equal to the centre
                                                               # are skipped)
    neu1e = np.empty(dim, dtype=np.float32)
    chunk_words = max(bounds[end_sentence] - bounds[first_sentence], 1)
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(first_sentence, end_sentence):
        done = (bounds[s] - bounds[first_sentence]) / chunk_words
        alpha = np.float32(alpha_start + (alpha_end - alpha_start) * done)
        # Subsample before forming windows, so windows reach past dropped words.
        length = 0
        for p in range(bounds[s], bounds[s + 1]):
            word = ids[p]
            if keep_prob[word] < 1.0:
                state, bits = next_u64(state)
                if to_unit(bits) >= keep_prob[word]:
                    continue
            kept[length] = word
            length += 1

        for i in range(length):
            center = kept[i]
            # Reduced window: a uniform size in 1..window, so nearer words
            # are seen more often (word2vec.c's b, gensim's reduced_windows).
            state, bits = next_u64(state)
            reach = window - below(bits, window)
            # Draw the noise words of all this centre's examples first (the
            # same random numbers, in the same order, as drawing them one
            # example at a time), so each example can prefetch the next one's.
            n_examples = 0
            for j in range(max(0, i - reach), min(length, i + reach + 1)):
                if j == i:
                    continue
                contexts[n_examples] = kept[j]
                n_neg = 0
                for _ in range(negative):
                    state, bits = next_u64(state)
                    noise = alias_draw(noise_prob, noise_alias, bits)
                    if noise != center:
                        negatives[n_examples, n_neg] = noise
                        n_neg += 1
                n_negatives[n_examples] = n_neg
                n_examples += 1

            # Ask for example e + 1's noise rows, then train example e while they load.
            for e in range(-1, n_examples):
                if e + 1 < n_examples:
                    for q in range(n_negatives[e + 1]):
                        prefetch_row(W_out, negatives[e + 1, q])
                if e < 0:
                    continue
                likelihood *= sgns_example(W_in, W_out, contexts[e], center, negatives[e],
                                           n_negatives[e], alpha, neu1e)
                examples += 1
                if likelihood < _UNDERFLOW_GUARD:
                    loss -= math.log(likelihood)
                    likelihood = 1.0
    loss -= math.log(likelihood)
    return loss, examples, bounds[end_sentence] - bounds[first_sentence], state
