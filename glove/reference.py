"""GloVe's loss, its gradients and one AdaGrad epoch, in plain NumPy.

Read this first; ``kernels.py`` does the same arithmetic, fast, and the tests
prove the two agree. Pennington, Socher & Manning 2014, eq. 8: with X the
co-occurrence matrix, word vectors w_i, context vectors w̃_j and biases,

    J = Σ_{X_ij > 0} f(X_ij) (w_i · w̃_j + b_i + b̃_j - log X_ij)²

    f(x) = min(1, (x / x_max)^alpha)      (eq. 9: rare pairs count less,
                                           frequent ones no more than 1)

Like the C tool we minimise J / 2 (its "cost"), so that with
diff = w_i · w̃_j + b_i + b̃_j - log X_ij the gradients of one term are

    ∂/∂w_i = f diff w̃_j     ∂/∂w̃_j = f diff w_i     ∂/∂b_i = ∂/∂b̃_j = f diff

(the factor 2 of J's gradient would only rescale eta).

A symmetric matrix stores each pair once (i <= j, ``glove/matrix.py``); an
off-diagonal entry stands for two terms, (i, j) and (j, i), and ``terms``
expands it in that order.

>>> X = np.array([[0.0, 2.0], [2.0, 1.0]])
>>> W, W_ctx, b, b_ctx = np.zeros((2, 3)), np.zeros((2, 3)), np.zeros(2), np.zeros(2)
>>> round(float(glove_loss(W, W_ctx, b, b_ctx, X, x_max=100, alpha=0.75)), 6)
0.025552
"""
import numpy as np


def weighting(x, x_max, alpha):
    """f(x) = min(1, (x / x_max)^alpha)."""
    return np.minimum(1.0, (np.asarray(x, dtype=float) / x_max) ** alpha)


def glove_loss(W, W_ctx, b, b_ctx, X, x_max, alpha):
    """J / 2 over the nonzero entries of a dense (V, V) matrix X."""
    rows, cols = np.nonzero(X)
    diff = (np.sum(W[rows] * W_ctx[cols], axis=1) + b[rows] + b_ctx[cols]
            - np.log(X[rows, cols]))
    return 0.5 * np.sum(weighting(X[rows, cols], x_max, alpha) * diff ** 2)


def glove_gradients(W, W_ctx, b, b_ctx, X, x_max, alpha):
    """Return ``(J/2, dW, dW_ctx, db, db_ctx)``, summed over all nonzero entries."""
    rows, cols = np.nonzero(X)
    diff = (np.sum(W[rows] * W_ctx[cols], axis=1) + b[rows] + b_ctx[cols]
            - np.log(X[rows, cols]))
    fdiff = weighting(X[rows, cols], x_max, alpha) * diff          # (nnz,)
    dW, dW_ctx = np.zeros_like(W), np.zeros_like(W_ctx)
    db, db_ctx = np.zeros_like(b), np.zeros_like(b_ctx)
    np.add.at(dW, rows, fdiff[:, None] * W_ctx[cols])
    np.add.at(dW_ctx, cols, fdiff[:, None] * W[rows])
    np.add.at(db, rows, fdiff)
    np.add.at(db_ctx, cols, fdiff)
    return 0.5 * np.sum(fdiff * diff), dW, dW_ctx, db, db_ctx


def terms(rows, cols, values, symmetric):
    """The (i, j, x) terms of stored entries, in order: (i, j) then (j, i)
    for an off-diagonal entry of a symmetric matrix."""
    for i, j, x in zip(rows, cols, values):
        yield int(i), int(j), float(x)
        if symmetric and i != j:
            yield int(j), int(i), float(x)


def adagrad_term(params, grad_sq, i, j, x, x_max, alpha, eta, grad_clip, bias_eta=True):
    """One AdaGrad step on one term, in place; returns the term's J / 2.

    params  = (W, W_ctx, b, b_ctx); grad_sq = the same shapes, the sums of
    squared steps, starting at 1 (as the paper and the C tool). Each
    coordinate moves by step / sqrt(grad_sq) with step = eta * clip(grad),
    and grad_sq grows by step²: the C tool's AdaGrad, which accumulates the
    steps (eta included) rather than the raw gradients.
    The C tool leaves eta (and clipping) out of the bias steps: its open
    PR #209 says so and fixes it. By default (``bias_eta=True``) we treat
    biases like every other coordinate; ``bias_eta=False`` is the C tool's
    rule, step = f(x) * diff.
    """
    W, W_ctx, b, b_ctx = params
    G, G_ctx, G_b, G_b_ctx = grad_sq
    diff = W[i] @ W_ctx[j] + b[i] + b_ctx[j] - np.log(x)
    fdiff = float(weighting(x, x_max, alpha)) * diff
    step_w = eta * np.clip(fdiff * W_ctx[j], -grad_clip, grad_clip)
    step_ctx = eta * np.clip(fdiff * W[i], -grad_clip, grad_clip)   # both from the old vectors
    step_b = eta * np.clip(fdiff, -grad_clip, grad_clip) if bias_eta else fdiff
    W[i] -= step_w / np.sqrt(G[i])
    W_ctx[j] -= step_ctx / np.sqrt(G_ctx[j])
    b[i] -= step_b / np.sqrt(G_b[i])
    b_ctx[j] -= step_b / np.sqrt(G_b_ctx[j])
    G[i] += step_w ** 2
    G_ctx[j] += step_ctx ** 2
    G_b[i] += step_b ** 2
    G_b_ctx[j] += step_b ** 2
    return 0.5 * fdiff * diff


def adagrad_epoch(params, grad_sq, rows, cols, values, order, symmetric, x_max, alpha, eta,
                  grad_clip, bias_eta=True):
    """Visit the stored entries in ``order``; return (loss sum, terms trained)."""
    loss, count = 0.0, 0
    for i, j, x in terms(rows[order], cols[order], values[order], symmetric):
        loss += adagrad_term(params, grad_sq, i, j, x, x_max, alpha, eta, grad_clip, bias_eta)
        count += 1
    return loss, count
