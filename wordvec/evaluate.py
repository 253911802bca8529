"""Benchmark suites: a folder (or a list) of benchmark files, run into one table.

There are two kinds of benchmark, each in its own module:

* ``analogy.py``: a is to b as c is to what? (``evaluate_analogies``);
* ``similarity.py``: do cosines rank word pairs as people do? (``evaluate_word_pairs``).

This module tells the kinds apart (``benchmark_kind``: a file that starts
with a ``: section`` header is an analogy set, any other a word-pair set),
runs each file with the settings of its kind (``evaluate_suite``) and lays
the results out as one table (``format_table``), the one ``wordvec eval``
prints. It also re-exports both modules' public names, so that
``from wordvec.evaluate import evaluate_analogies`` reaches everything.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> import numpy as np
>>> from wordvec.keyedvectors import KeyedVectors
>>> words = ["man", "king", "woman", "queen", "apple"]
>>> kv = KeyedVectors(np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1], [-1, 0, -1]],
...                            np.float32), words)
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "family.txt").write_text(": family\\nman king woman queen\\n")
>>> _ = (folder / "pairs.tsv").write_text("man\\tking\\t8\\nking\\tqueen\\t6\\nman\\tapple\\t1\\n")
>>> benchmark_kind(folder / "family.txt"), benchmark_kind(folder / "pairs.tsv")
('analogy', 'similarity')
>>> print(format_table(evaluate_suite(kv, folder)))   # or evaluate_suite(kv, [file, ...])
benchmark  kind        metric               value  answered       OOV
---------  ----------  ------------------  ------  --------  --------
family     analogy     accuracy (3cosadd)  1.0000       1/1  0 (0.0%)
pairs      word-pairs  spearman            1.0000       3/3  0 (0.0%)
pairs      word-pairs  pearson             0.9895       3/3  0 (0.0%)
"""
import math
import os
from dataclasses import dataclass
from pathlib import Path

from .analogy import (ANALOGY_METHODS, AnalogyQuestion, AnalogyResult, SectionResult,
                      evaluate_analogies)
from .benchmark import read_lines
from .errors import BenchmarkFileError
from .similarity import (WordPair, WordPairsResult, evaluate_word_pairs, pearson, rankdata,
                         spearman)
from .tables import text_table

__all__ = ["ANALOGY_METHODS", "AnalogyQuestion", "AnalogyResult", "SectionResult",
           "evaluate_analogies", "WordPair", "WordPairsResult", "evaluate_word_pairs", "pearson",
           "rankdata", "spearman", "BENCHMARK_SUFFIXES", "SuiteRow", "benchmark_kind",
           "benchmark_files", "evaluate_suite", "format_table"]

BENCHMARK_SUFFIXES = (".txt", ".tsv")


@dataclass
class SuiteRow:
    """One line of the benchmark table."""
    name: str
    kind: str           # "analogy" or "word-pairs"
    metric: str         # "accuracy", "spearman" or "pearson"
    value: float
    answered: int
    total: int
    oov: int
    result: object = None  # the AnalogyResult or WordPairsResult behind it


def benchmark_kind(path):
    """Which benchmark a file holds, from its first line.

    Parameters
    ----------
    path : str or Path
        A benchmark file (``.gz`` allowed).

    Returns
    -------
    str
        ``"analogy"`` if the first line that is neither blank nor a ``#``
        comment is a ``: section`` header, else ``"similarity"`` (word pairs).

    Raises
    ------
    BenchmarkFileError
        The file is missing, empty or not UTF-8.
    """
    for line in read_lines(path, "benchmark"):
        if not line.strip() or line.startswith("#"):
            continue
        return "analogy" if line.startswith(": ") else "similarity"
    return "similarity"  # only comments: evaluate_word_pairs will say so


def benchmark_files(folder):
    """The benchmark files in ``folder`` (.txt, .tsv, optionally .gz), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BenchmarkFileError(f"{folder}: no such benchmark folder")
    found = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        suffixes = [s.lower() for s in path.suffixes]
        if suffixes and suffixes[-1] == ".gz":
            suffixes = suffixes[:-1]
        if suffixes and suffixes[-1] in BENCHMARK_SUFFIXES:
            found.append(path)
    if not found:
        raise BenchmarkFileError(f"{folder}: no benchmark files "
                                 f"({', '.join(BENCHMARK_SUFFIXES)}) in this folder")
    return found


def _bench_name(path):
    """A file's name in the table: without ``.gz`` and its extension."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-len(".gz")]
    return Path(name).stem


def evaluate_suite(kv, benchmarks, restrict_vocab=30000, pairs_restrict_vocab=300000,
                   case_insensitive=True, method="3cosadd"):
    """Run a suite of benchmarks; print the result with :func:`format_table`.

    Parameters
    ----------
    kv : KeyedVectors
        Vectors with the vocabulary sorted by descending frequency.
    benchmarks : str or Path, or a list of them
        A folder, whose benchmark files (:func:`benchmark_files`) are run in
        name order, or a list of benchmark files, run in the list's order.
    restrict_vocab : int or None
        Analogy sets: only the N most frequent words are known.
    pairs_restrict_vocab : int or None
        Word-pair sets: the same, by default gensim's 300,000.
    case_insensitive : bool
        Compare uppercased words.
    method : "3cosadd" or "3cosmul"
        How analogies are answered.

    Returns
    -------
    list of SuiteRow
        One row per analogy set (accuracy), two per word-pair set (Spearman,
        then Pearson), in file order.
    """
    if isinstance(benchmarks, (str, os.PathLike)):
        paths = benchmark_files(benchmarks)
    else:
        paths = [Path(path) for path in benchmarks]
    rows = []
    for path in paths:
        name = _bench_name(path)
        if benchmark_kind(path) == "analogy":
            res = evaluate_analogies(kv, path, restrict_vocab=restrict_vocab,
                                     case_insensitive=case_insensitive, method=method)
            rows.append(SuiteRow(name, "analogy", f"accuracy ({method})", res.accuracy,
                                 res.answered, res.total.questions, res.skipped, res))
        else:
            res = evaluate_word_pairs(kv, path, restrict_vocab=pairs_restrict_vocab,
                                      case_insensitive=case_insensitive)
            for metric in ("spearman", "pearson"):
                rows.append(SuiteRow(name, "word-pairs", metric, getattr(res, metric),
                                     res.answered, res.pairs, res.oov, res))
    return rows


def format_table(rows):
    """The rows as one aligned text table (a string; print it)."""
    header = ("benchmark", "kind", "metric", "value", "answered", "OOV")
    body = []
    for row in rows:
        oov_pct = 100.0 * row.oov / row.total if row.total else 0.0
        value = "nan" if row.value is None or math.isnan(row.value) else f"{row.value:.4f}"
        body.append((row.name, row.kind, row.metric, value, f"{row.answered}/{row.total}",
                     f"{row.oov} ({oov_pct:.1f}%)"))
    return text_table(body, header=header, right={3, 4, 5})
