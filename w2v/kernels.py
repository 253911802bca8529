"""Numba kernels for Word2Vec: plain functions over flat arrays, no objects.

``train_targets`` (in the core's engine, ``wordvec/engine/logistic.py``) is
``reference.train_targets`` made fast: the one step every variant shares,
with the same names for the same quantities (h, grad_h = ∂J/∂h,
g = ∂J/∂score). ``skipgram_chunk`` and ``cbow_chunk`` walk a chunk of the
encoded corpus and feed it to that step, example after example, with
negative sampling, hierarchical softmax, or both. The Python driver
(``base.py``) calls them once per chunk and owns everything else.

The arrays travel in bundles, one per concept (namedtuples: Numba passes
them like C structs, at no cost). ``CorpusArrays``, ``Chunk`` and
``NegativeSampling`` are the engine's (``wordvec/engine/windows.py``, with
``subsample``, ``draw_noise`` and the other pieces fastText shares); the
one of Word2Vec's own is::

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

from wordvec.engine import below, float_kernel, next_u64, prefetch_row
from wordvec.engine.logistic import fold_loss, train_targets
from wordvec.engine.windows import (Chunk, CorpusArrays, NegativeSampling, chunk_scratch,
                                    draw_noise, plan_window, sentence_alpha, subsample)

__all__ = ["Chunk", "CorpusArrays", "HierarchicalSoftmax", "NegativeSampling", "cbow_chunk",
           "skipgram_chunk", "train_targets"]

HierarchicalSoftmax = namedtuple("HierarchicalSoftmax", "on W_hs points labels lengths")


@float_kernel
def hs_scratch(hs):
    """Buffers for one word's Huffman path and its labels.

    Why the kernels copy rows instead of taking views such as ``W_in[row]``
    or ``hs.points[center]``: each view of an array counts a reference to
    it, an atomic write to the array's one shared counter. With two threads
    on the same matrices, every training pair then moves that counter's
    cache line between the cores, which cost skip-gram much of its second
    core (bench/results/). A copy into a thread's own buffer touches
    nothing shared but the rows themselves.
    """
    return (np.empty(hs.points.shape[1], dtype=np.int32),
            np.empty(hs.labels.shape[1], dtype=np.float32))


@float_kernel
def copy_path(hs, word, path, path_labels):
    """path, path_labels = word's inner nodes and their labels (see hs_scratch)."""
    for p in range(hs.lengths[word]):
        path[p] = hs.points[word, p]
        path_labels[p] = hs.labels[word, p]


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
    h = np.empty(dim, dtype=np.float32)
    grad_h = np.empty(dim, dtype=np.float32)
    path, path_labels = hs_scratch(hs)
    scratch = np.empty(max(negative + 1, path.shape[0]), dtype=np.float32)  # train_targets'
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(chunk.first_sentence, chunk.end_sentence):
        alpha = sentence_alpha(bounds, chunk, s)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(length):
            center = kept[i]
            # The word entering the window's far edge is the one context row
            # not used by the last few centres: ask for it early (4% faster).
            if i + window < length:
                prefetch_row(W_in, kept[i + window])
            if hs.on:
                copy_path(hs, center, path, path_labels)
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
                row = contexts[e]
                for k in range(dim):  # a copy, not a view: see hs_scratch
                    h[k] = W_in[row, k]
                if hs.on:
                    likelihood *= train_targets(h, hs.W_hs, path, path_labels,
                                                hs.lengths[center], alpha, grad_h, scratch)
                if negative > 0:
                    likelihood *= train_targets(h, ns.W_out, targets[e], ns_labels,
                                                n_targets[e], alpha, grad_h, scratch)
                for k in range(dim):  # updated only now, after both layers
                    W_in[row, k] = h[k] - alpha * grad_h[k]
                examples += 1
                loss, likelihood = fold_loss(loss, likelihood)
    loss -= math.log(likelihood)
    first, end = chunk.first_sentence, chunk.end_sentence
    return loss, examples, bounds[end] - bounds[first], state


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
    path, path_labels = hs_scratch(hs)
    scratch = np.empty(max(negative + 1, path.shape[0]), dtype=np.float32)  # train_targets'
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(chunk.first_sentence, chunk.end_sentence):
        alpha = sentence_alpha(bounds, chunk, s)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(-1, length):
            if i + 1 < length:
                slot = (i + 1) % 2
                n_contexts[slot], n_targets[slot], state = plan_window(
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
                copy_path(hs, center, path, path_labels)
                likelihood *= train_targets(h, hs.W_hs, path, path_labels, hs.lengths[center],
                                            alpha, grad_h, scratch)
            if negative > 0:
                likelihood *= train_targets(h, ns.W_out, targets[slot], ns_labels,
                                            n_targets[slot], alpha, grad_h, scratch)
            for c in range(n_contexts[slot]):
                row = contexts[slot, c]
                for k in range(dim):
                    W_in[row, k] -= alpha * grad_h[k]
            examples += 1
            loss, likelihood = fold_loss(loss, likelihood)
    loss -= math.log(likelihood)
    first, end = chunk.first_sentence, chunk.end_sentence
    return loss, examples, bounds[end] - bounds[first], state
