"""GloVe: co-occurrence counting (cooccur.py) and AdaGrad training (kernels.py).

Read ``reference.py`` (NumPy, the paper's loss and one AdaGrad step) first,
then ``cooccur.py`` (counting X in bounded memory), ``kernels.py`` (the fast
AdaGrad pass) and ``estimator.py`` (the training loop).
"""
from .estimator import GloVe
from .matrix import Cooccurrence

__all__ = ["Cooccurrence", "GloVe"]
