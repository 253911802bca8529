"""Skip-gram with negative sampling (SGNS), one example at a time, in plain NumPy.

Read this first: it is the whole model. ``kernels.py`` does the same
arithmetic, fast, over a whole corpus; the tests prove the two agree.

Mikolov et al. 2013, "Distributed Representations of Words and Phrases and
their Compositionality", eq. 4. A training example is a pair of words seen
together in a window, one (``context``) predicting the other (``center``),
plus ``k`` noise words drawn from P_n(w) ∝ count(w)^0.75. With

    v = W_in[context]          the input ("word") vector,      shape (dim,)
    u = W_out[center]          the output ("context") vector,  shape (dim,)
    u_k = W_out[negatives[k]]  the noise words' output vectors, shape (k, dim)

the loss of the example is

    J = -log σ(u · v) - Σ_k log σ(-u_k · v)

and its gradients, with σ'(x) = σ(x) (1 - σ(x)), are

    ∂J/∂v   = -(1 - σ(u · v)) u + Σ_k σ(u_k · v) u_k
    ∂J/∂u   = -(1 - σ(u · v)) v
    ∂J/∂u_k =  σ(u_k · v) v

Which word is "input" follows word2vec.c and gensim: the context word's
W_in row predicts the centre word's W_out row. The paper writes it the
other way round; summed over a corpus the two visit the same pairs.

>>> rng = np.random.default_rng(0)
>>> W_in, W_out = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
>>> loss = sgd_step(W_in, W_out, context=0, center=1, negatives=[2, 3], alpha=0.1)
>>> round(float(loss), 4) > 0
True
"""
import numpy as np


def sigmoid(x):
    """The logistic function σ(x) = 1 / (1 + e^-x)."""
    return 1.0 / (1.0 + np.exp(-x))


def sgns_loss(v, u, U_neg):
    """J for one example: v (dim,), u (dim,), U_neg (k, dim)."""
    return -np.log(sigmoid(u @ v)) - np.sum(np.log(sigmoid(-(U_neg @ v))))


def sgns_gradients(v, u, U_neg):
    """Return ``(J, dJ/dv, dJ/du, dJ/dU_neg)`` for one example."""
    positive_error = 1.0 - sigmoid(u @ v)    # how far σ(u·v) is from its label 1
    negative_error = sigmoid(U_neg @ v)      # (k,) how far each σ(u_k·v) is from 0
    grad_v = -positive_error * u + negative_error @ U_neg
    grad_u = -positive_error * v
    grad_U_neg = np.outer(negative_error, v)
    return sgns_loss(v, u, U_neg), grad_v, grad_u, grad_U_neg


def sgd_step(W_in, W_out, context, center, negatives, alpha):
    """One SGD step on one example, in place; returns the example's loss J.

    The example is k + 1 little logistic regressions that share the input
    vector v: "is ``target`` the real centre word?", label 1 for the centre,
    0 for each noise word. Like word2vec.c we take them in turn: each
    updates its own W_out row at once, while v's update is summed and
    applied at the end, so every term sees v as it was before the step.
    With distinct targets this is exactly ``W -= alpha * dJ/dW``; when a
    noise word is drawn twice, its second term sees the first one's update
    (a difference of order alpha², and what word2vec.c and gensim do).
    """
    v = W_in[context].copy()
    grad_v = np.zeros_like(v)
    loss = 0.0
    targets = [center] + [int(k) for k in negatives]
    labels = [1.0] + [0.0] * len(negatives)
    for target, label in zip(targets, labels):
        u = W_out[target]
        score = u @ v
        loss -= np.log(sigmoid(score) if label else sigmoid(-score))
        error = label - sigmoid(score)         # = -dJ/dscore for this term
        grad_v -= error * u                    # u before its own update
        W_out[target] += alpha * error * v     # = -alpha * dJ/du
    W_in[context] -= alpha * grad_v
    return loss
