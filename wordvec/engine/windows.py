"""Walking a corpus in windows: the pieces every window-based kernel shares.

Word2Vec's and fastText's kernels read the encoded corpus in chunks of
sentences, drop frequent words at random (subsampling), draw each centre
word's window and its noise words, and step the learning rate down along the
chunk. The arrays travel in bundles, one per concept (namedtuples: Numba
passes them like C structs, at no cost)::

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

>>> kept = np.empty(4, np.int32)
>>> subsample(np.array([3, 1, 2], np.int32), 0, 3, np.ones(4), kept, np.uint64(1))[0]
3
"""
from collections import namedtuple

import numpy as np

from .alias import alias_draw
from .jit import float_kernel
from .rng import below, next_u64, to_unit

CorpusArrays = namedtuple("CorpusArrays", "ids bounds keep_prob")
Chunk = namedtuple("Chunk", "first_sentence end_sentence alpha_start alpha_end")
NegativeSampling = namedtuple("NegativeSampling", "negative W_out noise_prob noise_alias")


@float_kernel
def subsample(ids, start, end, keep_prob, kept, state):
    """Copy ids[start:end] into ``kept``, dropping each word with probability
    1 - keep_prob[word] (one random draw per word with keep_prob < 1).
    Returns (number kept, state). Done before windows are formed, so a
    window reaches past the dropped words, as in word2vec.c and gensim."""
    length = 0
    for p in range(start, end):
        word = ids[p]
        keep = True
        if keep_prob[word] < 1.0:  # predictable: the same words are always frequent
            state, bits = next_u64(state)
            keep = to_unit(bits) < keep_prob[word]
        # Written always, counted only if kept: a coin-flip branch costs more
        # than the store (see alias_draw).
        kept[length] = word
        length += 1 if keep else 0
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
def plan_window(kept, length, i, window, ns, contexts, targets, state):
    """Centre i's reduced window (a size drawn in 1..window, word2vec.c's rule) and,
    if it holds a word, its noise words: fills ``contexts`` with the window's
    words and ``targets`` with the centre, then the noise (``draw_noise``).
    Returns (number of context words, number of targets, state)."""
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
