"""What every Word2Vec variant shares: parameters, data preparation, the epoch loop.

A subclass (``SkipGram``, ``CBOW``) only says which kernel trains a chunk
of the corpus. Everything around the kernel lives here, in Python:

* the vocabulary and the encoded corpus (``wordvec.cache.prepare_corpus``);
* the output layers: negative sampling's noise distribution, hierarchical
  softmax's Huffman tree (``huffman.py``), or both;
* initialisation as word2vec.c: W_in uniform in ±0.5/dim, W_out and W_hs zeros;
* the learning rate, linear from ``alpha`` to ``min_alpha`` over all epochs;
* chunks of ~1M words handed to ``workers`` threads (``wordvec.hogwild``);
* loss history, a tqdm bar, callbacks, divergence and Ctrl-C handling.
"""
import inspect
import logging
import math
import time

import numpy as np
from tqdm.auto import tqdm

from wordvec.cache import prepare_corpus
from wordvec.errors import TrainingError
from wordvec.hogwild import padded_rows, run_chunks
from wordvec.keyedvectors import KeyedVectors
from wordvec.noise import alias_table
from wordvec.rng import seed_state

from .huffman import huffman_tree, label_matrix

logger = logging.getLogger(__name__)

VECTORS = ("in", "in+out")  # what .wv holds: W_in, or W_in + W_out (Levy et al. 2015's w+c)
# Kernel calls per epoch, also the points of loss_curve_. Many small chunks keep
# every worker busy to the end of an epoch and Ctrl-C responsive.
CHUNKS_PER_EPOCH = 50
MAX_CHUNK_WORDS = 500_000


def _check(name, value, low, high=math.inf, kind=(int, float)):
    if isinstance(value, bool) or not isinstance(value, kind) or not low <= value <= high:
        raise ValueError(f"{name} must be a number in [{low}, {high}], got {value!r}")


def split_into_chunks(bounds, n_chunks, max_words=MAX_CHUNK_WORDS):
    """Cut sentences into about ``n_chunks`` runs of about equal word count.

    bounds (n_sentences + 1,) int64 -> list of (first_sentence, end_sentence).
    """
    n_words = int(bounds[-1])
    n_chunks = max(n_chunks, -(-n_words // max_words), 1)
    targets = np.linspace(0, n_words, n_chunks + 1)[1:-1]
    cuts = np.unique(np.concatenate([[0], np.searchsorted(bounds, targets), [len(bounds) - 1]]))
    return [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:]) if b > a]


