"""Co-occurrence counts, what GloVe and PPMI-SVD learn from.

* ``counting``: counting X_ij over an encoded corpus in bounded memory
  (``count_cooccurrences``);
* ``kernels``: its Numba kernels (walking the windows, radix sort, merging runs);
* ``matrix``: the counted matrix, ``Cooccurrence``, and its ``.npz`` file.
"""
from .counting import DEFAULT_MEMORY_MB, count_cooccurrences
from .matrix import Cooccurrence

__all__ = ["Cooccurrence", "DEFAULT_MEMORY_MB", "count_cooccurrences"]
