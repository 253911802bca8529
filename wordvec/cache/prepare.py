"""Prepare a corpus for training once, reuse it on later runs.

Reading and tokenising a corpus takes seconds; training reads the encoded
ids many times. ``prepare_corpus`` builds the vocabulary and the encoded
corpus, and for file corpora keeps both in a cache folder, keyed by

* the corpus files' identity (absolute path, size, modification time) and
  the reading options (normaliser, max_sentence_length, errors), and
* for the encoded ids, the exact vocabulary (a hash of its words).

So a second run with the same corpus skips tokenising altogether, and a run
with another ``min_count`` recounts nothing (the cached counts are of every
word). Counted co-occurrences (GloVe, PPMI-SVD) are cached the same way
(``cached_cooccurrences``), keyed also by the counting settings. Touch or
edit a corpus file and its entries are simply not found again.

Several processes (a sweep, a class on one machine) may prepare the same
corpus at once: every file is written under a temporary name of its own and
renamed into place, and an entry is used only once its seal
(``seal.py``) vouches for it, so none reads a half-written file, and a
damaged entry is rebuilt with a one-line notice. The folder is
``$WORDVEC_CACHE/encoded`` (default ``~/.cache/wordvec/encoded``); ``wordvec
cache --info`` shows it, ``wordvec cache --clear`` empties it.

>>> vocab, encoded = prepare_corpus([["a", "b", "a"]], min_count=2)
>>> vocab.words, encoded.ids.tolist()
(['a'], [0, 0])
"""
import hashlib
import logging
from pathlib import Path

import numpy as np

from ..cooccur.counting import count_cooccurrences
from ..cooccur.matrix import Cooccurrence
from ..errors import VocabularyError
from ..text.corpus import as_corpus
from ..text.encode import encode, encode_to_files, load_encoded
from ..text.vocab import Vocabulary, count_words, vocabulary_hash
from ..util.atomic import atomic_write
from ..util.datadir import cache_root
from ..util.progress import phase
from ..util.safe_npz import read_arrays
from .seal import check, seal

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
    # npz_read: never more memory than the file holds, whatever its headers claim.
    data = read_arrays(path, ("words", "counts", "total", "pruned"), VocabularyError)
    words = data["words"].tobytes().decode("utf-8").split("\n")
    counts, total = data["counts"], int(data["total"])
    if len(words) != len(counts) or counts.dtype != np.int64 or counts.ndim != 1:
        raise ValueError(f"{len(words)} words but {counts.shape} counts of {counts.dtype}")
    # A word counted is a word seen; and the total counts every word, pruned ones too.
    if len(counts) and (counts.min() < 1 or total < counts.sum()):
        raise ValueError(f"counts from {counts.min():,} to {counts.max():,} summing to "
                         f"{counts.sum():,} with a total of {total:,} words")
    return dict(zip(words, counts.tolist())), total, bool(data["pruned"])


def _cached(seal_path, paths, load, what):
    """The entry, loaded; or None to build it: absent, unsealed, or damaged (said in a line).

    An entry without a seal is being written by another process or was left
    by a crash: it is rebuilt without a word. One whose seal disagrees with
    its files, or that cannot be read, is damaged: never used, rebuilt.
    """
    problem = check(seal_path, paths)
    if problem == "no seal":
        return None
    if problem is None:
        try:
            return load()
        except Exception as error:  # noqa: BLE001 - whatever is wrong, rebuilding fixes it
            problem = f"it cannot be read: {type(error).__name__}: {error}"
    logger.warning("wordvec: the cached %s in %s is damaged (%s); building it again",
                   what, Path(seal_path).parent, problem)
    return None


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
    stem = f"{key}-{max_vocab_size or 'all'}.counts"
    counts_path, counts_seal = folder / f"{stem}.npz", folder / f"{stem}.seal.json"
    loaded = _cached(counts_seal, [counts_path], lambda: _load_counts(counts_path),
                     "word counts")
    if loaded is not None:
        counts, total, pruned = loaded
    else:
        counts, total, min_reduce = count_words(corpus, max_vocab_size, verbose)
        pruned = min_reduce > 1
        if total == 0:
            raise VocabularyError(f"the corpus {corpus.description} is empty: no tokens found")
        _save_counts(counts_path, counts, total, pruned)
        seal(counts_seal, "word counts", corpus.description, [counts_path],
             distinct_words=len(counts), tokens=total)
    vocab = Vocabulary.from_counts(counts, min_count, max_final_vocab, total_words=total,
                                   pruned=pruned, source=corpus.description)

    stem = f"{key}-{vocabulary_hash(vocab.words)}"
    ids_path, bounds_path = folder / f"{stem}.ids.npy", folder / f"{stem}.bounds.npy"
    encoded_seal = folder / f"{stem}.encoded.seal.json"
    encoded = _cached(encoded_seal, [ids_path, bounds_path],
                      lambda: load_encoded(ids_path, bounds_path, len(vocab)),
                      "encoded corpus")
    if encoded is not None:
        return vocab, encoded
    logger.info("encoding %s into %s", corpus.description, ids_path)
    encoded = encode_to_files(corpus, vocab, ids_path, bounds_path, verbose)
    seal(encoded_seal, "encoded corpus", corpus.description, [ids_path, bounds_path],
         vocabulary=len(vocab), words=encoded.n_words)
    return vocab, encoded


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

    A damaged cached matrix is counted again, with a one-line notice.
    """
    path = cooccurrence_path(corpus, vocab, settings, cache_dir)
    if path is not None:
        matrix_seal = path.with_suffix(".seal.json")
        with phase("loading the counted co-occurrences from the cache", verbose):
            matrix = _cached(matrix_seal, [path],
                             lambda: Cooccurrence.load(path, vocab=vocab).check(),
                             "co-occurrence matrix")
        if matrix is not None:
            return matrix, True
    matrix = count_cooccurrences(encoded, len(vocab), vocab_words=vocab.words, verbose=verbose,
                                 **settings)
    if path is not None:
        with phase("caching the counts for the next run", verbose):
            matrix.save(path)
            seal(matrix_seal, "co-occurrence matrix", as_corpus(corpus).description, [path],
                 entries=int(matrix.nnz), **settings)
    return matrix, False
