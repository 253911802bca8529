"""Numba kernels for Word2Vec: plain functions over flat arrays, no objects.

``train_targets`` is ``reference.train_targets`` made fast: the one step
every variant shares, with the same names for the same quantities (h,
grad_h = ∂J/∂h, g = ∂J/∂score). ``skipgram_chunk`` and ``cbow_chunk`` walk
a chunk of the encoded corpus and feed it to that step, example after
example, with negative sampling, hierarchical softmax, or both. The Python
driver (``base.py``) calls them once per chunk and owns everything else.

The arrays travel in bundles, one per concept (namedtuples: Numba passes
them like C structs, at no cost)::

    CorpusArrays(ids, bounds, keep_prob)
        ids        (n_words,) int32          the encoded corpus (wordvec.text.encode)
        bounds     (n_sentences + 1,) int64  sentence s is ids[bounds[s]:bounds[s + 1]]
        keep_prob  (V,) float64              subsampling: the chance to keep each word
    Chunk(first_sentence, end_sentence, alpha_start, alpha_end)
        the sentences [first_sentence, end_sentence), and the learning rate at
        the chunk's first word and after its last (linear, stepped per sentence)
    NegativeSampling(negative, W_out, noise_prob, noise_alias)
        negative   int                       noise words per example; 0 turns NS off
        W_out      (V, stride) float32       output vectors (word2vec.c's syn1neg)
        noise_prob, noise_alias  (V,)        alias table of the noise distribution
    HierarchicalSoftmax(on, W_hs, points, labels, lengths)
        on         bool                      False turns HS off (the arrays are unused)
        W_hs       (V - 1, stride) float32   inner-node vectors (word2vec.c's syn1)
        points     (V, L) int32              each word's path of inner nodes (huffman.py)
        labels     (V, L) float32            1 - the branch bits on that path
        lengths    (V,) int32                path lengths

and W_in (V, stride) float32, the input vectors (the ones kept as "the"
vectors). Only the first ``dim`` columns are used: ``stride >= dim`` lets
the driver pad rows to whole cache lines (``wordvec.engine.hogwild.padded_rows``).

Vector arithmetic is float32, as in word2vec.c; loss sums are float64. The
decorator (``wordvec.engine.jit.float_kernel``) allows fast-math reordering, so
results differ from NumPy's in the last bits.
"""
import math
from collections import namedtuple

import numpy as np

from wordvec.engine import alias_draw, below, float_kernel, next_u64, prefetch_row, to_unit

CorpusArrays = namedtuple("CorpusArrays", "ids bounds keep_prob")
Chunk = namedtuple("Chunk", "first_sentence end_sentence alpha_start alpha_end")
NegativeSampling = namedtuple("NegativeSampling", "negative W_out noise_prob noise_alias")
HierarchicalSoftmax = namedtuple("HierarchicalSoftmax", "on W_hs points labels lengths")

# exp(-40) is below float32 resolution around 1, so clipping the score there
# never changes a gradient; it keeps exp() finite for any score.
MAX_SCORE = np.float32(40.0)
# Below this the running product of likelihoods is folded into the loss sum
# (see _fold); products of one example's terms stay far above 1e-300.
_UNDERFLOW_GUARD = 1e-150


@float_kernel
def train_targets(h, W_out, targets, labels, n_targets, alpha, grad_h):
    """Train the rows W_out[targets[:n_targets]] on input h, in place.

    h         (>= dim,) float32   the input vector (a row of W_in, or CBOW's mean)
    targets   (>= n_targets,) int  output rows; labels (>= n_targets,) float32, 0 or 1
    alpha     float32             the learning rate
    grad_h    (dim,) float32      ∂J/∂h, added to (the caller then moves h by
                                  -alpha grad_h); its length is the vector size
    Returns the likelihood Π σ(±u_t·h) of the labels (float64). Its -log is
    the reference's loss; returning the product, not the log, lets the
    caller take one log per many examples: log is the most expensive
    instruction here.
    """
    dim = grad_h.shape[0]
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
        g = prob - label  # ∂J/∂score
        step = alpha * g
        for k in range(dim):
            grad_h[k] += g * W_out[target, k]  # u_t before its own update
            W_out[target, k] -= step * h[k]
    return likelihood


@float_kernel
def _fold(loss, likelihood):
    """Move a small running likelihood product into the loss sum."""
    if likelihood < _UNDERFLOW_GUARD:
        return loss - math.log(likelihood), 1.0
    return loss, likelihood


@float_kernel
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


@float_kernel
def draw_noise(center, ns, targets, state):
    """targets[0] = center, then up to ``ns.negative`` noise words: a draw equal
    to the centre is skipped, not redrawn (word2vec.c, gensim). Returns
    (number of targets, state)."""
    targets[0] = center
    n_targets = 1
    for _ in range(ns.negative):
        state, bits = next_u64(state)
        noise = alias_draw(ns.noise_prob, ns.noise_alias, bits)
        if noise != center:
            targets[n_targets] = noise
            n_targets += 1
    return n_targets, state


@float_kernel
def chunk_scratch(bounds, chunk, negative):
    """What every chunk kernel allocates first: a buffer for the longest
    sentence after subsampling, and the NS labels (the centre 1, noise 0)."""
    longest = 1
    for s in range(chunk.first_sentence, chunk.end_sentence):
        longest = max(longest, bounds[s + 1] - bounds[s])
    ns_labels = np.zeros(negative + 1, dtype=np.float32)
    ns_labels[0] = 1.0
    return np.empty(longest, dtype=np.int32), ns_labels


