"""The vocabulary: which words we learn vectors for, and how often each occurs.

Built in one streaming pass over a corpus, like word2vec.c's LearnVocabFromTrainFile:

1. count every token (optionally pruning rare words while counting, so memory
   stays bounded on huge corpora: ``max_vocab_size``);
2. keep the words seen at least ``min_count`` times (raised further if
   ``max_final_vocab`` asks for a smaller vocabulary);
3. sort by descending count. Ties keep the order of first appearance in the
   corpus, as gensim does, so the result is deterministic.

>>> vocab = Vocabulary.build([["a", "rose", "is", "a", "rose"], ["is", "a", "b"]], min_count=2)
>>> vocab.words, vocab.counts.tolist()
(['a', 'rose', 'is'], [3, 2, 2])
>>> vocab["rose"], len(vocab), vocab.total_words
(1, 3, 8)
"""
import hashlib
import logging

import numpy as np

from ..errors import VocabularyError
from ..util.atomic import atomic_write
from ..util.progress import reading
from .corpus import as_corpus

logger = logging.getLogger(__name__)


def vocabulary_hash(words):
    """A short fingerprint of a vocabulary: its words, in id order.

    The first 16 hex digits of the SHA-256 of the words joined by newlines.
    Two vocabularies with the same words in the same order give the same
    ids, so what was counted or encoded with one serves the other (the
    encoded-corpus cache and saved co-occurrence matrices check it).

    >>> vocabulary_hash(["the", "cat"]) == vocabulary_hash(["the", "cat"])
    True
    >>> vocabulary_hash(["the", "cat"]) == vocabulary_hash(["cat", "the"])
    False
    """
    return hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:16]


def count_words(corpus, max_vocab_size=None, verbose=False):
    """Count tokens in one pass; return ``(counts, total_tokens, min_reduce)``.

    ``counts`` is a dict in first-appearance order. If it grows past
    ``max_vocab_size`` entries, every word seen fewer than ``min_reduce``
    times is dropped and ``min_reduce`` goes up by one, as word2vec.c's
    ReduceVocab does. Counts of dropped words are lost, so the final counts
    are lower bounds; ``min_reduce`` > 1 on return tells that this happened.
    ``verbose`` shows the progress of the reading.
    """
    counts = {}
    total = 0
    min_reduce = 1
    corpus = as_corpus(corpus)
    for sentence in reading(corpus, f"counting words in {corpus.name}", verbose):
        total += len(sentence)
        for word in sentence:
            counts[word] = counts.get(word, 0) + 1
        if max_vocab_size is not None and len(counts) > max_vocab_size:
            counts = {word: n for word, n in counts.items() if n >= min_reduce}
            min_reduce += 1
    return counts, total, min_reduce


