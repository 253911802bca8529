"""Tell the CPU which matrix row we will need next, so it loads it early.

Why this matters: skip-gram spends most of its time waiting for memory. The
five noise words of an example are random rows of W_out (28 MB for 70,000
words x 100 dims, far more than the CPU caches), and each one costs a trip
to main memory that takes longer than the arithmetic on it. We know the
next example's noise words in advance, so we ask for their rows while the
current example computes (bench/results/design_measurements.md).

A prefetch is only a hint: it never changes a result. Plain Python
(``NUMBA_DISABLE_JIT=1``) has no such instruction, so there
``prefetch_row`` does nothing.

>>> prefetch_row(np.zeros((3, 4), np.float32), 1)   # a no-op outside Numba
"""
import numpy as np  # noqa: F401  (used by the doctest)
from llvmlite import ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic, overload

CACHE_LINE_BYTES = 64  # what the CPU moves between memory and its caches at a time

# LLVM names the intrinsic after its pointer type: "p0" with opaque pointers
# (newer llvmlite), "p0i8" with typed i8* pointers (older llvmlite).
_BYTE_POINTER = ir.IntType(8).as_pointer()
_PREFETCH_NAME = "llvm.prefetch.p0" if str(_BYTE_POINTER) == "ptr" else "llvm.prefetch.p0i8"


def prefetch_row(matrix, row):
    """Hint that ``matrix[row]`` will be read and written soon (no-op in Python)."""


def prefetch_item(vector, index):
    """Hint that ``vector[index]`` will be read soon (no-op in Python)."""


def _prefetch_codegen(context, builder, signature, args):
    """LLVM's prefetch for the cache line holding array[indices...]."""
    array_type = signature.args[0]
    array = context.make_array(array_type)(context, builder, args[0])
    indices = [context.cast(builder, value, value_type, types.intp)
               for value, value_type in zip(args[1:], signature.args[1:])]
    address = cgutils.get_item_pointer(context, builder, array_type, array, indices)
    int32 = ir.IntType(32)
    function = cgutils.get_or_insert_function(
        builder.module, ir.FunctionType(ir.VoidType(), [_BYTE_POINTER, int32, int32, int32]),
        _PREFETCH_NAME)
    # Arguments: address, 1 = for a write, 3 = keep in all cache levels, 1 = data.
    builder.call(function, [builder.bitcast(address, _BYTE_POINTER), ir.Constant(int32, 1),
                            ir.Constant(int32, 3), ir.Constant(int32, 1)])
    return context.get_dummy_value()


@intrinsic
def _prefetch_element(typingctx, matrix, row, column):
    """Emit LLVM's prefetch for the cache line holding matrix[row, column]."""
    return types.void(matrix, row, column), _prefetch_codegen


@intrinsic
def _prefetch_vector_element(typingctx, vector, index):
    """Emit LLVM's prefetch for the cache line holding vector[index]."""
    return types.void(vector, index), _prefetch_codegen


@overload(prefetch_item, jit_options={"cache": True})
def _prefetch_item_jit(vector, index):
    def prefetch_one_line(vector, index):
        _prefetch_vector_element(vector, index)
    return prefetch_one_line


@overload(prefetch_row, jit_options={"cache": True})
def _prefetch_row_jit(matrix, row):
    step = max(CACHE_LINE_BYTES * 8 // matrix.dtype.bitwidth, 1)  # elements per cache line

    def prefetch_every_line(matrix, row):
        for column in range(0, matrix.shape[1], step):
            _prefetch_element(matrix, row, column)
    return prefetch_every_line
