"""The demo (w2v/demo.py): what it prints and the figures it returns.

It trains once, on 20,000 sentences with one thread (a second or two, and the
same vectors every run), for all the tests of this file.
"""
import contextlib
import io
import re

import pytest

from w2v import SkipGram
from wordvec.cli import main
from wordvec.cli.demo import DEMO_ANALOGIES, DEMO_NEIGHBOURS, _marks, run_demo


@pytest.fixture(scope="module")
def demo():
    """(figures, what it printed to ``out``, what it printed to sys.stdout)."""
    out, stdout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout):
        figures = run_demo(n_sentences=20_000, workers=1, seed=0, out=out)
    return figures, out.getvalue(), stdout.getvalue()


def test_demo_returns_the_figures_it_prints(demo):
    figures, printed, _ = demo
    assert not figures["interrupted"]
    assert figures["sentences"] == 20_000
    assert f"20,000 sentences, {figures['words']:,} words, vocabulary {figures['vocabulary']:,}" \
        in printed
    assert re.search(rf"workers=1: {figures['words_trained']:,} words in \d+\.\d s "
                     rf"\({figures['words_per_second']:,.0f} words/s\)$", printed, re.MULTILINE)
    assert list(figures["neighbours"]) == list(DEMO_NEIGHBOURS)
    for word, nearest in figures["neighbours"].items():
        assert len(nearest) == 5
        near, score = nearest[0]
        assert re.search(rf"^  {word} +{near} {score:.2f}, ", printed, re.MULTILINE)
    assert figures["questions"] == 1020
    assert list(figures["sections"]) == ["capitals", "gender", "plurals"]
    assert figures["accuracy"] == figures["correct"] / 1020 > 0.9
    assert (f"all 1,020 planted analogy questions: {figures['correct']:,} correct "
            f"({figures['accuracy']:.1%}; capitals ") in printed
    assert "wordvec fetch text8" in printed and "wordvec train sg --corpus text8" in printed


def test_demo_solves_its_analogies(demo):
    figures, printed, _ = demo
    assert [(*s["question"], s["expected"]) for s in figures["analogies"]] == list(DEMO_ANALOGIES)
    for solved in figures["analogies"]:
        assert solved["answer"] == solved["expected"]
        a, b, c = solved["question"]
        assert re.search(rf"^  ✓ +{a} : {b} :: {c} : {solved['answer']} +{solved['score']:.2f}$",
                         printed, re.MULTILINE)


def test_demo_prints_only_to_out(demo):
    assert demo[2] == ""


def test_marks_fall_back_to_ascii():
    assert _marks(io.StringIO()) == ("✓", "✗")
    assert _marks(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) == ("✓", "✗")
    assert _marks(io.TextIOWrapper(io.BytesIO(), encoding="ascii")) == ("+", "x")


def test_interrupted_demo(monkeypatch, capsys):
    def ctrl_c(self, *args):
        raise KeyboardInterrupt
    monkeypatch.setattr(SkipGram, "_train_chunk", ctrl_c)
    out = io.StringIO()
    assert run_demo(n_sentences=5_000, workers=1, out=out) == {"interrupted": True}
    assert out.getvalue().endswith("interrupted (Ctrl-C)\n")
    assert main(["demo", "--sentences", "5000", "--workers", "1"]) == 130
    assert "interrupted (Ctrl-C)" in capsys.readouterr().out
