"""Read and write word vectors, in the format their file's extension names.

Formats
-------
::

    format name       extension         layout described in
    word2vec-text     .txt, .vec        text_format.py
    word2vec-binary   .bin              binary_format.py
    fasttext-binary   .bin              fasttext_format.py: Facebook fastText's model, whole
    glove             (format="glove")  text_format.py: word2vec text, no header
    npz               .npz              npz_format.py: wordvec's own, with counts and metadata
                                        (and a subword model's n-gram rows)

Text and ``.bin`` files may be gzip-compressed (a ``.gz`` suffix, looked
through when telling the format). Two formats share ``.bin``. On reading,
the file decides: one that starts with fastText's magic number is
fasttext-binary, any other word2vec-binary. On writing, the vectors do: a
subword model (anything with an ``input_matrix``, a ``SubwordVectors``) is
written as fasttext-binary, any other as word2vec-binary; pass
``format="word2vec-binary"`` to write a subword model's vocabulary vectors
for the word2vec tool. A subword model saved as text keeps its vocabulary's
vectors only.

Each format module describes its files' layout; this one picks the format
(``detect_format``, ``format_to_read``, ``format_to_write``) and dispatches
to it (``write``, ``read_parts``; ``read`` for word vectors). Nothing here
knows ``KeyedVectors``: ``write`` takes anything with ``vectors``,
``index_to_key``, ``counts`` and ``metadata`` (and a subword model's
attributes), and the readers return arrays, which ``KeyedVectors.load``
wraps. So the imports run one way, keyedvectors -> formats -> the format
modules. Every write goes
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
use .npz (native), .bin (word2vec or fastText binary), .txt or .vec (word2vec text), or pass \
format= one of npz, word2vec-binary, fasttext-binary, word2vec-text, glove
"""
from pathlib import Path

from ..errors import VectorFileError
from .binary_format import read_word2vec_binary, write_word2vec_binary
from .fasttext_format import has_fasttext_magic, read_fasttext_bin, write_fasttext_bin
from .nonfinite import refuse_nonfinite, refuse_nonfinite_subword
from .npz_format import read_npz, read_npz_parts, write_npz
from .text_format import read_glove, read_word2vec_text, write_glove, write_word2vec_text

FORMATS = ("npz", "word2vec-binary", "fasttext-binary", "word2vec-text", "glove")
_EXTENSIONS = {".npz": "npz", ".bin": "word2vec-binary", ".txt": "word2vec-text",
               ".vec": "word2vec-text"}
_WRITERS = {"npz": write_npz, "word2vec-binary": write_word2vec_binary,
            "fasttext-binary": write_fasttext_bin, "word2vec-text": write_word2vec_text,
            "glove": write_glove}
_READERS = {"npz": read_npz, "word2vec-binary": read_word2vec_binary,
            "word2vec-text": read_word2vec_text, "glove": read_glove}


def detect_format(path):
    """The format name for ``path`` from its extension (``.gz`` is looked through).

    ``.bin`` gives word2vec-binary: only the file (``format_to_read``) or
    the vectors (``format_to_write``) tell fastText's ``.bin`` from it.
    """
    path = Path(path)
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    fmt = _EXTENSIONS.get(suffixes[-1]) if suffixes else None
    if fmt is None:
        raise VectorFileError(f"{path}: cannot tell the vector format from the extension; use "
                              ".npz (native), .bin (word2vec or fastText binary), .txt or .vec "
                              f"(word2vec text), or pass format= one of {', '.join(FORMATS)}")
    return fmt


