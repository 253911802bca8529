"""The bottom of the core: small tools that know nothing of words or vectors.

* ``atomic``: files written under a temporary name, then renamed into place;
* ``datadir``: where data sets and the cache live (``WORDVEC_DATA``, ``WORDVEC_CACHE``);
* ``progress``: a bar on a terminal, a few plain lines elsewhere;
* ``tables``: aligned plain-text tables;
* ``memory``: the process's resident memory, now and at its peak;
* ``safe_npz`` and ``size_limits``: files not to be trusted, read without
  ``np.load`` (never a pickle), and headers held to what the file's size can hold.

Every module here imports only the standard library, NumPy, tqdm and
``wordvec.errors``.
"""
from .atomic import atomic_write
from .datadir import cache_root, data_dir, data_dirs, eval_dir, eval_dirs
from .memory import max_rss_mb, peak_rss_mb, reset_peak_rss, status_mb
from .progress import bar, phase, reading
from .tables import text_table

__all__ = ["atomic_write", "bar", "cache_root", "data_dir", "data_dirs", "eval_dir",
           "eval_dirs", "max_rss_mb", "peak_rss_mb", "phase", "reading", "reset_peak_rss", "status_mb",
           "text_table"]
