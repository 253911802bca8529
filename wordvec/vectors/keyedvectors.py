"""Trained word vectors and the queries people run on them.

``KeyedVectors`` holds the result of training, split from the trainer as
gensim does: a float32 matrix with one row per word, the words in row order
(by convention most frequent first), optional corpus counts and a metadata
dict describing how the vectors were made.

The query methods follow gensim 4's semantics so that numbers can be compared
with gensim's directly:

* ``most_similar`` is 3CosAdd: the mean of the unit vectors of the query words
  (weight +1 for positive, -1 for negative), renormalised, scored by cosine
  against every candidate; the query words themselves are never returned.
* ``most_similar_cosmul`` is 3CosMul (Levy & Goldberg 2014): cosines shifted
  to [0, 1] by (1 + cos) / 2, multiplied for positive words and divided by the
  product for negative words plus 1e-6.
* ``doesnt_match`` returns the word furthest from the mean unit vector.

Example
-------
>>> import numpy as np
>>> kv = KeyedVectors(np.eye(3), ["a", "b", "c"])
>>> kv.similarity("a", "b")
0.0
>>> kv.most_similar("a", topn=1)[0][0]
'b'
"""
import difflib
import warnings
from numbers import Integral, Real

import numpy as np

from ..errors import UnknownWordError, VectorFileError, VocabularyError
from . import formats
from .nonfinite import first_nonfinite, load_hint
from .npz_format import metadata_to_json

# How many words (most frequent first) to search for "did you mean" hints.
_SUGGEST_SCAN = 50_000
# 3CosMul's epsilon in the denominator, as in gensim and Levy & Goldberg.
COSMUL_EPSILON = 1e-6


def cosine(v1, v2):
    """The cosine of two vectors, in float64; 0.0 if either is zero.

    >>> cosine(np.array([1.0, 0.0]), np.array([1.0, 1.0]))
    0.7071067811865475
    """
    v1, v2 = np.asarray(v1, np.float64), np.asarray(v2, np.float64)
    denom = np.linalg.norm(v1) * np.linalg.norm(v2)
    return float(np.dot(v1, v2) / denom) if denom > 0 else 0.0


def _is_weighted(item):
    """True for a ``(word_or_vector, weight)`` pair, as opposed to a tuple of words."""
    return (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Real)
            and not isinstance(item[1], bool))


def _as_list(value):
    """A query argument as a list: None -> [], one word, pair or 1-D vector -> [it]."""
    if value is None:
        return []
    if isinstance(value, str) or _is_weighted(value):
        return [value]
    if isinstance(value, np.ndarray):
        return [value] if value.ndim == 1 else list(value)
    return list(value)


