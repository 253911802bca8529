"""Vectors that answer any word: a subword model's words, n-grams and the rows they share.

A subword (fastText) model keeps one input matrix of ``nwords + bucket``
rows: a row per vocabulary word, then the hashed n-gram rows
(``wordvec.text.subwords``). A word's vector is the mean of the rows of
G_w, its own row and its n-grams' rows (``getWordVector`` in the fastText
tool, ``FastTextKeyedVectors`` in gensim). A word outside the vocabulary has
no row of its own, so its vector is the mean of its n-gram rows alone.

``SubwordVectors`` is a ``KeyedVectors`` whose ``vectors`` are the composed
vectors of the vocabulary, so every query of the base class works on them
unchanged. On top of that, ``wv["unseenword"]``, ``similarity`` and
``most_similar`` accept words outside the vocabulary, and
``built_from_ngrams(word)`` says when that happened. A word none of whose
n-grams exists (too short for ``minn``, or ``maxn = 0``) is an error, never a
zero vector.

Where we depart from gensim: ``"word" in wv`` is True only for vocabulary
words, as for every other ``KeyedVectors`` (gensim's says True for any
word with an n-gram); ``has_vector(word)`` is gensim's meaning.

>>> rng = np.random.default_rng(0)
>>> words = ["where", "here", "there"]
>>> wv = SubwordVectors(rng.normal(size=(3 + 50, 4)), words, minn=3, maxn=4, bucket=50)
>>> "wherever" in wv, wv.has_vector("wherever"), wv.built_from_ngrams("wherever")
(False, True, True)
>>> wv["wherever"].shape
(4,)
>>> bool(np.allclose(wv["here"], wv.input_matrix[wv.subwords.rows_of(1)].mean(axis=0)))
True
"""
import numpy as np

from ..engine import kernel
from ..errors import UnknownWordError, VocabularyError
from ..text.subwords import subword_table
from .keyedvectors import KeyedVectors, _as_list, _is_weighted, cosine


class NoNgramsError(UnknownWordError):
    """A word outside the vocabulary none of whose n-grams the model has.

    >>> str(NoNgramsError("a", [], minn=4, maxn=6))
    "word 'a' is not in the vocabulary, and no vector can be built from its n-grams: its \
n-grams would have 4 to 6 characters, and '<a>' has 3; try a longer word"
    """

    def __init__(self, word, suggestions=(), minn=3, maxn=6):
        super().__init__(word, suggestions)
        if maxn == 0:
            why, hint = "this model keeps no n-grams (maxn 0)", "ask for a vocabulary word"
        elif isinstance(word, str) and len(word) + 2 < max(minn, 1):
            why = (f"its n-grams would have {minn} to {maxn} characters, and "
                   f"'<{word}>' has {len(word) + 2}")
            hint = "try a longer word"
        else:   # fastText's end-of-line word, or not a string
            why, hint = f"fastText gives {word!r} none", "ask for another word"
        if self.suggestions:
            hint = f"did you mean {', '.join(map(repr, self.suggestions))}?"
        self.args = (f"word {word!r} is not in the vocabulary, and no vector can be built "
                     f"from its n-grams: {why}; {hint}",)


@kernel
def mean_rows(matrix, offsets, ids, out):
    """out[i] = the mean of matrix[ids[offsets[i]:offsets[i + 1]]], in float32 as the tool."""
    dim = out.shape[1]
    for i in range(out.shape[0]):
        out[i, :] = 0.0
        first, end = offsets[i], offsets[i + 1]
        for p in range(first, end):
            row = ids[p]
            for k in range(dim):
                out[i, k] += matrix[row, k]
        if end > first:
            scale = np.float32(1.0 / (end - first))
            for k in range(dim):
                out[i, k] *= scale


