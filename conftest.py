"""pytest's setup for the whole checkout (tests/ and the packages' doctests).

The doctests of the modules that hold Numba kernels are marked ``kernel``
too, so that CI also runs them with NUMBA_DISABLE_JIT=1 (as plain Python).

Tests that need the real corpora and benchmark sets skip, with a reason that
names ``WORDVEC_DATA``, when it is unset; the browser tests skip, naming
``WORDVEC_BROWSER``, when no browser is found. CI sets ``WORDVEC_REQUIRE_DATA=1``
beside the data folder and ``WORDVEC_REQUIRE_BROWSER=1`` beside the browser it
installs, and then such a skip is a failure: a test that stopped finding what
it needs cannot pass unseen.
"""
import os

import pytest

# A skip whose reason names the variable on the left fails when the one on the right is 1.
REQUIRED = {"WORDVEC_DATA": "WORDVEC_REQUIRE_DATA", "WORDVEC_BROWSER": "WORDVEC_REQUIRE_BROWSER"}

KERNEL_MODULES = ("wordvec/engine/jit.py", "wordvec/engine/rng.py", "wordvec/engine/alias.py",
                  "wordvec/engine/prefetch.py", "wordvec/engine/logistic.py",
                  "wordvec/engine/windows.py", "wordvec/cooccur/kernels.py",
                  "wordvec/cooccur/counting.py", "w2v/kernels.py", "w2v/reference.py",
                  "glove/kernels.py", "glove/reference.py", "svd/kernels.py", "svd/ppmi.py",
                  "svd/reference.py", "subword/kernels.py", "subword/reference.py",
                  "wordvec/text/subwords.py")


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.as_posix()
        if isinstance(item, pytest.DoctestItem) and path.endswith(KERNEL_MODULES):
            item.add_marker(pytest.mark.kernel)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.skipped:
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    for needed, required in REQUIRED.items():
        if needed in reason and os.environ.get(required) == "1":
            report.outcome = "failed"
            report.longrepr = f"{required}=1, but this test skipped: {reason}"
