"""Word-pair benchmarks: hand-checked cases, equality with gensim and scipy, errors."""
import math
import time

import numpy as np
import pytest
from benchmark_cases import gensim_copy, real_case, structured_case, write

from wordvec.errors import BenchmarkFileError
from wordvec.evaluation.stats import pearson, rankdata, spearman, spearman_bootstrap_ci
from wordvec.evaluation.word_pairs import evaluate_word_pairs
from wordvec.vectors.keyedvectors import KeyedVectors


@pytest.mark.parametrize("case_insensitive", [True, False])
@pytest.mark.parametrize("dummy4unknown", [False, True])
def test_word_pairs_equal_gensim(tmp_path, case_insensitive, dummy4unknown):
    kv, _, pairs = structured_case()
    path = write(tmp_path / "pairs.tsv", pairs)
    g = gensim_copy(kv)
    res = evaluate_word_pairs(kv, path, case_insensitive=case_insensitive,
                              dummy4unknown=dummy4unknown)
    (gp, gpp), (gs, gsp), g_oov = g.evaluate_word_pairs(
        str(path), case_insensitive=case_insensitive, dummy4unknown=dummy4unknown)
    assert res.pearson == pytest.approx(gp, abs=1e-6)
    assert res.spearman == pytest.approx(gs, abs=1e-6)
    assert res.pearson_pvalue == pytest.approx(gpp, rel=1e-4)
    assert res.spearman_pvalue == pytest.approx(gsp, rel=1e-4)
    assert 100 * res.oov_ratio == pytest.approx(g_oov)
    # Country8 and nothere are unknown; case-sensitively also FILLER3 and norway
    assert res.pairs == 14 and res.oov == (2 if case_insensitive else 4)


def test_word_pairs_by_hand(tmp_path):
    kv = KeyedVectors(np.array([[1, 0], [1, 1], [0, 1], [-1, 0]], np.float32), list("abcd"))
    path = write(tmp_path / "p.txt", "# comment\n\na b 3\na c 2\na d 1\nb c 2.5\nzz a 5\n")
    res = evaluate_word_pairs(kv, path)  # whitespace-separated, found automatically
    assert [r.model for r in res.records] == pytest.approx([2 ** -0.5, 0, -1, 2 ** -0.5, None])
    assert (res.pairs, res.used, res.oov, res.answered) == (5, 4, 1, 4)
    assert res.oov_ratio == pytest.approx(0.2)
    assert res.spearman == pytest.approx(0.9486832980505138)  # ranks (4,2,1,3) vs (3.5,2,1,3.5)
    assert res.records[-1].line_no == 7


def test_all_pairs_unknown_gives_nan(tmp_path):
    kv = KeyedVectors(np.eye(2), ["a", "b"])
    res = evaluate_word_pairs(kv, write(tmp_path / "p.tsv", "x\ty\t1\nz\tw\t2\n"))
    assert np.isnan(res.spearman) and np.isnan(res.pearson)
    assert res.oov == 2 and res.oov_ratio == 1.0


def test_statistics_match_scipy():
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(0)
    for n in (3, 5, 40, 353):
        x = rng.integers(0, 6, size=n).astype(float)  # many ties
        y = x + rng.standard_normal(n)
        assert np.allclose(rankdata(x), stats.rankdata(x))
        r, p = pearson(x, y)
        sr = stats.pearsonr(x, y)
        assert r == pytest.approx(sr[0], abs=1e-12) and p == pytest.approx(sr[1], rel=1e-9)
        rho, p = spearman(x, y)
        ss = stats.spearmanr(x, y)
        assert rho == pytest.approx(ss[0], abs=1e-12) and p == pytest.approx(ss[1], rel=1e-9)
    assert np.isnan(pearson([1, 1, 1], [1, 2, 3])[0])


# ------------------------------------------------- Spearman's bootstrap interval

def tied_sample(n, seed):
    """Human-like scores (few distinct values: many ties) and noisy cosines."""
    rng = np.random.default_rng(seed)
    gold = rng.integers(0, 8, size=n).astype(float)
    return gold, 0.1 * gold + rng.standard_normal(n)


