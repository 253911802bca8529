"""Write files atomically: to a temporary file beside the target, then rename.

A crash or Ctrl-C half way through a save never leaves a truncated file under
the real name: either the old file is still there, or the new one is complete.

Example
-------
>>> with atomic_write("vectors.txt", "w") as f:   # doctest: +SKIP
...     f.write("hello\\n")
"""
import contextlib
import os
import tempfile
from pathlib import Path


def _umask():
    """The process's umask (reading it means setting it, so set it back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(path, mode="wb", encoding=None):
    """Open a temporary file for writing; rename it over ``path`` on success.

    ``mode`` is "w" (text, UTF-8 unless ``encoding`` says otherwise) or "wb".
    On any exception the temporary file is removed and ``path`` is untouched.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', got {mode!r}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a saved file should be as
        # readable as any other the user creates: 0666 less the umask.
        os.chmod(tmp, 0o666 & ~_umask())
        if mode == "w":
            f = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline="\n")
        else:
            f = os.fdopen(fd, "wb")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(error, OSError) and error.errno is not None and not error.filename:
            # A full disk says only "[Errno 28] No space left on device": say where,
            # and that nothing was lost.
            raise OSError(error.errno, f"cannot write {path} ({error.strerror}); nothing "
                          "was written there, and an earlier file of that name, if any, is "
                          "unchanged") from error
        raise
