"""What every notebook of the course shares: its size, and where its data is.

Each notebook starts with one parameter cell::

    SIZE = course.size()       # "class" (full corpora) or "ci" (small slices, for tests)

``WORDVEC_COURSE_SIZE=ci`` switches every notebook to small data at once;
the tests run them that way. The data come from your data folder
(``WORDVEC_DATA``, a folder holding ``corpora/`` and ``eval/``), or from what
``wordvec fetch`` downloaded (``wordvec fetch text8``, ``wordvec fetch eval``).

>>> size() in SIZES
True
"""
import itertools
import os

from corpora import get, registry
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
    of 1,000-token sentences (a slice that trains in seconds).
    """
    try:
        path = find("wiki17m")
    except FileNotFoundError:
        path = find("text8")  # the same kind of text, downloadable
    corpus = Corpus(path, normalizer="none", max_sentence_length=1000)
    if n_tokens is None:
        return corpus
    tokens = list(itertools.islice(itertools.chain.from_iterable(corpus), n_tokens))
    return [tokens[start:start + 1000] for start in range(0, len(tokens), 1000)]


def brown(n_sentences=None):
    """The Brown corpus, lowercased words only (its registry normaliser).

    With ``n_sentences`` only the first that many sentences, in memory.
    """
    corpus = Corpus(find("brown"), normalizer=get("brown").normalizer)
    if n_sentences is None:
        return corpus
    return [sentence for sentence in itertools.islice(corpus, n_sentences)]


def benchmark(name):
    """The path of a benchmark set, e.g. ``benchmark("wordsim353")``."""
    return find(name)
