"""Word vectors as text (word2vec, GloVe) and as word2vec.c's binary format.

Formats
-------
word2vec text (``.txt``, ``.vec``)
    A header line ``V dim``, then ``word v1 ... vdim`` per line.
word2vec binary (``.bin``)
    A header line ``V dim\\n``, then per word: its UTF-8 bytes, a space, dim
    little-endian float32, and a newline (written as word2vec.c does; on
    reading it may be missing, as in gensim's files).
GloVe text
    Like word2vec text without the header; dim comes from the first line.

The three share the header parsing (text and binary) and the row parsing
(both text formats), so one module holds them. Files may be gzip-compressed
(a ``.gz`` suffix). Floats are written with ``%.9g``, which round-trips every
float32 exactly. Every malformed input raises
:class:`~wordvec.errors.VectorFileError` naming the path and the line number
(text) or byte offset (binary). Choosing the format by the file's extension
is :mod:`wordvec.vectors_io`'s job. The writers take anything with
``vectors`` and ``index_to_key`` (a ``KeyedVectors``); the readers return
``(vectors, words)``, which ``KeyedVectors.load`` turns into vectors, so that
this module needs nothing from ``keyedvectors.py``.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> import numpy as np
>>> from wordvec.keyedvectors import KeyedVectors
>>> kv = KeyedVectors(np.array([[0.5, -1], [2, 0.1]], np.float32), ["cat", "dog"])
>>> path = Path(tempfile.mkdtemp()) / "vectors.txt"
>>> write_word2vec_text(kv, path)
>>> print(path.read_text(), end="")          # 0.1 is not a float32: %.9g shows which one
2 2
cat 0.5 -1
dog 2 0.100000001
>>> vectors, words = read_word2vec_text(path)
>>> words, vectors.dtype
(['cat', 'dog'], dtype('float32'))
"""
import gzip
import io
from pathlib import Path

import numpy as np

from .atomic import atomic_write
from .errors import VectorFileError

_TEXT_CHUNK_ROWS = 4096        # rows per write (text and binary), per GloVe block read
_BINARY_CHUNK = 1 << 20        # bytes read at a time from a binary file
_MAX_WORD_BYTES = 1 << 16      # a longer "word" means the header's dimension is wrong


# ------------------------------------------------------------------- shared

def _open_read(path):
    """Open for binary reading, decompressing ``.gz``; a clear error if missing."""
    path = Path(path)
    if not path.exists():
        raise VectorFileError(f"{path}: no such vector file")
    if path.is_dir():
        raise VectorFileError(f"{path}: is a directory, expected a vector file")
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")
    return open(path, "rb")


def _check_writable_words(kv, path, what):
    for i, word in enumerate(kv.index_to_key):
        if not word or any(ch in word for ch in " \n\r"):
            raise VectorFileError(f"{path}: word #{i} {word!r} cannot be written in {what}: "
                                  "words must be non-empty and contain no space or newline")


def _row_formatter(dim):
    return " ".join(["%.9g"] * dim)


def _write_text(kv, path, header):
    _check_writable_words(kv, path, "a text vector file")
    path = Path(path)
    fmt = _row_formatter(kv.vector_size)
    with atomic_write(path, "wb") as raw:
        sink = gzip.GzipFile(fileobj=raw, mode="wb") if path.suffix.lower() == ".gz" else raw
        out = io.TextIOWrapper(sink, encoding="utf-8", newline="\n")
        if header:
            out.write(f"{len(kv)} {kv.vector_size}\n")
        vectors = kv.vectors
        for start in range(0, len(kv), _TEXT_CHUNK_ROWS):
            rows = vectors[start:start + _TEXT_CHUNK_ROWS].tolist()
            words = kv.index_to_key[start:start + _TEXT_CHUNK_ROWS]
            out.write("".join(f"{w} {fmt % tuple(r)}\n" for w, r in zip(words, rows)))
        out.flush()
        out.detach()
        if sink is not raw:
            sink.close()


def _parse_header(path, line):
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    parts = text.split() if text is not None else []
    try:
        if len(parts) != 2:
            raise ValueError
        count, dim = int(parts[0]), int(parts[1])
    except ValueError:
        shown = line[:80].decode("utf-8", "replace").rstrip("\r\n")
        raise VectorFileError(f"{path}: line 1: the header must be two integers 'V dim' "
                              f"(number of words and dimensions), got {shown!r}") from None
    if count < 0 or dim < 1:
        raise VectorFileError(f"{path}: line 1: header declares {count} words of {dim} "
                              "dimensions; need V >= 0 and dim >= 1")
    return count, dim