class KeyedVectors:
    """Word vectors with their vocabulary.

    Parameters
    ----------
    vectors : array-like, shape (V, dim)
        One row per word; stored as C-contiguous float32.
    index_to_key : list of str
        The V words, in row order, without duplicates.
    counts : array-like of int, shape (V,), optional
        Corpus frequency of each word (stored as int64).
    metadata : dict, optional
        JSON-serialisable facts about training (algorithm, hyperparameters,
        corpus, words/s...). Saved with the native ``.npz`` format.
    """

    def __init__(self, vectors, index_to_key, counts=None, metadata=None):
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2:
            raise VocabularyError(f"vectors must be a 2-D array (words x dimensions), "
                                  f"got shape {vectors.shape}")
        index_to_key = list(index_to_key)
        if len(index_to_key) != vectors.shape[0]:
            raise VocabularyError(f"{len(index_to_key)} words but {vectors.shape[0]} vector rows: "
                                  "there must be exactly one row per word")
        for i, word in enumerate(index_to_key):
            if not isinstance(word, str):
                raise VocabularyError(f"word #{i} is {word!r} of type {type(word).__name__}, "
                                      "expected str")
        index_to_key = [str(w) for w in index_to_key]  # numpy str_ -> plain str
        key_to_index = {}
        for i, word in enumerate(index_to_key):
            first = key_to_index.setdefault(word, i)
            if first != i:
                raise VocabularyError(f"duplicate word {word!r} at positions {first} and {i}")
        if counts is not None:
            counts = np.ascontiguousarray(counts)
            if counts.shape != (len(index_to_key),):
                raise VocabularyError(f"counts has shape {counts.shape}, expected "
                                      f"({len(index_to_key)},): one count per word")
            if counts.size and not np.issubdtype(counts.dtype, np.integer):
                if not np.all(np.equal(np.mod(counts, 1), 0)):
                    raise VocabularyError("counts must be whole numbers")
            counts = counts.astype(np.int64)
        metadata = {} if metadata is None else dict(metadata)
        metadata_to_json(metadata)  # fail now, not at save time, if it cannot be saved

        self._vectors = vectors
        self.index_to_key = index_to_key
        self.key_to_index = key_to_index
        self.counts = counts
        self.metadata = metadata
        self._norms = None
        self._normed = None

    # ------------------------------------------------------------------ basics

    @property
    def vectors(self):
        """The (V, dim) float32 matrix. Assigning a new one resets the norm cache."""
        return self._vectors

    @vectors.setter
    def vectors(self, value):
        value = np.ascontiguousarray(value, dtype=np.float32)
        if value.ndim != 2 or value.shape[0] != len(self.index_to_key):
            raise VocabularyError(f"new vectors have shape {value.shape}, expected "
                                  f"({len(self.index_to_key)}, dim): one row per word")
        self._vectors = value
        self._norms = None
        self._normed = None

    @property
    def vector_size(self):
        """Number of dimensions."""
        return self._vectors.shape[1]

    def __len__(self):
        return len(self.index_to_key)

    def __contains__(self, word):
        return word in self.key_to_index

    def __iter__(self):
        return iter(self.index_to_key)

    def __repr__(self):
        return f"<KeyedVectors: {len(self)} words x {self.vector_size} dimensions>"

    def get_index(self, word):
        """Row of ``word``; raises UnknownWordError (a KeyError) with suggestions."""
        try:
            return self.key_to_index[word]
        except (KeyError, TypeError):
            raise UnknownWordError(word, self.suggest(word)) from None

    def __getitem__(self, word_or_words):
        """The vector of one word (read-only view), or a 2-D array for a list of words."""
        if isinstance(word_or_words, str):
            row = self._vectors[self.get_index(word_or_words)]
            row.flags.writeable = False  # writing through it would stale the norm cache
            return row
        words = list(word_or_words)
        rows = [self.get_index(w) for w in words]
        return self._vectors[rows].reshape(len(words), self.vector_size)

    def suggest(self, word, n=3):
        """Up to ``n`` vocabulary words spelled like ``word`` (cheap: at most 50k are scanned)."""
        if not isinstance(word, str) or not self.index_to_key:
            return []
        scan = self.index_to_key[:_SUGGEST_SCAN]
        folded = word.casefold()
        same_case = [w for w in scan if w.casefold() == folded]
        if len(same_case) >= n:
            return same_case[:n]
        close = difflib.get_close_matches(word, scan, n=n, cutoff=0.75)
        return (same_case + [w for w in close if w not in same_case])[:n]

    # ------------------------------------------------------------------- norms

    def _fill_norms(self):
        if self._normed is None:
            # np.linalg.norm in float32, like gensim's fill_norms, so unit vectors match its bits.
            norms = np.linalg.norm(self._vectors, axis=1)
            safe = np.where(norms > 0, norms, np.float32(1))
            self._normed = np.ascontiguousarray(self._vectors / safe[:, None], dtype=np.float32)
            self._norms = norms

    @property
    def norms(self):
        """L2 norm of every row (float32, shape (V,))."""
        self._fill_norms()
        return self._norms

    def get_normed_vectors(self):
        """The vectors scaled to unit length (cached; zero rows stay zero, never NaN).

        The cache is dropped when ``vectors`` is assigned; after changing the
        array in place, call ``fill_norms(force=True)``.
        """
        self._fill_norms()
        return self._normed

    def fill_norms(self, force=False):
        """Compute the norms and unit vectors now; ``force`` recomputes them (as gensim's)."""
        if force:
            self._norms = None
            self._normed = None
        self._fill_norms()

    def get_vector(self, word, norm=False):
        """The vector of ``word``; unit length if ``norm``."""
        if norm:
            return self.get_normed_vectors()[self.get_index(word)]
        return self[word]

    # ---------------------------------------------------------------- queries

    def similarity(self, w1, w2):
        """Cosine similarity of two words (0.0 if either vector is zero)."""
        return cosine(self._vectors[self.get_index(w1)], self._vectors[self.get_index(w2)])

    def _parse_terms(self, positive, negative):
        """Split positive/negative arguments into (vector-or-word, weight) and query rows."""
        terms = []
        for items, default in ((_as_list(positive), 1.0), (_as_list(negative), -1.0)):
            for item in items:
                weight = default
                if _is_weighted(item):
                    item, weight = item
                if isinstance(item, np.ndarray):
                    if item.shape != (self.vector_size,):
                        raise ValueError(f"a query vector must have shape ({self.vector_size},), "
                                         f"got {item.shape}")
                    terms.append((item, float(weight), None))
                elif isinstance(item, str):
                    terms.append((item, float(weight), self.get_index(item)))
                else:
                    raise TypeError(f"query terms are words (str) or vectors (numpy arrays), "
                                    f"got {item!r} of type {type(item).__name__}")
        return terms

    def _clip(self, restrict_vocab):
        if restrict_vocab is None:
            return len(self)
        if not isinstance(restrict_vocab, Integral) or restrict_vocab < 0:
            raise ValueError(f"restrict_vocab must be a non-negative integer or None, "
                             f"got {restrict_vocab!r}")
        return min(int(restrict_vocab), len(self))

    def _top(self, scores, topn, exclude):
        """(word, score) for the best ``topn`` rows of ``scores``, skipping rows in ``exclude``.

        Ties keep the lower row (the more frequent word) first.
        """
        want = min(len(scores), topn + len(exclude))
        if want <= 0:
            return []
        neg = -scores
        neg = np.where(np.isnan(neg), np.inf, neg)  # NaN (e.g. NaN vectors) ranks last
        if want < len(scores):
            part = np.argpartition(neg, want - 1)[:want]
        else:
            part = np.arange(len(scores))
        best = part[np.lexsort((part, neg[part]))]
        result = [(self.index_to_key[i], float(scores[i])) for i in best if i not in exclude]
        return result[:topn]

    def most_similar(self, positive=None, negative=None, topn=10, restrict_vocab=None):
        """The ``topn`` words closest to the query by 3CosAdd (gensim semantics).

        Parameters
        ----------
        positive, negative : str, numpy array, or list of them
            Words (or vectors) that pull the query towards (positive, weight +1)
            or away from (negative, weight -1) them. An item may also be a
            ``(word_or_vector, weight)`` pair. Words are unit-normalised before
            averaging; raw vectors are used as given, as gensim does.
        topn : int or None
            How many results; None returns the cosine of every candidate as an
            array (query words included), like gensim.
        restrict_vocab : int, optional
            Only the first N words (the most frequent ones) are candidates.

        Returns
        -------
        list of (str, float)
            Best first; the query words are never among them.
        """
        if isinstance(topn, Integral) and topn < 1:
            return []
        terms = self._parse_terms(positive, negative)
        if not terms:
            raise ValueError("most_similar needs at least one positive or negative word")
        normed = self.get_normed_vectors()
        mean = np.zeros(self.vector_size, dtype=np.float64)
        total = 0.0
        for item, weight, index in terms:
            vec = normed[index] if index is not None else item
            mean += weight * np.asarray(vec, dtype=np.float64)
            total += abs(weight)
        if total > 0:
            mean /= total
        length = np.linalg.norm(mean)
        if length > 0:
            mean /= length
        clip = self._clip(restrict_vocab)
        scores = normed[:clip] @ mean.astype(np.float32)
        if topn is None:
            return scores
        exclude = {index for _, _, index in terms if index is not None}
        return self._top(scores, topn, exclude)

    def similar_by_vector(self, vector, topn=10, restrict_vocab=None):
        """The ``topn`` words whose vectors are closest (cosine) to ``vector``."""
        return self.most_similar(positive=[np.asarray(vector, dtype=np.float32)], topn=topn,
                                 restrict_vocab=restrict_vocab)

    def most_similar_cosmul(self, positive=None, negative=None, topn=10, restrict_vocab=None):
        """The ``topn`` words best by 3CosMul (Levy & Goldberg 2014), as gensim computes it.

        score(w) = prod_p (1 + cos(w, p)) / 2  /  (prod_n (1 + cos(w, n)) / 2 + 1e-6)

        Arguments are as for :meth:`most_similar` (for a weighted pair only the
        sign of the weight counts: numerator or denominator). Words are
        unit-normalised; raw vectors are used as given, as gensim does. Unlike
        gensim 4.4, which ignores it here, ``restrict_vocab`` is honoured.
        """
        if isinstance(topn, Integral) and topn < 1:
            return []
        terms = self._parse_terms(positive, negative)
        if not any(weight > 0 for _, weight, _ in terms):
            raise ValueError("most_similar_cosmul needs at least one positive word")
        normed = self.get_normed_vectors()
        clip = self._clip(restrict_vocab)
        cands = normed[:clip]
        num = np.ones(clip, dtype=np.float32)
        den = np.ones(clip, dtype=np.float32)
        for item, weight, index in terms:
            vec = normed[index] if index is not None else np.asarray(item, dtype=np.float32)
            shifted = (1 + cands @ vec) / 2
            if weight > 0:
                num *= shifted
            else:
                den *= shifted
        # with no negative word the denominator is the empty product, 1 (+ epsilon), as in gensim
        scores = num / (den + np.float32(COSMUL_EPSILON))
        if topn is None:
            return scores
        exclude = {index for _, _, index in terms if index is not None}
        return self._top(scores, topn, exclude)

    def doesnt_match(self, words):
        """The word furthest from the mean of the unit vectors of ``words``.

        Unknown words are ignored with a warning (as gensim does); raises
        ValueError if none is known.
        """
        words = list(words)
        used = [w for w in words if w in self.key_to_index]
        if len(used) != len(words):
            ignored = sorted({w for w in words if w not in self.key_to_index}, key=str)
            warnings.warn(f"doesnt_match: ignoring words not in the vocabulary: {ignored}",
                          stacklevel=2)
        if not used:
            raise ValueError("doesnt_match: none of the given words is in the vocabulary")
        vecs = self.get_normed_vectors()[[self.key_to_index[w] for w in used]]
        mean = vecs.astype(np.float64).mean(axis=0)
        length = np.linalg.norm(mean)
        if length > 0:
            mean /= length
        dists = vecs.astype(np.float64) @ mean
        # gensim sorts (dist, word) pairs descending and takes the last one
        return min(zip(dists.tolist(), used))[1]

    # -------------------------------------------------------------------- I/O

    def save(self, path, format=None, allow_nonfinite=False):
        """Save to ``path``; the format follows the extension unless ``format`` is given.

        ``.npz`` native (keeps counts and metadata, and a subword model's
        n-gram rows), ``.bin`` word2vec binary (fastText's model file for a
        ``SubwordVectors``), ``.txt`` / ``.vec`` word2vec text (``.gz``
        allowed on text and ``.bin``), or ``format="glove"`` for GloVe text.
        See :mod:`wordvec.vectors.formats`. A NaN or infinite value is
        refused unless ``allow_nonfinite``.
        """
        formats.write(self, path, format=format, allow_nonfinite=allow_nonfinite)

    # The class a subword model loads as: SubwordVectors, which subclasses this one and so
    # cannot be imported here; it names itself with ``holds_subwords=True``.
    _subword_class = None

    def __init_subclass__(cls, holds_subwords=False, **kwargs):
        super().__init_subclass__(**kwargs)
        if holds_subwords:
            KeyedVectors._subword_class = cls

    @classmethod
    def load(cls, path, format=None, unicode_errors="strict", allow_nonfinite=False):
        """Load vectors saved in any supported format (chosen by extension, and for
        ``.bin``, by the file's first bytes).

        A file that holds a subword model (a fastText ``.bin``, or a ``.npz``
        saved from one) gives a ``SubwordVectors``, which answers words
        outside the vocabulary; ``SubwordVectors.load`` refuses any other.
        A NaN or infinite value is a ``VectorFileError`` naming the word and
        its line (text), row (``.npz``) or byte offset (binary), unless
        ``allow_nonfinite``.
        """
        parts = formats.read_parts(path, format, unicode_errors, allow_nonfinite)
        subword = "input_matrix" in parts
        wants_subwords = cls._subword_class is not None and issubclass(cls, cls._subword_class)
        if wants_subwords and not subword:
            raise VectorFileError(f"{path}: holds word vectors without n-gram rows, so they "
                                  "cannot answer unseen words; load it with "
                                  "KeyedVectors.load")
        target = cls if wants_subwords or not subword else cls._subword_class
        try:
            kv = target(**parts)
        except VocabularyError as exc:  # the file's words or counts: a bad file
            raise VectorFileError(f"{path}: {exc}") from None
        if subword and not allow_nonfinite:
            # Finite rows can still sum beyond float32's range when composed.
            found = first_nonfinite(kv.vectors)
            if found is not None:
                raise VectorFileError(f"{path}: the vector of word {kv.index_to_key[found[0]]!r}"
                                      " (the mean of its rows) overflows float32; "
                                      f"{load_hint()}")
        return kv

    def save_word2vec_format(self, path, binary=False, allow_nonfinite=False):
        """Save in the C word2vec tool's format (binary or text), gensim-compatible."""
        self.save(path, format="word2vec-binary" if binary else "word2vec-text",
                  allow_nonfinite=allow_nonfinite)

    @classmethod
    def load_word2vec_format(cls, path, binary=False, unicode_errors="strict",
                             allow_nonfinite=False):
        """Load a C word2vec tool file (binary or text), whatever its extension."""
        return cls.load(path, format="word2vec-binary" if binary else "word2vec-text",
                        unicode_errors=unicode_errors, allow_nonfinite=allow_nonfinite)

    @classmethod
    def load_glove(cls, path, allow_nonfinite=False):
        """Load a GloVe text file (no header line)."""
        return cls.load(path, format="glove", allow_nonfinite=allow_nonfinite)
