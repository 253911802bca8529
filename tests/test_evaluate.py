"""Benchmark suites: telling the kinds apart, running a folder or a list of files, the table."""
import gzip

import numpy as np
import pytest

from benchmark_cases import structured_case, write
from wordvec import analogy, evaluate, similarity
from wordvec.errors import BenchmarkFileError
from wordvec.evaluate import (benchmark_kind, evaluate_analogies, evaluate_suite,
                              evaluate_word_pairs, format_table)
from wordvec.keyedvectors import KeyedVectors


def test_evaluate_reexports_both_kinds():
    assert evaluate_analogies is analogy.evaluate_analogies
    assert evaluate_word_pairs is similarity.evaluate_word_pairs
    assert all(hasattr(evaluate, name) for name in evaluate.__all__)


def test_benchmark_kind(tmp_path):
    questions = ": capitals\nparis france rome italy\n"
    assert benchmark_kind(write(tmp_path / "q.txt", "# comment\n\n" + questions)) == "analogy"
    with gzip.open(tmp_path / "q.txt.gz", "wt", encoding="utf-8") as f:
        f.write(questions)
    assert benchmark_kind(tmp_path / "q.txt.gz") == "analogy"
    assert benchmark_kind(write(tmp_path / "p.tsv", "paris\tfrance\t9\n")) == "similarity"
    # only comments: a word-pair file, which evaluate_word_pairs then rejects
    assert benchmark_kind(write(tmp_path / "c.tsv", "# only a comment\n")) == "similarity"
    with pytest.raises(BenchmarkFileError, match="no such benchmark file"):
        benchmark_kind(tmp_path / "missing.txt")
    with pytest.raises(BenchmarkFileError, match="empty benchmark file"):
        benchmark_kind(write(tmp_path / "empty.txt", "\n"))


def test_suite_errors(tmp_path):
    kv = KeyedVectors(np.eye(4), list("abcd"))
    with pytest.raises(BenchmarkFileError, match="no such benchmark folder"):
        evaluate_suite(kv, tmp_path / "nothing-here")
    (tmp_path / "docs").mkdir()
    write(tmp_path / "docs" / "README.md", "# not a benchmark")
    with pytest.raises(BenchmarkFileError, match=r"docs: no benchmark files \(\.txt, \.tsv\)"):
        evaluate_suite(kv, tmp_path / "docs")
    with pytest.raises(BenchmarkFileError, match="no such benchmark file"):
        evaluate_suite(kv, [tmp_path / "nothing-here.txt"])


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


def test_suite_of_listed_files(tmp_path):
    """A list runs in its own order, any extension; a name drops .gz and the extension."""
    kv, questions, pairs = structured_case()
    write(tmp_path / "analogies.txt", questions)
    with gzip.open(tmp_path / "pairs.tsv.gz", "wt", encoding="utf-8") as f:
        f.write(pairs)
    write(tmp_path / "scores.csv", pairs)  # not a benchmark suffix: run only when listed
    listed = [tmp_path / "scores.csv", str(tmp_path / "pairs.tsv.gz"), tmp_path / "analogies.txt"]
    rows = evaluate_suite(kv, listed, restrict_vocab=60)
    assert [(r.name, r.kind, r.metric) for r in rows] == [
        ("scores", "word-pairs", "spearman"), ("scores", "word-pairs", "pearson"),
        ("pairs", "word-pairs", "spearman"), ("pairs", "word-pairs", "pearson"),
        ("analogies", "analogy", "accuracy (3cosadd)")]
    # the folder holds the same files but scores.csv, in name order, with the same figures
    in_folder = evaluate_suite(kv, tmp_path, restrict_vocab=60)
    assert [(r.name, r.metric, r.value, r.answered) for r in in_folder] == [
        (r.name, r.metric, r.value, r.answered) for r in (rows[4], rows[2], rows[3])]
    assert rows[0].value == rows[2].value
    cosmul = evaluate_suite(kv, [tmp_path / "analogies.txt"], restrict_vocab=60, method="3cosmul")
    assert cosmul[0].metric == "accuracy (3cosmul)"
    assert cosmul[0].value == evaluate_analogies(kv, tmp_path / "analogies.txt", restrict_vocab=60,
                                                 method="3cosmul").accuracy
    assert evaluate_suite(kv, []) == []
