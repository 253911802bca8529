"""Count word-word co-occurrences in a window, in bounded memory: what count methods start from.

What is counted, as the GloVe C tool's ``cooccur`` does: within each
sentence (windows never cross sentence bounds), every word ``center`` and
each word ``context`` 1..window positions to its left form a pair, weighted
1/d for a distance d (or 1 with ``distance_weighting=False``):

* ``symmetric=False`` (left context only): X[center, context] += w.
* ``symmetric=True``: also X[context, center] += w, i.e. the right context
  too. Only the upper triangle is stored (see matrix.py): the pair adds w
  to the cell (min, max), and a pair of the same word adds 2w to its
  diagonal cell, so that X_ii is the C tool's (which adds both directions
  to that one cell).

Two sentences "a b a c" and "b a" (ids a=0, b=1, c=2), window 2:

>>> from wordvec.text.encode import EncodedCorpus
>>> import numpy as np
>>> corpus = EncodedCorpus(np.array([0, 1, 0, 2, 1, 0], np.int32), np.array([0, 4, 6]))
>>> X = count_cooccurrences(corpus, vocab_size=3, window=2)
>>> X.to_dense()
array([[1. , 3. , 1. ],
       [3. , 0. , 0.5],
       [1. , 0.5, 0. ]])
>>> count_cooccurrences(corpus, 3, window=2, symmetric=False).to_dense()
array([[0.5, 2. , 0. ],
       [1. , 0. , 0. ],
       [1. , 0.5, 0. ]])

How, fast and in bounded memory. Word ids are frequency ranks, and counts
are very skewed: most increments fall in the rows of a few hundred frequent
words. So, like the C tool:

* a dense float64 block takes every pair whose row is below R, the largest
  R that its share of ``memory_mb`` allows;
* every other pair goes to a buffer, packed with its weight into one
  uint64 (kernels.py). When the buffer is full it is radix-sorted
  by key = row * V + col, and equal keys are summed: a sorted "run". Runs
  stay in memory while they fit their share; when a run would not, the
  runs so far are written to files, like the C tool's temporary files
  (``-memory``), and at the end all are merged one key range at a time,
  so that memory stays bounded;
* at the end, the dense block's nonzeros (rows < R, in order by
  construction) are followed by a k-way merge of all runs (rows >= R).

Time and memory on wiki17m: bench/results/design_measurements.md.

Where we depart from the C tool, and why:

* The C tool chooses its dense cells by the *product* of the two ranks
  (``max_product``); we take whole rows, which gives one rectangular array
  and lets the sparse part be a plain sort by key. It stores X as double;
  we accumulate the dense block in float64 too: float32 loses precision on
  the largest cells, and past 1.7 million a cell would drop increments of
  1/10 altogether. The matrix's values are float32.
* Spilled runs go to raw files, not ``.npy``: they are appended to, and a
  ``.npy`` header must state the final length.
* The C tool keeps both triangles of a symmetric matrix; we keep one.
* With ``symmetric=False`` the C tool stores a pair as X[context, center]
  (row = the earlier word); we store X[center, context], the transpose.
"""
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from ..errors import VocabularyError
from ..text.encode import EncodedCorpus
from ..text.vocab import vocabulary_hash
from ..util.progress import bar, phase
from .kernels import (Counting, count_keys, dense_to_coo, merge_runs, radix_sort, reduce_run,
                      walk_windows)
from .matrix import Cooccurrence

logger = logging.getLogger(__name__)

DEFAULT_MEMORY_MB = 700
# How the budget is shared. The dense block absorbs the most pairs per byte;
# the runs' share must hold every run of a mid-sized corpus, lest they spill;
# a small buffer only means more runs. Measured against thirds: bench/results/design_measurements.md.
DENSE_SHARE, BUFFER_SHARE, RUNS_SHARE = 0.35, 0.15, 0.50
# Bytes per entry: a buffered pair (one packed uint64) plus the radix sort's
# scratch copy; a run entry (uint64 key + float32 weight).
_BUFFER_ENTRY_BYTES = 8 + 8
_RUN_ENTRY_BYTES = 8 + 4


