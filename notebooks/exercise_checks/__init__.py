"""Check cells: each exercise's ``check`` function says whether an answer is right.

A check prints one line and returns True (right), False (wrong) or None (not
answered yet), without printing the solution. The markers are fixed so that
the tests can read them:

>>> right("the top word is 'the'")
✓ Right: the top word is 'the'
True
>>> wrong("count tokens, not distinct words")
✗ Not yet: count tokens, not distinct words
False
>>> unanswered(None)
… Not answered yet: replace the None above with your answer, then run this cell again.
True
"""
import math

RIGHT, WRONG, UNANSWERED = "✓ Right", "✗ Not yet", "… Not answered yet"


class Verdict:
    """True or False for code, and nothing under a check cell: the printed line says it."""

    def __init__(self, value):
        self.value = bool(value)

    def __bool__(self):
        return self.value

    def __eq__(self, other):
        return self.value == other

    __hash__ = None

    def __repr__(self):
        return repr(self.value)

    def _ipython_display_(self):
        pass   # a notebook shows a value left last in a cell; this one shows nothing


def right(message=""):
    """Print the right-answer line and return a true Verdict."""
    print(f"{RIGHT}: {message}" if message else RIGHT)
    return Verdict(True)


def wrong(hint):
    """Print the wrong-answer line with a hint (never the solution); return a false Verdict."""
    print(f"{WRONG}: {hint}")
    return Verdict(False)


def unanswered(answer):
    """True (and a note printed) when the student has not answered yet (None or ...)."""
    if answer is None or answer is Ellipsis:
        print(f"{UNANSWERED}: replace the None above with your answer, then run this cell again.")
        return True
    return False


def close(answer, expected, rel=1e-3, abs_tol=1e-9):
    """True when ``answer`` is a number within ``rel`` (relative) of ``expected``."""
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return False
    return math.isclose(value, expected, rel_tol=rel, abs_tol=abs_tol)
