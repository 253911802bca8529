"""Co-occurrence counting: hand-checked tiny corpora, a plain-Python reference, the kernels.

The reference (``reference_counts``) is the definition written as directly
as possible: a dict of pairs, both directions of a symmetric pair added,
so it checks the upper-triangle storage and the diagonal rule too. The
driver must agree with it under every memory plan: dense block empty,
partial or complete; the buffer flushing many times; runs spilled to disk.
Small enough to also run with NUMBA_DISABLE_JIT=1 (the ``kernel`` mark).
"""
import logging
import os
import re
from collections import defaultdict
from pathlib import Path

import numba
import numpy as np
import pytest

from wordvec.cooccur import counting as cooccur
from wordvec.cooccur.counting import count_cooccurrences, pair_weights, plan_memory
from wordvec.cooccur.kernels import (Counting, count_keys, dense_to_coo, merge_runs, radix_sort,
                                     reduce_run, walk_windows)
from wordvec.errors import CorpusError, VocabularyError
from wordvec.text.encode import EncodedCorpus

pytestmark = pytest.mark.kernel

# "a b a c" / "b a" with a=0, b=1, c=2.
TINY = EncodedCorpus(np.array([0, 1, 0, 2, 1, 0], np.int32), np.array([0, 4, 6], np.int64))
# Window 2. Pairs (center, context, distance): (b,a,1) (a,b,1) (a,a,2) (c,a,1) (c,b,2) | (a,b,1)
TINY_EXPECTED = {
    # symmetric: a-b 1 + 1 + 1 = 3; a-c 1; b-c 1/2; a-a at distance 2 counts both directions: 2 x 1/2
    (True, True): [[1.0, 3.0, 1.0], [3.0, 0.0, 0.5], [1.0, 0.5, 0.0]],
    (True, False): [[2.0, 3.0, 1.0], [3.0, 0.0, 1.0], [1.0, 1.0, 0.0]],
    # left context only, X[center, context]
    (False, True): [[0.5, 2.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.5, 0.0]],
    (False, False): [[1.0, 2.0, 0.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0]],
}
NO_DENSE_MB = 1e-6  # so small that no row is dense and the buffer holds one window


def reference_counts(encoded, window, symmetric, distance_weighting):
    """The full matrix as a dict {(row, col): weight}, straight from the definition."""
    counts = defaultdict(float)
    for s in range(encoded.n_sentences):
        sentence = encoded.sentence(s).tolist()
        for position, center in enumerate(sentence):
            for distance in range(1, window + 1):
                if position - distance < 0:
                    break
                context = sentence[position - distance]
                weight = 1.0 / distance if distance_weighting else 1.0
                counts[center, context] += weight
                if symmetric:
                    counts[context, center] += weight
    return counts


def as_dense(counts, vocab_size):
    dense = np.zeros((vocab_size, vocab_size))
    for (row, col), weight in counts.items():
        dense[row, col] = weight
    return dense


def random_corpus(seed, vocab_size=25, n_sentences=12, max_length=40):
    """Zipf-like ids (id 0 most frequent), sentences of 0..max_length words."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, max_length + 1, size=n_sentences)
    bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    ids = np.minimum(rng.geometric(0.15, size=bounds[-1]) - 1, vocab_size - 1).astype(np.int32)
    return EncodedCorpus(ids, bounds)


def budget_for_dense_rows(rows, vocab_size):
    """A memory_mb whose dense share holds exactly ``rows`` rows."""
    return (rows + 0.5) * 8 * vocab_size / cooccur.DENSE_SHARE / 2**20


def logged_runs(caplog):
    """(runs, run entries spilled) from the driver's log line."""
    match = re.search(r"into (\d+) runs \((\d+) run entries spilled", caplog.text)
    return int(match[1]), int(match[2])


# --- hand-computed ---------------------------------------------------------------------------

@pytest.mark.parametrize("memory_mb", [100, NO_DENSE_MB])
@pytest.mark.parametrize("symmetric", [True, False])
@pytest.mark.parametrize("distance_weighting", [True, False])
def test_tiny_corpus_by_hand(symmetric, distance_weighting, memory_mb):
    X = count_cooccurrences(TINY, 3, window=2, symmetric=symmetric,
                            distance_weighting=distance_weighting, memory_mb=memory_mb)
    np.testing.assert_array_equal(X.to_dense(), TINY_EXPECTED[symmetric, distance_weighting])
    X.check()
    assert (X.symmetric, X.window, X.distance_weighting) == (symmetric, 2, distance_weighting)


def test_symmetric_matrix_stores_the_upper_triangle():
    X = count_cooccurrences(TINY, 3, window=2)
    assert list(zip(X.rows.tolist(), X.cols.tolist())) == [(0, 0), (0, 1), (0, 2), (1, 2)]
    assert X.nnz == 4 and X.full_nnz == 7