class Word2VecBase:
    """Shared estimator logic; see ``SkipGram`` for the parameters."""

    algorithm = None  # set by subclasses, recorded in the vectors' metadata

    def __init__(self, dim=100, window=5, negative=5, hs=False, ns_exponent=0.75, sample=1e-3,
                 alpha=0.025, min_alpha=1e-4, epochs=5, min_count=5, max_vocab_size=None,
                 max_final_vocab=None, vectors="in", seed=1, workers=1, verbose=True,
                 callbacks=()):
        self.dim = dim
        self.window = window
        self.negative = negative
        self.hs = hs
        self.ns_exponent = ns_exponent
        self.sample = sample
        self.alpha = alpha
        self.min_alpha = min_alpha
        self.epochs = epochs
        self.min_count = min_count
        self.max_vocab_size = max_vocab_size
        self.max_final_vocab = max_final_vocab
        self.vectors = vectors
        self.seed = seed
        self.workers = workers
        self.verbose = verbose
        self.callbacks = callbacks

    # -- what subclasses provide ----------------------------------------------------------

    def _train_chunk(self, first_sentence, end_sentence, alpha_start, alpha_end, state):
        """Run the kernel on one chunk; return (loss sum, examples, words, state)."""
        raise NotImplementedError

    # -- fit ------------------------------------------------------------------------------

    def _validate(self):
        _check("dim", self.dim, 1, kind=int)
        _check("window", self.window, 1, kind=int)
        _check("negative", self.negative, 0, kind=int)
        if not isinstance(self.hs, bool):
            raise ValueError(f"hs must be True or False, got {self.hs!r}")
        if self.negative == 0 and not self.hs:
            raise ValueError("negative=0 and hs=False leave no output layer: set negative > 0 "
                             "(negative sampling), hs=True (hierarchical softmax), or both")
        if self.vectors not in VECTORS:
            raise ValueError(f"vectors must be one of {VECTORS}, got {self.vectors!r}")
        if self.vectors == "in+out" and self.negative == 0:
            raise ValueError("vectors='in+out' adds W_out, which only negative sampling "
                             "learns (hierarchical softmax has no row per word): set negative > 0")
        _check("ns_exponent", self.ns_exponent, -math.inf)
        _check("sample", self.sample, 0.0)
        _check("alpha", self.alpha, 0.0)
        if self.alpha == 0:
            raise ValueError("alpha must be > 0, got 0")
        _check("min_alpha", self.min_alpha, 0.0, self.alpha)
        _check("epochs", self.epochs, 1, kind=int)
        _check("min_count", self.min_count, 1, kind=int)
        _check("workers", self.workers, 1, kind=int)
        if self.max_vocab_size is not None:
            _check("max_vocab_size", self.max_vocab_size, 1, kind=int)
        if self.max_final_vocab is not None:
            _check("max_final_vocab", self.max_final_vocab, 1, kind=int)

    def fit(self, corpus, cache_dir=None):
        """Learn vectors from ``corpus``; return self.

        Parameters
        ----------
        corpus : str, Path, Corpus, or list of list of str
            A text file or folder (read with ``Corpus(path)``: whitespace
            tokens, as is), a ``wordvec.corpus.Corpus`` for other reading
            options, or sentences in memory.
        cache_dir : path, None or False
            Where file corpora are cached once encoded (None: the default
            folder, False: no cache). See ``wordvec.cache``.
        """
        self._validate()
        self.vocab_, self.corpus_ = prepare_corpus(
            corpus, self.min_count, self.max_vocab_size, self.max_final_vocab, cache_dir)
        if self.corpus_.n_words == 0:
            raise TrainingError("no word of the corpus is in the vocabulary")
        self._init_weights()
        self._keep_prob = self.vocab_.keep_probabilities(self.sample)
        self._init_output_layers()
        self._train()
        return self

    def _init_weights(self):
        vocab_size = len(self.vocab_)
        rng = np.random.default_rng(self.seed)
        # The kernels train the padded, cache-line aligned matrices (see
        # padded_rows); W_in_ and W_out_ are views of their first dim columns.
        self._W_in_rows = padded_rows(vocab_size, self.dim)
        self._W_out_rows = padded_rows(vocab_size if self.negative else 1, self.dim)
        self._W_hs_rows = padded_rows(max(vocab_size - 1, 1) if self.hs else 1, self.dim)
        self.W_in_ = self._W_in_rows[:, :self.dim]
        self.W_out_ = self._W_out_rows[:, :self.dim] if self.negative else None
        self.W_hs_ = self._W_hs_rows[:, :self.dim] if self.hs else None
        self.W_in_[:] = ((rng.random((vocab_size, self.dim), dtype=np.float32) - np.float32(0.5))
                         / np.float32(self.dim))

    def _init_output_layers(self):
        """The noise sampler and/or the Huffman tree; unused ones are empty arrays."""
        if self.negative:
            self._noise_prob, self._noise_alias = alias_table(
                self.vocab_.noise_distribution(self.ns_exponent))
        else:
            self._noise_prob, self._noise_alias = np.ones(1), np.zeros(1, np.int32)
        if self.hs:
            if len(self.vocab_) < 2:
                raise TrainingError("hierarchical softmax needs at least 2 words in the "
                                    "vocabulary; lower min_count")
            self.huffman_ = huffman_tree(self.vocab_.counts)
            self._hs_points = self.huffman_.points
            self._hs_labels = label_matrix(self.huffman_)
            self._hs_lengths = self.huffman_.lengths
        else:  # an empty hs_lengths tells the kernels HS is off
            self._hs_points = np.zeros((1, 1), np.int32)
            self._hs_labels = np.zeros((1, 1), np.float32)
            self._hs_lengths = np.zeros(0, np.int32)

    def _output_arrays(self):
        """The kernels' output-layer arguments, in their order."""
        return (self.negative, self._W_out_rows, self._noise_prob, self._noise_alias,
                self._W_hs_rows, self._hs_points, self._hs_labels, self._hs_lengths)

    def _alpha_at(self, progress):
        """Linear decay over the whole run: progress 0 -> alpha, 1 -> min_alpha."""
        return self.alpha - (self.alpha - self.min_alpha) * progress

    def _train(self):
        bounds = self.corpus_.bounds
        n_words = self.corpus_.n_words
        total_words = self.epochs * n_words
        chunks = split_into_chunks(bounds, CHUNKS_PER_EPOCH)
        tasks = [(epoch, first, end) for epoch in range(self.epochs) for first, end in chunks]
        # Callbacks must see the vectors exactly as they are at the end of an
        # epoch, so then all workers stop there. Without callbacks the next
        # epoch's chunks simply follow in the queue: no worker waits for the
        # slowest to finish its last chunk.
        batches = ([tasks[i:i + len(chunks)] for i in range(0, len(tasks), len(chunks))]
                   if self.callbacks else [tasks])

        def work(task):
            epoch, first, end = task
            start = (epoch * n_words + int(bounds[first])) / total_words
            stop = (epoch * n_words + int(bounds[end])) / total_words
            state = seed_state(self.seed, epoch, first)  # the same whatever the thread
            return self._train_chunk(first, end, self._alpha_at(start), self._alpha_at(stop),
                                     state)

        self.loss_history_ = []   # mean loss per example, one value per epoch
        self.loss_curve_ = []     # (epochs done, mean loss) for every chunk
        self.epochs_trained_ = 0
        self.interrupted_ = False
        epoch_loss = [0.0] * self.epochs
        epoch_examples = [0] * self.epochs
        chunks_left = [len(chunks)] * self.epochs
        words_trained = 0
        bar = tqdm(total=total_words, unit="word", unit_scale=True, disable=not self.verbose,
                   desc=self.algorithm)
        started = time.perf_counter()
        try:
            for batch in batches:
                for (epoch, first, end), (loss, examples, words, _) in run_chunks(
                        work, batch, self.workers):
                    progress = epoch + bounds[end] / n_words
                    alpha_now = self._alpha_at(progress / self.epochs)
                    if not math.isfinite(loss):
                        raise TrainingError(
                            f"the loss became {loss} in epoch {epoch + 1}: training diverged. "
                            f"The learning rate alpha={self.alpha} (now {alpha_now:.4g}) is "
                            "too high for this corpus; try a smaller alpha")
                    epoch_loss[epoch] += loss
                    epoch_examples[epoch] += examples
                    words_trained += words
                    mean = loss / max(examples, 1)
                    self.loss_curve_.append((float(progress), mean))
                    bar.update(words)
                    bar.set_postfix(epoch=epoch + 1, alpha=f"{alpha_now:.5f}", loss=f"{mean:.4f}",
                                    refresh=False)
                    chunks_left[epoch] -= 1
                    if chunks_left[epoch] == 0:
                        self._end_epoch(epoch, epoch_loss, epoch_examples, words_trained, started)
        except KeyboardInterrupt:
            self.interrupted_ = True
            logger.warning("interrupted after %d words: keeping the vectors trained so far",
                           words_trained)
        finally:
            bar.close()
            self.loss_curve_.sort()  # with several workers chunks finish out of order
        self._finish(words_trained, started)

    def _end_epoch(self, epoch, epoch_loss, epoch_examples, words_trained, started):
        self.loss_history_.append(epoch_loss[epoch] / max(epoch_examples[epoch], 1))
        self.epochs_trained_ = epoch + 1
        self._finish(words_trained, started)
        logger.info("epoch %d: loss %.4f", epoch + 1, self.loss_history_[-1])
        for callback in self.callbacks:
            callback(self, epoch + 1)

    def _finish(self, words_trained, started):
        """Refresh the public results; called after every epoch and at the end."""
        self.train_seconds_ = time.perf_counter() - started
        self.words_trained_ = words_trained
        self.words_per_second_ = words_trained / max(self.train_seconds_, 1e-9)
        self._wv = None  # rebuilt from W_in_ when next asked for

    @property
    def wv(self):
        """The learned vectors as ``KeyedVectors``: W_in_, or W_in_ + W_out_."""
        if getattr(self, "_wv", None) is None:
            if not hasattr(self, "W_in_"):
                raise AttributeError(f"{type(self).__name__} has no vectors yet: call fit first")
            vectors = self.W_in_ + self.W_out_ if self.vectors == "in+out" else self.W_in_
            self._wv = KeyedVectors(vectors, self.vocab_.words, self.vocab_.counts,
                                    metadata=self.metadata())
        return self._wv

    def metadata(self):
        """Hyperparameters and training facts, saved with the vectors."""
        params = {name: value for name, value in self.get_params().items()
                  if name not in ("verbose", "callbacks")}
        return {"algorithm": self.algorithm, "params": params,
                "epochs_trained": getattr(self, "epochs_trained_", 0),
                "corpus_words": getattr(self.vocab_, "total_words", None),
                "words_per_second": getattr(self, "words_per_second_", None),
                "loss_history": list(getattr(self, "loss_history_", []))}

    def get_params(self):
        """The constructor's parameters (scikit-learn's convention), read from its signature."""
        names = list(inspect.signature(type(self).__init__).parameters)[1:]  # not self
        return {name: getattr(self, name) for name in names}

    def __repr__(self):
        defaults = type(self)().get_params()
        changed = {k: v for k, v in self.get_params().items() if v != defaults[k]}
        args = ", ".join(f"{k}={v!r}" for k, v in changed.items())
        return f"{type(self).__name__}({args})"
