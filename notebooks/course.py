"""What every notebook of the course shares: its size, and where its data is.

Each notebook starts with one parameter cell::

    SIZE = course.size()       # "class" (full corpora) or "ci" (small slices, for tests)

``WORDVEC_COURSE_SIZE=ci`` switches every notebook to small data at once;
the tests run them that way. The data come from your data folder
(``WORDVEC_DATA``, a folder holding ``corpora/`` and ``eval/``), or from what
``wordvec fetch`` downloaded (``wordvec fetch text8``, ``wordvec fetch eval``).

At ci size only, a machine with none of them (a new clone, a CI runner) can
still run the lessons that need only some text and some benchmark (02, 03
and 07): the text falls back to the synthetic corpus (``corpora.synthetic``), and
the benchmark sets to its planted analogies and word pairs, with a printed
note saying so. The lessons about real text's statistics or human-scored
sets need the data (``has_real_data``; their tests say so when they skip).
At class size a missing file is an error that says how to get it.

>>> size() in SIZES
True
"""
import itertools
import os
import tempfile
from pathlib import Path

from corpora import get, registry, synthetic
from wordvec import Corpus

SIZE_ENV_VAR = "WORDVEC_COURSE_SIZE"
SIZES = ("class", "ci")


def size():
    """The course size: ``$WORDVEC_COURSE_SIZE`` ("ci" or "class"), "class" by default."""
    value = os.environ.get(SIZE_ENV_VAR, "class")
    if value not in SIZES:
        raise ValueError(f"{SIZE_ENV_VAR}={value!r}: expected one of {SIZES}")
    return value


def find(name):
    """The local path of a registered corpus or benchmark set, e.g. ``find("brown")``.

    Raises FileNotFoundError saying how to get it.
    """
    return registry.find(name)   # $WORDVEC_DATA first, then what `wordvec fetch` downloaded


def wikipedia(n_tokens=None):
    """Wikipedia text in text8's format: wiki17m if you have it, else text8.

    With ``n_tokens`` only the first that many tokens, as an in-memory list
    of 1,000-token sentences (a slice that trains in seconds). At ci size with
    neither file, the synthetic corpus instead (``n_tokens`` of it).
    """
    try:
        path = find("wiki17m")
    except FileNotFoundError:
        try:
            path = find("text8")  # the same kind of text, downloadable
        except FileNotFoundError:
            if size() != "ci" or n_tokens is None:
                raise
            return _synthetic_text(n_tokens)
    corpus = Corpus(path, normalizer="none", max_sentence_length=1000)
    if n_tokens is None:
        return corpus
    tokens = list(itertools.islice(itertools.chain.from_iterable(corpus), n_tokens))
    return [tokens[start:start + 1000] for start in range(0, len(tokens), 1000)]


def has_real_data():
    """Whether Wikipedia text (wiki17m or text8) and the main benchmark sets are here."""
    def found(name):
        try:
            return find(name) is not None
        except FileNotFoundError:
            return False
    return (found("wiki17m") or found("text8")) and all(
        found(name) for name in ("questions-words", "wordsim353", "simlex999", "men"))


def _note(text):
    print(f"(ci size: {text})")


def _synthetic_text(n_tokens):
    """About ``n_tokens`` tokens of the synthetic corpus (sentences of ~11 tokens)."""
    _note("no wiki17m or text8 here, so the synthetic corpus stands in for Wikipedia; "
          "`wordvec fetch text8` gets the real text")
    sentences, total = [], 0
    for sentence in synthetic.generate(n_sentences=n_tokens // 8 + 1, seed=0):
        if total >= n_tokens:
            break
        sentences.append(sentence)
        total += len(sentence)
    return sentences


def brown(n_sentences=None):
    """The Brown corpus, lowercased words only (its registry normaliser).

    With ``n_sentences`` only the first that many sentences, in memory.
    """
    corpus = Corpus(find("brown"), normalizer=get("brown").normalizer)
    if n_sentences is None:
        return corpus
    return [sentence for sentence in itertools.islice(corpus, n_sentences)]


def benchmark(name):
    """The path of a benchmark set, e.g. ``benchmark("wordsim353")``.

    At ci size with no such file, the synthetic corpus's set of the same kind
    (its planted analogies, or its word pairs), written to a temporary folder.
    """
    try:
        return find(name)
    except FileNotFoundError:
        if size() != "ci":
            raise
    kind = get(name).kind
    folder = Path(tempfile.gettempdir())
    if kind == "analogy":
        path = folder / "wordvec-course-synthetic-questions.txt"
        synthetic.write_questions(path)
    else:
        path = folder / "wordvec-course-synthetic-pairs.tsv"
        synthetic.write_word_pairs(path)
    _note(f"no {name} here, so the synthetic corpus's planted {kind} set stands in; "
          "`wordvec fetch eval` gets the real sets")
    return path
