"""Numba kernels for fastText: skip-gram and CBOW over a word's n-gram rows.

``reference.py`` is the model, one pair at a time; these kernels walk a chunk
of the encoded corpus with the core engine's pieces (``wordvec.engine``:
subsampling, reduced windows, noise words, ``train_targets``, the bundles
``CorpusArrays``, ``Chunk`` and ``NegativeSampling``) and one bundle of
their own::

    SubwordRows(offsets, ids, hidden_scale)
        offsets       (V + 1,) int64   word w's rows are ids[offsets[w]:offsets[w + 1]]
        ids           (total,) int32   its own row w first, then its n-grams'
                                       (wordvec.text.subwords.subword_table)
        hidden_scale  (V,) float32     Σ_r m_r² / |G_w| over its distinct rows r,
                                       m_r the times r occurs in the list (1 when
                                       no row repeats, as for most words)

W_in is (V + bucket, stride) float32: the words' rows, then the n-gram
buckets' (the tool's input matrix); only the first ``dim`` columns are used.

Skip-gram, the same arithmetic with less memory traffic. The tool, for each
(centre, context) pair, recomputes h = the mean of the centre's ~20 rows and
then writes all of them. Every row moves by the same step d = -alpha ∂J/∂h,
so the mean moves by d times ``hidden_scale`` (exactly d when no row
repeats): the kernel updates h by that, adds d to a running total, and
writes the rows once, after the centre's last context word. In exact
arithmetic every gradient and every row ends where the tool's would; in
float32 they differ in the last bits (the test replays ``reference.sg_step``
pair by pair and allows 1e-5). With several workers, other threads see the
centre's rows a few pairs late, which Hogwild tolerates anyway.

Noise words equal to the positive target are skipped, not redrawn (the
engine's ``draw_noise``, as word2vec.c and gensim; the tool redraws).
"""
import math
from collections import namedtuple

import numpy as np

from wordvec.engine import below, float_kernel, next_u64, prefetch_row
from wordvec.engine.logistic import fold_loss, train_targets
from wordvec.engine.windows import (chunk_scratch, draw_noise, plan_window, sentence_alpha,
                                    subsample)

SubwordRows = namedtuple("SubwordRows", "offsets ids hidden_scale")


def hidden_scale(offsets, ids):
    """Σ_r m_r² / |G_w| for every word (see the module docstring), float32.

    >>> hidden_scale(np.array([0, 3, 5]), np.array([0, 7, 9, 1, 8]))
    array([1., 1.], dtype=float32)
    >>> hidden_scale(np.array([0, 4]), np.array([0, 7, 7, 9]))   # (1 + 4 + 1) / 4
    array([1.5], dtype=float32)
    """
    lengths = np.diff(offsets)
    words = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    keys = words * (int(ids.max(initial=0)) + 1) + ids
    unique, counts = np.unique(keys, return_counts=True)
    owner = unique // (int(ids.max(initial=0)) + 1)
    squares = np.bincount(owner, weights=counts.astype(np.float64) ** 2, minlength=len(lengths))
    return (squares / np.maximum(lengths, 1)).astype(np.float32)


@float_kernel
def _mean_of_rows(W_in, subwords, word, h):
    """h = the mean of word's rows (float32, as the tool's computeHidden)."""
    h[:] = 0.0
    first, end = subwords.offsets[word], subwords.offsets[word + 1]
    for p in range(first, end):
        row = subwords.ids[p]
        for k in range(h.shape[0]):
            h[k] += W_in[row, k]
    scale = np.float32(1.0) / np.float32(end - first)
    for k in range(h.shape[0]):
        h[k] *= scale


@float_kernel
def _prefetch_rows(W_in, subwords, word):
    for p in range(subwords.offsets[word], subwords.offsets[word + 1]):
        prefetch_row(W_in, subwords.ids[p])


