"""Word vectors as text: word2vec's format and GloVe's; the header both word2vec formats share.

Formats
-------
word2vec text (``.txt``, ``.vec``)
    A header line ``V dim``, then ``word v1 ... vdim`` per line.
GloVe text
    Like word2vec text without the header; dim comes from the first line.

The two share the row parsing, so one module holds them; it also reads the
``V dim`` header for word2vec binary (:mod:`wordvec.vectors.binary_format`), and
allocates the matrix that header declares. Files may be gzip-compressed
(a ``.gz`` suffix). Floats are written with ``%.9g``, which round-trips every
float32 exactly. Every malformed input raises
:class:`~wordvec.errors.VectorFileError` naming the path and the line
number: a header that claims more rows than the file's size can hold
(:mod:`wordvec.util.size_limits`), and a NaN or infinite value unless the caller
passes ``allow_nonfinite=True`` (:mod:`wordvec.vectors.nonfinite`), included. Choosing
the format by the file's extension is :mod:`wordvec.vectors.formats`'s job. The
writers take anything with ``vectors`` and ``index_to_key`` (a
``KeyedVectors``); the readers return ``(vectors, words)``, which
``KeyedVectors.load`` turns into vectors, so that this module needs nothing
from ``keyedvectors.py``.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> import numpy as np
>>> from wordvec.vectors.keyedvectors import KeyedVectors
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
import zlib
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..errors import VectorFileError
from ..util.atomic import atomic_write
from ..util.size_limits import most_bytes, size_note
from .nonfinite import load_hint

_TEXT_CHUNK_ROWS = 4096        # rows per write, and at most per GloVe block read
_GLOVE_CHUNK_BYTES = 1 << 24   # and at most this many bytes per GloVe block
_MAX_HEADER_BYTES = 100        # "V dim\n": two numbers; more means this is no header


# ------------------------------------------------------------------- shared

@contextmanager
def open_vector_file(path):
    """Open for binary reading, decompressing ``.gz``; clear errors if missing or damaged.

    A damaged ``.gz`` file fails while it is read, deep in a reader, with
    zlib's or gzip's words and no path: reading goes on inside this
    ``with``, which turns those errors into a ``VectorFileError`` that names
    the file.
    """
    path = Path(path)
    if not path.exists():
        raise VectorFileError(f"{path}: no such vector file")
    if path.is_dir():
        raise VectorFileError(f"{path}: is a directory, expected a vector file")
    try:
        with (gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")) as f:
            yield f
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        raise VectorFileError(f"{path}: cannot be read ({exc})") from None


def check_writable_words(kv, path, what):
    for i, word in enumerate(kv.index_to_key):
        if not word or any(ch in word for ch in " \n\r"):
            raise VectorFileError(f"{path}: word #{i} {word!r} cannot be written in {what}: "
                                  "words must be non-empty and contain no space or newline")


def _row_formatter(dim):
    return " ".join(["%.9g"] * dim)


def _write_text(kv, path, header):
    check_writable_words(kv, path, "a text vector file")
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


def read_header(path, f, where):
    """``(count, dim, header bytes)`` from the first line of an open file."""
    first = f.readline(_MAX_HEADER_BYTES)
    if not first.strip():
        raise VectorFileError(f"{path}: {where}: empty file, expected the header 'V dim'")
    if len(first) == _MAX_HEADER_BYTES and not first.endswith(b"\n"):
        raise VectorFileError(f"{path}: {where}: the header 'V dim' should be a short first "
                              f"line, but no line break comes in its first {_MAX_HEADER_BYTES} "
                              f"bytes: {first[:40]!r}...")
    return (*_parse_header(path, first), len(first))


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


def _fill_row(path, line_no, word, values, out, i, allow_nonfinite):
    """Parse ``values`` into ``out[i]``; refuse what is no number, or no finite one."""
    try:
        out[i] = values
    except ValueError:
        # NumPy does not say which value it choked on: find it with float().
        bad = next((col for col, value in enumerate(values, 1) if not _is_float(value)), None)
        which = f"value {bad} of word {word!r} is not a number: {values[bad - 1]!r}" \
            if bad is not None else f"the values of word {word!r} are not all numbers"
        raise VectorFileError(f"{path}: line {line_no}: {which}") from None
    # np.isfinite costs about 2% of parsing the row, and the line number is at hand.
    if not allow_nonfinite and not np.isfinite(out[i]).all():
        col = int(np.argmin(np.isfinite(out[i])))
        text = values[col]
        beyond = ", beyond float32's range (+-3.4e38)" if _is_float(text) and np.isfinite(
            float(text)) else ""
        raise VectorFileError(f"{path}: line {line_no}: word {word!r}: value {col + 1} of "
                              f"{len(values)} is {text!r}{beyond}; {load_hint()}")


def _is_float(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def _read_text(path, header, allow_nonfinite):
    """Shared reader for word2vec text (header=True) and GloVe (header=False)."""
    # Values beyond float32's range become inf: _fill_row says so, NumPy need not warn.
    with open_vector_file(path) as f, np.errstate(over="ignore"):
        line_no = 0
        if header:
            count, dim, header_bytes = read_header(path, f, "line 1")
            line_no = 1
            dim_from = "as the header on line 1 declares"
            # At least "w 1 1 ... 1" per row: a word, then a space and a digit per value.
            vectors = allocate_rows(path, "line 1", (count, dim), header_bytes, 2 * dim + 1,
                                    "word2vec text")
        else:
            count, dim, vectors, dim_from = None, None, None, None
            chunks, chunk_rows, filled = [], 0, 0
            most = most_bytes(path)
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
                _fill_row(path, line_no, word, values, vectors, len(words), allow_nonfinite)
            else:
                # No header: blocks grow with the rows read, so memory follows the data
                # (and no block holds more rows than the file could: a row takes >= 2*dim+1 bytes).
                if filled == chunk_rows:
                    chunk_rows = min(_TEXT_CHUNK_ROWS, _GLOVE_CHUNK_BYTES // (4 * dim))
                    if most is not None:
                        chunk_rows = min(chunk_rows, most // (2 * dim + 1))
                    chunk_rows = max(1, chunk_rows)
                    chunks.append(np.empty((chunk_rows, dim), dtype=np.float32))
                    filled = 0
                _fill_row(path, line_no, word, values, chunks[-1], filled, allow_nonfinite)
                filled += 1
            words.append(word)
        if header and len(words) < count:
            raise VectorFileError(f"{path}: line {line_no + 1}: truncated file: the header "
                                  f"declares {count} words but only {len(words)} rows were found")
    if not header:
        if not words:
            raise VectorFileError(f"{path}: empty file, no vectors found")
        vectors = np.concatenate(chunks)[:len(words)] if chunks else np.empty((0, dim), np.float32)
    return vectors, words


def allocate_rows(path, where, shape, header_bytes, least_row_bytes, layout):
    """The ``(count, dim)`` matrix a header declares, once the file's size says it can be.

    ``least_row_bytes`` is the fewest bytes a row takes in the file's
    ``layout``; ``where`` places the header in messages ("line 1").
    """
    count, dim = shape
    needed = header_bytes + count * least_row_bytes
    available = most_bytes(path)
    if available is not None and needed > available:
        raise VectorFileError(f"{path}: {where}: the header declares {count:,} words of {dim:,} "
                              f"dimensions, at least {needed:,} bytes as {layout}, but "
                              f"{size_note(path)}: the file is truncated, or its header is wrong")
    try:
        return np.empty((count, dim), dtype=np.float32)
    except (MemoryError, ValueError):
        raise VectorFileError(f"{path}: {where}: the header declares {count} words of {dim} "
                              "dimensions, more than fits in memory; is the header right?"
                              ) from None


def _looks_like_header(word, values):
    return word.isdigit() and values[0].isdigit()


# ------------------------------------------------------------ word2vec text

def write_word2vec_text(kv, path):
    """Write word2vec text: header ``V dim`` then ``word v1 ... vd`` (``%.9g``)."""
    _write_text(kv, path, header=True)


def read_word2vec_text(path, allow_nonfinite=False):
    """Read a word2vec text file (``.gz`` allowed): ``(vectors, words)``."""
    return _read_text(path, header=True, allow_nonfinite=allow_nonfinite)


# -------------------------------------------------------------------- GloVe

def write_glove(kv, path):
    """Write GloVe text: ``word v1 ... vd`` per line, no header."""
    _write_text(kv, path, header=False)


def read_glove(path, allow_nonfinite=False):
    """Read a GloVe text file: ``(vectors, words)``; dim comes from the first line."""
    return _read_text(path, header=False, allow_nonfinite=allow_nonfinite)
