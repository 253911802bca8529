"""NaN and infinity in word vectors: found, named, and refused unless asked for.

One NaN in a word's vector makes every cosine with that word NaN, and NaN
compares false with everything, so rankings go wrong without a sound:
``wordvec neighbors`` printed ``queen nan``. An infinite value does the same
as soon as the vector is normalised (inf / inf is NaN). Such values come
from a training run that diverged, or from a number beyond float32's range
(``1e39`` in a text file, or a float64 archive cast to float32: both become
inf).

So every reader and writer of vectors refuses them by default and names the
word holding the first one (and its line, row or byte offset: the formats
say where). ``allow_nonfinite=True`` lets through a caller who wants them,
for instance to look at what a diverged run produced.

>>> vectors = np.array([[1.0, 2.0], [3.0, np.nan]], np.float32)
>>> first_nonfinite(vectors)
(1, 1)
>>> refuse_nonfinite(vectors, ["king", "queen"], "v.txt")
Traceback (most recent call last):
    ...
wordvec.errors.VectorFileError: v.txt: cannot save word 'queen' (index 1): its value 2 of 2 is \
nan; NaN and infinity break every similarity (pass allow_nonfinite=True to save them anyway)
"""
import numpy as np

from ..errors import VectorFileError

# Rows checked at a time: np.isfinite makes a boolean copy of what it checks,
# and a copy of a 2-million-word matrix is not free.
_CHUNK_ROWS = 1 << 16

WHY = "NaN and infinity break every similarity"


def first_nonfinite(vectors):
    """``(row, column)`` of the first NaN or ±inf of a 2-D array, or None."""
    for start in range(0, vectors.shape[0], _CHUNK_ROWS):
        bad = ~np.isfinite(vectors[start:start + _CHUNK_ROWS])
        if bad.any():
            row, column = np.argwhere(bad)[0]
            return start + int(row), int(column)
    return None


def value_text(vectors, row, column):
    """'value 3 of 300 is nan': a non-finite value and where it is in its row."""
    return f"value {column + 1} of {vectors.shape[1]} is {vectors[row, column]}"


def load_hint():
    """The end of every reader's message: why, and how to load the file anyway."""
    return f"{WHY} (pass allow_nonfinite=True to load them anyway)"


def row_name(words, row):
    """A row of a subword model's matrices, for messages: a word's, or past the words, a bucket's.

    >>> row_name(["cat"], 0), row_name(["cat"], 3)
    ("word 'cat'", 'n-gram bucket 2')
    """
    return f"word {words[row]!r}" if row < len(words) else f"n-gram bucket {row - len(words)}"


def refuse_nonfinite_subword(kv, path):
    """``refuse_nonfinite`` for a subword model's input and output matrices, which are
    saved too: a NaN in an n-gram row would turn up in every word that has the n-gram."""
    for name in ("input_matrix", "output_matrix"):
        matrix = getattr(kv, name)
        found = None if matrix is None else first_nonfinite(matrix)
        if found is not None:
            row, column = found
            raise VectorFileError(f"{path}: cannot save {name} row {row} "
                                  f"({row_name(kv.index_to_key, row)}): its "
                                  f"{value_text(matrix, row, column)}; {WHY} (pass "
                                  "allow_nonfinite=True to save them anyway)")


def refuse_nonfinite(vectors, words, path):
    """Raise ``VectorFileError`` naming the first word whose vector is not finite.

    The writers call it before they open the file, so nothing is written.
    """
    found = first_nonfinite(vectors)
    if found is not None:
        row, column = found
        raise VectorFileError(f"{path}: cannot save word {words[row]!r} (index {row}): its "
                              f"{value_text(vectors, row, column)}; {WHY} (pass "
                              "allow_nonfinite=True to save them anyway)")