class Vocabulary:
    """Words sorted by descending count, with their counts.

    Parameters
    ----------
    words : list of str
        The words, most frequent first; a word's position is its id.
    counts : array-like of int
        How often each word occurs in the corpus.
    total_words : int, optional
        Raw tokens in the corpus, rare words included (defaults to the sum
        of ``counts``).

    Attributes
    ----------
    key_to_index : dict
        Word -> id.
    pruned : bool
        True if counting had to drop rare words to respect ``max_vocab_size``.
    """

    def __init__(self, words, counts, total_words=None, pruned=False):
        self.words = list(words)
        self.counts = np.asarray(counts, dtype=np.int64)
        if len(self.words) != len(self.counts):
            raise VocabularyError(f"{len(self.words)} words but {len(self.counts)} counts")
        self.key_to_index = {word: index for index, word in enumerate(self.words)}
        if len(self.key_to_index) != len(self.words):
            raise VocabularyError("the vocabulary lists a word twice")
        self.total_words = int(self.counts.sum()) if total_words is None else int(total_words)
        self.pruned = pruned

    @classmethod
    def build(cls, corpus, min_count=5, max_vocab_size=None, max_final_vocab=None,
              verbose=False):
        """Count ``corpus`` (anything ``Corpus`` accepts) and keep the frequent words."""
        corpus = as_corpus(corpus)
        counts, total, min_reduce = count_words(corpus, max_vocab_size, verbose)
        if total == 0:
            raise VocabularyError(f"the corpus {corpus.description} is empty: no tokens found")
        if min_reduce > 1:
            logger.warning("max_vocab_size=%d: pruned words seen fewer than %d times while "
                           "counting; their counts are lost", max_vocab_size, min_reduce - 1)
        return cls.from_counts(counts, min_count, max_final_vocab, total_words=total,
                               pruned=min_reduce > 1, source=corpus.description)

    @classmethod
    def from_counts(cls, counts, min_count=5, max_final_vocab=None, total_words=None,
                    pruned=False, source="the corpus"):
        """Keep words with ``count >= min_count``, sorted by descending count.

        ``counts`` is a dict word -> count; ties keep its order. With
        ``max_final_vocab``, ``min_count`` is raised to the smallest value
        that leaves at most that many words (gensim's rule: a word is never
        kept while another with the same count is dropped).
        """
        if min_count < 1:
            raise ValueError(f"min_count must be >= 1, got {min_count}")
        # sorted() is stable: equal counts keep their first-appearance order.
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if max_final_vocab is not None and len(ranked) > max_final_vocab:
            min_count = max(min_count, ranked[max_final_vocab][1] + 1)
        kept = [(word, n) for word, n in ranked if n >= min_count]
        if not kept:
            largest = ranked[0][1] if ranked else 0
            raise VocabularyError(
                f"every word in {source} occurs fewer than min_count={min_count} times "
                f"(the most frequent occurs {largest} times); lower min_count or use a "
                "larger corpus")
        words, word_counts = zip(*kept)
        return cls(words, word_counts, total_words=total_words, pruned=pruned)

    # -- the two distributions training needs --------------------------------------------

    def keep_probabilities(self, sample=1e-3):
        """Probability of keeping each occurrence of a word (frequent-word subsampling).

        word2vec.c's formula (not the paper's ``1 - sqrt(t / f)``)::

            p_keep(w) = min(1, (sqrt(c_w / (sample * T)) + 1) * (sample * T) / c_w)

        with ``c_w`` the word's count and ``T`` the total count of the
        vocabulary words. ``sample=0`` keeps everything. A word with
        ``c_w = sample * T`` is kept with probability 1; one 100 times more
        frequent about 11% of the time.
        """
        if sample < 0:
            raise ValueError(f"sample must be >= 0, got {sample}")
        if sample == 0:
            return np.ones(len(self), dtype=np.float64)
        threshold = sample * float(self.counts.sum())
        counts = self.counts.astype(np.float64)
        return np.minimum(1.0, (np.sqrt(counts / threshold) + 1.0) * threshold / counts)

    def noise_distribution(self, ns_exponent=0.75):
        """Negative-sampling distribution ``P(w) ∝ count(w) ** ns_exponent``."""
        weights = self.counts.astype(np.float64) ** ns_exponent
        return weights / weights.sum()

    # -- container protocol ---------------------------------------------------------------

    def __len__(self):
        return len(self.words)

    def __contains__(self, word):
        return word in self.key_to_index

    def __getitem__(self, word):
        return self.key_to_index[word]

    def __repr__(self):
        return f"Vocabulary({len(self)} words, {self.total_words} tokens)"

    # -- plain-text save / load: one "word count" per line ---------------------------------

    def save(self, path):
        """Write ``word count`` lines, most frequent first (atomically)."""
        with atomic_write(path, "w") as out:
            for word, count in zip(self.words, self.counts.tolist()):
                if not word or any(ch.isspace() for ch in word):
                    raise VocabularyError(f"cannot save word {word!r}: it is empty or "
                                          "holds whitespace")
                out.write(f"{word} {count}\n")

    @classmethod
    def load(cls, path, min_count=1, max_final_vocab=None):
        """Read a file written by ``save`` (or word2vec's ``-save-vocab``).

        Anything wrong with the file (missing, not UTF-8, a line that is not
        ``word count``, a count that does not fit in int64) is a
        ``VocabularyError`` naming the file and the line.
        """
        counts = {}
        for number, word, count in _vocabulary_lines(path):
            if word in counts:
                raise VocabularyError(f"{path}, line {number}: word {word!r} appears twice")
            counts[word] = count
        if not counts:
            raise VocabularyError(f"{path} holds no words")
        # Each count fits int64; their sum becomes total_words, which must too.
        if sum(counts.values()) > _INT64_MAX:
            raise VocabularyError(f"{path}: the counts add up to more than {_INT64_MAX:,}")
        return cls.from_counts(counts, min_count, max_final_vocab, source=str(path))


_INT64_MAX = 2**63 - 1


def _vocabulary_lines(path):
    """``(line number, word, count)`` for each non-blank line of a vocabulary file.

    Read as bytes and decoded line by line, so that a byte that is not
    UTF-8 is reported with its line.
    """
    try:
        with open(path, "rb") as lines:
            for number, raw in enumerate(lines, start=1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise VocabularyError(f"{path}, line {number}: not valid UTF-8 "
                                          f"({exc.reason} at byte {exc.start} of the line)"
                                          ) from None
                fields = line.split()
                if not fields:
                    continue
                count = _count(fields[1]) if len(fields) == 2 else None
                if count is None:
                    shown = line.rstrip()[:80] + ("..." if len(line.rstrip()) > 80 else "")
                    raise VocabularyError(f"{path}, line {number}: expected 'word count', "
                                          f"got {shown!r}")
                if count > _INT64_MAX:
                    raise VocabularyError(f"{path}, line {number}: the count of "
                                          f"{fields[0]!r} is larger than {_INT64_MAX:,}")
                yield number, fields[0], count
    except OSError as error:  # missing, a folder, unreadable, or a read that failed
        raise VocabularyError(f"{path}: cannot read the vocabulary file "
                              f"({error.strerror or error})") from None


def _count(text):
    """The count a field spells in ASCII digits, else None.

    ``isdigit()`` alone would pass '²' and '٣', which are no counts to us;
    and ``int()`` refuses numbers of over 4,300 digits, so those are cut
    short: anything past 19 digits is too large for int64 anyway.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= 19 else _INT64_MAX + 1
