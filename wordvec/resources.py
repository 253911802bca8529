"""How much memory this process has used at its peak, and starting that count afresh.

Linux keeps the peak resident set size of a process (``VmHWM`` in
``/proc/self/status``) and lets the process reset it (writing 5 to
``/proc/self/clear_refs``). So one process can measure the peak of each of
several jobs in turn: reset, run the job, read. Elsewhere the reset is not
possible and the peak is the process's peak so far (``ru_maxrss``), which
is an upper bound; ``reset_peak_rss`` says which it could do.

>>> _ = reset_peak_rss()
>>> peak_rss_mb() > 0
True
"""
import resource
import sys
from pathlib import Path

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def reset_peak_rss():
    """Start counting the peak afresh from the current size; True if that was possible."""
    try:
        _CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb():
    """The peak resident memory in MB (2**20 bytes) since the last reset, or since the start."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # the kernel reports kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, kB on Linux