@float_kernel
def sentence_alpha(bounds, chunk, s):
    """The learning rate for sentence s: linear over the chunk's words."""
    first, end = chunk.first_sentence, chunk.end_sentence
    done = (bounds[s] - bounds[first]) / max(bounds[end] - bounds[first], 1)
    return np.float32(chunk.alpha_start + (chunk.alpha_end - chunk.alpha_start) * done)


@float_kernel
def skipgram_chunk(corpus, chunk, W_in, dim, window, ns, hs, state):
    """Train skip-gram on the sentences of ``chunk``; in place.

    corpus, chunk, ns, hs   the bundles of the module docstring
    W_in    (V, stride) float32; dim, the columns used
    window  int      the largest reach; each centre draws its own in 1..window
    state   uint64   random state (wordvec.engine.rng)

    Every (centre, context) pair in a window is one example: the context
    word's input vector h = W_in[context] predicts the centre (word2vec.c's
    direction; see reference.py) through HS, NS or both.
    Random numbers are drawn in this order, which the tests replay: per
    sentence, ``subsample``'s; then per kept centre word, one for its
    reduced window, then per context word ``draw_noise``'s.

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    ids, bounds, keep_prob = corpus
    negative = ns.negative
    kept, ns_labels = chunk_scratch(bounds, chunk, negative)
    contexts = np.empty(2 * window, dtype=np.int32)                 # one centre's examples,
    targets = np.empty((2 * window, negative + 1), dtype=np.int64)  # their NS targets
    n_targets = np.empty(2 * window, dtype=np.int64)
    grad_h = np.empty(dim, dtype=np.float32)
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(chunk.first_sentence, chunk.end_sentence):
        alpha = sentence_alpha(bounds, chunk, s)
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
                        n_targets[n_examples], state = draw_noise(center, ns,
                                                                  targets[n_examples], state)
                    n_examples += 1
            # Ask for example e + 1's noise rows, then train example e while they load.
            for e in range(-1, n_examples):
                if e + 1 < n_examples and negative > 0:
                    for t in range(1, n_targets[e + 1]):
                        prefetch_row(ns.W_out, targets[e + 1, t])
                if e < 0:
                    continue
                grad_h[:] = 0.0
                h = W_in[contexts[e]]  # updated only below, after both layers
                if hs.on:
                    likelihood *= train_targets(h, hs.W_hs, hs.points[center],
                                                hs.labels[center], hs.lengths[center], alpha,
                                                grad_h)
                if negative > 0:
                    likelihood *= train_targets(h, ns.W_out, targets[e], ns_labels,
                                                n_targets[e], alpha, grad_h)
                for k in range(dim):
                    h[k] -= alpha * grad_h[k]
                examples += 1
                loss, likelihood = _fold(loss, likelihood)
    loss -= math.log(likelihood)
    first, end = chunk.first_sentence, chunk.end_sentence
    return loss, examples, bounds[end] - bounds[first], state


@float_kernel
def _plan_cbow(kept, length, i, window, ns, contexts, targets, state):
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
    if n_contexts > 0 and ns.negative > 0:
        n_targets, state = draw_noise(kept[i], ns, targets, state)
    return n_contexts, n_targets, state


@float_kernel
def cbow_chunk(corpus, chunk, W_in, dim, window, cbow_mean, ns, hs, state):
    """Train CBOW on the sentences of ``chunk``; in place.

    Arguments as ``skipgram_chunk``'s, plus ``cbow_mean``: h is the mean
    (True) or the sum of the context words' W_in rows. Each centre word with
    at least one context word is one example; every context row then moves
    by the whole -alpha grad_h (see reference_cbow.py for why it is not
    divided). Random numbers: per sentence, ``subsample``'s; then per kept
    centre, one for its reduced window and, if it has context words,
    ``draw_noise``'s.

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    ids, bounds, keep_prob = corpus
    negative = ns.negative
    kept, ns_labels = chunk_scratch(bounds, chunk, negative)
    # Two slots: while centre i trains from one, centre i + 1 is planned in
    # the other and its rows are prefetched.
    contexts = np.empty((2, 2 * window), dtype=np.int32)
    targets = np.empty((2, negative + 1), dtype=np.int64)
    n_contexts = np.zeros(2, dtype=np.int64)
    n_targets = np.zeros(2, dtype=np.int64)
    h = np.empty(dim, dtype=np.float32)
    grad_h = np.empty(dim, dtype=np.float32)
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(chunk.first_sentence, chunk.end_sentence):
        alpha = sentence_alpha(bounds, chunk, s)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(-1, length):
            if i + 1 < length:
                slot = (i + 1) % 2
                n_contexts[slot], n_targets[slot], state = _plan_cbow(
                    kept, length, i + 1, window, ns, contexts[slot], targets[slot], state)
                # Unlike skip-gram, each centre is one example, so even its
                # own W_out row and its context rows are worth fetching early.
                for t in range(n_targets[slot]):
                    prefetch_row(ns.W_out, targets[slot, t])
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
            grad_h[:] = 0.0
            if hs.on:
                likelihood *= train_targets(h, hs.W_hs, hs.points[center], hs.labels[center],
                                            hs.lengths[center], alpha, grad_h)
            if negative > 0:
                likelihood *= train_targets(h, ns.W_out, targets[slot], ns_labels,
                                            n_targets[slot], alpha, grad_h)
            for c in range(n_contexts[slot]):
                row = contexts[slot, c]
                for k in range(dim):
                    W_in[row, k] -= alpha * grad_h[k]
            examples += 1
            loss, likelihood = _fold(loss, likelihood)
    loss -= math.log(likelihood)
    first, end = chunk.first_sentence, chunk.end_sentence
    return loss, examples, bounds[end] - bounds[first], state
