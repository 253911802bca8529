"""Benchmarks: hand-checked cases, equality with gensim question by question, errors, speed."""
import itertools
import time

import numpy as np
import pytest

from wordvec import datadir
from wordvec.evaluate import (BenchmarkFileError, evaluate_analogies, evaluate_suite,
                              evaluate_word_pairs, format_table, pearson, rankdata, spearman)
from wordvec.keyedvectors import KeyedVectors


def gensim_copy(kv):
    gensim = pytest.importorskip("gensim")
    g = gensim.models.KeyedVectors(kv.vector_size)
    g.add_vectors(kv.index_to_key, kv.vectors.copy())
    return g


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------- hand checked

@pytest.fixture
def tiny(tmp_path):
    """Four words on a square: a:b :: c:d is answered exactly by 3CosAdd."""
    words = ["a", "b", "c", "d", "far"]
    vectors = np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1], [-1, -1, -1]], np.float32)
    kv = KeyedVectors(vectors, words)
    path = write(tmp_path / "q.txt", ": family\na b c d\nA B C D\nc d a far\n"
                                     ": gram1-test\na b c unknown\nb a d c\n")
    return kv, path


def test_analogies_by_hand(tiny):
    kv, path = tiny
    res = evaluate_analogies(kv, path, restrict_vocab=None)
    q = res.questions
    assert [x.line_no for x in q] == [2, 3, 4, 6, 7]
    assert [x.predicted for x in q] == ["d", "d", "b", None, "c"]
    assert [x.correct for x in q] == [True, True, False, False, True]
    assert [x.answered for x in q] == [True, True, True, False, True]
    assert [s.name for s in res.sections] == ["family", "gram1-test"]
    fam, gram = res.sections
    assert (fam.questions, fam.answered, fam.correct) == (3, 3, 2)
    assert (gram.questions, gram.answered, gram.correct, gram.skipped) == (2, 1, 1, 1)
    assert res.semantic.accuracy == pytest.approx(2 / 3)
    assert res.syntactic.accuracy == 1.0
    assert res.accuracy == pytest.approx(3 / 4)       # over answered questions
    assert res.accuracy_all == pytest.approx(3 / 5)   # skipped counts as wrong
    assert (res.answered, res.skipped, res.correct) == (4, 1, 3)
    assert res.oov_ratio == pytest.approx(1 / 5)
    dummy = evaluate_analogies(kv, path, restrict_vocab=None, dummy4unknown=True)
    assert dummy.accuracy == pytest.approx(3 / 5)


def test_analogies_case_sensitive_and_restricted(tiny):
    kv, path = tiny
    res = evaluate_analogies(kv, path, case_insensitive=False)
    assert [x.answered for x in res.questions] == [True, False, True, False, True]
    # with only a, b, c known, every question needs d or an unknown word
    res = evaluate_analogies(kv, path, restrict_vocab=3)
    assert res.answered == 0 and res.accuracy == 0.0


def test_cosmul_by_hand(tiny):
    kv, path = tiny
    res = evaluate_analogies(kv, path, restrict_vocab=None, method="3cosmul")
    assert [x.predicted for x in res.questions] == ["d", "d", "b", None, "c"]
    with pytest.raises(ValueError, match="method"):
        evaluate_analogies(kv, path, method="3cosfoo")


# ------------------------------------------------------- structured vectors

