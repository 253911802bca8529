"""Numba kernels for counting co-occurrences: plain functions over flat arrays.

The driver (``counting.py``) calls them in this order:

1. ``walk_windows`` slides the window over the encoded corpus. A pair whose
   row is one of the R most frequent words is added straight into a dense
   block; any other pair is appended to a buffer as one packed uint64
   (below). It stops when the buffer is full.
2. ``radix_sort`` sorts the buffer by key, then ``reduce_run`` adds up the
   weights of equal keys into a sorted "run" of distinct (key, weight).
3. ``dense_to_coo`` lists the dense block's nonzeros, then ``merge_runs``
   merges all the runs after them, adding up equal keys again.

A key packs (row, col) into one integer, so that sorting by key sorts by
(row, col) and one comparison does the work of two. A buffered pair also
carries its weight, as a small code in the low bits: the weight is one of
few values (1/d for d = 1..window, or twice that on the diagonal), so the
code indexes a table ``pair_weight``. One uint64 per pair instead of a
key and a float32: a third less memory, and one array for the sort to move.

>>> V, code_bits = 5, 5
>>> row, col, code = 3, 4, 2           # a pair 2 words apart: weight 1/2
>>> entry = (row * V + col) << code_bits | code
>>> divmod(entry >> code_bits, V), entry & (1 << code_bits) - 1
((3, 4), 2)

Beware in Numba: mixing uint64 with a signed integer promotes to float64,
so every integer that meets an entry or key is cast to uint64 first.
"""
from collections import namedtuple

import numpy as np

from ..engine.jit import kernel

# LSD radix sort digit width: 2**11 counters (16 KiB of int64) stay in L1
# cache while the entries stream past, and 33-bit keys (V = 70,000) need
# three passes. Wider digits mean fewer passes but writes scattered over
# more buckets, which costs more than it saves.
MAX_DIGIT_BITS = 11


# What is counted and how a pair is coded: the settings walk_windows needs.
#   window       int      context words on the left of each center
#   symmetric    bool     order each pair so that row <= col (both sides counted)
#   pair_weight  (2 * window + 1,) float64   a pair's weight by its code: [d] for
#                         two words d apart, [window + d] if they are the same word
#                         and ``symmetric``; [0] unused
#   code_bits    int      low bits of a packed entry that hold the code
Counting = namedtuple("Counting", "window symmetric pair_weight code_bits")


@kernel
def walk_windows(ids, bounds, sentence, position, counting, dense_t, entries, fill):
    """Count the window pairs from ``position`` on, until the corpus ends or the buffer fills.

    ids         (n_words,) int32          the encoded corpus
    bounds      (n_sentences + 1,) int64  sentence s is ids[bounds[s]:bounds[s + 1]]
    counting    Counting                  window, symmetric, pair_weight, code_bits (above)
    dense_t     (V, R) float64            X[row, col] for rows < R, at dense_t[col, row]
    entries     (capacity,) uint64        other pairs, appended from ``fill`` as
                                          (row * V + col) << code_bits | code

    ``sentence`` is the sentence that holds ``position``, the corpus index
    of the next center word. For each center, its ``window`` left
    neighbours within the sentence each give one pair (center, context):
    row, col = center, context, or, if ``symmetric``, the pair ordered so
    that row <= col (a same-word pair stands for both directions, which
    fall in one cell: hence its doubled weight). Returns ``(sentence,
    position, fill)`` where it stopped: ``sentence == n_sentences`` once
    the corpus is done; otherwise the buffer had no room for one more
    center's pairs.

    The block is stored transposed because of where pairs land: a center's
    ten pairs with frequent words share its id as their col, so in a (V, R)
    array they sit within a few KiB; in an (R, V) one they would be
    V * 8 bytes apart, one memory page each (bench/results/design_measurements.md).
    """
    window, symmetric, pair_weight, code_bits = counting
    n_sentences = bounds.shape[0] - 1
    vocab_size, dense_rows = dense_t.shape
    key_factor = np.uint64(vocab_size)
    shift = np.uint64(code_bits)
    capacity = entries.shape[0]
    while sentence < n_sentences:
        first = bounds[sentence]
        end = bounds[sentence + 1]
        while position < end:
            if fill + window > capacity:
                return sentence, position, fill
            center = ids[position]
            leftmost = max(first, position - window)  # windows stop at the sentence start
            for other in range(position - 1, leftmost - 1, -1):
                context = ids[other]
                code = position - other
                if not symmetric:
                    row, col = center, context
                elif context < center:
                    row, col = context, center
                else:
                    row, col = center, context
                    if context == center:
                        code += window
                if row < dense_rows:
                    dense_t[col, row] += pair_weight[code]
                else:
                    key = np.uint64(row) * key_factor + np.uint64(col)
                    entries[fill] = key << shift | np.uint64(code)
                    fill += 1
            position += 1
        sentence += 1
    return sentence, position, fill


