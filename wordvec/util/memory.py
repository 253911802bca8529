"""How much memory this process holds, now and at its peak, and starting the peak afresh.

Linux reports a process's memory in ``/proc/self/status``, in kB:

* ``VmRSS``: resident now; ``VmHWM``: the peak of it (its "high-water mark");
* ``RssAnon``: the anonymous part (arrays, Python objects: what the process
  really needs); ``RssFile``: pages of mapped files, which the kernel can
  drop and read again (a memory-mapped corpus).

It also lets the process reset the peak (writing 5 to
``/proc/self/clear_refs``), so one process can measure the peak of each of
several jobs in turn: reset, run the job, read. Elsewhere the reset is not
possible and the peak is the process's peak so far (``ru_maxrss``), which
is an upper bound; ``reset_peak_rss`` says which it could do.

``ru_maxrss`` differs in one more way: on Linux a new program inherits its
parent's (the kernel keeps the larger across exec), which the benchmarks'
child processes allow for (``bench/harness.py``).

>>> _ = reset_peak_rss()
>>> peak_rss_mb() > 0
True
>>> sorted(status_mb(("VmRSS", "VmHWM"))) in ([], ["VmHWM", "VmRSS"])   # [] off Linux
True
"""
import resource
import sys

_STATUS = "/proc/self/status"
_CLEAR_REFS = "/proc/self/clear_refs"


def status_mb(fields=("VmRSS", "VmHWM", "RssAnon", "RssFile")):
    """Those fields of ``/proc/self/status`` in MB (2**20 bytes); {} where there is no such file."""
    found = {}
    try:
        with open(_STATUS, encoding="ascii") as status:
            for line in status:
                name, _, value = line.partition(":")
                if name in fields:
                    found[name] = int(value.split()[0]) / 1024  # the kernel reports kB
    except OSError:
        pass
    return found


def max_rss_mb():
    """``ru_maxrss`` in MB: the peak of this process, or of its parent if that was larger."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, kB on Linux


def reset_peak_rss():
    """Start counting the peak afresh from the current size; True if that was possible."""
    try:
        with open(_CLEAR_REFS, "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
        return True
    except OSError:
        return False


def peak_rss_mb():
    """The peak resident memory in MB since the last reset, or since the start."""
    return status_mb(("VmHWM",)).get("VmHWM") or max_rss_mb()
