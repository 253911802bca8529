"""Numba kernels for GloVe training: a shuffle and one AdaGrad pass over entries.

``adagrad_chunk`` is ``reference.adagrad_epoch`` made fast: the same terms,
in the same order, with the same arithmetic, except for the number types.
The C tool keeps everything in double; we keep float32 (half the memory
traffic, and twice as many square roots per SIMD instruction), with the
loss summed in float64. The driver (``estimator.py``) shuffles the entries
once per epoch with ``shuffle_order`` and hands slices of that order to the
threads.

The arrays travel in bundles, one per concept, as in the reference
(namedtuples: Numba passes them like C structs)::

    Entries(rows, cols, values, symmetric)    the co-occurrence matrix X
        rows, cols  (nnz,) int32     entry e is X[rows[e], cols[e]] = values[e]
        values      (nnz,) float32   (wordvec/cooccur/matrix.py; a symmetric
        symmetric   bool              matrix stores only i <= j)
    Params(W, W_ctx, b, b_ctx)                what is learnt
        W, W_ctx    (V, stride) float32   word and context vectors; first dim columns used
        b, b_ctx    (V,) float32          their biases
    GradSq(G, G_ctx, G_b, G_b_ctx)            AdaGrad's sums of squared steps, the
                                              same shapes, MINUS the initial 1 (below)
    Rates(x_max, alpha, eta, grad_clip, bias_eta)   the hyperparameters (see the
                                              estimator); floats, and a bool

Why G - 1 and not G: a rare word's coordinate gets squared steps of ~1e-9,
which float32 (resolution ~6e-8 around 1) would round away from a sum that
starts at 1, leaving its learning rate undecayed. Stored from 0, the sum
keeps them (float32 is relative), and 1 is added back when it is used:
the reference's G equals 1 + ours.
"""
import math
from collections import namedtuple

import numpy as np

from wordvec.engine import below, float_kernel, kernel, next_u64, prefetch_item, prefetch_row

Entries = namedtuple("Entries", "rows cols values symmetric")
Params = namedtuple("Params", "W W_ctx b b_ctx")
GradSq = namedtuple("GradSq", "G G_ctx G_b G_b_ctx")
Rates = namedtuple("Rates", "x_max alpha eta grad_clip bias_eta")

# Entries are fetched this many steps ahead, their vectors half as many: the
# rows of an entry can only be requested once its (i, j) has arrived.
_ENTRY_AHEAD = 16
_ROWS_AHEAD = 8


@kernel
def shuffle_order(order, state):
    """Fisher-Yates shuffle of ``order`` (nnz,) in place; returns the state."""
    for k in range(order.shape[0] - 1, 0, -1):
        state, bits = next_u64(state)
        other = below(bits, k + 1)
        order[k], order[other] = order[other], order[k]
    return state


@float_kernel
def adagrad_term(params, grad_sq, dim, i, j, x, rates):
    """One AdaGrad step on the term (word i, context j, X_ij = x); returns J/2.

    params, grad_sq, rates: the bundles above (rates' floats as float32).
    (See reference.adagrad_term: with bias_eta, eta and clipping apply to
    the biases too; without, the biases step as in the C tool.)
    """
    W, W_ctx, b, b_ctx = params
    G, G_ctx, G_b, G_b_ctx = grad_sq
    x_max, alpha, eta, grad_clip, bias_eta = rates
    diff = np.float32(0.0)
    for k in range(dim):
        diff += W[i, k] * W_ctx[j, k]
    diff += b[i] + b_ctx[j] - np.float32(math.log(x))
    weight = np.float32(1.0) if x > x_max else np.float32((x / x_max) ** alpha)
    fdiff = weight * diff
    one = np.float32(1.0)
    for k in range(dim):
        # Both steps from the vectors as they were, so compute before writing.
        step_w = eta * min(max(fdiff * W_ctx[j, k], -grad_clip), grad_clip)
        step_ctx = eta * min(max(fdiff * W[i, k], -grad_clip), grad_clip)
        W[i, k] -= step_w / math.sqrt(one + G[i, k])
        W_ctx[j, k] -= step_ctx / math.sqrt(one + G_ctx[j, k])
        G[i, k] += step_w * step_w
        G_ctx[j, k] += step_ctx * step_ctx
    step_b = eta * min(max(fdiff, -grad_clip), grad_clip) if bias_eta else fdiff
    b[i] -= step_b / math.sqrt(one + G_b[i])
    b_ctx[j] -= step_b / math.sqrt(one + G_b_ctx[j])
    G_b[i] += step_b * step_b
    G_b_ctx[j] += step_b * step_b
    return 0.5 * np.float64(fdiff) * np.float64(diff)


@float_kernel
def adagrad_chunk(X, order, start, end, params, grad_sq, dim, rates):
    """Train the entries order[start:end], in that order; in place.

    X        Entries          the co-occurrence matrix; if X.symmetric, an
                              off-diagonal entry is two terms: (i, j), then (j, i)
    order    (nnz,) int64     this epoch's shuffled entry numbers (shuffle_order)
    params, grad_sq           Params and GradSq (module docstring)
    dim      int              columns of W and W_ctx in use
    rates    Rates            x_max, alpha, eta, grad_clip (floats), bias_eta (bool)
    Returns (loss sum, terms trained).

    Why the prefetching: the entries come in random order, so every term
    needs four rows (W[i], W_ctx[j] and their G rows) from anywhere in
    memory. We know the order, so ask for the entry 16 steps ahead and for
    its rows 8 steps ahead; by the time we get there, they have arrived.
    """
    rows, cols, values, symmetric = X
    W, W_ctx, _, _ = params
    G, G_ctx, _, _ = grad_sq
    rates32 = Rates(np.float32(rates.x_max), np.float32(rates.alpha), np.float32(rates.eta),
                    np.float32(rates.grad_clip), rates.bias_eta)
    loss, n_terms = 0.0, 0
    for k in range(start, end):
        if k + _ENTRY_AHEAD < end:
            ahead = order[k + _ENTRY_AHEAD]
            prefetch_item(rows, ahead)
            prefetch_item(cols, ahead)
            prefetch_item(values, ahead)
        if k + _ROWS_AHEAD < end:
            ahead = order[k + _ROWS_AHEAD]
            prefetch_row(W, rows[ahead])
            prefetch_row(G, rows[ahead])
            prefetch_row(W_ctx, cols[ahead])
            prefetch_row(G_ctx, cols[ahead])
            if symmetric:  # the (j, i) term's rows
                prefetch_row(W, cols[ahead])
                prefetch_row(G, cols[ahead])
                prefetch_row(W_ctx, rows[ahead])
                prefetch_row(G_ctx, rows[ahead])
        entry = order[k]
        i, j, x = rows[entry], cols[entry], values[entry]
        loss += adagrad_term(params, grad_sq, dim, i, j, x, rates32)
        n_terms += 1
        if symmetric and i != j:
            loss += adagrad_term(params, grad_sq, dim, j, i, x, rates32)
            n_terms += 1
    return loss, n_terms
