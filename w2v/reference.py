"""Skip-gram with negative sampling, one example at a time, in plain NumPy.

Read this first. Mikolov et al. (2013b), eq. 4. Two words that occur near
each other form a pair: an input word w_I, whose input vector is
v = W_in[w_I], and an output word w_O, whose output vector is
v'_O = W_out[w_O]. k noise words w_1..w_k, drawn from P_n(w) ∝ count(w)^0.75,
have output vectors v'_1..v'_k. The loss of the pair is

    J = -log σ(v'_O · v) - Σ_i log σ(-v'_i · v)

(make v'_O · v large, each v'_i · v small). With σ'(x) = σ(x) (1 - σ(x)):

    ∂J/∂v    = (σ(v'_O · v) - 1) v'_O + Σ_i σ(v'_i · v) v'_i
    ∂J/∂v'_O = (σ(v'_O · v) - 1) v
    ∂J/∂v'_i =  σ(v'_i · v) v

and one SGD step moves each vector by -alpha times its gradient (``sgns_step``).

Which word of a pair is the input. The paper predicts each context word
from the centre word. word2vec.c, gensim and this package do the reverse:
each context word's input vector predicts the centre word, so w_I is the
context word and w_O the centre. Over a corpus the two visit the same
(centre, context) pairs; we follow the C tool so that its hyperparameters
carry over and our vectors can be compared with its and gensim's. Everywhere
in this package, "skip-gram" means this: each context word predicts the
centre word, pair by pair.

>>> rng = np.random.default_rng(0)
>>> W_in, W_out = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
>>> before = sgns_loss(W_in[0], W_out[1], W_out[[2, 3]])
>>> loss = sgns_step(W_in, W_out, w_I=0, w_O=1, noise=[2, 3], alpha=0.1)
>>> bool(loss == before), bool(sgns_loss(W_in[0], W_out[1], W_out[[2, 3]]) < before)
(True, True)

The same step, generalised (below ``sgns_step``)
-------------------------------------------------
Every Word2Vec variant trains an input vector h against a few output rows
("targets") u_t with labels y_t, each a binary logistic regression:

    J = -Σ_t [ y_t log σ(u_t · h) + (1 - y_t) log σ(-u_t · h) ]

    g_t = ∂J/∂(u_t · h) = σ(u_t · h) - y_t,   ∂J/∂h = Σ_t g_t u_t,   ∂J/∂u_t = g_t h

* negative sampling: the output word with label 1, the noise words with
  label 0 (then J is the paper's J above);
* hierarchical softmax: the inner nodes on the output word's path in a
  Huffman tree, labelled 1 - the branch bit (``reference_hs.py``);
* h is one context word's input vector (skip-gram) or the mean of all of
  them (CBOW, ``reference_cbow.py``).

``kernels.py`` does this arithmetic, fast, over a whole corpus, with the
same names (h, g, grad_h); the tests prove the two agree.
"""
import numpy as np


def sigmoid(x):
    """The logistic function σ(x) = 1 / (1 + e^-x)."""
    return 1.0 / (1.0 + np.exp(-x))


def sgns_loss(v, u_out, U_noise):
    """J = -log σ(v'_O·v) - Σ_i log σ(-v'_i·v): v (dim,), u_out (dim,), U_noise (k, dim)."""
    return -np.log(sigmoid(u_out @ v)) - np.sum(np.log(sigmoid(-(U_noise @ v))))


def sgns_gradients(v, u_out, U_noise):
    """Return ``(J, ∂J/∂v, ∂J/∂v'_O, ∂J/∂v'_noise)`` for one pair."""
    g_out = sigmoid(u_out @ v) - 1.0     # ∂J/∂(v'_O·v): how far σ is below its label 1
    g_noise = sigmoid(U_noise @ v)       # (k,) ∂J/∂(v'_i·v): how far each σ is above 0
    grad_v = g_out * u_out + g_noise @ U_noise
    return sgns_loss(v, u_out, U_noise), grad_v, g_out * v, np.outer(g_noise, v)


def sgns_step(W_in, W_out, w_I, w_O, noise, alpha):
    """One SGD step on the pair (w_I, w_O) with noise words ``noise``, in place.

    Returns the pair's loss J before the step. Every vector moves by
    -alpha times its gradient, all computed before any of them moves.
    """
    noise = np.asarray(noise, dtype=int)
    loss, grad_v, grad_out, grad_noise = sgns_gradients(W_in[w_I], W_out[w_O], W_out[noise])
    W_in[w_I] -= alpha * grad_v
    W_out[w_O] -= alpha * grad_out
    np.subtract.at(W_out, noise, alpha * grad_noise)  # a noise word drawn twice moves twice
    return loss


# -- the same step, generalised to targets with labels (NS, HS, CBOW) -------------------

def logistic_loss(h, U, labels):
    """J for input h (dim,), target rows U (t, dim) and labels (t,) in {0, 1}."""
    scores = U @ h
    labels = np.asarray(labels, dtype=float)
    return -np.sum(labels * np.log(sigmoid(scores)) + (1 - labels) * np.log(sigmoid(-scores)))


def logistic_gradients(h, U, labels):
    """Return ``(J, ∂J/∂h, ∂J/∂U)`` for one example."""
    g = sigmoid(U @ h) - np.asarray(labels, dtype=float)  # (t,) ∂J/∂score
    return logistic_loss(h, U, labels), g @ U, np.outer(g, h)


def train_targets(h, W_out, targets, labels, alpha):
    """Train W_out's target rows on input h, in place; return ``(J, ∂J/∂h)``.

    One SGD step, as ``sgns_step``: every term's gradient is taken before any
    row moves, and a noise word drawn twice moves twice. ∂J/∂h is only
    returned (the caller moves h). Where we depart from word2vec.c and
    gensim: they take the targets in turn, each row moving at once, so a
    noise word drawn twice sees its first update the second time. With
    distinct targets the two are the same; taken together, the kernel's
    dot products, sigmoids and updates each run in a loop of their own,
    which is faster (``wordvec/engine/logistic.py``).
    """
    targets = np.asarray(targets, dtype=int)
    labels = np.asarray(labels, dtype=float)
    U = W_out[targets]                                  # (t, dim), the rows before the step
    loss, grad_h, grad_U = logistic_gradients(h, U, labels)
    np.subtract.at(W_out, targets, alpha * grad_U)
    return loss, grad_h


def negative_sampling_targets(w_O, noise):
    """Targets and labels of negative sampling: the output word (1), then the noise (0)."""
    targets = [int(w_O)] + [int(k) for k in noise]
    return targets, [1.0] + [0.0] * len(noise)


def skipgram_step(W_in, w_I, outputs, alpha):
    """One SGD step of skip-gram on the input word ``w_I``, in place; returns its loss J.

    ``outputs`` lists the output layers as ``(W_out, targets, labels)``:
    one for negative sampling or hierarchical softmax, two when both are on
    (word2vec.c's ``-hs 1 -negative k``). Their gradients for h add up.
    """
    h = W_in[w_I].copy()
    loss, grad_h = 0.0, np.zeros_like(h)
    for W_out, targets, labels in outputs:
        layer_loss, layer_grad = train_targets(h, W_out, targets, labels, alpha)
        loss, grad_h = loss + layer_loss, grad_h + layer_grad
    W_in[w_I] -= alpha * grad_h
    return loss
