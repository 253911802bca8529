"""SIGTERM treated like Ctrl-C: the work done so far is kept, then exit 143.

A scheduler, a closed terminal or a container stop sends SIGTERM, whose
default is to die on the spot, losing an hour of training. The command
line turns it into ``Terminated``, a ``KeyboardInterrupt``, so that every
place that already keeps its work on Ctrl-C (the training loop, the save)
does so for SIGTERM too; the exit status then says which it was: 130 for
Ctrl-C, 143 (128 + 15) for SIGTERM, as a shell reports them.
"""
import signal

_received = []


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: stop as Ctrl-C would."""


def _on_sigterm(signum, frame):
    _received.append(signum)
    raise Terminated


def install():
    """Route SIGTERM through ``Terminated`` (the main thread only, as Python requires)."""
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:     # not the main thread (e.g. main() called from a worker thread)
        pass


def stopped_by_sigterm():
    """True once SIGTERM has arrived in this process."""
    return bool(_received)


def interrupted_status():
    """The exit status of a run stopped early: 143 after SIGTERM, else 130 (Ctrl-C)."""
    return 143 if stopped_by_sigterm() else 130
