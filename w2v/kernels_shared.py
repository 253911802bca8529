"""Numba kernel for skip-gram with negatives shared by a window (pWord2Vec).

``reference_shared.py`` is the step in NumPy; this kernel walks a chunk of
the corpus with it, on the engine's shared pieces (``CorpusArrays``,
``Chunk``, ``NegativeSampling``, ``subsample``, ``draw_noise``). Per centre
word: M, its window's W_in rows, and T, the centre's and the shared noise
words' W_out rows, are copied into small contiguous buffers; then the three
products S = M Tᵀ, G T and Gᵀ M are plain loops over them that LLVM
vectorises, and each W_out row is written once per window.

Random numbers, in the order the tests replay: per sentence, ``subsample``'s;
per kept centre word, one for its reduced window and, if the window holds a
context word, ``draw_noise``'s (once for the whole window). The next
window is planned (its draws made, in that same order) before this one
trains, so that its rows can be prefetched.
"""
import math

import numpy as np

from wordvec.engine import float_kernel, prefetch_row
from wordvec.engine.logistic import MAX_SCORE, exp32, fold_loss
from wordvec.engine.windows import chunk_scratch, plan_window, sentence_alpha, subsample


@float_kernel
def _products(M, T, S, n_rows, n_cols):
    """S[a, t] = M[a] · T[t] for a < n_rows, t < n_cols (S = M Tᵀ).

    Three rows of T per pass over M[a]: one load of M[a] feeds three dot
    products, and their sums are independent (4% faster than one at a time)."""
    width = M.shape[1]
    for a in range(n_rows):
        t = 0
        while t + 3 <= n_cols:
            s0, s1, s2 = np.float32(0.0), np.float32(0.0), np.float32(0.0)
            for k in range(width):
                s0 += M[a, k] * T[t, k]
                s1 += M[a, k] * T[t + 1, k]
                s2 += M[a, k] * T[t + 2, k]
            S[a, t], S[a, t + 1], S[a, t + 2] = s0, s1, s2
            t += 3
        for t in range(t, n_cols):
            score = np.float32(0.0)
            for k in range(width):
                score += M[a, k] * T[t, k]
            S[a, t] = score


@float_kernel
def _add_combinations(W, rows, C, X, n_rows, n_cols):
    """W[rows[i]] += Σ_j C[i, j] X[j] for i < n_rows, j < n_cols (a row of C X).

    Three rows of X per pass, so each row of W is loaded and stored a
    third as often."""
    width = X.shape[1]
    for i in range(n_rows):
        row = rows[i]
        j = 0
        while j + 3 <= n_cols:
            c0, c1, c2 = C[i, j], C[i, j + 1], C[i, j + 2]
            for k in range(width):
                W[row, k] += c0 * X[j, k] + c1 * X[j + 1, k] + c2 * X[j + 2, k]
            j += 3
        for j in range(j, n_cols):
            c = C[i, j]
            for k in range(width):
                W[row, k] += c * X[j, k]


