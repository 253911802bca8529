"""Word2Vec: skip-gram and CBOW, with negative sampling and/or hierarchical softmax.

Read ``reference.py`` (NumPy, one example) first, then ``kernels.py`` (Numba,
a whole corpus), then ``base.py`` (the training loop).
"""
from .cbow import CBOW
from .skipgram import SkipGram

__all__ = ["CBOW", "SkipGram"]
