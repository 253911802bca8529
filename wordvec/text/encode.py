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

from ..errors import CorpusError
from ..util.atomic import atomic_write
from ..util.progress import reading
from .corpus import as_corpus

_FLUSH_WORDS = 1 << 20  # gather this many ids before turning them into an array
_CHECK_BLOCK = 1 << 22  # ids (16 MB) or bounds (32 MB) read at once by the checks


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

    def check(self, vocab_size, source="the encoded corpus"):
        """Raise ``CorpusError`` unless the arrays are a corpus over ``vocab_size`` words.

        The kernels index the weight matrices with these ids and do not check
        bounds (Numba does not), so an id outside [0, vocab_size) would write
        outside the matrices or crash the process. Checked: the dtypes and
        shapes, the bounds (from 0, never decreasing, to the number of ids),
        and every id, a block at a time over a memory map (no copy of the
        corpus). Returns self.

        >>> EncodedCorpus(np.array([0, 2, 1], np.int32), np.array([0, 3])).check(3).n_words
        3
        >>> try:
        ...     EncodedCorpus(np.array([0, 7, 1], np.int32), np.array([0, 1, 3])).check(3, "c")
        ... except CorpusError as error:
        ...     print(error)
        c: word id 7 at position 1 (sentence 1) is outside the vocabulary of 3 words (ids 0 to 2)
        """
        problem = _shape_problem(self.ids, self.bounds)
        if problem:
            raise CorpusError(f"{source}: {problem}")
        found = first_id_outside(self.ids, vocab_size)
        if found is not None:
            position, value = found
            sentence = int(np.searchsorted(self.bounds, position, side="right")) - 1
            raise CorpusError(f"{source}: word id {value:,} at position {position:,} (sentence "
                              f"{sentence:,}) is outside the vocabulary of {vocab_size:,} words "
                              f"(ids 0 to {vocab_size - 1:,})")
        return self


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
    return load_encoded(ids_path, bounds_path, len(vocab))


def load_encoded(ids_path, bounds_path, vocab_size):
    """Memory-map an encoded corpus written by ``encode_to_files``, checked whole.

    Both arrays are memory-mapped: a corpus of short sentences has many
    bounds (8 bytes each), and memory that grows with the corpus's length
    should be the operating system's page cache, not the process's own.
    ``check`` then reads every id once (``CorpusError`` if one is outside
    the vocabulary of ``vocab_size`` words): the cache's seal sees only the
    files' sizes and ends, and a damaged id must never reach a kernel.
    """
    ids = np.load(ids_path, mmap_mode="r", allow_pickle=False)
    bounds = np.load(bounds_path, mmap_mode="r", allow_pickle=False)
    return EncodedCorpus(ids, bounds).check(vocab_size,
                                            f"{ids_path} with {Path(bounds_path).name}")


def _shape_problem(ids, bounds):
    """What keeps ``ids`` and ``bounds`` from being an encoded corpus, or None."""
    for name, array, dtype in (("ids", ids, np.int32), ("sentence bounds", bounds, np.int64)):
        if not isinstance(array, np.ndarray) or array.dtype != dtype or array.ndim != 1:
            got = (f"{array.dtype} of shape {array.shape}" if isinstance(array, np.ndarray)
                   else type(array).__name__)
            return f"the {name} must be a 1-d {np.dtype(dtype)} array, got {got}"
    if len(bounds) == 0 or bounds[0] != 0 or bounds[-1] != len(ids):
        return (f"the sentence bounds must run from 0 to the number of ids ({len(ids):,}), "
                f"got {len(bounds):,} bounds" + (f" from {bounds[0]:,} to {bounds[-1]:,}"
                                                if len(bounds) else ""))
    for start in range(0, len(bounds) - 1, _CHECK_BLOCK):  # a block at a time: no full copy
        part = bounds[start:start + _CHECK_BLOCK + 1]
        steps = np.diff(part)
        if steps.min() < 0:
            at = start + int(np.argmax(steps < 0))
            return (f"the sentence bounds decrease at sentence {at:,}: {bounds[at]:,} then "
                    f"{bounds[at + 1]:,}")
    return None


def first_id_outside(ids, vocab_size):
    """``(position, id)`` of the first id outside [0, vocab_size), or None.

    >>> first_id_outside(np.array([0, 2, 5, -1], np.int32), 3)
    (2, 5)
    """
    for start in range(0, len(ids), _CHECK_BLOCK):
        part = ids[start:start + _CHECK_BLOCK]
        if part.min() < 0 or part.max() >= vocab_size:
            at = int(np.flatnonzero((part < 0) | (part >= vocab_size))[0])
            return start + at, int(part[at])
    return None
