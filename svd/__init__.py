"""PPMI-SVD: the count-based baseline, word vectors from a truncated SVD of the shifted PPMI matrix.

Read ``reference.py`` (dense NumPy, the whole pipeline in the paper's
notation) first, then ``ppmi.py`` (the PPMI matrix as an operator on the
counts) with its ``kernels.py``, ``randomized.py`` (the randomised SVD) and
``estimator.py`` (the driver). The counting itself is shared with GloVe and
lives in the core: ``wordvec/cooccur/counting.py``.
"""
from wordvec.train import Algorithm

from .estimator import PPMISVD
from .presets import PRESETS

__all__ = ["ALGORITHMS", "PPMISVD"]

# What the command line offers (wordvec train svd).
ALGORITHMS = (
    Algorithm("svd", PPMISVD, "PPMI-SVD: a truncated SVD of the shifted PPMI matrix of "
                              "co-occurrence counts", PRESETS),
)