@pytest.mark.parametrize("memory_mb", [100, NO_DENSE_MB])
def test_windows_never_cross_sentences(memory_mb):
    one_word_sentences = EncodedCorpus(np.array([0, 1, 2], np.int32), np.array([0, 1, 2, 3]))
    assert count_cooccurrences(one_word_sentences, 3, memory_mb=memory_mb).nnz == 0
    # The same words as one sentence do co-occur.
    joined = EncodedCorpus(np.array([0, 1, 2], np.int32), np.array([0, 3]))
    assert count_cooccurrences(joined, 3, memory_mb=memory_mb).nnz == 3


@pytest.mark.parametrize("memory_mb", [100, NO_DENSE_MB])
def test_a_repeated_word_counts_both_directions_on_the_diagonal(memory_mb):
    # "a a", window 1: one pair (a, a), weight 1. The C tool adds it to
    # X[a, a] once per direction; left context only, once.
    twice = EncodedCorpus(np.array([0, 0], np.int32), np.array([0, 2]))
    assert count_cooccurrences(twice, 1, window=1, memory_mb=memory_mb).to_dense()[0, 0] == 2.0
    assert count_cooccurrences(twice, 1, window=1, symmetric=False,
                               memory_mb=memory_mb).to_dense()[0, 0] == 1.0


def test_empty_corpus_gives_an_empty_matrix():
    empty = EncodedCorpus(np.zeros(0, np.int32), np.zeros(1, np.int64))
    X = count_cooccurrences(empty, 4, vocab_words=list("abcd"))
    assert X.nnz == 0 and X.vocab_size == 4 and X.check() is X


# --- against the reference -------------------------------------------------------------------