def _parse_row(path, line_no, line, dim, dim_from):
    """(word, list of value strings) from one text line; checks the count and encoding."""
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise VectorFileError(f"{path}: line {line_no}: not valid UTF-8 ({exc.reason} at "
                              f"byte {exc.start} of the line)") from None
    word, _, rest = text.partition(" ")
    values = rest.split()
    if not word:
        raise VectorFileError(f"{path}: line {line_no}: empty word (line starts with a space "
                              "or is blank)")
    if dim is not None and len(values) != dim:
        raise VectorFileError(f"{path}: line {line_no}: word {word!r} has {len(values)} "
                              f"values, expected {dim} ({dim_from})")
    return word, values


def _fill_row(path, line_no, word, values, out, i):
    try:
        out[i] = values
    except ValueError:
        for col, value in enumerate(values, 1):
            try:
                float(value)
            except ValueError:
                raise VectorFileError(f"{path}: line {line_no}: value {col} of word {word!r} "
                                      f"is not a number: {value!r}") from None
        raise


def _read_text(path, header):
    """Shared reader for word2vec text (header=True) and GloVe (header=False)."""
    with _open_read(path) as f:
        line_no = 0
        if header:
            first = f.readline()
            line_no = 1
            if not first.strip():
                raise VectorFileError(f"{path}: line 1: empty file, expected the header 'V dim'")
            count, dim = _parse_header(path, first)
            dim_from = "as the header on line 1 declares"
            vectors = _allocate(path, count, dim)
        else:
            count, dim, vectors, dim_from = None, None, None, None
            chunks = []
        words, seen = [], {}
        for line in f:
            line_no += 1
            if header and len(words) == count:
                if line.strip():
                    raise VectorFileError(f"{path}: line {line_no}: the header declares {count} "
                                          "words but the file holds more rows")
                continue
            if not line.strip():
                if not header:
                    continue  # GloVe: blank lines carry nothing
                raise VectorFileError(f"{path}: line {line_no}: blank line where the vector of "
                                      f"word #{len(words) + 1} was expected (the header "
                                      f"declares {count} words)")
            word, values = _parse_row(path, line_no, line, dim, dim_from)
            if dim is None:
                dim = len(values)
                if dim == 0:
                    raise VectorFileError(f"{path}: line {line_no}: word {word!r} has no values")
                dim_from = f"as on line {line_no}, the first row"
                if len(values) == 1 and _looks_like_header(word, values):
                    raise VectorFileError(f"{path}: line {line_no}: '{word} {values[0]}' looks "
                                          "like a word2vec header; this is not a GloVe file, "
                                          "load it as word2vec text")
            if word in seen:
                raise VectorFileError(f"{path}: line {line_no}: duplicate word {word!r} "
                                      f"(first on line {seen[word]})")
            seen[word] = line_no
            if header:
                _fill_row(path, line_no, word, values, vectors, len(words))
            else:
                if len(words) % _TEXT_CHUNK_ROWS == 0:
                    chunks.append(np.empty((_TEXT_CHUNK_ROWS, dim), dtype=np.float32))
                _fill_row(path, line_no, word, values, chunks[-1], len(words) % _TEXT_CHUNK_ROWS)
            words.append(word)
        if header and len(words) < count:
            raise VectorFileError(f"{path}: line {line_no + 1}: truncated file: the header "
                                  f"declares {count} words but only {len(words)} rows were found")
    if not header:
        if not words:
            raise VectorFileError(f"{path}: empty file, no vectors found")
        vectors = np.concatenate(chunks)[:len(words)] if chunks else np.empty((0, dim), np.float32)
    return vectors, words


def _allocate(path, count, dim):
    try:
        return np.empty((count, dim), dtype=np.float32)
    except (MemoryError, ValueError):
        raise VectorFileError(f"{path}: line 1: the header declares {count} words of {dim} "
                              "dimensions, more than fits in memory; is the header right?") from None


def _looks_like_header(word, values):
    return word.isdigit() and values[0].isdigit()


# ------------------------------------------------------------ word2vec text

def write_word2vec_text(kv, path):
    """Write word2vec text: header ``V dim`` then ``word v1 ... vd`` (``%.9g``)."""
    _write_text(kv, path, header=True)


def read_word2vec_text(path):
    """Read a word2vec text file (``.gz`` allowed): ``(vectors, words)``."""
    return _read_text(path, header=True)


# -------------------------------------------------------------------- GloVe

def write_glove(kv, path):
    """Write GloVe text: ``word v1 ... vd`` per line, no header."""
    _write_text(kv, path, header=False)