@float_kernel
def _train_window(W_in, ns, contexts, targets, sizes, labels, alpha, buffers):
    """One window's three products; returns (likelihood of its pairs, loss folded).

    sizes = (m context words, number of targets); buffers = (M, T, G, Gᵀ).
    Gᵀ is G written a second time, transposed, so that W_out's update reads
    it row by row: through the view ``G.T`` it measured 6% slower.
    The loops run over whole padded rows (``width`` columns, a multiple of
    16: see ``padded_rows``). The padding is zero in W_in and W_out, so it
    adds nothing and stays zero, and no loop needs a scalar tail.
    """
    n_contexts, n_targets = sizes
    M, T, G, G_t = buffers
    W_out = ns.W_out
    width = M.shape[1]
    for a in range(n_contexts):
        row = contexts[a]  # hoisted: Numba can't tell that M doesn't alias contexts,
        for k in range(width):  # and reloading it per element stops vectorisation
            M[a, k] = W_in[row, k]
    for t in range(n_targets):
        row = targets[t]
        for k in range(width):
            T[t, k] = W_out[row, k]
    _products(M, T, G, n_contexts, n_targets)        # S = M Tᵀ, kept in G for now
    # G = alpha (Y - σ(S)), in a loop of its own: the pairs' exps then overlap
    # instead of each waiting for its dot product.
    loss, likelihood = 0.0, 1.0
    for a in range(n_contexts):
        for t in range(n_targets):
            score = G[a, t]
            if score > MAX_SCORE:
                score = MAX_SCORE
            elif score < -MAX_SCORE:
                score = -MAX_SCORE
            exp_minus = exp32(-score)
            prob = np.float32(1.0) / (np.float32(1.0) + exp_minus)
            likelihood *= np.float64(prob if labels[t] > 0.5 else exp_minus * prob)
            G[a, t] = G_t[t, a] = alpha * (labels[t] - prob)
        loss, likelihood = fold_loss(loss, likelihood)
    _add_combinations(W_in, contexts, G, T, n_contexts, n_targets)     # W_in[c_a] += (G T)_a
    _add_combinations(W_out, targets, G_t, M, n_targets, n_contexts)   # W_out[t] += (Gᵀ M)_t,
    return loss, likelihood                                            # once per window


@float_kernel
def skipgram_shared_chunk(corpus, chunk, W_in, dim, window, ns, state):
    """Train skip-gram with shared negatives on the sentences of ``chunk``; in place.

    Arguments as ``kernels.skipgram_chunk``'s, without hierarchical softmax,
    with one difference: all the columns of W_in and W_out are trained,
    their padding too, which must be zero (``padded_rows``); ``dim`` only
    checks that the rows hold the vectors.
    Every (centre, context) pair is still one example, so the loss per
    example compares with plain skip-gram's.

    Returns (loss sum, examples trained, words before subsampling, state).
    """
    if ns.W_out.shape[1] != W_in.shape[1] or W_in.shape[1] < dim:
        raise ValueError("W_in and W_out must have rows of one width, at least dim")
    ids, bounds, keep_prob = corpus
    negative = ns.negative
    kept, labels = chunk_scratch(bounds, chunk, negative)
    # Two slots: window i trains from one while window i + 1 is planned in the other.
    contexts = np.empty((2, 2 * window), dtype=np.int32)
    targets = np.empty((2, negative + 1), dtype=np.int64)
    n_contexts = np.zeros(2, dtype=np.int64)
    n_targets = np.zeros(2, dtype=np.int64)
    width = W_in.shape[1]
    buffers = (np.empty((2 * window, width), dtype=np.float32),
               np.empty((negative + 1, width), dtype=np.float32),
               np.empty((2 * window, negative + 1), dtype=np.float32),
               np.empty((negative + 1, 2 * window), dtype=np.float32))
    loss, likelihood, examples = 0.0, 1.0, 0

    for s in range(chunk.first_sentence, chunk.end_sentence):
        alpha = sentence_alpha(bounds, chunk, s)
        length, state = subsample(ids, bounds[s], bounds[s + 1], keep_prob, kept, state)
        for i in range(-1, length):
            if i + 1 < length:
                slot = (i + 1) % 2
                n_contexts[slot], n_targets[slot], state = plan_window(
                    kept, length, i + 1, window, ns, contexts[slot], targets[slot], state)
                for t in range(n_targets[slot]):
                    prefetch_row(ns.W_out, targets[slot, t])
            if i < 0 or n_contexts[i % 2] == 0:
                continue
            slot = i % 2
            window_loss, window_likelihood = _train_window(
                W_in, ns, contexts[slot], targets[slot], (n_contexts[slot], n_targets[slot]),
                labels, alpha, buffers)
            loss += window_loss
            likelihood *= window_likelihood
            loss, likelihood = fold_loss(loss, likelihood)
            examples += n_contexts[slot]
    loss -= math.log(likelihood)
    first, end = chunk.first_sentence, chunk.end_sentence
    return loss, examples, bounds[end] - bounds[first], state