@dataclass(frozen=True)
class MemoryPlan:
    """How ``count_cooccurrences`` splits its memory budget.

    Attributes
    ----------
    dense_rows : int
        R: rows 0..R-1 of X are accumulated in a dense float64 block.
    buffer_entries : int
        Pairs buffered before they are sorted into a run.
    run_entries : int
        Run entries kept in memory; when a new run would not fit, the runs
        so far are spilled to disk.
    """

    dense_rows: int
    buffer_entries: int
    run_entries: int


def plan_memory(memory_mb, vocab_size, window, n_words):
    """Share ``memory_mb`` between the dense block, the pair buffer and the runs.

    The dense block gets as many whole rows as its share holds. If that is
    every row, no pair is ever buffered and the rest is not needed. Neither
    buffer nor runs exceed the number of pairs the corpus can produce
    (``n_words * window``), so a small corpus does not reserve a large
    budget. The runs' share holds at least one full buffer.
    """
    budget = memory_mb * 2**20
    dense_rows = min(vocab_size, int(budget * DENSE_SHARE // (8 * vocab_size)))
    if dense_rows == vocab_size:
        return MemoryPlan(dense_rows, buffer_entries=window, run_entries=window)
    most_pairs = max(window, n_words * window)
    # A center's pairs are buffered all at once, so the buffer must hold a window.
    buffer_entries = max(window, min(int(budget * BUFFER_SHARE // _BUFFER_ENTRY_BYTES),
                                     most_pairs))
    run_entries = max(buffer_entries, min(int(budget * RUNS_SHARE // _RUN_ENTRY_BYTES),
                                          most_pairs))
    return MemoryPlan(dense_rows, buffer_entries, run_entries)


def pair_weights(window, distance_weighting):
    """The weight of each pair code (see ``walk_windows``), as float64.

    >>> pair_weights(2, True).tolist()   # [unused, d=1, d=2, same word d=1, d=2]
    [1.0, 1.0, 0.5, 2.0, 1.0]
    """
    distance = np.arange(window + 1, dtype=np.float64)
    distance[0] = 1.0  # code 0 is never used
    weight = 1.0 / distance if distance_weighting else np.ones(window + 1)
    return np.concatenate([weight, 2.0 * weight[1:]])


class _RunStore:
    """The sorted runs, back to back in one pair of arrays; spilled to files when full.

    Keeping every run in one array (with the offsets where each starts),
    rather than one array per run, lets ``merge_runs`` take plain arrays.
    Spilled runs are appended to two raw files, ``keys.bin`` and
    ``weights.bin``, in a fresh temporary folder: a ``.npy`` header would
    have to state a length that is not known until the end. Use as a
    context manager: leaving it deletes the folder.
    """

    def __init__(self, capacity, spill_dir):
        self.keys = np.empty(capacity, np.uint64)
        self.weights = np.empty(capacity, np.float32)
        self.fill = 0          # run entries in memory
        self.n_spilled = 0     # run entries in the files
        self.run_starts = [0]  # offsets in files + memory: run r is [starts[r], starts[r + 1])
        self.spill_dir = spill_dir
        self.folder = None     # made at the first spill

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.keys = self.weights = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def n_runs(self):
        return len(self.run_starts) - 1

    @property
    def n_entries(self):
        return self.n_spilled + self.fill

    def add(self, entries, code_bits, pair_weight):
        """Make a run of sorted packed ``entries`` (spilling the others if it does not fit)."""
        if self.fill + count_keys(entries, code_bits) > self.keys.shape[0]:
            self._spill()
        self.fill += reduce_run(entries, code_bits, pair_weight,
                                self.keys[self.fill:], self.weights[self.fill:])
        self.run_starts.append(self.n_entries)

    def _spill(self):
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="wordvec-cooccur-", dir=self.spill_dir))
        for name, array in (("keys", self.keys), ("weights", self.weights)):
            with open(self.folder / f"{name}.bin", "ab") as out:
                array[:self.fill].tofile(out)
        self.n_spilled += self.fill
        self.fill = 0

    def merge_into(self, vocab_size, rows, cols, values):
        """Merge every run into ``rows``, ``cols``, ``values``; return the entries written."""
        run_starts = np.array(self.run_starts, np.int64)
        if not self.n_spilled:
            return merge_runs(self.keys[:self.fill], self.weights[:self.fill], run_starts,
                              vocab_size, rows, cols, values)
        self._spill()
        chunk_entries = self.keys.shape[0]  # the memory the runs had, free from now on
        self.keys = self.weights = None
        # One key range at a time, so memory stays bounded. The files are
        # read, not memory-mapped: a mapped page counts as resident memory
        # until it is unmapped, so merging from maps would hold them whole.
        written = 0
        for low, high in self._key_ranges(vocab_size, chunk_entries):
            pieces = self._pieces(run_starts, low, high)
            keys, weights, piece_starts = self._read(pieces)
            written += merge_runs(keys, weights, piece_starts, vocab_size,
                                  rows[written:], cols[written:], values[written:])
            del keys, weights  # before the next range is read, not after
        return written

    def _open_keys(self):
        return np.memmap(self.folder / "keys.bin", np.uint64, mode="r")

    def _pieces(self, run_starts, low, high):
        """Each run's [start, end) in the files for the keys in [low, high)."""
        keys_file = self._open_keys()  # a binary search reads only a few pages
        return [(start + int(np.searchsorted(keys_file[start:end], low)),
                 start + int(np.searchsorted(keys_file[start:end], high)))
                for start, end in pairwise(run_starts.tolist())]

    def _read(self, pieces):
        """The pieces' keys and weights, back to back, and where each piece starts."""
        piece_starts = np.zeros(len(pieces) + 1, np.int64)
        piece_starts[1:] = np.cumsum([end - start for start, end in pieces])
        keys = np.empty(piece_starts[-1], np.uint64)
        weights = np.empty(piece_starts[-1], np.float32)
        for name, array in (("keys", keys), ("weights", weights)):
            with open(self.folder / f"{name}.bin", "rb") as source:
                for (start, end), at in zip(pieces, piece_starts.tolist()):
                    source.seek(start * array.itemsize)
                    source.readinto(array[at:at + end - start])
        return keys, weights, piece_starts

    def _key_ranges(self, vocab_size, chunk_entries):
        """[low, high) key ranges holding about ``chunk_entries`` spilled entries each.

        The boundaries are quantiles of a sample of the spilled keys: every
        run covers the key space alike, so a sample across all of them
        follows its density. About 16 keys per range, far apart, so that
        sampling touches few pages.
        """
        n_ranges = -(-self.n_spilled // chunk_entries)
        keys_file = self._open_keys()
        sample = np.sort(keys_file[::max(1, self.n_spilled // (16 * n_ranges))])
        del keys_file
        splits = sample[np.arange(1, n_ranges) * len(sample) // n_ranges]
        edges = [np.uint64(0), *splits, np.uint64(vocab_size * vocab_size)]
        return list(pairwise(edges))


def _validate(encoded, vocab_size, window, memory_mb, vocab_words):
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise ValueError(f"window must be a positive integer, got {window!r}")
    if not memory_mb > 0:
        raise ValueError(f"memory_mb must be positive, got {memory_mb!r}")
    if vocab_size < 1:
        raise VocabularyError(f"vocab_size must be at least 1, got {vocab_size}")
    if vocab_words is not None and len(vocab_words) != vocab_size:
        raise VocabularyError(f"vocab_words has {len(vocab_words)} words "
                              f"but vocab_size is {vocab_size}")
    # Every id, before a kernel indexes a row with it (Numba checks no bounds).
    EncodedCorpus(encoded.ids, encoded.bounds).check(vocab_size)
    key_bits = (vocab_size * vocab_size - 1).bit_length()
    if key_bits + (2 * window).bit_length() > 64:
        raise ValueError(f"vocab_size {vocab_size} and window {window} are too large "
                         "for a pair to fit in 64 bits")


def count_cooccurrences(encoded, vocab_size, window=10, symmetric=True, distance_weighting=True,
                        memory_mb=DEFAULT_MEMORY_MB, spill_dir=None, vocab_words=None,
                        verbose=False):
    """Count the weighted co-occurrences of an encoded corpus.

    Parameters
    ----------
    encoded : wordvec.text.encode.EncodedCorpus
        Word ids (int32) and sentence bounds (int64); ids must be < vocab_size.
        Ids are expected to be frequency ranks (0 = most frequent), as
        ``Vocabulary`` makes them: that is what makes the dense rows pay.
    vocab_size : int
        V, the number of words.
    window : int
        Context words on the left (and on the right, if symmetric).
    symmetric : bool
        Count both sides (the matrix stores its upper triangle), or only
        the left context (X[center, context]).
    distance_weighting : bool
        Weight a pair d words apart 1/d (GloVe's default) rather than 1.
    memory_mb : float
        Budget for the counting structures (dense block, pair buffer, runs
        held in memory), shared by ``plan_memory``. The encoded corpus and
        the returned matrix come on top (bench/results/design_measurements.md).
    spill_dir : str or Path, optional
        Where runs that exceed the budget are written (in a temporary
        folder, deleted on return); default: the system's temporary folder.
    vocab_words : list of str, optional
        The vocabulary, to record its hash in the matrix (``Cooccurrence.load``
        checks it).
    verbose : bool
        Show a progress bar of the counting, and a line for the merging.

    Returns
    -------
    Cooccurrence
    """
    _validate(encoded, vocab_size, window, memory_mb, vocab_words)
    started = time.perf_counter()
    ids, bounds = encoded.ids, encoded.bounds
    plan = plan_memory(memory_mb, vocab_size, window, ids.shape[0])
    code_bits = (2 * window).bit_length()
    key_bits = max(1, (vocab_size * vocab_size - 1).bit_length())
    pair_weight = pair_weights(window, distance_weighting)
    counting = Counting(int(window), bool(symmetric), pair_weight, code_bits)

    dense_t = np.zeros((vocab_size, plan.dense_rows), np.float64)
    entries = np.empty(plan.buffer_entries, np.uint64)
    scratch = np.empty_like(entries)
    sentence = position = buffered = 0
    with _RunStore(plan.run_entries, spill_dir) as runs:
        with bar(ids.shape[0], f"counting co-occurrences (window {window})", "word",
                 verbose) as progress:
            while sentence < encoded.n_sentences:
                sentence, position, fill = walk_windows(ids, bounds, sentence, position,
                                                        counting, dense_t, entries, 0)
                progress.update(int(position) - progress.n)
                if fill:
                    buffered += fill
                    radix_sort(entries[:fill], scratch, code_bits, key_bits)
                    runs.add(entries[:fill], code_bits, pair_weight)
        counted = time.perf_counter()
        del entries, scratch

        # The output is allocated for the most entries it can have (runs
        # not overlapping at all) and shrunk at the end with resize(): the
        # part never written is never backed by memory, and realloc gives
        # it back without copying. Merging twice, to count first, would
        # take longer.
        with phase(f"merging {runs.n_runs} runs of pair counts", verbose):
            n_dense = int(np.count_nonzero(dense_t))
            most = n_dense + runs.n_entries
            rows, cols, values = np.empty(most, np.int32), np.empty(most, np.int32), \
                np.empty(most, np.float32)
            dense_to_coo(dense_t, rows, cols, values)
            del dense_t
            n_sparse = runs.merge_into(vocab_size, rows[n_dense:], cols[n_dense:],
                                       values[n_dense:])
            n_spilled = runs.n_spilled
    for array in (rows, cols, values):
        array.resize(n_dense + n_sparse, refcheck=False)  # no views of them exist

    logger.info(
        "co-occurrences of %d words, window %d: %d dense rows; %d pairs buffered into "
        "%d runs (%d run entries spilled to disk); %d entries (%d dense + %d sparse); "
        "counting %.1f s, assembling %.1f s", ids.shape[0], window, plan.dense_rows,
        buffered, runs.n_runs, n_spilled, n_dense + n_sparse, n_dense, n_sparse,
        counted - started, time.perf_counter() - counted)
    return Cooccurrence(rows, cols, values, vocab_size=vocab_size, symmetric=bool(symmetric),
                        window=int(window), distance_weighting=bool(distance_weighting),
                        vocab_hash=vocabulary_hash(vocab_words) if vocab_words is not None else "")
