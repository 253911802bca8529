"""Word vectors in the C word2vec tool's binary format (``.bin``).

A header line ``V dim\\n`` (as in word2vec text, see
:mod:`wordvec.vectors.text_format`, which reads it for both), then per word: its
UTF-8 bytes, a space, ``dim`` little-endian float32, and a newline (written
as word2vec.c does; on reading it may be missing, as in gensim's files).
Files may be gzip-compressed (``.gz``).

The file has no line structure past the header: a word ends at its space,
and its vector is the next ``4 * dim`` bytes, whatever they hold. So errors
name the byte offset, and a wrong ``dim`` in the header shows up as words
that are not UTF-8 or have no space: the messages say so.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> from wordvec.vectors.keyedvectors import KeyedVectors
>>> kv = KeyedVectors(np.array([[0.5, -1], [2, 0.25]], np.float32), ["cat", "dog"])
>>> path = Path(tempfile.mkdtemp()) / "vectors.bin"
>>> write_word2vec_binary(kv, path)
>>> path.read_bytes()[:12]
b'2 2\\ncat \\x00\\x00\\x00?'
>>> read_word2vec_binary(path)[1]
['cat', 'dog']
"""
import gzip
from pathlib import Path

import numpy as np

from ..errors import VectorFileError
from ..util.atomic import atomic_write
from .nonfinite import first_nonfinite, load_hint, value_text
from .text_format import allocate_rows, check_writable_words, open_vector_file, read_header

_ROWS_PER_WRITE = 4096
_BINARY_CHUNK = 1 << 20        # bytes read at a time
_MAX_WORD_BYTES = 1 << 16      # a longer "word" means the header's dimension is wrong


def write_word2vec_binary(kv, path):
    """Write the C word2vec tool's binary format (little-endian float32, newline per row)."""
    check_writable_words(kv, path, "word2vec binary")
    path = Path(path)
    vectors = kv.vectors.astype("<f4", copy=False)
    with atomic_write(path, "wb") as raw:
        out = gzip.GzipFile(fileobj=raw, mode="wb") if path.suffix.lower() == ".gz" else raw
        out.write(f"{len(kv)} {kv.vector_size}\n".encode("ascii"))
        for start in range(0, len(kv), _ROWS_PER_WRITE):
            block = vectors[start:start + _ROWS_PER_WRITE]
            words = kv.index_to_key[start:start + _ROWS_PER_WRITE]
            out.write(b"".join(w.encode("utf-8") + b" " + row.tobytes() + b"\n"
                               for w, row in zip(words, block)))
        if out is not raw:
            out.close()


def read_word2vec_binary(path, unicode_errors="strict", allow_nonfinite=False):
    """Read the C word2vec tool's binary format: ``(vectors, words)``.

    The newline after each vector is optional (gensim does not write it).
    ``unicode_errors`` is passed to ``bytes.decode``: "strict" (the default)
    raises on a word that is not UTF-8; "replace" or "ignore" accept words
    that word2vec.c cut in the middle of a character.
    """
    with open_vector_file(path) as f:
        count, dim, header_bytes = read_header(path, f, "line 1, byte offset 0")
        width = 4 * dim
        # At least a one-byte word, a space and dim float32 per row.
        vectors = allocate_rows(path, "line 1, byte offset 0", (count, dim), header_bytes,
                                width + 2, "word2vec binary")
        words, seen = [], {}
        buf, base, pos = b"", header_bytes, 0  # buf[0] is at absolute offset base
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
    # Checked once at the end, in blocks: a check per row would double the reading time.
    found = None if allow_nonfinite else first_nonfinite(vectors)
    if found is not None:
        row, col = found
        raise VectorFileError(f"{path}: byte offset {seen[words[row]]}: word #{row + 1} "
                              f"{words[row]!r}: its {value_text(vectors, row, col)}; "
                              f"{load_hint()}")
    return vectors, words