def structured_case(seed=0, dim=24):
    """An analogy file with planted structure, case-variant traps, OOV words and fillers.

    Returns (kv, questions text, pairs text).
    """
    rng = np.random.default_rng(seed)
    sections = {
        "capital-common": [(f"City{i}", f"Country{i}") for i in range(9)],
        "family": [(f"boy{i}", f"girl{i}") for i in range(8)],
        "gram3-comparative": [(f"big{i}", f"bigger{i}") for i in range(8)],
        "gram7-past-tense": [(f"go{i}", f"went{i}") for i in range(7)],
        "trap": [("Tokyo", "Japan"), ("AA", "aa"), ("Oslo", "Norway")],
    }
    vec = {}
    for name, pairs in sections.items():
        offset = rng.standard_normal(dim) * (0.0 if name == "trap" else 1.0)
        for k, (x, y) in enumerate(pairs):
            vec.setdefault(x, rng.standard_normal(dim))
            noise = (0.15, 0.4, 0.8, 1.6)[k % 4]  # from easy to hopeless
            vec.setdefault(y, vec[x] + offset + noise * rng.standard_normal(dim))
    words = list(vec)
    # case variants just behind their word: they often outscore the right answer
    variants = {"city2": "City2", "CITY3": "City3", "country4": "Country4",
                "COUNTRY5": "Country5", "Boy1": "boy1", "Girl2": "girl2", "BIGGER3": "bigger3"}
    for spelling in ("tokyo", "TOKYO", "ToKyo", "tOkyo", "tokYo", "TOkyo", "Aa", "aA"):
        variants[spelling] = "Tokyo" if spelling.lower() == "tokyo" else "AA"
    for variant, base in variants.items():
        vec[variant] = vec[base] + 0.05 * rng.standard_normal(dim)
        words.append(variant)
    # a lowercase variant that comes *before* its word: it gives the uppercased key its vector
    vec["oslo"] = rng.standard_normal(dim)
    words.insert(0, "oslo")
    words.remove("Country8")  # out of the vocabulary
    words += [f"filler{i}" for i in range(60)]
    for w in words:
        vec.setdefault(w, rng.standard_normal(dim))
    kv = KeyedVectors(np.array([vec[w] for w in words], dtype=np.float32), words)

    lines = []
    for name, pairs in sections.items():
        lines.append(f": {name}")
        for (a, b), (c, d) in itertools.permutations(pairs, 2):
            lines.append(f"{a} {b} {c} {d}")
    lines += ["Tokyo Japan AA aa", "AA aa Tokyo tokyo", "aa AA Tokyo TOKYO",
              "Japan Tokyo tokyo TOKYO"]
    lines.append(": empty-section")
    lines.append(": family")  # a repeated header is a new section, as in gensim
    lines.append("boy0 girl0 boy1 girl1")
    lines.append("BOY0 GIRL0 Filler3 filler4")
    questions = "\n".join(lines) + "\n"

    pair_lines = ["# word1\tword2\tscore", "City1\tCountry1\t9.5", "city2\tCountry2\t8",
                  "boy0\tgirl0\t7.25", "Boy1\tgirl1\t7.25", "big2\tbigger2\t7.25",
                  "go1\twent1\t3", "filler1\tfiller2\t1.5", "FILLER3\tfiller4\t1.5",
                  "Country8\tCity8\t6", "tokyo\tTOKYO\t10", "nothere\tCity0\t2",
                  "go2\twent2\t5.5", "Oslo\tNorway\t6.5", "oslo\tnorway\t6.5"]
    return kv, questions, "\n".join(pair_lines) + "\n"


def assert_same_as_gensim(ours, gensim_result):
    score, sections = ours.as_gensim()
    g_score, g_sections = gensim_result
    assert [s["section"] for s in sections] == [s["section"] for s in g_sections]
    for mine, theirs in zip(sections, g_sections):
        assert mine["correct"] == theirs["correct"], mine["section"]
        assert mine["incorrect"] == theirs["incorrect"], mine["section"]
    assert score == pytest.approx(g_score, abs=1e-12)