def read_glove(path):
    """Read a GloVe text file: ``(vectors, words)``; dim comes from the first line."""
    return _read_text(path, header=False)


# ---------------------------------------------------------- word2vec binary

def write_word2vec_binary(kv, path):
    """Write the C word2vec tool's binary format (little-endian float32, newline per row)."""
    _check_writable_words(kv, path, "word2vec binary")
    path = Path(path)
    vectors = kv.vectors.astype("<f4", copy=False)
    with atomic_write(path, "wb") as raw:
        out = gzip.GzipFile(fileobj=raw, mode="wb") if path.suffix.lower() == ".gz" else raw
        out.write(f"{len(kv)} {kv.vector_size}\n".encode("ascii"))
        for start in range(0, len(kv), _TEXT_CHUNK_ROWS):
            block = vectors[start:start + _TEXT_CHUNK_ROWS]
            words = kv.index_to_key[start:start + _TEXT_CHUNK_ROWS]
            out.write(b"".join(w.encode("utf-8") + b" " + row.tobytes() + b"\n"
                               for w, row in zip(words, block)))
        if out is not raw:
            out.close()


def read_word2vec_binary(path, unicode_errors="strict"):
    """Read the C word2vec tool's binary format: ``(vectors, words)``.

    The newline after each vector is optional (gensim does not write it).
    ``unicode_errors`` is passed to ``bytes.decode``: "strict" (the default)
    raises on a word that is not UTF-8; "replace" or "ignore" accept words
    that word2vec.c cut in the middle of a character.
    """
    with _open_read(path) as f:
        first = f.readline()
        if not first.strip():
            raise VectorFileError(f"{path}: byte offset 0: empty file, expected the header 'V dim'")
        count, dim = _parse_header(path, first)
        width = 4 * dim
        vectors = _allocate(path, count, dim)
        words, seen = [], {}
        buf, base, pos = b"", len(first), 0  # buf[0] is at absolute offset base
        for i in range(count):
            while True:
                # word2vec.c ends each vector with "\n"; gensim does not. Skip it if there.
                while pos < len(buf) and buf[pos:pos + 1] == b"\n":
                    pos += 1
                space = buf.find(b" ", pos, pos + _MAX_WORD_BYTES + 1)
                if space != -1 and len(buf) - space - 1 >= width:
                    break
                if space == -1 and len(buf) - pos > _MAX_WORD_BYTES:
                    raise VectorFileError(f"{path}: byte offset {base + pos}: no space after "
                                          f"{_MAX_WORD_BYTES} bytes: a word should end with a "
                                          "space (is the header's dimension right?)")
                more = f.read(_BINARY_CHUNK)
                if not more:
                    where = "in the middle of" if buf[pos:] else "before"
                    raise VectorFileError(
                        f"{path}: byte offset {base + pos}: truncated file: the header declares "
                        f"{count} words of {dim} float32, but the data ends after {i} complete "
                        f"word(s), {where} word #{i + 1} (file size {base + len(buf)} bytes)")
                buf = buf[pos:] + more
                base += pos
                pos = 0
            raw_word = buf[pos:space]
            offset = base + pos
            try:
                word = raw_word.decode("utf-8", errors=unicode_errors)
            except UnicodeDecodeError as exc:
                hint = ("" if i == 0 else
                        " (if the bytes look random, the header's dimension may be wrong)")
                raise VectorFileError(
                    f"{path}: byte offset {offset + exc.start}: word #{i + 1} is not valid "
                    f"UTF-8 ({exc.reason}): {raw_word[:60]!r}; KeyedVectors.load_word2vec_format"
                    f"(path, binary=True, unicode_errors='replace') accepts it{hint}") from None
            if not word:
                raise VectorFileError(f"{path}: byte offset {offset}: word #{i + 1} is empty")
            if word in seen:
                raise VectorFileError(f"{path}: byte offset {offset}: duplicate word {word!r} "
                                      f"(first at byte offset {seen[word]})")
            seen[word] = offset
            vectors[i] = np.frombuffer(buf, dtype="<f4", count=dim, offset=space + 1)
            words.append(word)
            pos = space + 1 + width
        rest = buf[pos:] + f.read(_BINARY_CHUNK)
        extra = rest.lstrip(b"\n")
        if extra:
            at = base + pos + (len(rest) - len(extra))
            raise VectorFileError(f"{path}: byte offset {at}: the header declares {count} words "
                                  f"of {dim} dimensions, but more data follows the last vector "
                                  "(wrong header, or more rows than declared)")
    return vectors, words
