"""The prefetch hint compiles inside kernels and never changes data."""
import numpy as np
import pytest
from numba import njit

from wordvec.engine.prefetch import prefetch_item, prefetch_row


@njit(cache=False)
def prefetch_all_then_sum(matrix):
    for row in range(matrix.shape[0]):
        prefetch_row(matrix, row)
        prefetch_row(matrix, np.int32(row))  # any integer type of index
        prefetch_item(matrix[row], 0)
    return matrix.sum()


@pytest.mark.kernel
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32])
def test_prefetch_is_a_pure_hint(dtype):
    matrix = np.arange(7 * 37, dtype=dtype).reshape(7, 37)
    before = matrix.copy()
    assert prefetch_all_then_sum(matrix) == before.sum()
    np.testing.assert_array_equal(matrix, before)
