"""Analogy benchmark: hand-checked cases, equality with gensim question by question, errors."""
import math
import time

import numpy as np
import pytest
from benchmark_cases import gensim_copy, real_case, structured_case, write

from wordvec.errors import BenchmarkFileError
from wordvec.evaluation.analogy import evaluate_analogies
from wordvec.evaluation.stats import wilson_interval
from wordvec.vectors.keyedvectors import KeyedVectors

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
    # each interval over the same denominator as its accuracy
    assert res.accuracy_ci == wilson_interval(3, 4)
    assert fam.accuracy_ci == wilson_interval(2, 3)
    assert gram.accuracy_ci == wilson_interval(1, 1)
    assert res.semantic.accuracy_ci == wilson_interval(2, 3)
    assert res.syntactic.accuracy_ci == wilson_interval(1, 1)
    assert res.halves == [res.semantic, res.syntactic]
    assert dummy.accuracy_ci == wilson_interval(3, 5)
    assert dummy.syntactic.accuracy_ci == wilson_interval(1, 2)


# ------------------------------------------------------- Wilson score interval

def wilson_by_formula(k, n, z=1.959963984540054):
    """Wilson (1927), written out; z is the normal 97.5% quantile."""
    p = k / n
    center = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return center - half, center + half


def test_wilson_by_hand():
    # 8 right out of 10, z = 1.959964, z² = 3.841459:
    # center (0.8 + 0.1920729) / 1.3841459 = 0.7167402,
    # half 1.959964 / 1.3841459 * sqrt(0.016 + 0.0096036) = 1.4160097 * 0.1600114 = 0.2265777
    assert wilson_interval(8, 10) == pytest.approx((0.4901625, 0.9433178), abs=2e-7)
    assert wilson_interval(8, 10) == pytest.approx(wilson_by_formula(8, 10), abs=1e-12)
    assert wilson_interval(8, 10, confidence=0.9) == pytest.approx(
        wilson_by_formula(8, 10, z=1.6448536269514722), abs=1e-12)
    for k, n in [(1, 3), (700, 1000), (13_000, 19_544)]:
        assert wilson_interval(k, n) == pytest.approx(wilson_by_formula(k, n), abs=1e-12)
    # at 0% and 100% one bound is the edge itself, and the other is not
    low, high = wilson_interval(0, 5)
    assert low == 0.0 and high == pytest.approx(wilson_by_formula(0, 5)[1])
    low, high = wilson_interval(5, 5)
    assert high == 1.0 and low == pytest.approx(wilson_by_formula(5, 5)[0])
    assert wilson_interval(0, 0) == (0.0, 1.0)  # nothing scored: nothing known
    with pytest.raises(ValueError, match="0 <= successes <= trials, got 3 successes out of 2"):
        wilson_interval(3, 2)
    with pytest.raises(ValueError, match="confidence"):
        wilson_interval(1, 2, confidence=1.0)


def test_split_only_with_both_kinds_of_section(tmp_path):
    """MSR's sections are named by part of speech: no "gram", no semantic/syntactic split."""
    kv = KeyedVectors(np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1]], np.float32),
                      list("abcd"))
    msr = evaluate_analogies(kv, write(tmp_path / "msr.txt", ": JJ_JJR\na b c d\n"
                                                              ": NN_NNS\nc d a b\n"))
    assert msr.semantic is None and msr.syntactic is None and msr.halves == []
    assert (msr.total.questions, msr.correct) == (2, 2)
    grammar = evaluate_analogies(kv, write(tmp_path / "g.txt", ": gram1-x\na b c d\n"))
    assert grammar.semantic is None and grammar.syntactic is None


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


# ---------------------------------------------------------- equal to gensim

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


# ---------------------------------------------------------------------- errors

def test_analogy_file_errors(tmp_path):
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

def test_real_analogies_equal_gensim():
    questions, _, kv = real_case()
    g = gensim_copy(kv)
    ours = evaluate_analogies(kv, questions, restrict_vocab=3000)
    theirs = g.evaluate_word_analogies(str(questions), restrict_vocab=3000)
    assert_same_as_gensim(ours, theirs)
    assert ours.answered > 5000 and 0.2 < ours.accuracy < 0.95