def percentile_by_hand(values, q):
    """numpy.percentile's default (linear interpolation), written out: the q-th percentile."""
    values = sorted(values)
    position = (len(values) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (position - low) * (values[high] - values[low])


def test_spearman_ci_equals_a_plain_loop():
    """The vectorised ranking by counting against one resample at a time, ranked by sorting."""
    x, y = tied_sample(40, seed=1)
    picks = np.random.default_rng(7).integers(0, 40, (1000, 40))  # the documented draws
    rhos = [spearman(x[row], y[row])[0] for row in picks]
    rhos = [rho for rho in rhos if not math.isnan(rho)]
    assert len(rhos) == 1000  # no degenerate resample here
    expected = (percentile_by_hand(rhos, 2.5), percentile_by_hand(rhos, 97.5))
    assert spearman_bootstrap_ci(x, y, seed=7) == pytest.approx(expected, abs=1e-12)
    # 90%: the 5th and 95th percentiles of the same resamples
    expected = (percentile_by_hand(rhos, 5), percentile_by_hand(rhos, 95))
    assert spearman_bootstrap_ci(x, y, seed=7, confidence=0.9) == pytest.approx(expected,
                                                                              abs=1e-12)


def test_spearman_ci_equals_scipy_bootstrap():
    stats = pytest.importorskip("scipy.stats")
    x, y = tied_sample(120, seed=2)
    theirs = stats.bootstrap((x, y), lambda a, b: stats.spearmanr(a, b).statistic, paired=True,
                             vectorized=False, n_resamples=1000, method="percentile",
                             rng=np.random.default_rng(3)).confidence_interval
    low, high = spearman_bootstrap_ci(x, y, n_resamples=1000, seed=3)
    assert (low, high) == pytest.approx((theirs.low, theirs.high), abs=1e-12)
    assert low < spearman(x, y)[0] < high


def test_spearman_ci_enumerated_three_pairs():
    """Three pairs, worked out by hand over the 27 equally likely resamples.

    x = (1, 2, 3), y = (1, 3, 2): the 6 permutations give rho = 0.5; a resample
    of two distinct pairs gives +1 for pairs {0, 1} and {0, 2} (12 resamples)
    and -1 for {1, 2} (6 resamples); the 3 of one pair only are undefined and
    left out. So 25% of the defined values are -1 and 50% are +1: the 2.5th
    percentile is -1 and the 97.5th is +1.
    """
    picks = np.random.default_rng(0).integers(0, 3, (1000, 3))
    rhos = [spearman(np.array([1, 2, 3])[row], np.array([1, 3, 2])[row])[0] for row in picks]
    assert {round(r, 12) for r in rhos if not math.isnan(r)} == {-1.0, 0.5, 1.0}
    assert spearman_bootstrap_ci([1, 2, 3], [1, 3, 2]) == (-1.0, 1.0)


def test_spearman_ci_determinism_and_limits():
    x, y = tied_sample(60, seed=4)
    assert spearman_bootstrap_ci(x, y, seed=5) == spearman_bootstrap_ci(x, y, seed=5)
    assert spearman_bootstrap_ci(x, y, seed=5) != spearman_bootstrap_ci(x, y, seed=6)
    assert spearman_bootstrap_ci(x, 2 * x + 1) == (1.0, 1.0)  # monotone: every resample too
    assert spearman_bootstrap_ci(x, -x) == (-1.0, -1.0)
    assert all(math.isnan(b) for b in spearman_bootstrap_ci([1.0], [2.0]))
    with pytest.raises(ValueError, match="n_resamples must be a whole number >= 1, got 0"):
        spearman_bootstrap_ci(x, y, n_resamples=0)
    with pytest.raises(ValueError, match="same length"):
        spearman_bootstrap_ci(x, y[:-1])
    with pytest.raises(ValueError, match="confidence"):
        spearman_bootstrap_ci(x, y, confidence=95)


def test_spearman_ci_is_fast():
    """1,000 resamples of 999 pairs (SimLex-999's size): well under a second."""
    x, y = tied_sample(999, seed=8)
    spearman_bootstrap_ci(x[:50], y[:50])  # warm up NumPy's code paths
    start = time.perf_counter()
    spearman_bootstrap_ci(x, y)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, f"took {elapsed:.2f} s"  # about 0.1 s here


def test_word_pairs_carry_the_interval(tmp_path):
    kv, _, pairs = structured_case()
    path = write(tmp_path / "pairs.tsv", pairs)
    res = evaluate_word_pairs(kv, path, seed=11)
    gold = [r.gold for r in res.records if r.model is not None]
    model = [r.model for r in res.records if r.model is not None]
    assert res.spearman_ci == spearman_bootstrap_ci(gold, model, seed=11)
    assert res.n_resamples == 1000
    low, high = res.spearman_ci
    assert -1 <= low <= res.spearman <= high <= 1
    # dummy4unknown: the interval is over the same pairs as Spearman, zeros included
    dummy = evaluate_word_pairs(kv, path, dummy4unknown=True, n_resamples=200, seed=11)
    assert dummy.spearman_ci == spearman_bootstrap_ci([r.gold for r in dummy.records],
                                                      [r.model or 0.0 for r in dummy.records],
                                                      n_resamples=200, seed=11)
    skipped = evaluate_word_pairs(kv, path, n_resamples=None)
    assert skipped.n_resamples is None and all(math.isnan(b) for b in skipped.spearman_ci)


# ---------------------------------------------------------------------- errors

def test_word_pair_file_errors(tmp_path):
    kv = KeyedVectors(np.eye(4), list("abcd"))
    with pytest.raises(BenchmarkFileError, match="no such word-pair file"):
        evaluate_word_pairs(kv, tmp_path / "missing.tsv")
    with pytest.raises(BenchmarkFileError, match="empty word-pair file"):
        evaluate_word_pairs(kv, write(tmp_path / "e.tsv", ""))
    with pytest.raises(BenchmarkFileError, match=r"p\.tsv: line 3: expected 3 fields.*got 2"):
        evaluate_word_pairs(kv, write(tmp_path / "p.tsv", "# c\na\tb\t1\na\tb\n"))
    with pytest.raises(BenchmarkFileError, match=r"line 2: score 'high' is not a number"):
        evaluate_word_pairs(kv, write(tmp_path / "s.tsv", "a b 1\nc d high\n"))
    with pytest.raises(BenchmarkFileError, match="no word pairs"):
        evaluate_word_pairs(kv, write(tmp_path / "c.tsv", "# only a comment\n"))


# ------------------------------------------------- real benchmark files (WORDVEC_DATA)

def test_real_word_pairs_equal_gensim():
    _, pair_files, kv = real_case()
    g = gensim_copy(kv)
    for path in pair_files:
        res = evaluate_word_pairs(kv, path)
        (gp, _), (gs, _), g_oov = g.evaluate_word_pairs(str(path))
        assert res.pearson == pytest.approx(gp, abs=1e-6)
        assert res.spearman == pytest.approx(gs, abs=1e-6)
        assert 100 * res.oov_ratio == pytest.approx(g_oov)