@pytest.mark.parametrize("case_insensitive", [True, False])
@pytest.mark.parametrize("dummy4unknown", [False, True])
@pytest.mark.parametrize("restrict", [40, 70, 10_000])
def test_analogies_equal_gensim(tmp_path, case_insensitive, dummy4unknown, restrict):
    kv, questions, _ = structured_case()
    path = write(tmp_path / "q.txt", questions)
    g = gensim_copy(kv)
    ours = evaluate_analogies(kv, path, restrict_vocab=restrict,
                              case_insensitive=case_insensitive, dummy4unknown=dummy4unknown)
    theirs = g.evaluate_word_analogies(str(path), restrict_vocab=restrict,
                                       case_insensitive=case_insensitive,
                                       dummy4unknown=dummy4unknown)
    assert_same_as_gensim(ours, theirs)
    assert 0 < ours.correct < ours.answered  # not trivial: right and wrong answers both occur


def test_traps_are_exercised(tmp_path):
    """The case-variant traps really fire: an answer is skipped for being a question word."""
    kv, questions, _ = structured_case()
    path = write(tmp_path / "q.txt", questions)
    res = evaluate_analogies(kv, path, restrict_vocab=None)
    by_line = {" ".join(q.words): q for q in res.questions}
    # the five best candidates are all spellings of TOKYO: gensim keeps the last one
    assert by_line["AA aa Tokyo tokyo"].predicted.upper() == "TOKYO"
    assert by_line["AA aa Tokyo tokyo"].correct  # ...which equals the expected word
    assert not by_line["Tokyo Japan AA aa"].correct


def reference_loop(g, path, case_insensitive, dummy4unknown, method):
    """gensim 4.4's evaluate_word_analogies loop, with the similarity function swappable.

    gensim itself ignores its ``similarity_function`` argument and always uses
    most_similar, so 3CosMul is checked against this copy of its loop.
    ``g`` holds only the restricted vocabulary.
    """
    fold = str.upper if case_insensitive else str
    ok_vocab = {fold(k): g.get_index(k) for k in reversed(g.index_to_key)}
    sections, section = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(": "):
            if section:
                sections.append(section)
            section = {"section": line.lstrip(": ").strip(), "correct": [], "incorrect": []}
            continue
        try:
            a, b, c, expected = [fold(w) for w in line.split()]
        except ValueError:
            continue
        if not all(w in ok_vocab for w in (a, b, c, expected)):
            if dummy4unknown:
                section["incorrect"].append((a, b, c, expected))
            continue
        original, g.key_to_index = g.key_to_index, ok_vocab
        similar = g.most_similar if method == "3cosadd" else g.most_similar_cosmul
        sims = similar(positive=[b, c], negative=[a], topn=5)
        g.key_to_index = original
        predicted = None
        for element in sims:
            predicted = fold(element[0])
            if predicted in ok_vocab and predicted not in {a, b, c}:
                break
        section["correct" if predicted == expected else "incorrect"].append((a, b, c, expected))
    sections.append(section)
    total = {"section": "Total accuracy",
             "correct": [q for s in sections for q in s["correct"]],
             "incorrect": [q for s in sections for q in s["incorrect"]]}
    n = len(total["correct"]) + len(total["incorrect"])
    return (len(total["correct"]) / n if n else 0.0), sections + [total]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # gensim's cosmul calls init_sims
@pytest.mark.parametrize("case_insensitive", [True, False])
@pytest.mark.parametrize("restrict", [50, None])
def test_cosmul_equals_gensim_loop(tmp_path, case_insensitive, restrict):
    kv, questions, _ = structured_case(seed=3)
    path = write(tmp_path / "q.txt", questions)
    n = len(kv) if restrict is None else restrict
    g = gensim_copy(KeyedVectors(kv.vectors[:n], kv.index_to_key[:n]))
    ours = evaluate_analogies(kv, path, restrict_vocab=restrict, method="3cosmul",
                              case_insensitive=case_insensitive)
    assert_same_as_gensim(ours, reference_loop(g, path, case_insensitive, False, "3cosmul"))
    # the reference loop itself agrees with gensim's own evaluation for 3CosAdd
    ours = evaluate_analogies(kv, path, restrict_vocab=restrict, case_insensitive=case_insensitive)
    assert_same_as_gensim(ours, reference_loop(g, path, case_insensitive, False, "3cosadd"))


