"""Hierarchical softmax: P(word | h) as a walk down a binary tree, in NumPy.

A full softmax over V words costs V dot products per example. Hierarchical
softmax (Morin & Bengio 2005; Mikolov et al. 2013b, eq. 3) puts the words at
the leaves of a binary tree (a Huffman tree, so frequent words sit near the
root, ``huffman.py``) with one output vector per inner node (W_hs, V - 1
rows). The probability of a word is the probability of the walk from the
root to it: at inner node n the walk goes to the branch coded 0 with
probability σ(W_hs[n] · h), to the branch coded 1 with σ(-W_hs[n] · h):

    P(w | h) = Π_d σ((1 - 2 code_d) W_hs[point_d] · h)

over the d-th node ``point_d`` on w's path and the bit ``code_d`` taken
there. The two branches' probabilities add up to 1 at every node, so the
probabilities of all words add up to 1: a proper distribution for the cost
of about log2(V) dot products.

Training is ``reference.train_targets`` with the path's nodes as targets
and labels 1 - code_d, since σ((1 - 2c) x) is σ(x) for c = 0 and σ(-x) for
c = 1: the log-loss of a logistic regression with label 1 - c.

>>> W_hs = np.zeros((1, 2))             # two words: one inner node, the root
>>> float(hs_probability(np.ones(2), W_hs, code=[1], point=[0]))
0.5
"""
import numpy as np

from .reference import sigmoid


def hs_probability(h, W_hs, code, point):
    """P(w | h) for the word whose path is ``point`` (node ids) with bits ``code``."""
    signs = 1.0 - 2.0 * np.asarray(code, dtype=float)
    return np.prod(sigmoid(signs * (W_hs[np.asarray(point, dtype=int)] @ h)))


def hs_loss(h, W_hs, code, point):
    """J = -log P(w | h)."""
    signs = 1.0 - 2.0 * np.asarray(code, dtype=float)
    return -np.sum(np.log(sigmoid(signs * (W_hs[np.asarray(point, dtype=int)] @ h))))


def hs_targets(code, point):
    """Targets and labels for ``reference.train_targets``: the path, labelled 1 - bit."""
    return [int(node) for node in point], [1.0 - float(bit) for bit in code]
