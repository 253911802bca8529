"""Help written for users, and the query commands' small manners (issue 11, points 4 and 8)."""
import argparse
import re

import numpy as np
import pytest

from wordvec.cli import build_parser, main
from wordvec.vectors.keyedvectors import KeyedVectors

# What an installed user does not have: our source tree, benchmarks and data layout.
NOT_FOR_USERS = re.compile(r"bench/|results/|\.py\b|PR #|pull request|\.\./shared|"
                           r"/shared/data|as for w2v|as for ")


def subparsers(parser, prefix=()):
    """Every (command words, parser) below ``parser``."""
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from subparsers(sub, prefix + (name,))


COMMANDS = list(subparsers(build_parser()))


@pytest.mark.parametrize("words,parser", COMMANDS, ids=[" ".join(w) or "wordvec"
                                                        for w, _ in COMMANDS])
def test_every_flag_has_its_own_sentence_and_no_source_paths(words, parser):
    helps = {}
    for action in parser._actions:
        if action.help in (None, argparse.SUPPRESS) or isinstance(action, argparse._HelpAction):
            continue
        flag = action.option_strings[-1] if action.option_strings else action.dest
        text = " ".join(action.help.split())
        assert len(text) > 12, f"{flag}: {text!r} says too little"
        assert not NOT_FOR_USERS.search(text), f"{flag}: {text!r}"
        helps[flag] = text
    first_sentences = {}
    for flag, text in helps.items():
        sentence = text.split(". ")[0]
        assert sentence not in first_sentences, \
            f"{flag} repeats {first_sentences.get(sentence)}'s help: {sentence!r}"
        first_sentences[sentence] = flag
    page = parser.format_help()
    assert not NOT_FOR_USERS.search(page.replace(parser.prog, "")), page


def test_presets_cite_no_source_files(capsys):
    assert main(["presets"]) == 0
    assert not NOT_FOR_USERS.search(capsys.readouterr().out)


def test_wordvec_alone_prints_the_help(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: wordvec") and "demo" in out and "fetch" in out


@pytest.fixture
def lowercase_vectors(tmp_path):
    path = tmp_path / "v.txt"
    vectors = np.array([[1, 0], [0.9, 0.2], [0, 1], [0.1, 0.9], [0.5, 0.5]], np.float32)
    KeyedVectors(vectors, ["france", "paris", "germany", "berlin", "europe"]).save(str(path))
    return str(path)


def test_unknown_word_has_one_status_in_neighbors_and_analogy(lowercase_vectors, capsys):
    neighbors = main(["neighbors", lowercase_vectors, "atlantis"])
    assert "'atlantis' is not in the vocabulary" in capsys.readouterr().err
    analogy = main(["analogy", lowercase_vectors, "paris", "france", "atlantis"])
    err = capsys.readouterr().err
    assert "'atlantis' is not in the vocabulary" in err and "Traceback" not in err
    assert neighbors == analogy == 1


def test_capitalised_words_fall_back_to_lowercase_and_say_so(lowercase_vectors, capsys):
    assert main(["neighbors", lowercase_vectors, "France", "--topn", "1"]) == 0
    captured = capsys.readouterr()
    assert "'France' is not in the vocabulary; using 'france'" in captured.err
    assert re.search(r"1\s+paris", captured.out)
    assert main(["analogy", lowercase_vectors, "Paris", "France", "Berlin", "--topn", "1"]) == 0
    captured = capsys.readouterr()
    assert "paris : france :: berlin : ?" in captured.out
    assert re.search(r"1\s+germany", captured.out)
