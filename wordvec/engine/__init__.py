"""What the Numba kernels of every algorithm are built with.

* ``jit``: the two decorators, ``kernel`` (exact) and ``float_kernel``
  (training arithmetic, fast-math but NaN-aware), both cached and GIL-free;
* ``rng``: xorshift64*, a random number generator a kernel can carry;
* ``alias``: Walker's alias method, O(1) draws of noise words;
* ``hogwild``: chunks of work on lock-free threads, and rows padded to cache lines;
* ``prefetch``: asking the CPU for a matrix row before it is needed;
* ``logistic``: the step every negative-sampling model shares (``train_targets``);
* ``windows``: a corpus walked in windows: subsampling, noise words, the
  learning rate along a chunk, and their bundles.

An algorithm's ``kernels.py`` imports from here and nothing else of the core.
"""
from .alias import alias_draw, alias_table
from .hogwild import padded_rows, run_chunks
from .jit import float_kernel, kernel
from .prefetch import prefetch_item, prefetch_row
from .rng import below, next_u64, seed_state, to_unit

__all__ = ["alias_draw", "alias_table", "below", "float_kernel", "kernel", "next_u64",
           "padded_rows", "prefetch_item", "prefetch_row", "run_chunks", "seed_state",
           "to_unit"]