def test_zero_vectors_rank_last_as_in_gensim(tmp_path):
    """Zero-vector candidates score NaN in gensim and rank last; ours rank last too.

    (A zero vector as a *question* word makes all of gensim's scores NaN and its
    answer arbitrary; ours stays defined, so that case is not compared.)
    """
    kv, questions, _ = structured_case(seed=5)
    vectors = kv.vectors.copy()
    zero = [kv.get_index(w) for w in ("filler10", "filler20", "filler30")]
    vectors[zero] = 0
    kv = KeyedVectors(vectors, kv.index_to_key)
    path = write(tmp_path / "q.txt", questions)
    g = gensim_copy(kv)
    with np.errstate(invalid="ignore", divide="ignore"):
        theirs = g.evaluate_word_analogies(str(path), restrict_vocab=10_000)
    assert_same_as_gensim(evaluate_analogies(kv, path, restrict_vocab=10_000), theirs)


# ---------------------------------------------------------------- word pairs

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

def test_benchmark_file_errors(tmp_path):
    kv = KeyedVectors(np.eye(4), list("abcd"))
    with pytest.raises(BenchmarkFileError, match="no such analogy file"):
        evaluate_analogies(kv, tmp_path / "missing.txt")
    with pytest.raises(BenchmarkFileError, match="empty analogy file"):
        evaluate_analogies(kv, write(tmp_path / "empty.txt", "\n  \n"))
    path = write(tmp_path / "three.txt", ": s\na b c d\na b c\n")
    with pytest.raises(BenchmarkFileError, match=r"three\.txt: line 3: expected 4 words.*got 3"):
        evaluate_analogies(kv, path)
    with pytest.raises(BenchmarkFileError, match=r"line 1: question before any"):
        evaluate_analogies(kv, write(tmp_path / "nohead.txt", "a b c d\n"))
    with pytest.raises(BenchmarkFileError, match="no analogy questions"):
        evaluate_analogies(kv, write(tmp_path / "headers.txt", ": s\n: t\n"))
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
    with pytest.raises(BenchmarkFileError, match="no such benchmark folder"):
        evaluate_suite(kv, tmp_path / "nothing-here")
    (tmp_path / "docs").mkdir()
    write(tmp_path / "docs" / "README.md", "# not a benchmark")
    with pytest.raises(BenchmarkFileError, match=r"docs: no benchmark files \(\.txt, \.tsv\)"):
        evaluate_suite(kv, tmp_path / "docs")


# ----------------------------------------------------------------------- suite

def test_suite_and_table(tmp_path):
    kv, questions, pairs = structured_case()
    folder = tmp_path / "eval"
    folder.mkdir()
    write(folder / "analogies.txt", "# a comment first\n" + questions)
    write(folder / "pairs.tsv", pairs)
    write(folder / "spaced.txt", pairs.replace("\t", " "))
    write(folder / "README.md", "not a benchmark")
    write(folder / ".hidden.txt", "ignored")
    rows = evaluate_suite(kv, folder, restrict_vocab=60)
    assert [(r.name, r.kind, r.metric) for r in rows] == [
        ("analogies", "analogy", "accuracy (3cosadd)"),
        ("pairs", "word-pairs", "spearman"), ("pairs", "word-pairs", "pearson"),
        ("spaced", "word-pairs", "spearman"), ("spaced", "word-pairs", "pearson")]
    direct = evaluate_analogies(kv, folder / "analogies.txt", restrict_vocab=60)
    assert rows[0].value == direct.accuracy and rows[0].answered == direct.answered
    assert rows[1].value == rows[3].value  # tab and space versions of the same file
    table = format_table(rows)
    lines = table.split("\n")
    assert len(lines) == 2 + len(rows)
    assert lines[0].split() == ["benchmark", "kind", "metric", "value", "answered", "OOV"]
    assert len({len(line) for line in lines}) == 1  # aligned: right-justified last column
    assert f"{rows[1].value:.4f}" in lines[3]
    assert f"{direct.answered}/{direct.total.questions}" in lines[2]