@kernel
def radix_sort(entries, scratch, low_bit, n_bits):
    """Sort ``entries`` in place by their bits low_bit .. low_bit + n_bits - 1.

    entries (n,) uint64      the bits above the field must be zero
    scratch (>= n,) uint64   workspace

    Least-significant-digit radix sort: one stable counting-sort pass per
    digit of at most ``MAX_DIGIT_BITS`` bits, lowest digit first. Each pass
    is two linear sweeps, so three passes over 33-bit keys beat a comparison
    sort's log2(n) ~ 24 levels by far. Entries with equal fields keep their
    order (stable); bits below ``low_bit`` (the weight codes) are ignored.
    """
    n = entries.shape[0]
    n_passes = (n_bits + MAX_DIGIT_BITS - 1) // MAX_DIGIT_BITS
    if n < 2 or n_passes == 0:
        return
    digit_bits = (n_bits + n_passes - 1) // n_passes  # as even as possible
    n_buckets = 1 << digit_bits
    mask = np.uint64(n_buckets - 1)
    # One sweep counts the digits of every pass at once.
    counts = np.zeros((n_passes, n_buckets), np.int64)
    for i in range(n):
        for p in range(n_passes):
            counts[p, (entries[i] >> np.uint64(low_bit + p * digit_bits)) & mask] += 1
    source, target = entries, scratch
    next_slot = np.empty(n_buckets, np.int64)
    for p in range(n_passes):
        shift = np.uint64(low_bit + p * digit_bits)
        total = 0
        for bucket in range(n_buckets):  # bucket b's entries go to target[next_slot[b]...]
            next_slot[bucket] = total
            total += counts[p, bucket]
        for i in range(n):
            entry = source[i]
            bucket = (entry >> shift) & mask
            target[next_slot[bucket]] = entry
            next_slot[bucket] += 1
        source, target = target, source
    if n_passes % 2 == 1:  # the sorted entries ended up in scratch
        entries[:] = scratch[:n]


@kernel
def count_keys(entries, code_bits):
    """The number of distinct keys in sorted packed entries (n,) uint64."""
    shift = np.uint64(code_bits)
    distinct = 0
    for i in range(entries.shape[0]):
        if i == 0 or entries[i] >> shift != entries[i - 1] >> shift:
            distinct += 1
    return distinct


@kernel
def reduce_run(entries, code_bits, pair_weight, keys, weights):
    """Turn sorted packed entries into distinct keys with summed weights.

    entries     (n,) uint64          sorted by key, as walk_windows packs them
    pair_weight (n_codes,) float64   weight of each code
    keys        (>= m,) uint64       output: the m distinct keys, ascending
    weights     (>= m,) float32      output: their summed weights

    Returns m. Sums are taken in float64, then rounded once.
    """
    n = entries.shape[0]
    shift = np.uint64(code_bits)
    code_mask = np.uint64((1 << code_bits) - 1)
    m = 0
    i = 0
    while i < n:
        key = entries[i] >> shift
        total = 0.0
        while i < n and entries[i] >> shift == key:
            total += pair_weight[entries[i] & code_mask]
            i += 1
        keys[m] = key
        weights[m] = total
        m += 1
    return m


@kernel
def dense_to_coo(dense_t, rows, cols, values):
    """List the dense block's nonzero cells in (row, col) order.

    dense_t (V, R) float64   X[row, col] at dense_t[col, row]
    rows, cols (>= nnz,) int32, values (>= nnz,) float32   output

    Returns nnz, the number of entries written.
    """
    n = 0
    for row in range(dense_t.shape[1]):
        for col in range(dense_t.shape[0]):
            value = dense_t[col, row]
            if value != 0.0:
                rows[n] = row
                cols[n] = col
                values[n] = value
                n += 1
    return n


@kernel
def _sift_down(heap, size, head_key, index):
    """Restore the min-heap order below heap[index].

    heap     (>= size,) int64    run numbers; heap[0] is the run whose head_key is smallest
    head_key (n_runs,) uint64    each run's next unread key
    """
    while True:
        smallest = index
        left = 2 * index + 1
        right = left + 1
        if left < size and head_key[heap[left]] < head_key[heap[smallest]]:
            smallest = left
        if right < size and head_key[heap[right]] < head_key[heap[smallest]]:
            smallest = right
        if smallest == index:
            return
        heap[index], heap[smallest] = heap[smallest], heap[index]
        index = smallest


@kernel
def merge_runs(keys, weights, run_starts, vocab_size, rows, cols, values):
    """Merge sorted runs into one list of distinct entries, summing equal keys.

    keys       (n,) uint64          the runs back to back; each sorted, no key twice in one
    weights    (n,) float32         their weights
    run_starts (n_runs + 1,) int64  run r is keys[run_starts[r]:run_starts[r + 1]]
    rows, cols (>= m,) int32        output: key // V and key % V
    values     (>= m,) float32      output: the summed weights

    A k-way merge: a binary heap holds the runs ordered by their next key,
    so each entry costs O(log k) however many runs there are. Returns m.
    """
    n_runs = run_starts.shape[0] - 1
    next_index = run_starts[:-1].copy()    # each run's next unread entry
    head_key = np.zeros(n_runs, np.uint64)  # ... and its key
    heap = np.empty(n_runs, np.int64)       # the runs with entries left
    size = 0
    for run in range(n_runs):
        if run_starts[run] < run_starts[run + 1]:
            head_key[run] = keys[run_starts[run]]
            heap[size] = run
            size += 1
    for index in range(size // 2 - 1, -1, -1):
        _sift_down(heap, size, head_key, index)

    divisor = np.uint64(vocab_size)
    m = 0
    last_key = np.uint64(0)  # the key of output entry m - 1
    while size > 0:
        run = heap[0]
        key = head_key[run]
        weight = weights[next_index[run]]
        next_index[run] += 1
        if next_index[run] < run_starts[run + 1]:
            head_key[run] = keys[next_index[run]]
        else:  # run exhausted: the heap's last run takes its place
            size -= 1
            heap[0] = heap[size]
        _sift_down(heap, size, head_key, 0)

        if m > 0 and key == last_key:
            values[m - 1] += weight
        else:
            rows[m] = key // divisor
            cols[m] = key % divisor
            values[m] = weight
            m += 1
            last_key = key
    return m
