"""Run a kernel over many chunks of work in parallel threads, Hogwild style.

Hogwild (Recht et al. 2011): threads update the shared weight matrices with
no locks at all. Two threads rarely touch the same row at the same moment,
and when they do, one update is partly lost; SGD does not mind. word2vec.c
and gensim train this way. The price: with more than one worker, results
depend on thread timing and are not reproducible bit for bit.

Our kernels are compiled with ``nogil=True``, so plain Python threads run
them truly in parallel. ``run_chunks`` hands chunks to ``workers`` threads
in order, yields each result to the caller (who updates the progress bar,
loss history, divergence check) as it arrives, and stops cleanly on
Ctrl-C: running chunks finish, no new one starts, then KeyboardInterrupt
reaches the caller with the weights in a consistent state.

>>> list(run_chunks(lambda chunk: chunk * 10, [1, 2, 3], workers=2)) in (
...     [(1, 10), (2, 20), (3, 30)], [(2, 20), (1, 10), (3, 30)], [(1, 10), (3, 30), (2, 20)])
True
"""
import queue
import threading

import numpy as np

from .prefetch import CACHE_LINE_BYTES


def run_chunks(work, chunks, workers=1):
    """Yield ``(chunk, work(chunk))`` for every chunk, computed by ``workers`` threads.

    With one worker the chunks are processed strictly in order. An
    exception in a worker stops the others and is re-raised here. If the
    consumer stops early (an exception, ``break``, or Ctrl-C), the threads
    finish their current chunk and exit before this generator returns.
    """
    todo = queue.Queue()
    for chunk in chunks:
        todo.put(chunk)
    done = queue.Queue()
    stop = threading.Event()

    def worker():
        while not stop.is_set():
            try:
                chunk = todo.get_nowait()
            except queue.Empty:
                return
            try:
                done.put((chunk, work(chunk), None))
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                done.put((chunk, None, exc))
                return

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(max(1, workers))]
    for thread in threads:
        thread.start()
    try:
        for _ in range(len(chunks)):
            while True:
                try:
                    chunk, result, error = done.get(timeout=0.1)  # a timeout keeps Ctrl-C responsive
                    break
                except queue.Empty:
                    if not any(thread.is_alive() for thread in threads) and done.empty():
                        return
            if error is not None:
                raise error
            yield chunk, result
    finally:
        stop.set()
        for thread in threads:
            # Uninterruptible on purpose: a kernel mid-chunk must finish
            # before the caller may touch (or save) the weights.
            while thread.is_alive():
                try:
                    thread.join()
                except KeyboardInterrupt:
                    continue


def padded_rows(n_rows, dim, dtype=np.float32):
    """A zeroed (n_rows, stride) matrix whose rows start on cache-line boundaries.

    ``stride`` is ``dim`` rounded up to a whole number of 64-byte cache lines
    (100 float32 -> 112). Why: without padding, the last bytes of row i and
    the first of row i + 1 share a cache line, and when two threads update
    neighbouring rows (frequent words have neighbouring ids) the line
    bounces between their cores on every write ("false sharing"). The
    kernels train only the first ``dim`` columns; the padding stays zero.
    Measured: bench/results/design_measurements.md.

    >>> W = padded_rows(3, 100)
    >>> W.shape, W.ctypes.data % 64
    ((3, 112), 0)
    """
    itemsize = np.dtype(dtype).itemsize
    per_line = CACHE_LINE_BYTES // itemsize
    stride = -(-dim // per_line) * per_line
    buffer = np.zeros(n_rows * stride + per_line, dtype=dtype)
    offset = (-buffer.ctypes.data % CACHE_LINE_BYTES) // itemsize
    return buffer[offset:offset + n_rows * stride].reshape(n_rows, stride)
