"""Skip-gram with negatives shared by a window, as a small matrix product, in NumPy.

Ji, Shin, Lee & Dubey (2016), "Parallelizing Word2Vec in Shared and
Distributed Memory" (pWord2Vec). Plain skip-gram (``reference.py``) trains
one pair at a time: each context word c_j of the centre word w draws its own
k noise words, and the centre's output row v'_w is read and written once per
pair. pWord2Vec draws the k noise words once per window and trains every
context word of the window against the same targets at once:

    M = W_in[c_1 .. c_m]              (m, dim)   the window's input rows
    T = W_out[w, n_1 .. n_k]          (1 + k, dim) the centre, then the shared noise
    S = M Tᵀ                          (m, 1 + k) every score at once
    G = alpha (Y - σ(S))              Y: 1 in the centre's column, 0 in the noise's
    W_in[c_j] += (G T)_j              each input row, as in plain skip-gram
    W_out[t]  += (Gᵀ M)_t             each output row once per window, not once per pair

The objective is the same in expectation: every pair still sees k noise
words from the same distribution. But the noise words of one window's pairs
are no longer independent, and every pair's gradient is taken before any of
the window's updates (plain skip-gram lets pair j see pair j - 1's update of
v'_w). So it is a different estimator, not word2vec.c's algorithm, and the
default stays plain skip-gram. What it buys: each hot output row (the centre,
frequent noise words) is written once per window instead of m times, and the
arithmetic is three small dense products that vectorise.

With one context word (m = 1) and distinct targets it is exactly plain
skip-gram's step, which the tests check:

>>> rng = np.random.default_rng(0)
>>> W_in, W_out = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
>>> loss = shared_negatives_step(W_in, W_out, contexts=[0, 3], center=1, noise=[2, 4],
...                              alpha=0.1)
>>> bool(loss > 0)
True
"""
import numpy as np

from .reference import sigmoid


def shared_negatives_step(W_in, W_out, contexts, center, noise, alpha):
    """One window: every context word predicts ``center`` against the same ``noise``.

    Updates W_in's context rows and W_out's target rows in place (a row
    listed twice gets both updates, as ``np.add.at`` adds them); returns the
    window's loss, the sum of its pairs' losses, before the step.
    """
    contexts = np.asarray(contexts, dtype=int)
    targets = np.array([center, *noise], dtype=int)
    labels = np.zeros(len(targets))
    labels[0] = 1.0
    M, T = W_in[contexts], W_out[targets]            # (m, dim), (1 + k, dim)
    S = M @ T.T                                      # (m, 1 + k)
    loss = -np.sum(labels * np.log(sigmoid(S)) + (1 - labels) * np.log(sigmoid(-S)))
    G = alpha * (labels - sigmoid(S))                # -alpha ∂J/∂S
    np.add.at(W_in, contexts, G @ T)
    np.add.at(W_out, targets, G.T @ M)
    return loss
