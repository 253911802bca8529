"""Prepare a corpus for training once, reuse it on later runs.

Reading and tokenising a corpus takes seconds (bench/results/design_measurements.md); training reads
the encoded ids many times. ``prepare_corpus`` builds the vocabulary and the encoded corpus,
and for file corpora keeps both in a cache folder, keyed by

* the corpus files' identity (absolute path, size, modification time) and
  the reading options (normaliser, max_sentence_length, errors), and
* for the encoded ids, the exact vocabulary (a hash of its words).

So a second run with the same corpus skips tokenising altogether, and a run
with another ``min_count`` recounts nothing (the cached counts are of every
word). Counted co-occurrences (GloVe, PPMI-SVD) are cached the same way
(``cooccurrence_path``), keyed also by the counting settings. Touch or edit a corpus file and its entries are simply not found
again. The folder is ``$WORDVEC_CACHE/encoded`` (default
``~/.cache/wordvec/encoded``); delete it at any time.

>>> vocab, encoded = prepare_corpus([["a", "b", "a"]], min_count=2)
>>> vocab.words, encoded.ids.tolist()
(['a'], [0, 0])
"""
import hashlib
import logging
from pathlib import Path

import numpy as np

from .atomic import atomic_write
from .cooccur import count_cooccurrences
from .cooccurrence import Cooccurrence
from .corpus import as_corpus
from .datadir import cache_root
from .encode import encode, encode_to_files, load_encoded
from .errors import VocabularyError, WordvecError
from .progress import phase
from .vocab import Vocabulary, count_words, vocabulary_hash

logger = logging.getLogger(__name__)


def default_cache_dir():
    """``$WORDVEC_CACHE/encoded``, or ``~/.cache/wordvec/encoded``."""
    return cache_root() / "encoded"


def _save_counts(path, counts, total, pruned):
    # Words are stored as one UTF-8 blob ("\n"-separated), not as a NumPy
    # string array: that would pad every word to the longest one.
    blob = np.frombuffer("\n".join(counts).encode("utf-8"), dtype=np.uint8)
    with atomic_write(path, "wb") as out:
        np.savez(out, words=blob, counts=np.fromiter(counts.values(), np.int64, len(counts)),
                 total=np.int64(total), pruned=np.bool_(pruned))


def _load_counts(path):
    with np.load(path, allow_pickle=False) as data:
        words = data["words"].tobytes().decode("utf-8").split("\n")
        return dict(zip(words, data["counts"].tolist())), int(data["total"]), bool(data["pruned"])


def prepare_corpus(corpus, min_count=5, max_vocab_size=None, max_final_vocab=None,
                   cache_dir=None, verbose=False):
    """Return ``(Vocabulary, EncodedCorpus)`` for ``corpus``.

    ``cache_dir``: a folder, None for the default one, or False for no cache.
    In-memory corpora are never cached. ``verbose``: show the progress of
    counting the words and encoding the corpus.
    """
    corpus = as_corpus(corpus)
    key = corpus.identity()
    if key is None or cache_dir is False:
        vocab = Vocabulary.build(corpus, min_count, max_vocab_size, max_final_vocab, verbose)
        return vocab, encode(corpus, vocab, verbose)

    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    counts_path = folder / f"{key}-{max_vocab_size or 'all'}.counts.npz"
    if counts_path.exists():
        counts, total, pruned = _load_counts(counts_path)
        logger.info("vocabulary counts from cache %s", counts_path)
    else:
        counts, total, min_reduce = count_words(corpus, max_vocab_size, verbose)
        pruned = min_reduce > 1
        if total == 0:
            raise VocabularyError(f"the corpus {corpus.description} is empty: no tokens found")
        _save_counts(counts_path, counts, total, pruned)
    vocab = Vocabulary.from_counts(counts, min_count, max_final_vocab, total_words=total,
                                   pruned=pruned, source=corpus.description)

    vocab_hash = vocabulary_hash(vocab.words)
    ids_path = folder / f"{key}-{vocab_hash}.ids.npy"
    bounds_path = folder / f"{key}-{vocab_hash}.bounds.npy"
    if ids_path.exists() and bounds_path.exists():
        logger.info("encoded corpus from cache %s", ids_path)
        return vocab, load_encoded(ids_path, bounds_path)
    logger.info("encoding %s into %s", corpus.description, ids_path)
    return vocab, encode_to_files(corpus, vocab, ids_path, bounds_path, verbose)


def cooccurrence_path(corpus, vocab, settings, cache_dir=None):
    """Where the co-occurrences of ``corpus`` counted with ``settings`` are cached, or None.

    ``settings``: the counting keyword arguments (window, symmetric,
    distance_weighting, memory_mb: the budget too, since it decides how the
    partial counts are summed, and so the last bits of the floats). None for
    in-memory corpora and with ``cache_dir=False``.
    """
    corpus = as_corpus(corpus)
    key = corpus.identity()
    if key is None or cache_dir is False:
        return None
    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    spelled = "-".join(f"{name}{settings[name]}" for name in sorted(settings))
    digest = hashlib.sha256(spelled.encode()).hexdigest()[:12]
    return folder / f"{key}-{vocabulary_hash(vocab.words)}-{digest}.cooc.npz"


def cached_cooccurrences(corpus, vocab, encoded, settings, cache_dir=None, verbose=False):
    """``(Cooccurrence, from_cache)``: the counts from the cache, or counted (and cached).

    A cached file that cannot be read is counted again, with a warning.
    """
    path = cooccurrence_path(corpus, vocab, settings, cache_dir)
    if path is not None and path.exists():
        try:
            with phase("loading the counted co-occurrences from the cache", verbose):
                return Cooccurrence.load(path, vocab=vocab).check(), True
        except (WordvecError, OSError, ValueError) as error:
            logger.warning("%s: unreadable cached counts (%s); counting again", path, error)
    matrix = count_cooccurrences(encoded, len(vocab), vocab_words=vocab.words, verbose=verbose,
                                 **settings)
    if path is not None:
        with phase("caching the counts for the next run", verbose):
            matrix.save(path)
    return matrix, False
