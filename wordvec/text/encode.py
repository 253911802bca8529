"""Encode a corpus as flat int32 arrays, the form the Numba kernels train on.

Words become their vocabulary ids; words not in the vocabulary are dropped
(as word2vec.c and gensim do, *before* windows are formed, so a context
window reaches past them). Sentence boundaries are kept as offsets::

    ids    = [ 4, 0, 7,   2, 9 ]          # (n_words,) int32
    bounds = [ 0,         3,     5 ]      # (n_sentences + 1,) int64
    sentence s is ids[bounds[s]:bounds[s + 1]]

>>> from wordvec.text.vocab import Vocabulary
>>> vocab = Vocabulary(["the", "cat", "sat"], [3, 2, 1])
>>> enc = encode([["the", "cat", "sat"], ["a", "cat"]], vocab)
>>> enc.ids.tolist(), enc.bounds.tolist()
([0, 1, 2, 1], [0, 3, 4])
"""
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..util.atomic import atomic_write
from ..util.progress import reading
from .corpus import as_corpus

_FLUSH_WORDS = 1 << 20  # gather this many ids before turning them into an array


@dataclass
class EncodedCorpus:
    """A corpus as word ids plus sentence offsets (see the module docstring)."""

    ids: np.ndarray     # (n_words,) int32, in-vocabulary words only
    bounds: np.ndarray  # (n_sentences + 1,) int64, bounds[0] == 0, bounds[-1] == n_words

    @property
    def n_words(self):
        return int(self.ids.shape[0])

    @property
    def n_sentences(self):
        return int(self.bounds.shape[0] - 1)

    def sentence(self, index):
        """The ids of one sentence."""
        return self.ids[self.bounds[index]:self.bounds[index + 1]]


def _encoded_batches(corpus, vocab, verbose=False):
    """Yield ``(ids, lengths)`` arrays, about ``_FLUSH_WORDS`` ids at a time.

    Sentences left empty by dropping unknown words are dropped too.
    """
    lookup = vocab.key_to_index.get
    ids, lengths = [], []
    corpus = as_corpus(corpus)
    for sentence in reading(corpus, f"encoding {corpus.name}", verbose):
        encoded = [i for i in map(lookup, sentence) if i is not None]
        if encoded:
            ids.extend(encoded)
            lengths.append(len(encoded))
        if len(ids) >= _FLUSH_WORDS:
            yield np.array(ids, dtype=np.int32), np.array(lengths, dtype=np.int64)
            ids, lengths = [], []
    if ids:
        yield np.array(ids, dtype=np.int32), np.array(lengths, dtype=np.int64)


def _bounds(lengths):
    bounds = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=bounds[1:])
    return bounds


def encode(corpus, vocab, verbose=False):
    """Encode ``corpus`` in memory; return an ``EncodedCorpus``."""
    id_parts, length_parts = [np.zeros(0, np.int32)], [np.zeros(0, np.int64)]
    for ids, lengths in _encoded_batches(corpus, vocab, verbose):
        id_parts.append(ids)
        length_parts.append(lengths)
    return EncodedCorpus(np.concatenate(id_parts), _bounds(np.concatenate(length_parts)))


def encode_to_files(corpus, vocab, ids_path, bounds_path, verbose=False):
    """Encode ``corpus`` straight to two ``.npy`` files, in bounded memory.

    Ids are streamed to a raw temporary file, then copied into a ``.npy``
    whose header needs the final length. Every file is written under a
    name of its own (``tempfile``) and renamed into place, so any number of
    processes and threads can encode the same corpus at once: each gets a
    complete file, and the last rename wins with identical contents.
    Returns the ``EncodedCorpus`` memory-mapped read-only from disk.
    """
    lengths = []
    folder = Path(ids_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, raw_path = tempfile.mkstemp(prefix=f".{Path(ids_path).name}.", suffix=".raw",
                                    dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw:
            for ids, batch_lengths in _encoded_batches(corpus, vocab, verbose):
                raw.write(ids.tobytes())
                lengths.append(batch_lengths)
        streamed = np.memmap(raw_path, dtype=np.int32, mode="r") if sum(map(len, lengths)) \
            else np.zeros(0, np.int32)
        with atomic_write(ids_path, "wb") as out:
            np.lib.format.write_array_header_1_0(
                out, {"descr": "<i4", "fortran_order": False, "shape": streamed.shape})
            for start in range(0, len(streamed), 1 << 24):
                out.write(np.ascontiguousarray(streamed[start:start + (1 << 24)]).tobytes())
        del streamed
    finally:
        os.unlink(raw_path)
    bounds = _bounds(np.concatenate(lengths) if lengths else np.zeros(0, np.int64))
    with atomic_write(bounds_path, "wb") as out:
        np.save(out, bounds)
    return load_encoded(ids_path, bounds_path)


def load_encoded(ids_path, bounds_path):
    """Memory-map an encoded corpus written by ``encode_to_files``.

    Both arrays are memory-mapped: a corpus of short sentences has many
    bounds (8 bytes each), and memory that grows with the corpus's length
    should be the operating system's page cache, not the process's own.
    """
    ids = np.load(ids_path, mmap_mode="r", allow_pickle=False)
    bounds = np.load(bounds_path, mmap_mode="r", allow_pickle=False)
    if ids.dtype != np.int32 or ids.ndim != 1 or bounds.dtype != np.int64 \
            or bounds.ndim != 1 or len(bounds) == 0 or bounds[0] != 0 \
            or bounds[-1] != len(ids) or not _never_decreasing(bounds):
        raise ValueError(f"{ids_path} and {bounds_path} do not form an encoded corpus")
    return EncodedCorpus(ids, bounds)


def _never_decreasing(bounds, block=1 << 20):
    """bounds[i] <= bounds[i + 1] everywhere, checked a block at a time (no full-size copy)."""
    for start in range(0, len(bounds) - 1, block):
        part = bounds[start:start + block + 1]
        if np.any(part[1:] < part[:-1]):
            return False
    return True
