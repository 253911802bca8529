"""Word2Vec: skip-gram with negative sampling, in NumPy (reference.py) and Numba (kernels.py)."""
from .skipgram import SkipGram

__all__ = ["SkipGram"]
