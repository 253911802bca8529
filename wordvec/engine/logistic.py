"""The step every negative-sampling and hierarchical-softmax model shares.

An input vector h (one word's row, or a mean of rows) is trained against a
few output rows u_t ("targets") with labels y_t, each a binary logistic
regression (``w2v/reference.py`` derives it):

    J = -Σ_t [ y_t log σ(u_t · h) + (1 - y_t) log σ(-u_t · h) ]
    g_t = σ(u_t · h) - y_t,   ∂J/∂h = Σ_t g_t u_t,   ∂J/∂u_t = g_t h

Word2Vec (``w2v``) and fastText (``subword``) differ only in how h is made
and where its gradient goes; both train it with ``train_targets``.

>>> h, W_out = np.ones(2, np.float32), np.zeros((1, 2), np.float32)
>>> grad_h, scratch = np.zeros(2, np.float32), np.zeros(1, np.float32)
>>> float(train_targets(h, W_out, np.array([0]), np.ones(1, np.float32), 1,
...                     np.float32(0.5), grad_h, scratch))     # the likelihood σ(0)
0.5
>>> W_out.tolist()    # u moved by -alpha (σ(0) - 1) h = +0.25 h
[[0.25, 0.25]]
"""
import math

import numpy as np

from .jit import float_kernel

# exp(-40) is below float32 resolution around 1, so clipping the score there
# never changes a gradient; it keeps exp() finite for any score.
MAX_SCORE = np.float32(40.0)
# Below this the running product of likelihoods is folded into the loss sum
# (see fold_loss); products of one example's terms stay far above 1e-300.
_UNDERFLOW_GUARD = 1e-150

# exp32's constants. x = n ln 2 + r with n = round(x / ln 2), so |r| <= ln 2 / 2
# (Cody and Waite's reduction: ln 2 split in a short high part, whose
# product with n is exact, and the rest). Then e^x = 2^n e^r, with e^r from
# Cephes' expf polynomial.
_LOG2E = np.float32(1.44269504088896341)
_LN2_HI = np.float32(0.693359375)
_LN2_LO = np.float32(-2.12194440e-4)
_EXP_POLY = (np.float32(1.9875691500e-4), np.float32(1.3981999507e-3),
             np.float32(8.3334519073e-3), np.float32(4.1665795894e-2),
             np.float32(1.6666665459e-1), np.float32(5.0000001201e-1))
# 2^n for n in -64..63: enough for |x| <= MAX_SCORE (|n| <= 58).
_POW2 = np.ldexp(np.float32(1.0), np.arange(-64, 64)).astype(np.float32)


@float_kernel
def train_targets(h, W_out, targets, labels, n_targets, alpha, grad_h, g):
    """Train the rows W_out[targets[:n_targets]] on input h, in place.

    h         (>= dim,) float32   the input vector (a row of W_in, or CBOW's mean)
    targets   (>= n_targets,) int  output rows; labels (>= n_targets,) float32, 0 or 1
    alpha     float32             the learning rate
    grad_h    (dim,) float32      ∂J/∂h, added to (the caller then moves h by
                                  -alpha grad_h); its length is the vector size
    g         (>= n_targets,) float32  scratch: the scores u_t·h, then g_t
    Returns the likelihood Π σ(±u_t·h) of the labels (float64). Its -log is
    the reference's loss; returning the product, not the log, lets the
    caller take one log per many examples: log is the most expensive
    instruction here.

    One SGD step on the example's J: every gradient is taken from the rows
    as they were, then the rows move. word2vec.c, gensim and Facebook's tool
    take the targets one after another instead, so a noise word drawn twice
    for one example sees its first update the second time; with distinct
    targets (all of hierarchical softmax's, and most of negative sampling's)
    the two are the same. Taken together, the work runs in three loops that
    the CPU can overlap: all dot products (three rows per pass over h), all
    sigmoids, all updates. Skip-gram trains 4-6% faster this way and
    fastText 9-16% (bench/results/two_cores_*.md).
    """
    if g.shape[0] < n_targets:  # the kernels size it; Numba would write past its end unchecked
        raise ValueError("train_targets: the scratch g needs at least n_targets entries")
    dim = grad_h.shape[0]
    _scores(h, W_out, targets, n_targets, dim, g)                  # g_t = u_t · h
    likelihood = 1.0
    for t in range(n_targets):
        score = g[t]
        if score > MAX_SCORE:  # written as ifs, not min/max, so a NaN passes through
            score = MAX_SCORE
        elif score < -MAX_SCORE:
            score = -MAX_SCORE
        exp_minus = exp32(-score)
        prob = np.float32(1.0) / (np.float32(1.0) + exp_minus)  # σ(score)
        # σ(-x) = e^-x σ(x): exact even where 1 - σ(x) would round to 0.
        likelihood *= np.float64(prob if labels[t] > 0.5 else exp_minus * prob)
        g[t] = prob - labels[t]                                     # ∂J/∂score
    _add_target_rows(grad_h, W_out, targets, g, n_targets, dim)    # Σ_t g_t u_t
    for t in range(n_targets):
        row = targets[t]
        step = alpha * g[t]
        for k in range(dim):
            W_out[row, k] -= step * h[k]
    return likelihood


