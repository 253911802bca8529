"""How every Numba kernel is compiled: one place for the settings they share.

Two decorators:

* ``kernel`` for integer work and random numbers (counting, sampling,
  shuffling), compiled exactly as written;
* ``float_kernel`` for the training arithmetic. ``fastmath`` lets LLVM
  vectorise dot products by reordering float32 additions, so the results
  differ from NumPy's in the last bits, which the tests allow for. We keep
  every fast-math flag except "no NaN" and "no inf": a diverging run must
  still produce a NaN loss that the training loop can see and report.

Both compile with ``cache=True`` (the machine code is kept in ``__pycache__``,
so only the first run pays for compiling) and ``nogil=True`` (several Python
threads can then run kernels at once: see ``hogwild.py``). Under
``NUMBA_DISABLE_JIT=1`` every kernel is plain Python, slow but debuggable.

>>> import numpy as np
>>> from wordvec.engine.rng import below        # compiled by ``kernel``
>>> int(below(np.uint64(1 << 63), 10))   # random bits halfway up -> 5 of 0..9
5
"""
from numba import njit

FASTMATH = {"reassoc", "contract", "arcp", "nsz", "afn"}

kernel = njit(cache=True, nogil=True)
float_kernel = njit(cache=True, nogil=True, fastmath=FASTMATH, error_model="numpy")
