"""Where wordvec reads data and keeps its cache.

The data directory (corpora and benchmark sets) comes from, in order: an
explicit argument (the CLI's ``--data-dir``), the ``WORDVEC_DATA``
environment variable, or nothing. Its layout::

    DATA/corpora/wiki17m.txt.xz
    DATA/eval/questions-words.txt
    DATA/eval/wordsim353.tsv ...

The cache (downloads, in the same layout, and encoded corpora) lives in
``$WORDVEC_CACHE``, by default ``~/.cache/wordvec``. Because ``wordvec fetch``
downloads into the cache with the data-directory layout, the cache is also
where data is looked for when no data directory is set: after
``wordvec fetch text8`` and ``wordvec fetch eval`` every command finds them
with no flag at all.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> data_dir(folder) == Path(folder)
True
"""
import os
from pathlib import Path

from ..errors import WordvecError

ENV_VAR = "WORDVEC_DATA"
CACHE_ENV_VAR = "WORDVEC_CACHE"


def cache_root():
    """``$WORDVEC_CACHE`` if set, else ``~/.cache/wordvec``."""
    value = os.environ.get(CACHE_ENV_VAR)
    return Path(value).expanduser() if value else Path.home() / ".cache" / "wordvec"


def data_dir(explicit=None, required=True):
    """Return the data directory as a Path, or None if unset and not ``required``."""
    value = explicit if explicit is not None else os.environ.get(ENV_VAR)
    if not value:
        if required:
            raise WordvecError(
                f"no data directory: run `wordvec fetch eval` (benchmark sets) or "
                f"`wordvec fetch text8` (a corpus) to download them, or pass --data-dir DIR "
                f"or set {ENV_VAR}=DIR for a folder holding corpora/ and eval/"
            )
        return None
    path = Path(value).expanduser()
    if not path.is_dir():
        raise WordvecError(f"data directory {str(path)!r} (from "
                           f"{'--data-dir' if explicit is not None else ENV_VAR}) is not a directory")
    return path


def data_dirs(explicit=None):
    """Where to look for a named dataset, in order: the data directory if one
    is set (``explicit`` or ``$WORDVEC_DATA``), then the download cache."""
    folders = [data_dir(explicit, required=False), cache_root()]
    return [folder for folder in folders if folder is not None]


def eval_dirs(explicit=None):
    """Where benchmark sets are looked for, in order: the data directory's
    ``eval/`` (or the data directory itself, if it has none), then the
    cache's ``eval/`` that ``wordvec fetch eval`` fills."""
    base = data_dir(explicit, required=False)
    folders = [] if base is None else [base / "eval" if (base / "eval").is_dir() else base]
    return folders + [cache_root() / "eval"]


def eval_dir(explicit=None, required=True):
    """The benchmark-set folder: the data directory's (``eval_dirs``), or with no data
    directory set, the cache's ``eval`` folder if ``wordvec fetch eval`` filled it."""
    first = eval_dirs(explicit)[0]
    if first != cache_root() / "eval" or (first.is_dir() and any(first.iterdir())):
        return first
    if required:
        data_dir(explicit, required=True)   # raises, saying what to do
    return None
