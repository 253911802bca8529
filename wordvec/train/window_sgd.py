"""The driver every window-based SGD model shares: Word2Vec's and fastText's.

Such a model walks the encoded corpus in chunks of sentences, each a call of
its Numba kernel (``_train_chunk``), with a learning rate that falls
linearly from ``alpha`` to ``min_alpha`` over all epochs. Around the kernel,
in Python, this class:

* cuts the corpus into chunks of ~1M words (``split_into_chunks``), each a
  task for the shared training loop (``loop.train_epochs``: threads,
  progress bar, loss history, callbacks, Ctrl-C);
* gives each chunk its learning rate at its first and last word, and a
  random state drawn from (seed, epoch, chunk), the same whatever thread
  runs it, so that one worker gives bit-identical vectors;
* compiles the kernel first on an empty chunk, under a line of its own.

A subclass sets ``corpus_`` (an ``EncodedCorpus``) and the hyperparameters
``alpha``, ``min_alpha``, ``epochs`` and ``seed``, and implements
``_train_chunk(chunk, state)``.
"""
import numpy as np

from ..cache import prepare_corpus
from ..engine import seed_state
from ..engine.windows import Chunk
from ..errors import TrainingError
from ..text import EncodedCorpus
from .estimator import Estimator

# Kernel calls per epoch, also the points of loss_curve_. Many small chunks keep
# every worker busy to the end of an epoch and Ctrl-C responsive.
CHUNKS_PER_EPOCH = 50
MAX_CHUNK_WORDS = 500_000


def split_into_chunks(bounds, n_chunks, max_words=MAX_CHUNK_WORDS):
    """Cut sentences into about ``n_chunks`` runs of about equal word count.

    bounds (n_sentences + 1,) int64 -> list of (first_sentence, end_sentence).

    >>> split_into_chunks(np.array([0, 3, 5, 9, 10]), n_chunks=2)   # 5 words each
    [(0, 2), (2, 4)]
    """
    n_words = int(bounds[-1])
    n_chunks = max(n_chunks, -(-n_words // max_words), 1)
    # Whole numbers, as bounds are: a float target would make searchsorted
    # copy all the bounds to float64 (8 bytes per sentence, for the whole fit).
    targets = np.arange(1, n_chunks, dtype=np.int64) * n_words // n_chunks
    cuts = np.unique(np.concatenate([[0], np.searchsorted(bounds, targets), [len(bounds) - 1]]))
    return [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:]) if b > a]


class WindowSGD(Estimator):
    """An estimator trained by SGD over windows of the corpus, chunk by chunk."""

    # -- what subclasses provide ----------------------------------------------------------

    def _init_weights(self):
        """Allocate and initialise the matrices, from ``vocab_`` and the parameters."""
        raise NotImplementedError

    def _init_output_layers(self):
        """Build the kernels' bundles (corpus, noise words, ...)."""
        raise NotImplementedError

    def _train_chunk(self, chunk, state):
        """Run the kernel on one ``Chunk``; return (loss sum, examples, words, state)."""
        raise NotImplementedError

    # -- fit ------------------------------------------------------------------------------

    def fit(self, corpus, cache_dir=None, resume=None):
        """Learn vectors from ``corpus``; return self.

        Parameters
        ----------
        corpus : str, Path, Corpus, or list of list of str
            A text file or folder (read with ``Corpus(path)``: lowercase
            words, punctuation dropped), a ``wordvec.text.corpus.Corpus`` for other reading
            options, or sentences in memory.
        cache_dir : path, None or False
            Where file corpora are cached once encoded (None: the default
            folder, False: no cache). See ``wordvec.cache.prepare``.
        resume : path, optional
            A checkpoint of this same run (``wordvec.train.checkpoint``): training
            goes on from its last epoch.
        """
        self._validate()
        vocab, encoded = prepare_corpus(corpus, self.min_count, self.max_vocab_size,
                                        self.max_final_vocab, cache_dir, verbose=self.verbose)
        return self._fit_encoded(encoded, vocab, resume)

    def fit_encoded(self, encoded, vocab, resume=None):
        """Learn vectors from a corpus already encoded with ``vocab``; return self.

        ``encoded`` is an ``EncodedCorpus`` (``wordvec.encode``, or the second
        item of ``wordvec.prepare_corpus``), or any object with its ``ids``
        (int32) and ``bounds`` (int64) arrays. The vocabulary is used as it
        is: ``min_count``, ``max_vocab_size`` and ``max_final_vocab`` are not
        applied again. Every id is checked first: one outside the vocabulary
        is a ``CorpusError`` naming it and its position, never a crash.

        (``w2v.SkipGram``'s docstring shows it in use.)
        """
        self._validate()
        return self._fit_encoded(encoded, vocab, resume)

    def _fit_encoded(self, encoded, vocab, resume):
        # Once per fit, at the door: the kernels index W_in and W_out with these ids.
        encoded = EncodedCorpus(encoded.ids, encoded.bounds).check(len(vocab))
        self.vocab_, self.corpus_ = vocab, encoded
        if self.corpus_.n_words == 0:
            raise TrainingError("no word of the corpus is in the vocabulary")
        self._init_weights()
        self._init_output_layers()
        self._resume_from(resume)
        self._train()
        return self


    def _alpha_at(self, progress):
        """Linear decay over the whole run: progress 0 -> alpha, 1 -> min_alpha."""
        return self.alpha - (self.alpha - self.min_alpha) * progress

    def _train(self):
        bounds = self.corpus_.bounds
        n_words = self.corpus_.n_words
        total_words = self.epochs * n_words

        def work(epoch, chunk):
            first, end = chunk
            start = (epoch * n_words + int(bounds[first])) / total_words
            stop = (epoch * n_words + int(bounds[end])) / total_words
            state = seed_state(self.seed, epoch, first)  # the same whatever the thread
            loss, examples, _, _ = self._train_chunk(
                Chunk(first, end, self._alpha_at(start), self._alpha_at(stop)), state)
            return loss, examples

        def alpha_now(progress):
            return {"alpha": f"{self._alpha_at(progress / self.epochs):.5f}"}

        def hint(progress):
            return (f"The learning rate alpha={self.alpha} (now "
                    f"{self._alpha_at(progress / self.epochs):.4g}) is too high for this "
                    "corpus; try a smaller alpha")

        tasks = [((first, end), int(bounds[end] - bounds[first]))
                 for first, end in split_into_chunks(bounds, CHUNKS_PER_EPOCH)]

        def warmup():  # an empty chunk: compiles the kernel, changes nothing
            self._train_chunk(Chunk(0, 0, self.alpha, self.alpha), seed_state(self.seed, 0, 0))

        log = self._train_epochs(work, tasks, unit="word", status=alpha_now, hint=hint,
                                 warmup=warmup)
        self.words_trained_ = log.units_done
        self.words_per_second_ = log.units_done / max(log.seconds, 1e-9)

