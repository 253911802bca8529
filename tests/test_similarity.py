"""Word-pair benchmarks: hand-checked cases, equality with gensim and scipy, errors."""
import numpy as np
import pytest

from benchmark_cases import gensim_copy, real_case, structured_case, write
from wordvec.errors import BenchmarkFileError
from wordvec.keyedvectors import KeyedVectors
from wordvec.similarity import evaluate_word_pairs, pearson, rankdata, spearman


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