# ----------------------------------------------------------------------- speed

def test_full_google_size_is_fast(tmp_path):
    """19,544 questions on 30,000 x 100 vectors, all answered: a few seconds at most."""
    rng = np.random.default_rng(0)
    n_words, dim = 30_000, 100
    words = [f"w{i}" for i in range(n_words)]
    kv = KeyedVectors(rng.standard_normal((n_words, dim)).astype(np.float32), words)
    idx = rng.integers(0, n_words, size=(19_544, 4))
    lines = []
    for k, row in enumerate(idx):
        if k % 1400 == 0:
            lines.append(f": section{k // 1400}")
        lines.append(" ".join(words[i] for i in row))
    path = write(tmp_path / "big.txt", "\n".join(lines) + "\n")
    start = time.perf_counter()
    res = evaluate_analogies(kv, path, restrict_vocab=30_000)
    elapsed = time.perf_counter() - start
    assert res.answered == 19_544
    assert elapsed < 15, f"took {elapsed:.1f} s"  # about 2 s here; generous for slow CI


# ------------------------------------------------- real benchmark files (WORDVEC_DATA)

def real_eval_dir():
    folder = datadir.eval_dir(required=False)
    if folder is None or not (folder / "questions-words.txt").exists():
        pytest.skip("set WORDVEC_DATA to the shared data folder to run the real benchmarks")
    return folder


def planted_vectors(questions_path, extra_words, n_vocab=4000, dim=50, seed=0):
    """Seeded random vectors over the benchmark vocabulary with relations planted per section."""
    rng = np.random.default_rng(seed)
    vec, order = {}, []
    for line in questions_path.read_text(encoding="utf-8").splitlines():
        if line.startswith(": "):
            offset = rng.standard_normal(dim)
            continue
        p = line.split()
        for x, y in ((p[0], p[1]), (p[2], p[3])):
            if x not in vec:
                vec[x] = rng.standard_normal(dim)
                order.append(x)
            if y not in vec:
                vec[y] = vec[x] + offset + 0.4 * rng.standard_normal(dim)
                order.append(y)
    for w in extra_words:
        if w not in vec:
            vec[w] = rng.standard_normal(dim)
            order.append(w)
    rng.shuffle(order)
    words = order[: int(len(order) * 0.95)]  # 5% out of the vocabulary
    words += [w.lower() for w in words[:400] if w.lower() not in vec]  # case variants
    words += [f"filler{i}" for i in range(max(0, n_vocab - len(words)))]
    perm = rng.permutation(len(words))
    words = [words[i] for i in perm]
    vectors = np.array([vec[w] if w in vec else rng.standard_normal(dim) for w in words])
    return KeyedVectors(vectors.astype(np.float32), words)


def pair_words(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out += line.split("\t")[:2]
    return out


def test_real_benchmarks_equal_gensim():
    folder = real_eval_dir()
    questions = folder / "questions-words.txt"
    pair_files = [folder / "wordsim353.tsv", folder / "simlex999.txt"]
    extra = [w for p in pair_files for w in pair_words(p)]
    kv = planted_vectors(questions, extra)
    g = gensim_copy(kv)
    ours = evaluate_analogies(kv, questions, restrict_vocab=3000)
    theirs = g.evaluate_word_analogies(str(questions), restrict_vocab=3000)
    assert_same_as_gensim(ours, theirs)
    assert ours.answered > 5000 and 0.2 < ours.accuracy < 0.95
    for path in pair_files:
        res = evaluate_word_pairs(kv, path)
        (gp, _), (gs, _), g_oov = g.evaluate_word_pairs(str(path))
        assert res.pearson == pytest.approx(gp, abs=1e-6)
        assert res.spearman == pytest.approx(gs, abs=1e-6)
        assert 100 * res.oov_ratio == pytest.approx(g_oov)
