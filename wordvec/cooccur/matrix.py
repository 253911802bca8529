"""The word-word co-occurrence matrix X that GloVe fits, and its ``.npz`` file.

X is sparse (wiki17m: 70,105 words, so 4.9 billion cells, of which 50
million are nonzero), so it is kept as three parallel arrays, one entry
per nonzero cell, sorted by (row, col)::

    rows   (nnz,) int32     row word id
    cols   (nnz,) int32     column word id
    values (nnz,) float32   X[row, col]

A symmetric matrix (context on both sides) stores only its upper triangle,
row <= col: X[j, i] is X[i, j], so keeping both would double the memory
for nothing. Training visits both directions of each off-diagonal entry.
Two sentences "a b a c" and "b a", window 2, weights 1/distance::

    pairs (center, context, distance): (b,a,1) (a,b,1) (a,a,2) (c,a,1) (c,b,2)   (a,b,1)
    stored entries:  X[a,a] = 1.0  X[a,b] = 3.0  X[a,c] = 1.0  X[b,c] = 0.5

X[a,a] is 2 x 1/2: a diagonal pair adds both of its directions to the same
cell, as the GloVe C tool does (see counting.py).

>>> import numpy as np
>>> X = Cooccurrence(np.array([0, 0, 0, 1], np.int32), np.array([0, 1, 2, 2], np.int32),
...                  np.array([1.0, 3.0, 1.0, 0.5], np.float32), vocab_size=3,
...                  symmetric=True, window=2, distance_weighting=True, vocab_hash="")
>>> X.to_dense()
array([[1. , 3. , 1. ],
       [3. , 0. , 0.5],
       [1. , 0.5, 0. ]])
>>> X.nnz, X.full_nnz
(4, 7)
"""
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import CooccurrenceError, VocabularyError
from ..text.vocab import vocabulary_hash
from ..util.atomic import atomic_write
from ..util.safe_npz import read_arrays

FORMAT_VERSION = 1
# to_dense() refuses to build a matrix larger than this: it is for tests and
# tiny examples, and V x V float64 for a real vocabulary is tens of gigabytes.
MAX_DENSE_BYTES = 1 << 30
# The file's 0-d fields and the dtype kinds each may have (b bool, i/u integer, U text).
_SCALAR_KINDS = {"format_version": "iu", "vocab_size": "iu", "window": "iu",
                 "symmetric": "b", "distance_weighting": "b", "vocab_hash": "U"}
_FIELDS = ("rows", "cols", "values", *_SCALAR_KINDS)


