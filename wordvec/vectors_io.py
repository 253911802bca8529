"""Read and write word vectors, in the format their file's extension names.

Formats
-------
::

    format name       extension         layout described in
    word2vec-text     .txt, .vec        word2vec_format.py
    word2vec-binary   .bin              word2vec_format.py
    glove             (format="glove")  word2vec_format.py: word2vec text, no header
    npz               .npz              npz_format.py: wordvec's own, with counts and metadata

Text formats may be gzip-compressed (a ``.gz`` suffix, looked through when
telling the format). Each module describes its files' layout; this one picks
the format (``detect_format``), dispatches to it (``save``, ``load``) and
re-exports both modules' public names, so that
``from wordvec.vectors_io import load_word2vec_binary`` reaches everything.
Every write goes through :func:`wordvec.atomic.atomic_write`; every malformed
input raises :class:`~wordvec.errors.VectorFileError` naming the path and
where in the file.

Example
-------
>>> detect_format("vectors.bin"), detect_format("wiki.en.vec.gz")
('word2vec-binary', 'word2vec-text')
>>> save(kv, "vectors.bin")                          # doctest: +SKIP
>>> kv = load("glove.6B.50d.txt", format="glove")    # doctest: +SKIP
"""
from pathlib import Path

from .errors import VectorFileError
from .npz_format import FORMAT_VERSION, NPZ_REQUIRED, load_npz, save_npz
from .word2vec_format import (load_glove, load_word2vec_binary, load_word2vec_text, save_glove,
                              save_word2vec_binary, save_word2vec_text)

__all__ = ["FORMATS", "detect_format", "save", "load", "FORMAT_VERSION", "NPZ_REQUIRED",
           "save_npz", "load_npz", "save_word2vec_text", "load_word2vec_text",
           "save_word2vec_binary", "load_word2vec_binary", "save_glove", "load_glove"]

FORMATS = ("npz", "word2vec-binary", "word2vec-text", "glove")
_EXTENSIONS = {".npz": "npz", ".bin": "word2vec-binary", ".txt": "word2vec-text",
               ".vec": "word2vec-text"}


def detect_format(path):
    """The format name for ``path`` from its extension (``.gz`` is looked through)."""
    path = Path(path)
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    fmt = _EXTENSIONS.get(suffixes[-1]) if suffixes else None
    if fmt is None:
        raise VectorFileError(f"{path}: cannot tell the vector format from the extension; use "
                              ".npz (native), .bin (word2vec binary), .txt or .vec (word2vec "
                              f"text), or pass format= one of {', '.join(FORMATS)}")
    return fmt


def save(kv, path, format=None):
    """Save ``kv`` to ``path`` in ``format`` (default: from the extension)."""
    fmt = format or detect_format(path)
    savers = {"npz": save_npz, "word2vec-binary": save_word2vec_binary,
              "word2vec-text": save_word2vec_text, "glove": save_glove}
    if fmt not in savers:
        raise ValueError(f"unknown vector format {fmt!r}; expected one of {', '.join(FORMATS)}")
    savers[fmt](kv, path)


def load(path, format=None):
    """Load a KeyedVectors from ``path`` in ``format`` (default: from the extension)."""
    fmt = format or detect_format(path)
    loaders = {"npz": load_npz, "word2vec-binary": load_word2vec_binary,
               "word2vec-text": load_word2vec_text, "glove": load_glove}
    if fmt not in loaders:
        raise ValueError(f"unknown vector format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return loaders[fmt](path)
