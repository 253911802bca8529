"""Benchmark suites: telling the kinds apart, running a folder or a list of files, the tables."""
import gzip
import re

import numpy as np
import pytest
from benchmark_cases import structured_case, write

from wordvec.errors import BenchmarkFileError
from wordvec.evaluation import analogy, suite, word_pairs
from wordvec.evaluation.suite import (benchmark_kind, combine_suites, evaluate_analogies,
                                      evaluate_models, evaluate_suite, evaluate_word_pairs,
                                      format_models_table, format_table, wilson_interval)
from wordvec.vectors.keyedvectors import KeyedVectors


def test_the_suite_reexports_both_kinds():
    assert evaluate_analogies is analogy.evaluate_analogies
    assert evaluate_word_pairs is word_pairs.evaluate_word_pairs
    assert all(hasattr(suite, name) for name in suite.__all__)


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
    with pytest.raises(BenchmarkFileError, match=r"docs: no benchmark files \(\.txt, \.tsv, \.csv\)"):
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
        ("analogies", "analogy", "semantic"), ("analogies", "analogy", "syntactic"),
        ("pairs", "word-pairs", "spearman"), ("pairs", "word-pairs", "pearson"),
        ("spaced", "word-pairs", "spearman"), ("spaced", "word-pairs", "pearson")]
    direct = evaluate_analogies(kv, folder / "analogies.txt", restrict_vocab=60)
    assert rows[0].value == direct.accuracy and rows[0].answered == direct.answered
    assert rows[0].ci == wilson_interval(direct.correct, direct.answered)
    for row, half in zip(rows[1:3], (direct.semantic, direct.syntactic)):
        assert (row.value, row.answered, row.total, row.oov) == (
            half.accuracy, half.answered, half.questions, half.skipped)
        assert row.ci == wilson_interval(half.correct, half.answered)
    assert rows[1].total + rows[2].total == rows[0].total
    pairs = evaluate_word_pairs(kv, folder / "pairs.tsv")
    assert rows[3].ci == pairs.spearman_ci and rows[4].ci is None  # no interval for Pearson
    assert rows[3].value == rows[5].value  # tab and space versions of the same file
    assert rows[3].ci == rows[5].ci        # ... and the same seed
    table = format_table(rows)
    *lines, note = table.split("\n")
    assert len(lines) == 2 + len(rows)
    assert note.startswith("unseen words: skipped, the default, comparable across models")
    assert lines[0].split() == ["benchmark", "kind", "metric", "value", "95%", "CI", "answered",
                                "OOV"]
    assert len({len(line) for line in lines}) == 1  # aligned: right-justified last column
    low, high = rows[0].ci
    assert f"{rows[0].value:.4f}  [{low:.3f}, {high:.3f}]  " in lines[2]
    assert f"{direct.answered}/{direct.total.questions}" in lines[2]
    assert f"{rows[3].value:.4f}  [{rows[3].ci[0]:.3f}, {rows[3].ci[1]:.3f}]" in lines[5]
    assert lines[6].split()[3:5] == [f"{rows[4].value:.4f}", f"{pairs.answered}/{pairs.pairs}"]


def test_suite_settings_reach_the_bootstrap(tmp_path):
    kv, _, pairs = structured_case()
    path = write(tmp_path / "pairs.tsv", pairs)
    rows = evaluate_suite(kv, [path], n_resamples=300, seed=4)
    assert rows[0].ci == evaluate_word_pairs(kv, path, n_resamples=300, seed=4).spearman_ci
    assert rows[0].result.n_resamples == 300
    assert evaluate_suite(kv, [path], n_resamples=None)[0].result.n_resamples is None


