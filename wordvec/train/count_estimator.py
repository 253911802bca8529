"""What the estimators that learn from co-occurrence counts share (GloVe, PPMI-SVD).

Both first count, with ``wordvec.cooccur.counting``, then learn from the matrix X
alone. So both offer ``fit(corpus)`` (count, then learn) and
``fit_cooccurrence(matrix, vocab)`` (learn from a matrix counted before, by
``wordvec cooccur``), take the same counting parameters, and check a
matrix against its vocabulary the same way. A subclass says only how it
learns from the counts (``_learn``).
"""
import time

from ..cache.prepare import cached_cooccurrences, prepare_corpus
from ..errors import TrainingError, VocabularyError
from ..text.corpus import as_corpus
from ..text.vocab import vocabulary_hash
from .estimator import VOCABULARY_PARAMS, Estimator, Param, check_bool, check_int

# The parameters of the counting: fit() uses them, fit_cooccurrence() finds them spent.
COUNTING = ("window", "symmetric", "distance_weighting", "min_count", "max_vocab_size",
            "max_final_vocab", "memory_mb")


class CountEstimator(Estimator):
    """An estimator that counts co-occurrences, then learns from the counts alone.

    A subclass takes the parameters of ``COUNTING`` and implements
    ``_learn()``, which finds ``vocab_`` and ``cooccurrence_`` set.
    """

    params = {
        "window": Param("Context words on each side (or on the left only) counted as "
                        "co-occurring."),
        "symmetric": Param("Count context on both sides (True) or on the left only."),
        **VOCABULARY_PARAMS,
        "memory_mb": Param("Memory budget in MB of the counting's working structures (dense "
                           "rows of frequent words, pair buffer, partial counts): above it, "
                           "partial counts spill to disk. The counted matrix itself (12 bytes "
                           "per entry) and the training come on top; the summary reports the "
                           "matrix's size."),
    }

    def _validate(self):
        super()._validate()
        for name in ("window", "memory_mb"):
            check_int(name, getattr(self, name))
        for name in ("symmetric", "distance_weighting"):
            check_bool(name, getattr(self, name))

    def fit(self, corpus, cache_dir=None, resume=None):
        """Build the vocabulary, count co-occurrences, learn from them; return self.

        ``corpus`` and ``cache_dir`` are as for ``w2v.SkipGram.fit``; the
        counts of a file corpus are cached too, so that another run with the
        same counting settings (other dim, epochs, eta, seed) counts nothing.
        ``resume``: a checkpoint of this same run to go on from (GloVe).
        """
        self._validate()
        corpus = as_corpus(corpus)
        vocab, encoded = prepare_corpus(corpus, self.min_count, self.max_vocab_size,
                                        self.max_final_vocab, cache_dir, verbose=self.verbose)
        settings = {name: getattr(self, name)
                    for name in ("window", "symmetric", "distance_weighting", "memory_mb")}
        started = time.perf_counter()
        matrix, self.counts_cached_ = cached_cooccurrences(corpus, vocab, encoded, settings,
                                                           cache_dir, self.verbose)
        self.count_seconds_ = time.perf_counter() - started
        del encoded  # a cached corpus is memory-mapped: its pages leave with it
        return self._fit_counts(matrix, vocab, resume)

    def fit_cooccurrence(self, matrix, vocab, resume=None):
        """Learn from a co-occurrence matrix counted with ``vocab``; return self.

        The matrix comes from outside this fit (a file, or a caller's own
        arrays), so it is checked whole first (``Cooccurrence.check``: row and
        column ids inside the vocabulary, entries in order, values finite and
        positive): the kernels index the weights with its ids unchecked.
        """
        self._validate()
        self.count_seconds_ = 0.0
        matrix.check()
        return self._fit_counts(matrix, vocab, resume)

    def _fit_counts(self, matrix, vocab, resume=None):
        if matrix.vocab_size != len(vocab) or (
                matrix.vocab_hash and matrix.vocab_hash != vocabulary_hash(vocab.words)):
            raise VocabularyError(
                f"the co-occurrence matrix was counted with another vocabulary "
                f"({matrix.vocab_size} words) than the one given ({len(vocab)} words)")
        if matrix.nnz == 0:
            raise TrainingError("the co-occurrence matrix is empty: nothing to learn from")
        self.vocab_, self.cooccurrence_ = vocab, matrix
        self._learn(resume)
        return self

    def _learn(self, resume=None):
        """Learn the vectors from ``cooccurrence_`` (going on from the checkpoint ``resume``)."""
        raise NotImplementedError

    def metadata(self):
        """Hyperparameters and training facts, saved with the vectors."""
        return {**super().metadata(), "cooccurrence_nnz": int(self.cooccurrence_.nnz)}