@float_kernel
def _scores(h, W_out, targets, n_targets, dim, scores):
    """scores[t] = h · W_out[targets[t]], three rows per pass over h: one load
    of h feeds three dot products whose sums are independent."""
    t = 0
    while t + 3 <= n_targets:
        row0, row1, row2 = targets[t], targets[t + 1], targets[t + 2]
        s0, s1, s2 = np.float32(0.0), np.float32(0.0), np.float32(0.0)
        for k in range(dim):
            s0 += h[k] * W_out[row0, k]
            s1 += h[k] * W_out[row1, k]
            s2 += h[k] * W_out[row2, k]
        scores[t], scores[t + 1], scores[t + 2] = s0, s1, s2
        t += 3
    for t in range(t, n_targets):
        row = targets[t]
        score = np.float32(0.0)
        for k in range(dim):
            score += h[k] * W_out[row, k]
        scores[t] = score


@float_kernel
def _add_target_rows(grad_h, W_out, targets, g, n_targets, dim):
    """grad_h += Σ_t g[t] W_out[targets[t]], three rows per pass over grad_h."""
    t = 0
    while t + 3 <= n_targets:
        row0, row1, row2 = targets[t], targets[t + 1], targets[t + 2]
        g0, g1, g2 = g[t], g[t + 1], g[t + 2]
        for k in range(dim):
            grad_h[k] += g0 * W_out[row0, k] + g1 * W_out[row1, k] + g2 * W_out[row2, k]
        t += 3
    for t in range(t, n_targets):
        row = targets[t]
        g0 = g[t]
        for k in range(dim):
            grad_h[k] += g0 * W_out[row, k]


@float_kernel
def exp32(x):
    """e^x in float32 for |x| <= MAX_SCORE, to a relative error under 2 float32 epsilons.

    Why not ``math.exp``: that is a call into libm, which a loop cannot
    vectorise or overlap, and around which the compiler spills the loop's
    registers. Inline, the exps of a window's pairs run side by side: the
    shared-negatives kernel trains 7% faster (bench/results/two_cores_*.md).

    >>> round(float(exp32(np.float32(1.0))), 6)
    2.718282
    """
    n = np.floor(x * _LOG2E + np.float32(0.5))
    r = x - n * _LN2_HI - n * _LN2_LO
    c5, c4, c3, c2, c1, c0 = _EXP_POLY
    e_r = (((((c5 * r + c4) * r + c3) * r + c2) * r + c1) * r + c0) * (r * r) + r + np.float32(1.0)
    return e_r * _POW2[int(n) + 64]


@float_kernel
def fold_loss(loss, likelihood):
    """Move a small running likelihood product into the loss sum."""
    if likelihood < _UNDERFLOW_GUARD:
        return loss - math.log(likelihood), 1.0
    return loss, likelihood