def _checked(fmt):
    if fmt not in FORMATS:
        raise ValueError(f"unknown vector format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return fmt


def _is_subword(kv):
    return getattr(kv, "input_matrix", None) is not None


def format_to_read(path, format=None):
    """``format`` if given; else the extension's, a fastText ``.bin`` told by its first bytes."""
    fmt = _checked(format or detect_format(path))
    if format is None and fmt == "word2vec-binary" and has_fasttext_magic(path):
        return "fasttext-binary"
    return fmt


def format_to_write(kv, path, format=None):
    """``format`` if given; else the extension's, ``.bin`` being fasttext-binary for a
    subword model and word2vec-binary for any other vectors."""
    fmt = _checked(format or detect_format(path))
    if format is None and fmt == "word2vec-binary" and _is_subword(kv):
        return "fasttext-binary"
    return fmt


def write(kv, path, format=None, allow_nonfinite=False):
    """Write ``kv`` to ``path`` in ``format`` (default: from the extension and ``kv``).

    A NaN or infinite value is refused, naming its word (or n-gram row),
    before the file is opened, unless ``allow_nonfinite``.
    """
    fmt = format_to_write(kv, path, format)
    keeps_ngrams = _is_subword(kv) and fmt in ("npz", "fasttext-binary")
    if fmt == "fasttext-binary" and not _is_subword(kv):
        raise VectorFileError(f"{path}: a fastText .bin holds a subword model (words and "
                              "n-gram rows), and these vectors have no n-grams; save them as "
                              ".npz, .vec, or word2vec binary (.bin)")
    if not allow_nonfinite:
        refuse_nonfinite(kv.vectors, kv.index_to_key, path)
        if keeps_ngrams:
            refuse_nonfinite_subword(kv, path)
    _WRITERS[fmt](kv, path)


def read(path, format=None, unicode_errors="strict", allow_nonfinite=False):
    """Read word vectors from ``path`` in ``format`` (default: from the extension).

    Returns ``(vectors, words, counts, metadata)``; the word2vec and GloVe
    formats hold no counts nor metadata (None); a subword ``.npz`` gives its
    vocabulary's vectors. A fastText ``.bin`` holds no word vectors as
    such (they are composed from its rows): read it with :func:`read_parts`.
    ``unicode_errors`` applies to word2vec binary files (see
    ``read_word2vec_binary``). A NaN or infinite value is an error naming
    its word and where it is, unless ``allow_nonfinite``.
    """
    fmt = format_to_read(path, format)
    if fmt == "fasttext-binary":
        raise VectorFileError(f"{path}: holds a fastText model, whose word vectors are "
                              "composed from n-gram rows; load it with KeyedVectors.load, or "
                              "read its parts with formats.read_parts")
    parts = _read_parts(path, fmt, unicode_errors, allow_nonfinite, subword=False)
    return parts["vectors"], parts["index_to_key"], parts["counts"], parts["metadata"]


def read_parts(path, format=None, unicode_errors="strict", allow_nonfinite=False):
    """Read whatever ``path`` holds, as the constructor arguments of its class (a dict).

    Word vectors give ``vectors``, ``index_to_key``, ``counts`` and
    ``metadata`` (``KeyedVectors``'); a subword model (a fastText ``.bin``,
    or a ``.npz`` that holds one) gives ``SubwordVectors``' arguments, with
    ``input_matrix``, ``minn``, ``maxn``, ``bucket`` and ``output_matrix``
    instead of ``vectors``. ``unicode_errors`` applies to word2vec binary
    only: a fastText word's n-grams come from its exact bytes.
    """
    return _read_parts(path, format_to_read(path, format), unicode_errors, allow_nonfinite,
                       subword=True)


def _read_parts(path, fmt, unicode_errors, allow_nonfinite, subword):
    if fmt == "fasttext-binary":
        return read_fasttext_bin(path, allow_nonfinite=allow_nonfinite)
    if fmt == "npz":
        if subword:
            return read_npz_parts(path, allow_nonfinite=allow_nonfinite)
        vectors, words, counts, metadata = read_npz(path, allow_nonfinite=allow_nonfinite)
    elif fmt == "word2vec-binary":
        vectors, words = read_word2vec_binary(path, unicode_errors=unicode_errors,
                                              allow_nonfinite=allow_nonfinite)
        counts = metadata = None
    else:
        vectors, words = _READERS[fmt](path, allow_nonfinite=allow_nonfinite)
        counts = metadata = None
    return {"vectors": vectors, "index_to_key": words, "counts": counts, "metadata": metadata}
