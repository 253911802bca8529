"""Words a benchmark asks about that the vocabulary lacks: skipped, or built from n-grams.

Every benchmark is scored over the words it knows: the vocabulary, restricted
to the ``restrict_vocab`` most frequent words (``benchmark_files.known_words``).
An item (a pair, a question, a word to cluster) with a word outside them is
left out and counted as out of vocabulary. That is the default, ``oov="skip"``,
and the only mode in which two models' figures can be compared: a word-level
model has no vector for such a word at all.

A subword (fastText) model has one for nearly any word: the mean of its
character n-grams' rows (``SubwordVectors``). With ``oov="ngrams"`` it answers
the items the default would skip, as Facebook's evaluation of the Stanford
Rare Words set does, and each result says how many items were answered that
way (``answered_from_ngrams``). A word outside the known words then gets the
vector the model gives it (``get_vector``):

* the vocabulary is searched first, whole (a word beyond ``restrict_vocab``
  keeps its own vector, which a subword model also composes from its
  n-grams), with the benchmark's case folding;
* else the mean of its n-grams' rows. With ``case_insensitive`` the n-grams
  are those of the word in lower case, as Facebook's scripts lowercase the
  Rare Words set before asking for vectors (the n-grams are case-sensitive,
  and the models of this project are trained on lowercased text);
* a word none of whose n-grams the model has (shorter than ``minn`` with its
  ``<`` and ``>``) has no vector: its item stays out of vocabulary.

Asked of a word-level model, ``oov="ngrams"`` behaves exactly as ``"skip"``:
a run comparing several models with it scores each as well as it can, and
every result records the mode it applied (``oov_mode``), which the tables
print.

>>> import numpy as np
>>> from wordvec.vectors import KeyedVectors, SubwordVectors
>>> applied_mode(KeyedVectors(np.eye(2), ["a", "b"]), "ngrams")
'skip'
>>> wv = SubwordVectors(np.ones((2 + 10, 3)), ["where", "here"], minn=3, maxn=4, bucket=10)
>>> applied_mode(wv, "ngrams"), UnseenWords(wv, case_insensitive=True).vector("THERE").shape
('ngrams', (3,))
"""
import numpy as np

from ..errors import UnknownWordError
from .benchmark_files import known_words

OOV_MODES = ("skip", "ngrams")
DEFAULT_OOV = "skip"


def is_subword(kv):
    """True for vectors that can build a word from its n-grams (``SubwordVectors``)."""
    return callable(getattr(kv, "built_from_ngrams", None))


def applied_mode(kv, oov):
    """The mode ``oov`` comes to for ``kv``: ``"ngrams"`` only for a subword model.

    Raises ValueError, naming the modes, for anything but ``OOV_MODES``.
    """
    if oov not in OOV_MODES:
        raise ValueError(f"oov must be one of {', '.join(map(repr, OOV_MODES))}, got {oov!r}: "
                         "'skip' leaves out items with a word outside the vocabulary, "
                         "'ngrams' answers them from a subword model's n-grams")
    return "ngrams" if oov == "ngrams" and is_subword(kv) else "skip"


class UnseenWords:
    """Vectors of words outside a benchmark's known words, from a subword model.

    Parameters
    ----------
    kv : SubwordVectors
    case_insensitive : bool
        The benchmark's folding: the whole vocabulary is searched by uppercased
        spelling (first variant wins), and n-grams are taken in lower case.
    """

    def __init__(self, kv, case_insensitive):
        self.kv = kv
        self.case_insensitive = case_insensitive
        self._vocabulary = None     # folded spelling -> row; built at the first unseen word
        self._found = {}

    def vector(self, word):
        """``word``'s vector (float32, as the model gives it), or None if it has none."""
        if word not in self._found:
            self._found[word] = self._lookup(word)
        return self._found[word]

    def unit_vector(self, word):
        """``vector(word)`` scaled to unit length (a zero vector stays zero); None if none."""
        vector = self.vector(word)
        if vector is None:
            return None
        length = np.linalg.norm(vector)
        return vector / length if length > 0 else vector

    def _lookup(self, word):
        if self._vocabulary is None:
            self._vocabulary = (known_words(self.kv, None, True)[0] if self.case_insensitive
                                else self.kv.key_to_index)
        row = self._vocabulary.get(word.upper() if self.case_insensitive else word)
        if row is not None:
            return self.kv.vectors[row]
        try:
            return self.kv.get_vector(word.lower() if self.case_insensitive else word)
        except UnknownWordError:   # no n-gram in the table: no vector, never a zero one
            return None


def unseen_words(kv, oov, case_insensitive):
    """(the mode applied, an ``UnseenWords`` for ``"ngrams"`` or None for ``"skip"``)."""
    mode = applied_mode(kv, oov)
    return mode, (UnseenWords(kv, case_insensitive) if mode == "ngrams" else None)
