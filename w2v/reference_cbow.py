"""CBOW: predict the centre word from its context words, one example in NumPy.

Continuous bag of words (Mikolov et al. 2013a): the input vector is the
mean (``mean=True``, word2vec.c's only choice and gensim's default) or the
sum of the context words' W_in rows,

    h = (1/C) Σ_c W_in[c]        (C context words, the centre excluded)

and h is trained against the output targets exactly as in skip-gram
(``reference.train_targets``: negative sampling or hierarchical softmax).

How the error goes back to the context words. The exact gradient of J with
respect to each context row is ∂J/∂h / C for the mean (∂J/∂h for the sum).
word2vec.c and gensim instead add the whole of ∂J/∂h (times -alpha) to
every context row. Why: each context word then moves as far as a
skip-gram update would move it, however wide the window; divided by C,
words in wide windows would barely learn, and alpha would have to grow with
the window (the C tool's CBOW default alpha, 0.05, was tuned with this
rule). We follow the tools for the mean, so their hyperparameters carry
over. For the sum the whole ∂J/∂h *is* the exact gradient and we use it
too; gensim differs there (it divides the error by C for the sum).

>>> rng = np.random.default_rng(0)
>>> W_in, W_out = rng.normal(size=(6, 3)), rng.normal(size=(6, 3))
>>> loss = cbow_step(W_in, [0, 2, 3], [(W_out, [1, 4], [1.0, 0.0])], alpha=0.1)
>>> bool(loss > 0)
True
"""
import numpy as np

from .reference import logistic_gradients, train_targets


def cbow_input(W_in, contexts, mean=True):
    """h: the sum, or the mean, of the context words' W_in rows."""
    h = W_in[np.asarray(contexts)].sum(axis=0)
    return h / len(contexts) if mean else h


def cbow_gradients(W_in, contexts, W_out, targets, labels, mean=True):
    """Return ``(J, dJ/dW_in[contexts], dJ/dW_out[targets])``, the exact gradients.

    Row i of the second array is the gradient for the i-th context position
    (a word appearing twice in the window gets two rows).
    """
    h = cbow_input(W_in, contexts, mean)
    loss, grad_h, grad_U = logistic_gradients(h, W_out[np.asarray(targets)], labels)
    per_context = grad_h / len(contexts) if mean else grad_h
    return loss, np.tile(per_context, (len(contexts), 1)), grad_U


def cbow_step(W_in, contexts, outputs, alpha, mean=True):
    """One SGD step of CBOW on one example, in place; returns its loss J.

    ``outputs`` lists ``(W_out, targets, labels)`` per output layer, as in
    ``reference.skipgram_step``. Every context row gets the whole
    -alpha ∂J/∂h, not divided by the number of context words (see above).
    """
    h = cbow_input(W_in, contexts, mean)
    loss, grad_h = 0.0, np.zeros_like(h)
    for W_out, targets, labels in outputs:
        layer_loss, layer_grad = train_targets(h, W_out, targets, labels, alpha)
        loss, grad_h = loss + layer_loss, grad_h + layer_grad
    for context in contexts:
        W_in[context] -= alpha * grad_h
    return loss
