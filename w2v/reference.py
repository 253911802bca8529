"""Word2Vec's output layer, one example at a time, in plain NumPy.

Read this first: every Word2Vec variant is the same small step. An input
vector h (skip-gram: one context word's W_in row; CBOW: the mean of the
context words' rows, see ``reference_cbow.py``) is trained against a few
output rows ("targets"), each a binary logistic regression with a label:

* negative sampling (Mikolov et al. 2013b, eq. 4): the centre word with label
  1 and k noise words, drawn from P_n(w) ∝ count(w)^0.75, with label 0;
* hierarchical softmax (eq. 3): the inner nodes on the centre word's path in
  a Huffman tree, labelled 1 - (the branch bit); see ``reference_hs.py``.

With u_t = W_out[target_t] and labels y_t, the loss of an example is

    J = -Σ_t [ y_t log σ(u_t · h) + (1 - y_t) log σ(-u_t · h) ]

and, with σ'(x) = σ(x) (1 - σ(x)), its gradients are

    ∂J/∂h   = -Σ_t (y_t - σ(u_t · h)) u_t
    ∂J/∂u_t = -(y_t - σ(u_t · h)) h

For negative sampling this is exactly the paper's
J = -log σ(u·v) - Σ_k log σ(-u_k·v). ``kernels.py`` does the same
arithmetic, fast, over a whole corpus; the tests prove the two agree.

Which word is "input" in skip-gram follows word2vec.c and gensim: the
context word's W_in row predicts the centre word. The paper writes it the
other way round; summed over a corpus the two visit the same pairs.

>>> rng = np.random.default_rng(0)
>>> W_in, W_out = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
>>> loss = sgd_step(W_in, W_out, context=0, center=1, negatives=[2, 3], alpha=0.1)
>>> bool(loss > 0)
True
"""
import numpy as np


def sigmoid(x):
    """The logistic function σ(x) = 1 / (1 + e^-x)."""
    return 1.0 / (1.0 + np.exp(-x))


def logistic_loss(h, U, labels):
    """J for input h (dim,), target rows U (t, dim) and labels (t,) in {0, 1}."""
    scores = U @ h
    labels = np.asarray(labels, dtype=float)
    return -np.sum(labels * np.log(sigmoid(scores)) + (1 - labels) * np.log(sigmoid(-scores)))


def logistic_gradients(h, U, labels):
    """Return ``(J, dJ/dh, dJ/dU)`` for one example."""
    errors = np.asarray(labels, dtype=float) - sigmoid(U @ h)  # (t,) label minus prediction
    return logistic_loss(h, U, labels), -(errors @ U), -np.outer(errors, h)


def train_targets(h, W_out, targets, labels, alpha):
    """Train W_out's target rows on input h, in place; return ``(J, dJ/dh)``.

    Like word2vec.c we take the targets in turn: each updates its own W_out
    row at once, while h's gradient is only summed (the caller applies it),
    so every term sees h as it was. With distinct targets this is exactly
    ``W_out -= alpha * dJ/dW_out``; when a noise word is drawn twice, its
    second term sees the first one's update (what word2vec.c and gensim do).
    """
    grad_h = np.zeros_like(h)
    loss = 0.0
    for target, label in zip(targets, labels):
        u = W_out[target]
        score = u @ h
        loss -= np.log(sigmoid(score) if label else sigmoid(-score))
        error = label - sigmoid(score)           # = -dJ/dscore for this term
        grad_h -= error * u                      # u before its own update
        W_out[target] += alpha * error * h       # = -alpha * dJ/du
    return loss, grad_h


def negative_sampling_targets(center, negatives):
    """Targets and labels of negative sampling: the centre (1), then noise (0)."""
    targets = [int(center)] + [int(k) for k in negatives]
    return targets, [1.0] + [0.0] * len(negatives)


def skipgram_step(W_in, context, outputs, alpha):
    """One SGD step of skip-gram on one example, in place; returns its loss J.

    ``outputs`` lists the output layers as ``(W_out, targets, labels)``:
    one for negative sampling or hierarchical softmax, two when both are on
    (word2vec.c's ``-hs 1 -negative k``). Their gradients for h add up.
    """
    h = W_in[context].copy()
    loss, grad_h = 0.0, np.zeros_like(h)
    for W_out, targets, labels in outputs:
        layer_loss, layer_grad = train_targets(h, W_out, targets, labels, alpha)
        loss, grad_h = loss + layer_loss, grad_h + layer_grad
    W_in[context] -= alpha * grad_h
    return loss


def sgd_step(W_in, W_out, context, center, negatives, alpha):
    """Skip-gram with negative sampling: one (context, center, negatives) example."""
    targets, labels = negative_sampling_targets(center, negatives)
    return skipgram_step(W_in, context, [(W_out, targets, labels)], alpha)


# The paper's formulation, for the gradient check and for reading.

def sgns_loss(v, u, U_neg):
    """J = -log σ(u·v) - Σ_k log σ(-u_k·v): v (dim,), u (dim,), U_neg (k, dim)."""
    return -np.log(sigmoid(u @ v)) - np.sum(np.log(sigmoid(-(U_neg @ v))))


def sgns_gradients(v, u, U_neg):
    """Return ``(J, dJ/dv, dJ/du, dJ/dU_neg)`` for one negative-sampling example."""
    positive_error = 1.0 - sigmoid(u @ v)    # how far σ(u·v) is from its label 1
    negative_error = sigmoid(U_neg @ v)      # (k,) how far each σ(u_k·v) is from 0
    grad_v = -positive_error * u + negative_error @ U_neg
    grad_u = -positive_error * v
    grad_U_neg = np.outer(negative_error, v)
    return sgns_loss(v, u, U_neg), grad_v, grad_u, grad_U_neg