class SubwordVectors(KeyedVectors, holds_subwords=True):
    """The vectors of a subword model, for any word.

    Parameters
    ----------
    input_matrix : array, shape (nwords + bucket, dim)
        The model's input rows: the words', then the n-gram buckets' (the
        fastText tool's input matrix). Kept as given (a view of the
        trainer's matrix costs no memory); stored as float32.
    index_to_key : list of str
        The nwords vocabulary words, in row order.
    minn, maxn : int
        The shortest and longest n-grams, in characters.
    bucket : int
        The number of n-gram rows.
    counts, metadata
        As for ``KeyedVectors``.
    output_matrix : array, shape (nwords, dim), optional
        The output rows (negative sampling's), kept for the fastText ``.bin``.

    Attributes
    ----------
    vectors : (nwords, dim) float32
        Each vocabulary word's composed vector: the mean of its rows.
    subwords : ``wordvec.text.subwords.SubwordTable``
        Each vocabulary word's rows (its own first).
    """

    def __init__(self, input_matrix, index_to_key, minn, maxn, bucket, counts=None,
                 metadata=None, output_matrix=None):
        words = list(index_to_key)
        input_matrix = np.asarray(input_matrix)
        if input_matrix.dtype != np.float32:
            input_matrix = input_matrix.astype(np.float32)
        if input_matrix.ndim != 2 or input_matrix.shape[0] != len(words) + bucket:
            raise VocabularyError(f"input_matrix has shape {input_matrix.shape}, expected "
                                  f"({len(words)} words + {bucket} buckets, dim)")
        if not (0 <= minn <= maxn or maxn == 0):
            raise VocabularyError(f"minn {minn} and maxn {maxn}: expected 0 <= minn <= maxn "
                                  "(or maxn = 0 for no n-grams)")
        table = subword_table(words, minn, maxn, bucket)
        vectors = np.empty((len(words), input_matrix.shape[1]), dtype=np.float32)
        mean_rows(input_matrix, table.offsets, table.ids, vectors)
        super().__init__(vectors, words, counts=counts, metadata=metadata)
        self.input_matrix = input_matrix
        self.output_matrix = output_matrix
        self.minn, self.maxn, self.bucket = int(minn), int(maxn), int(bucket)
        self.subwords = table

    def save_facebook_model(self, path, allow_nonfinite=False):
        """Save as fastText's ``.bin`` whatever the extension (gensim's ``save_facebook_model``)."""
        self.save(path, format="fasttext-binary", allow_nonfinite=allow_nonfinite)

    @classmethod
    def load_facebook_model(cls, path, allow_nonfinite=False):
        """Load a fastText ``.bin`` whatever the extension (gensim's ``load_facebook_model``,
        but the vectors only: ``.bin`` files also load with ``KeyedVectors.load``)."""
        return cls.load(path, format="fasttext-binary", allow_nonfinite=allow_nonfinite)

    def __repr__(self):
        return (f"<SubwordVectors: {len(self)} words + {self.bucket} n-gram rows x "
                f"{self.vector_size} dimensions, n-grams of {self.minn}-{self.maxn} "
                "characters>")

    @property
    def ngram_vectors(self):
        """The (bucket, dim) n-gram rows (a view of ``input_matrix``)."""
        return self.input_matrix[len(self):]

    def ngram_rows(self, word):
        """The input-matrix rows of ``word``'s n-grams (not its own row), repeats kept."""
        return subword_table([word], self.minn, self.maxn, self.bucket, own_rows=False,
                             nwords=len(self)).ids

    def has_vector(self, word):
        """True if ``word`` is in the vocabulary or has at least one n-gram."""
        return word in self.key_to_index or (isinstance(word, str)
                                             and len(self.ngram_rows(word)) > 0)

    def built_from_ngrams(self, word):
        """True if ``word``'s vector comes from its n-grams only (it is not in the vocabulary)."""
        return word not in self.key_to_index

    def word_vector(self, word):
        """The vector of any word: its composed row, or the mean of its n-gram rows."""
        if word in self.key_to_index:
            return self._vectors[self.key_to_index[word]]
        if not isinstance(word, str):
            raise UnknownWordError(word, [])
        rows = self.ngram_rows(word)
        if len(rows) == 0:
            raise NoNgramsError(word, self.suggest(word), self.minn, self.maxn)
        out = np.empty((1, self.vector_size), dtype=np.float32)
        mean_rows(self.input_matrix, np.array([0, len(rows)]), rows, out)
        return out[0]

    def __getitem__(self, word_or_words):
        if isinstance(word_or_words, str):
            vector = self.word_vector(word_or_words)
            vector.flags.writeable = False
            return vector
        words = list(word_or_words)
        return np.array([self.word_vector(w) for w in words],
                        dtype=np.float32).reshape(len(words), self.vector_size)

    def get_vector(self, word, norm=False):
        """The vector of any word; unit length if ``norm``."""
        vector = self.word_vector(word)
        if norm:
            length = np.linalg.norm(vector)
            return vector / length if length > 0 else vector
        return vector

    def similarity(self, w1, w2):
        """Cosine similarity of any two words (outside the vocabulary: from n-grams)."""
        return cosine(self.word_vector(w1), self.word_vector(w2))

    def _parse_terms(self, positive, negative):
        """As the base class, but a word outside the vocabulary becomes its unit vector."""
        def resolve(items):
            resolved = []
            for item in _as_list(items):
                word, weight = (item if _is_weighted(item) else (item, None))
                if isinstance(word, str) and word not in self.key_to_index:
                    word = self.get_vector(word, norm=True).astype(np.float32)
                resolved.append(word if weight is None else (word, weight))
            return resolved

        return super()._parse_terms(resolve(positive), resolve(negative))
