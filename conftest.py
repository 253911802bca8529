"""pytest's setup for the whole checkout (tests/ and the packages' doctests).

The doctests of the modules that hold Numba kernels are marked ``kernel``
too, so that CI also runs them with NUMBA_DISABLE_JIT=1 (as plain Python).
"""
import pytest

KERNEL_MODULES = ("wordvec/engine/jit.py", "wordvec/engine/rng.py", "wordvec/engine/alias.py",
                  "wordvec/engine/prefetch.py", "wordvec/cooccur/kernels.py",
                  "wordvec/cooccur/counting.py", "w2v/kernels.py", "w2v/reference.py",
                  "glove/kernels.py", "glove/reference.py", "svd/kernels.py", "svd/ppmi.py",
                  "svd/reference.py")


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.as_posix()
        if isinstance(item, pytest.DoctestItem) and path.endswith(KERNEL_MODULES):
            item.add_marker(pytest.mark.kernel)