@dataclass(eq=False)  # eq on arrays would be ambiguous; compare fields explicitly
class Cooccurrence:
    """A sparse word-word co-occurrence matrix in sorted COO form.

    Parameters
    ----------
    rows, cols : ndarray of int32, shape (nnz,)
        Word ids of each nonzero cell, sorted by (row, col), no duplicates.
        If ``symmetric``, only cells with row <= col are stored.
    values : ndarray of float32, shape (nnz,)
        The weighted counts X[row, col].
    vocab_size : int
        V: the matrix is V x V.
    symmetric : bool
        True if contexts were counted on both sides of a word (X = X^T).
    window : int
        The context window the counts were made with.
    distance_weighting : bool
        True if a pair d words apart counted 1/d, False if it counted 1.
    vocab_hash : str
        ``vocabulary_hash`` of the words the ids refer to; "" if unknown.
    """

    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    vocab_size: int
    symmetric: bool
    window: int
    distance_weighting: bool
    vocab_hash: str = ""

    @property
    def nnz(self):
        """Entries stored (for a symmetric matrix, those of the upper triangle)."""
        return int(self.values.shape[0])

    @property
    def full_nnz(self):
        """Nonzero cells of the full V x V matrix, both triangles counted.

        This is what the GloVe C tool writes (it keeps both directions).
        """
        if not self.symmetric:
            return self.nnz
        return 2 * self.nnz - int(np.count_nonzero(self.rows == self.cols))

    def to_dense(self):
        """The full V x V matrix as float64, both triangles filled in.

        For tests and tiny examples only: refuses above ``MAX_DENSE_BYTES``.
        """
        size = self.vocab_size * self.vocab_size * 8
        if size > MAX_DENSE_BYTES:
            raise CooccurrenceError(
                f"to_dense() would need {size / 2**30:.1f} GiB for {self.vocab_size} words; "
                "it is meant for tiny examples")
        dense = np.zeros((self.vocab_size, self.vocab_size))
        dense[self.rows, self.cols] = self.values
        if self.symmetric:
            dense[self.cols, self.rows] = self.values
        return dense

    def check(self):
        """Raise ``CooccurrenceError`` unless the arrays form a valid matrix.

        Valid: equal lengths and the documented dtypes, ids in [0, V),
        entries strictly increasing in (row, col) (so sorted and unique),
        row <= col if symmetric, values finite and positive. Returns self.
        """
        problem = self._problem()
        if problem:
            raise CooccurrenceError(f"invalid co-occurrence matrix: {problem}")
        return self

    def _problem(self):
        """Describe the first thing wrong with the arrays, or return None."""
        for name, dtype in (("rows", np.int32), ("cols", np.int32), ("values", np.float32)):
            array = getattr(self, name)
            if array.dtype != dtype or array.ndim != 1:
                return f"{name} must be a 1-d {np.dtype(dtype)} array, got {array.dtype} {array.shape}"
            if array.shape[0] != self.nnz:
                return (f"rows, cols and values have different lengths: {len(self.rows)}, "
                        f"{len(self.cols)}, {len(self.values)}")
        if self.nnz == 0:
            return None
        for name in ("rows", "cols"):
            array = getattr(self, name)
            low, high = int(array.min()), int(array.max())
            if low < 0 or high >= self.vocab_size:
                return (f"{name} holds ids from {low} to {high}, "
                        f"outside [0, {self.vocab_size}) for vocab_size {self.vocab_size}")
        row_step = np.diff(self.rows)
        increasing = (row_step > 0) | ((row_step == 0) & (np.diff(self.cols) > 0))
        if not increasing.all():
            at = int(np.argmin(increasing))
            return (f"entries {at} and {at + 1} are not in strictly increasing (row, col) order: "
                    f"({self.rows[at]}, {self.cols[at]}) then ({self.rows[at + 1]}, {self.cols[at + 1]})")
        if self.symmetric and (self.rows > self.cols).any():
            at = int(np.argmax(self.rows > self.cols))
            return (f"entry {at} ({self.rows[at]}, {self.cols[at]}) is below the diagonal "
                    "but a symmetric matrix stores only row <= col")
        if not (np.isfinite(self.values).all() and (self.values > 0).all()):
            return "values must be finite and positive"
        return None

    def save(self, path):
        """Write the matrix to ``path`` as an uncompressed ``.npz``, atomically.

        Only plain arrays are stored (no pickled objects), so ``load`` can
        read it without pickle.
        """
        with atomic_write(path, "wb") as out:
            np.savez(out, format_version=np.int64(FORMAT_VERSION),
                     rows=self.rows, cols=self.cols, values=self.values,
                     vocab_size=np.int64(self.vocab_size), symmetric=np.bool_(self.symmetric),
                     window=np.int64(self.window),
                     distance_weighting=np.bool_(self.distance_weighting),
                     vocab_hash=np.str_(self.vocab_hash))

    @classmethod
    def load(cls, path, vocab=None):
        """Read a matrix written by ``save``.

        Parameters
        ----------
        path : str or Path
        vocab : Vocabulary or list of str, optional
            The vocabulary the caller will use the matrix with. If given,
            its size and (when the file records one) its hash must match
            those the matrix was counted with, else ``VocabularyError``.

        The file is read through :mod:`wordvec.util.safe_npz` (no pickle; each
        array's declared size checked against the bytes before it is
        allocated), and its structure is validated: fields, dtypes, shapes,
        any damage is a ``CooccurrenceError``. Call ``check()`` for the full
        (slower) check of order and ranges.
        """
        path = Path(path)
        fields = read_arrays(path, _FIELDS, CooccurrenceError)
        missing = [name for name in _FIELDS if name not in fields]
        if missing:
            raise CooccurrenceError(f"{path}: not a co-occurrence file, missing "
                                    f"{', '.join(missing)}")
        scalars = {name: _scalar(fields[name], name, kinds, path)
                   for name, kinds in _SCALAR_KINDS.items()}
        if scalars["format_version"] != FORMAT_VERSION:
            raise CooccurrenceError(f"{path}: format version {scalars['format_version']}, "
                                    f"this code reads version {FORMAT_VERSION}")
        if scalars["vocab_size"] < 0 or scalars["window"] < 0:
            raise CooccurrenceError(f"{path}: vocab_size {scalars['vocab_size']} and window "
                                    f"{scalars['window']} cannot be negative")
        nnz = fields["values"].shape[0] if fields["values"].ndim == 1 else "nnz"
        for name, dtype in (("values", np.float32), ("rows", np.int32), ("cols", np.int32)):
            array = fields[name]
            if array.dtype != dtype or array.shape != (nnz,):
                raise CooccurrenceError(f"{path}: {name} is {array.dtype} {array.shape}, "
                                        f"expected {np.dtype(dtype)} ({nnz},)")
        matrix = cls(fields["rows"], fields["cols"], fields["values"],
                     vocab_size=scalars["vocab_size"], symmetric=scalars["symmetric"],
                     window=scalars["window"], distance_weighting=scalars["distance_weighting"],
                     vocab_hash=scalars["vocab_hash"])
        if vocab is not None:
            matrix._check_vocabulary(vocab, path)
        return matrix

    def _check_vocabulary(self, vocab, path):
        words = list(getattr(vocab, "words", vocab))
        given_hash = vocabulary_hash(words)
        if len(words) != self.vocab_size or (self.vocab_hash and given_hash != self.vocab_hash):
            raise VocabularyError(
                f"{path} was counted with another vocabulary: the matrix has {self.vocab_size} "
                f"words (vocabulary hash {self.vocab_hash or 'not recorded'}), the vocabulary "
                f"given has {len(words)} words (hash {given_hash}); recount the co-occurrences "
                "with this vocabulary")


def _scalar(array, name, kinds, path):
    """The Python value of a 0-d field of the file, if it has the expected kind."""
    if array.shape != () or array.dtype.kind not in kinds:
        raise CooccurrenceError(f"{path}: {name} must be a single value of kind "
                                f"{'/'.join(kinds)}, got shape {array.shape} dtype {array.dtype}")
    return array.item()