def test_several_models(tmp_path):
    kv, questions, pairs = structured_case()
    # a second model: other vectors, and fewer words (the 5 most frequent are dropped)
    other, _, _ = structured_case(seed=1)
    other = KeyedVectors(other.vectors[5:], other.index_to_key[5:])
    write(tmp_path / "analogies.txt", questions)
    write(tmp_path / "pairs.tsv", pairs)
    saved = tmp_path / "other.npz"
    other.save(saved)
    rows = evaluate_models({"first": kv, "second": saved}, tmp_path, restrict_vocab=60)
    alone = {"first": evaluate_suite(kv, tmp_path, restrict_vocab=60),
             "second": evaluate_suite(other, tmp_path, restrict_vocab=60)}
    assert [(r.name, r.kind, r.metric) for r in rows] == [
        (r.name, r.kind, r.metric) for r in alone["first"]]
    for i, row in enumerate(rows):
        assert list(row.cells) == ["first", "second"]
        for model, cell in row.cells.items():
            mine = alone[model][i]
            assert (cell.value, cell.ci, cell.answered, cell.total) == (
                mine.value, mine.ci, mine.answered, mine.total)
    assert rows[0].cells["first"].answered != rows[0].cells["second"].answered

    *lines, note = format_models_table(rows).split("\n")
    assert lines[0].split() == ["benchmark", "metric", "first", "second"]
    assert note.startswith("unseen words: skipped")
    assert [line.split()[:2] for line in lines[2:]] == [
        ["analogies", "accuracy"], ["analogies", "semantic"], ["analogies", "syntactic"],
        ["analogies", "answered"], ["pairs", "spearman"], ["pairs", "pearson"],
        ["pairs", "answered"]]

    def cell(row):
        return f"{row.value:.4f} [{row.ci[0]:.3f}, {row.ci[1]:.3f}]"
    first, second = rows[0].cells.values()
    assert re.split(" {2,}", lines[2]) == ["analogies", "accuracy (3cosadd)", cell(first),
                                           cell(second)]
    assert lines[5].split()[2:] == [f"{first.answered:,}/{first.total:,}",
                                    f"{second.answered:,}/{second.total:,}"]
    pearson = rows[4].cells
    assert lines[7].split()[2:] == [f"{c.value:.4f}" for c in pearson.values()]
    assert lines[8].split()[2:] == [f"{c.answered}/{c.total}" for c in pearson.values()]
    assert format_models_table([]) == "" and combine_suites({}) == []


def test_suites_that_do_not_line_up(tmp_path):
    kv, questions, pairs = structured_case()
    write(tmp_path / "analogies.txt", questions)
    write(tmp_path / "pairs.tsv", pairs)
    suites = {"a": evaluate_suite(kv, tmp_path), "b": evaluate_suite(kv, [tmp_path / "pairs.tsv"])}
    with pytest.raises(ValueError, match="suites of models 'a' and 'b' differ"):
        combine_suites(suites)


def test_suite_of_listed_files(tmp_path):
    """A list runs in its own order, any extension; a name drops .gz and the extension."""
    kv, questions, pairs = structured_case()
    write(tmp_path / "analogies.txt", questions)
    with gzip.open(tmp_path / "pairs.tsv.gz", "wt", encoding="utf-8") as f:
        f.write(pairs)
    write(tmp_path / "scores.dat", pairs)  # not a benchmark suffix: run only when listed
    listed = [tmp_path / "scores.dat", str(tmp_path / "pairs.tsv.gz"), tmp_path / "analogies.txt"]
    rows = evaluate_suite(kv, listed, restrict_vocab=60)
    assert [(r.name, r.kind, r.metric) for r in rows] == [
        ("scores", "word-pairs", "spearman"), ("scores", "word-pairs", "pearson"),
        ("pairs", "word-pairs", "spearman"), ("pairs", "word-pairs", "pearson"),
        ("analogies", "analogy", "accuracy (3cosadd)"), ("analogies", "analogy", "semantic"),
        ("analogies", "analogy", "syntactic")]
    # the folder holds the same files but scores.dat, in name order, with the same figures
    in_folder = evaluate_suite(kv, tmp_path, restrict_vocab=60)
    assert [(r.name, r.metric, r.value, r.answered, r.ci) for r in in_folder] == [
        (r.name, r.metric, r.value, r.answered, r.ci) for r in rows[4:] + rows[2:4]]
    assert rows[0].value == rows[2].value
    cosmul = evaluate_suite(kv, [tmp_path / "analogies.txt"], restrict_vocab=60, method="3cosmul")
    assert cosmul[0].metric == "accuracy (3cosmul)"
    assert cosmul[0].value == evaluate_analogies(kv, tmp_path / "analogies.txt", restrict_vocab=60,
                                                 method="3cosmul").accuracy
    assert evaluate_suite(kv, []) == []
