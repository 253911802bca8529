"""Memory that grows with the corpus's length stays the page cache's (issue 12, point 6).

bench/scale.py found 16 bytes per sentence of anonymous memory on corpora of
short sentences: the bounds read whole, and a float64 copy of them made by
split_into_chunks. Both are gone; these tests keep them gone.
"""
import tracemalloc

import numpy as np

from wordvec.train.window_sgd import split_into_chunks
from wordvec.cache.prepare import prepare_corpus


def test_cached_bounds_are_memory_mapped(tmp_path):
    corpus = tmp_path / "short.txt"
    corpus.write_text("a b c\nb c\nc a\n" * 1000)
    prepare_corpus(corpus, min_count=1, cache_dir=tmp_path / "cache")
    _, encoded = prepare_corpus(corpus, min_count=1, cache_dir=tmp_path / "cache")
    assert isinstance(encoded.bounds, np.memmap) and isinstance(encoded.ids, np.memmap)
    assert encoded.bounds[-1] == encoded.n_words == 7000


def test_chunking_copies_no_bounds():
    bounds = np.arange(0, 20 * 2_000_001, 20, dtype=np.int64)     # 2M sentences, 16 MB
    tracemalloc.start()
    chunks = split_into_chunks(bounds, n_chunks=40)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < bounds.nbytes // 4, f"{peak:,} bytes: a copy of the bounds"
    assert chunks[0][0] == 0 and chunks[-1][1] == 2_000_000 and len(chunks) >= 40
