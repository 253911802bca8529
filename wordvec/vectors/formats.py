"""Read and write word vectors, in the format their file's extension names.

Formats
-------
::

    format name       extension         layout described in
    word2vec-text     .txt, .vec        text_format.py
    word2vec-binary   .bin              binary_format.py
    glove             (format="glove")  text_format.py: word2vec text, no header
    npz               .npz              npz_format.py: wordvec's own, with counts and metadata

Text formats may be gzip-compressed (a ``.gz`` suffix, looked through when
telling the format). Each format module describes its files' layout; this
one picks the format (``detect_format``) and dispatches to it (``write``,
``read``). Nothing here knows ``KeyedVectors``: ``write`` takes anything with
``vectors``, ``index_to_key``, ``counts`` and ``metadata``, and ``read``
returns the arrays, which ``KeyedVectors.load`` wraps. So the imports run
one way, keyedvectors -> vectors_io -> the formats. Every write goes
through :func:`wordvec.util.atomic.atomic_write`; every malformed input raises
:class:`~wordvec.errors.VectorFileError` naming the path and where in the file.
NaN and infinite values are refused both ways, in every format, unless the
caller passes ``allow_nonfinite=True`` (:mod:`wordvec.vectors.nonfinite` says why).

Example
-------
>>> detect_format("vectors.bin"), detect_format("wiki.en.vec.gz")
('word2vec-binary', 'word2vec-text')
>>> detect_format("vectors.pkl")
Traceback (most recent call last):
    ...
wordvec.errors.VectorFileError: vectors.pkl: cannot tell the vector format from the extension; \
use .npz (native), .bin (word2vec binary), .txt or .vec (word2vec text), or pass format= one of \
npz, word2vec-binary, word2vec-text, glove
"""
from pathlib import Path

from ..errors import VectorFileError
from .binary_format import read_word2vec_binary, write_word2vec_binary
from .nonfinite import refuse_nonfinite
from .npz_format import read_npz, write_npz
from .text_format import read_glove, read_word2vec_text, write_glove, write_word2vec_text

FORMATS = ("npz", "word2vec-binary", "word2vec-text", "glove")
_EXTENSIONS = {".npz": "npz", ".bin": "word2vec-binary", ".txt": "word2vec-text",
               ".vec": "word2vec-text"}
_WRITERS = {"npz": write_npz, "word2vec-binary": write_word2vec_binary,
            "word2vec-text": write_word2vec_text, "glove": write_glove}
_READERS = {"npz": read_npz, "word2vec-binary": read_word2vec_binary,
            "word2vec-text": read_word2vec_text, "glove": read_glove}


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


def _checked(fmt):
    if fmt not in FORMATS:
        raise ValueError(f"unknown vector format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return fmt


def write(kv, path, format=None, allow_nonfinite=False):
    """Write ``kv`` to ``path`` in ``format`` (default: from the extension).

    A NaN or infinite value is refused, naming its word, before the file is
    opened, unless ``allow_nonfinite``.
    """
    writer = _WRITERS[_checked(format or detect_format(path))]
    if not allow_nonfinite:
        refuse_nonfinite(kv.vectors, kv.index_to_key, path)
    writer(kv, path)


def read(path, format=None, unicode_errors="strict", allow_nonfinite=False):
    """Read ``path`` in ``format`` (default: from the extension).

    Returns ``(vectors, words, counts, metadata)``; the word2vec and GloVe
    formats hold no counts nor metadata (None). ``unicode_errors`` applies
    to word2vec binary files (see ``read_word2vec_binary``). A NaN or
    infinite value is an error naming its word and where it is, unless
    ``allow_nonfinite``.
    """
    fmt = _checked(format or detect_format(path))
    if fmt == "npz":
        return read_npz(path, allow_nonfinite=allow_nonfinite)
    if fmt == "word2vec-binary":
        vectors, words = read_word2vec_binary(path, unicode_errors=unicode_errors,
                                              allow_nonfinite=allow_nonfinite)
    else:
        vectors, words = _READERS[fmt](path, allow_nonfinite=allow_nonfinite)
    return vectors, words, None, None
