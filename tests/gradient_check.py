"""Finite differences, for the gradient checks of every NumPy reference."""
import numpy as np


def numeric_gradient(function, x, eps=1e-6):
    """Central differences of a scalar ``function()`` with respect to the array ``x``,
    one coordinate at a time (``x`` is changed in place and restored)."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + eps
        plus = function()
        x[index] = saved - eps
        minus = function()
        x[index] = saved
        grad[index] = (plus - minus) / (2 * eps)
    return grad