@float_kernel
def skipgram_chunk(corpus, chunk, W_in, subwords, dim, window, ns, state):
    """Train fastText's skip-gram on the sentences of ``chunk``; in place.

    The centre word's n-gram mean h predicts each word of its reduced
    window against ``ns.negative`` noise words. Random numbers, in the order
    the tests replay: per sentence, ``subsample``'s; per kept centre word,
    one for its window; then per context word, ``draw_noise``'s.

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    ids, bounds, keep_prob = corpus
    negative = ns.negative
    kept, ns_labels = chunk_scratch(bounds, chunk, negative)
    contexts = np.empty(2 * window, dtype=np.int32)
    targets = np.empty((2 * window, negative + 1), dtype=np.int64)
    n_targets = np.empty(2 * window, dtype=np.int64)
    h = np.empty(dim, dtype=np.float32)
    grad_h = np.empty(dim, dtype=np.float32)
    scratch = np.empty(negative + 1, dtype=np.float32)  # train_targets'
    total = np.empty(dim, dtype=np.float32)
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(chunk.first_sentence, chunk.end_sentence):
        alpha = sentence_alpha(bounds, chunk, s)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(length):
            center = kept[i]
            if i + 1 < length:  # the next centre's ~20 rows load while this one trains
                _prefetch_rows(W_in, subwords, kept[i + 1])
            state, bits = next_u64(state)
            reach = window - below(bits, window)
            n_examples = 0
            for j in range(max(0, i - reach), min(length, i + reach + 1)):
                if j != i:
                    contexts[n_examples] = kept[j]
                    n_targets[n_examples], state = draw_noise(kept[j], ns, targets[n_examples],
                                                              state)
                    n_examples += 1
            if n_examples == 0:
                continue
            _mean_of_rows(W_in, subwords, center, h)
            total[:] = 0.0
            scale = subwords.hidden_scale[center]
            for e in range(n_examples):
                if e + 1 < n_examples:
                    for t in range(n_targets[e + 1]):
                        prefetch_row(ns.W_out, targets[e + 1, t])
                grad_h[:] = 0.0
                likelihood *= train_targets(h, ns.W_out, targets[e], ns_labels, n_targets[e],
                                            alpha, grad_h, scratch)
                for k in range(dim):
                    step = -alpha * grad_h[k]
                    total[k] += step
                    h[k] += scale * step  # where the mean of the moved rows now is
                examples += 1
                loss, likelihood = fold_loss(loss, likelihood)
            for p in range(subwords.offsets[center], subwords.offsets[center + 1]):
                row = subwords.ids[p]
                for k in range(dim):
                    W_in[row, k] += total[k]
    loss -= math.log(likelihood)
    first, end = chunk.first_sentence, chunk.end_sentence
    return loss, examples, bounds[end] - bounds[first], state


@float_kernel
def cbow_chunk(corpus, chunk, W_in, subwords, dim, window, ns, state):
    """Train fastText's CBOW on the sentences of ``chunk``; in place.

    h is the mean of the rows of all the context words' n-grams together
    (one list, as the tool's ``bow``); it predicts the centre word, and every
    row of the list moves by the whole -alpha ∂J/∂h. Random numbers: per
    sentence, ``subsample``'s; per kept centre, one for its window and, if it
    has context words, ``draw_noise``'s.

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    ids, bounds, keep_prob = corpus
    negative = ns.negative
    kept, ns_labels = chunk_scratch(bounds, chunk, negative)
    contexts = np.empty(2 * window, dtype=np.int32)
    targets = np.empty(negative + 1, dtype=np.int64)
    h = np.empty(dim, dtype=np.float32)
    grad_h = np.empty(dim, dtype=np.float32)
    scratch = np.empty(negative + 1, dtype=np.float32)  # train_targets'
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(chunk.first_sentence, chunk.end_sentence):
        alpha = sentence_alpha(bounds, chunk, s)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(length):
            n_contexts, n_targets, state = plan_window(kept, length, i, window, ns, contexts,
                                                       targets, state)
            if n_contexts == 0:
                continue
            h[:] = 0.0
            count = 0
            for c in range(n_contexts):
                word = contexts[c]
                for p in range(subwords.offsets[word], subwords.offsets[word + 1]):
                    row = subwords.ids[p]
                    for k in range(dim):
                        h[k] += W_in[row, k]
                count += subwords.offsets[word + 1] - subwords.offsets[word]
            scale = np.float32(1.0) / np.float32(count)
            for k in range(dim):
                h[k] *= scale
            grad_h[:] = 0.0
            likelihood *= train_targets(h, ns.W_out, targets, ns_labels, n_targets, alpha,
                                        grad_h, scratch)
            for c in range(n_contexts):
                word = contexts[c]
                for p in range(subwords.offsets[word], subwords.offsets[word + 1]):
                    row = subwords.ids[p]
                    for k in range(dim):
                        W_in[row, k] -= alpha * grad_h[k]
            examples += 1
            loss, likelihood = fold_loss(loss, likelihood)
    loss -= math.log(likelihood)
    first, end = chunk.first_sentence, chunk.end_sentence
    return loss, examples, bounds[end] - bounds[first], state