PLANS = {
    "all dense": lambda V: 100,
    "no dense, one-window buffer": lambda V: NO_DENSE_MB,
    "a third dense": lambda V: budget_for_dense_rows(V // 3, V),
    "one row dense": lambda V: budget_for_dense_rows(1, V),
}


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("window", [1, 3, 7])
@pytest.mark.parametrize("symmetric", [True, False])
@pytest.mark.parametrize("distance_weighting", [True, False])
def test_matches_reference_under_every_memory_plan(plan, window, symmetric, distance_weighting,
                                                   tmp_path):
    corpus = random_corpus(seed=window * 4 + 2 * symmetric + distance_weighting)
    vocab_size = 25
    memory_mb = PLANS[plan](vocab_size)
    X = count_cooccurrences(corpus, vocab_size, window=window, symmetric=symmetric,
                            distance_weighting=distance_weighting, memory_mb=memory_mb,
                            spill_dir=tmp_path)
    X.check()
    expected = as_dense(reference_counts(corpus, window, symmetric, distance_weighting),
                        vocab_size)
    np.testing.assert_allclose(X.to_dense(), expected, rtol=1e-6)
    assert X.full_nnz == np.count_nonzero(expected)
    assert list(tmp_path.iterdir()) == []  # spill files are cleaned up


def test_plans_used_above_are_what_they_claim():
    V, n_words = 25, 250
    assert plan_memory(PLANS["all dense"](V), V, 3, n_words).dense_rows == V
    assert plan_memory(PLANS["no dense, one-window buffer"](V), V, 3, n_words) \
        == cooccur.MemoryPlan(dense_rows=0, buffer_entries=3, run_entries=3)
    assert plan_memory(PLANS["a third dense"](V), V, 3, n_words).dense_rows == V // 3
    assert plan_memory(PLANS["one row dense"](V), V, 3, n_words).dense_rows == 1


def test_tiny_budget_flushes_many_runs_and_spills_them(tmp_path, caplog, monkeypatch):
    made = []
    real_mkdtemp = cooccur.tempfile.mkdtemp

    def recording_mkdtemp(**kwargs):
        made.append(Path(real_mkdtemp(**kwargs)))
        return str(made[-1])

    monkeypatch.setattr(cooccur.tempfile, "mkdtemp", recording_mkdtemp)
    merges = []
    real_merge_runs = cooccur.merge_runs

    def counting_merge_runs(*args):
        merges.append(len(args[2]) - 1)  # runs (pieces of runs) in this call
        return real_merge_runs(*args)

    monkeypatch.setattr(cooccur, "merge_runs", counting_merge_runs)
    corpus = random_corpus(seed=7, n_sentences=30)
    caplog.set_level(logging.INFO, logger="wordvec.cooccur.counting")
    X = count_cooccurrences(corpus, 25, window=4, memory_mb=budget_for_dense_rows(2, 25),
                            spill_dir=tmp_path)
    n_runs, n_spilled = logged_runs(caplog)
    assert n_runs > 10 and n_spilled > 0
    assert len(made) == 1 and made[0].parent == tmp_path and not made[0].exists()
    assert len(merges) > 5  # the spilled runs were merged one key range at a time
    expected = as_dense(reference_counts(corpus, 4, True, True), 25)
    np.testing.assert_allclose(X.to_dense(), expected, rtol=1e-6)


def test_a_roomy_budget_keeps_runs_in_memory(caplog):
    # A large vocabulary, so that ten dense rows leave room for many runs.
    vocab_size = 2000
    caplog.set_level(logging.INFO, logger="wordvec.cooccur.counting")
    corpus = random_corpus(seed=3, vocab_size=vocab_size)
    X = count_cooccurrences(corpus, vocab_size, window=4,
                            memory_mb=budget_for_dense_rows(10, vocab_size))
    n_runs, n_spilled = logged_runs(caplog)
    assert n_runs >= 1 and n_spilled == 0
    expected = reference_counts(corpus, 4, True, True)
    assert X.full_nnz == len(expected)


def test_vocab_words_are_fingerprinted():
    X = count_cooccurrences(TINY, 3, window=2, vocab_words=["a", "b", "c"])
    assert X.vocab_hash == cooccur.vocabulary_hash(["a", "b", "c"]) and len(X.vocab_hash) == 16


@pytest.mark.parametrize("kwargs,error,message", [
    ({"vocab_size": 2}, CorpusError, "word id 2 at position 3 .* outside the vocabulary of 2"),
    ({"vocab_words": ["a", "b"]}, VocabularyError, "vocab_words has 2 words"),
    ({"window": 0}, ValueError, "window must be a positive integer"),
    ({"memory_mb": 0}, ValueError, "memory_mb must be positive"),
])
def test_bad_arguments_are_named(kwargs, error, message):
    arguments = {"vocab_size": 3, **kwargs}
    with pytest.raises(error, match=message):
        count_cooccurrences(TINY, **arguments)


# --- kernels ---------------------------------------------------------------------------------

@pytest.mark.parametrize("n", [0, 1, 2, 1000])
@pytest.mark.parametrize("low_bit,n_bits", [(0, 1), (0, 11), (0, 12), (5, 33), (3, 40), (0, 64)])
def test_radix_sort_is_a_stable_sort_on_the_field(n, low_bit, n_bits):
    rng = np.random.default_rng(n + n_bits)
    # Wide fields drawn from a small pool, so that many are equal and stability shows.
    pool = rng.integers(0, 2**n_bits - 1, size=max(1, n // 4), dtype=np.uint64, endpoint=True)
    field = pool[rng.integers(0, len(pool), size=n)]
    low = rng.integers(0, 2**low_bit, size=n, dtype=np.uint64) if low_bit else \
        np.zeros(n, np.uint64)
    entries = field << np.uint64(low_bit) | low
    expected = entries[np.argsort(entries >> np.uint64(low_bit), kind="stable")]
    radix_sort(entries, np.empty(n, np.uint64), low_bit, n_bits)
    np.testing.assert_array_equal(entries, expected)


def test_radix_sort_matches_np_sort_on_wide_random_keys():
    keys = np.random.default_rng(0).integers(0, 2**33, size=5000, dtype=np.uint64)
    expected = np.sort(keys)
    radix_sort(keys, np.empty_like(keys), 0, 33)
    np.testing.assert_array_equal(keys, expected)


def test_reduce_run_sums_equal_keys_by_code():
    window, code_bits = 3, 3
    weight = pair_weights(window, True)
    rng = np.random.default_rng(1)
    keys = np.sort(rng.integers(0, 40, size=300)).astype(np.uint64)
    codes = rng.integers(1, 2 * window + 1, size=300).astype(np.uint64)
    entries = keys << np.uint64(code_bits) | codes
    assert count_keys(entries, code_bits) == len(np.unique(keys))
    out_keys, out_weights = np.empty(300, np.uint64), np.empty(300, np.float32)
    m = reduce_run(entries, code_bits, weight, out_keys, out_weights)
    unique, inverse = np.unique(keys, return_inverse=True)
    sums = np.zeros(len(unique))
    np.add.at(sums, inverse, weight[codes.astype(np.int64)])
    np.testing.assert_array_equal(out_keys[:m], unique)
    np.testing.assert_allclose(out_weights[:m], sums, rtol=1e-7)


@pytest.mark.parametrize("n_runs", [0, 1, 2, 5, 17])
def test_merge_runs_sums_keys_across_runs(n_runs):
    rng = np.random.default_rng(n_runs)
    V = 9
    runs = [np.unique(rng.integers(0, V * V, size=int(rng.integers(0, 30)))).astype(np.uint64)
            for _ in range(n_runs)]
    weights = [rng.random(len(run)).astype(np.float32) + 0.5 for run in runs]
    run_starts = np.concatenate([[0], np.cumsum([len(run) for run in runs])]).astype(np.int64)
    all_keys = np.concatenate(runs + [np.zeros(0, np.uint64)])
    all_weights = np.concatenate(weights + [np.zeros(0, np.float32)])
    n = len(all_keys)
    rows, cols, values = np.empty(n, np.int32), np.empty(n, np.int32), np.empty(n, np.float32)
    m = merge_runs(all_keys, all_weights, run_starts, V, rows, cols, values)
    unique, inverse = np.unique(all_keys, return_inverse=True)
    sums = np.zeros(len(unique))
    np.add.at(sums, inverse, all_weights.astype(np.float64))
    assert m == len(unique)
    np.testing.assert_array_equal(rows[:m], unique // V)
    np.testing.assert_array_equal(cols[:m], unique % V)
    np.testing.assert_allclose(values[:m], sums, rtol=1e-6)


def test_dense_to_coo_lists_nonzeros_in_row_major_order():
    dense_t = np.zeros((4, 2))  # V = 4, R = 2, X[row, col] at dense_t[col, row]
    dense_t[3, 0], dense_t[1, 0], dense_t[0, 1] = 1.5, 2.0, 0.25
    rows, cols, values = np.empty(8, np.int32), np.empty(8, np.int32), np.empty(8, np.float32)
    assert dense_to_coo(dense_t, rows, cols, values) == 3
    assert list(zip(rows[:3].tolist(), cols[:3].tolist(), values[:3].tolist())) == \
        [(0, 1, 2.0), (0, 3, 1.5), (1, 0, 0.25)]


def test_walk_windows_stops_when_the_buffer_is_full_and_resumes():
    corpus = random_corpus(seed=5, vocab_size=6)
    window, code_bits = 3, 3
    counting = Counting(window, True, pair_weights(window, True), code_bits)
    whole = np.empty(10_000, np.uint64)
    _, _, total = walk_windows(corpus.ids, corpus.bounds, 0, 0, counting, np.zeros((6, 0)),
                               whole, 0)
    pieces, sentence, position = [], 0, 0
    small = np.empty(7, np.uint64)  # room for two centers' pairs at most
    while sentence < corpus.n_sentences:
        sentence, position, fill = walk_windows(corpus.ids, corpus.bounds, sentence, position,
                                                counting, np.zeros((6, 0)), small, 0)
        assert fill + window > len(small) or sentence == corpus.n_sentences
        pieces.append(small[:fill].copy())
    np.testing.assert_array_equal(np.concatenate(pieces), whole[:total])


# --- a real corpus ---------------------------------------------------------------------------

DATA = os.environ.get("WORDVEC_DATA")


@pytest.mark.slow
@pytest.mark.skipif(not DATA, reason="set WORDVEC_DATA to the shared data folder")
@pytest.mark.skipif(numba.config.DISABLE_JIT, reason="a million words is too slow in plain Python")
def test_brown_counts_agree_across_budgets_and_with_the_reference(tmp_path):
    from wordvec.cache.prepare import prepare_corpus
    from wordvec.text.corpus import Corpus

    vocab, encoded = prepare_corpus(
        Corpus(Path(DATA) / "corpora" / "brown.txt.xz", normalizer="text8"), min_count=5,
        cache_dir=tmp_path / "cache")
    roomy = count_cooccurrences(encoded, len(vocab), window=5, vocab_words=vocab.words)
    tight = count_cooccurrences(encoded, len(vocab), window=5, memory_mb=2,
                                spill_dir=tmp_path, vocab_words=vocab.words)
    roomy.check()
    tight.check()
    np.testing.assert_array_equal(roomy.rows, tight.rows)
    np.testing.assert_array_equal(roomy.cols, tight.cols)
    np.testing.assert_allclose(roomy.values, tight.values, rtol=1e-5)
    # The first 200 sentences against the reference.
    head = EncodedCorpus(np.asarray(encoded.ids[:encoded.bounds[200]]), encoded.bounds[:201])
    expected = reference_counts(head, 5, True, True)
    X = count_cooccurrences(head, len(vocab), window=5, memory_mb=1)
    got = {(r, c): v for r, c, v in zip(X.rows.tolist(), X.cols.tolist(), X.values.tolist())}
    assert got.keys() == {(r, c) for r, c in expected if r <= c}
    for (row, col), value in got.items():
        assert value == pytest.approx(expected[row, col], rel=1e-6)
