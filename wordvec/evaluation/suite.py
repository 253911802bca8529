"""Benchmark suites: a folder (or a list) of benchmark files, run into one table.

There are two kinds of benchmark, each in its own module:

* ``analogy.py``: a is to b as c is to what? (``evaluate_analogies``);
* ``word_pairs.py``: do cosines rank word pairs as people do? (``evaluate_word_pairs``).

This module tells the kinds apart (``benchmark_kind``: a file that starts
with a ``: section`` header is an analogy set, any other a word-pair set),
runs each file with the settings of its kind (``evaluate_suite``), and
``suite_tables`` lays the results out as one table (``format_table``), the
one ``wordvec eval`` prints. Several models run over the same files
(``evaluate_models``) give one table with a column per model
(``format_models_table``). Every figure that has one shows its 95% interval:
Wilson's for an accuracy, the bootstrap's for Spearman (Pearson has none).
Under the table a line says whether words outside the vocabulary were
skipped (the default) or answered from a subword model's n-grams
(``oov="ngrams"``, ``unseen.py``). It also re-exports both modules' public
names, so that ``from wordvec.evaluation.suite import evaluate_analogies``
reaches everything.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> import numpy as np
>>> from wordvec.vectors.keyedvectors import KeyedVectors
>>> words = ["man", "king", "woman", "queen", "apple"]
>>> kv = KeyedVectors(np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1], [-1, 0, -1]],
...                            np.float32), words)
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "family.txt").write_text(": family\\nman king woman queen\\n")
>>> _ = (folder / "pairs.tsv").write_text("man\\tking\\t8\\nking\\tqueen\\t6\\nman\\tapple\\t1\\n")
>>> benchmark_kind(folder / "family.txt"), benchmark_kind(folder / "pairs.tsv")
('analogy', 'similarity')
>>> rows = evaluate_suite(kv, folder)   # or evaluate_suite(kv, [file, ...])
>>> print(format_table(rows))   # doctest: +NORMALIZE_WHITESPACE
benchmark  kind        metric               value          95% CI  answered       OOV
---------  ----------  ------------------  ------  --------------  --------  --------
family     analogy     accuracy (3cosadd)  1.0000  [0.207, 1.000]       1/1  0 (0.0%)
pairs      word-pairs  spearman            1.0000  [1.000, 1.000]       3/3  0 (0.0%)
pairs      word-pairs  pearson             0.9895                       3/3  0 (0.0%)
unseen words: skipped, the default, comparable across models (--oov ngrams answers
them from a subword model's n-grams)
>>> small = KeyedVectors(kv.vectors[[0, 1, 4]], ["man", "king", "apple"])   # a second model
>>> rows = evaluate_models({"kv": kv, "small": small}, folder)
>>> print(format_models_table(rows))   # doctest: +NORMALIZE_WHITESPACE
benchmark  metric              kv                     small
---------  ------------------  ---------------------  ---------------------
family     accuracy (3cosadd)  1.0000 [0.207, 1.000]  0.0000 [0.000, 1.000]
family     answered            1/1                    0/1
pairs      spearman            1.0000 [1.000, 1.000]  1.0000 [1.000, 1.000]
pairs      pearson             0.9895                 1.0000
pairs      answered            3/3                    2/3
unseen words: skipped, the default, comparable across models (--oov ngrams answers
them from a subword model's n-grams)
"""
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BenchmarkFileError
from ..vectors.keyedvectors import KeyedVectors
from .analogy import (ANALOGY_METHODS, AnalogyQuestion, AnalogyResult, SectionResult,
                      evaluate_analogies)
from .bats import is_bats_folder
from .benchmark_files import find_benchmark, read_lines
from .categorization import evaluate_categorization
from .outliers import evaluate_outliers
from .stats import pearson, rankdata, spearman, spearman_bootstrap_ci, wilson_interval
from .suite_tables import format_models_table, format_table
from .unseen import DEFAULT_OOV, OOV_MODES, applied_mode
from .word_pairs import WordPair, WordPairsResult, evaluate_word_pairs

__all__ = ["ANALOGY_METHODS", "AnalogyQuestion", "AnalogyResult", "SectionResult",
           "evaluate_analogies", "wilson_interval", "WordPair", "WordPairsResult",
           "evaluate_word_pairs", "pearson", "rankdata", "spearman", "spearman_bootstrap_ci",
           "BENCHMARK_SUFFIXES", "SuiteRow", "ModelsRow", "benchmark_kind", "benchmark_files",
           "evaluate_suite", "evaluate_models", "combine_suites", "format_table",
           "format_models_table", "OOV_MODES"]

BENCHMARK_SUFFIXES = (".txt", ".tsv", ".csv")


@dataclass
class SuiteRow:
    """One line of the benchmark table: one figure of one model on one file."""
    name: str
    kind: str           # "analogy", "word-pairs", "categorization" or "outliers"
    metric: str         # "accuracy (METHOD)", a part's name, "spearman", "pearson",
                        # "purity (METHOD)", "accuracy" or "OPP"
    value: float
    answered: int       # questions or pairs behind the figure whose words are all known
    total: int          # ... out of how many in the file (or in the semantic/syntactic half)
    oov: int
    result: object = None  # the AnalogyResult or WordPairsResult behind it
    ci: tuple = None       # 95% interval (low, high): Wilson's or the bootstrap's; None: none
    oov_mode: str = DEFAULT_OOV    # "ngrams": a subword model answered unseen words
    from_ngrams: int = 0   # of ``answered``, the items answered through n-grams


@dataclass
class ModelsRow:
    """One line of the several-models table: one figure of one file, for every model.

    ``cells`` maps each model's name (in the order given) to its
    :class:`SuiteRow`, which holds the value, interval and counts.
    """
    name: str
    kind: str
    metric: str
    cells: dict = field(default_factory=dict)


def benchmark_kind(path):
    """Which task a benchmark holds, from its first line (or, for a folder, its files).

    Parameters
    ----------
    path : str or Path
        A benchmark file (``.gz`` allowed), or a BATS folder.

    Returns
    -------
    str
        ``"analogy"`` for a BATS folder, or a file whose first line that is
        neither blank nor a ``#`` comment is a ``: section`` header;
        ``"categorization"`` for a CSV headed ``,category,word``;
        ``"outliers"`` for a CSV headed ``,category,outliers,words``; else
        ``"similarity"`` (word pairs).

    Raises
    ------
    BenchmarkFileError
        The file is missing, empty or not UTF-8.
    """
    path = find_benchmark(path)   # a name (BATS_3.0, ap) as the data folder holds it
    if is_bats_folder(path):
        return "analogy"
    for line in read_lines(path, "benchmark"):
        if not line.strip() or line.startswith("#"):
            continue
        header = [cell.strip() for cell in line.split(",")]
        if header[1:] == ["category", "word"]:
            return "categorization"
        if header[1:] == ["category", "outliers", "words"]:
            return "outliers"
        return "analogy" if line.startswith(": ") else "similarity"
    return "similarity"  # only comments: evaluate_word_pairs will say so


def _is_benchmark_file(path):
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return path.is_file() and not path.name.startswith(".") and bool(suffixes) and \
        suffixes[-1] in BENCHMARK_SUFFIXES


def benchmark_files(folder):
    """The benchmarks in ``folder``, sorted by name: its files (.txt, .tsv, .csv, optionally
    .gz), those of the folders in it (``categorization/``, ``outliers/``), and BATS folders."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BenchmarkFileError(f"{folder}: no such benchmark folder")
    found = [path for path in sorted(folder.iterdir()) if _is_benchmark_file(path)]
    for sub in sorted(path for path in folder.iterdir() if path.is_dir()):
        if is_bats_folder(sub):
            found.append(sub)
        else:
            found += [path for path in sorted(sub.iterdir()) if _is_benchmark_file(path)]
    if not found:
        raise BenchmarkFileError(f"{folder}: no benchmark files "
                                 f"({', '.join(BENCHMARK_SUFFIXES)}) in this folder")
    return found


def _bench_name(path):
    """A file's name in the table: without ``.gz`` and its extension (a folder: its name)."""
    if path.is_dir():
        return path.name
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-len(".gz")]
    return Path(name).stem


def evaluate_suite(kv, benchmarks, restrict_vocab=30000, pairs_restrict_vocab=300000,
                   case_insensitive=True, method="3cosadd", n_resamples=1000, seed=0,
                   oov=DEFAULT_OOV):
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
    n_resamples : int or None
        Bootstrap resamples behind each Spearman interval; use at least the
        default 1,000 for figures you report (None: no interval).
    seed : int
        Seeds the bootstrap: the same seed gives the same intervals.
    oov : "skip" or "ngrams"
        Items with a word outside the vocabulary: skipped (the default, which
        keeps the figures comparable with word-level models), or answered
        from a subword model's n-grams (``unseen.py``; a word-level model
        skips them even so). Each row records the mode applied and how many
        of its items were answered through n-grams.

    Returns
    -------
    list of SuiteRow
        Per analogy set, the accuracy over all sections, then its parts:
        Google's ``semantic`` and ``syntactic`` halves, or BATS's four; per
        word-pair set, Spearman then Pearson; per categorization set, the
        purity of each clustering (k-means first, the default); per outlier
        set, the accuracy then OPP (as a fraction). In file order; ``ci``
        holds each row's 95% interval (None for Pearson and OPP).
    """
    if isinstance(benchmarks, (str, os.PathLike)):
        paths = benchmark_files(benchmarks)
    else:
        paths = [Path(path) for path in benchmarks]
    mode = applied_mode(kv, oov)   # a bad mode fails before the first file is read
    rows = []
    for path in paths:
        name = _bench_name(path)
        kind = benchmark_kind(path)
        if kind == "analogy":
            res = evaluate_analogies(kv, path, restrict_vocab=restrict_vocab,
                                     case_insensitive=case_insensitive, method=method, oov=oov)
            for metric, part in [(f"accuracy ({method})", res.total)] + [
                    (part.name, part) for part in res.parts]:
                rows.append(SuiteRow(name, "analogy", metric, part.accuracy, part.answered,
                                     part.questions, part.skipped, res, part.accuracy_ci,
                                     mode, part.from_ngrams))
        elif kind == "categorization":
            res = evaluate_categorization(kv, path, n_resamples=n_resamples, seed=seed, oov=oov)
            for method_name, (value, ci) in res.purity_by_method.items():
                rows.append(SuiteRow(name, kind, f"purity ({method_name})", value, res.answered,
                                     res.items, len(res.missing), res, ci, mode,
                                     res.answered_from_ngrams))
        elif kind == "outliers":
            res = evaluate_outliers(kv, path, oov=oov)
            skipped = res.cases - res.answered
            rows.append(SuiteRow(name, kind, "accuracy", res.accuracy, res.answered, res.cases,
                                 skipped, res, res.accuracy_ci, mode, res.answered_from_ngrams))
            rows.append(SuiteRow(name, kind, "OPP", res.opp / 100, res.answered, res.cases,
                                 skipped, res, None, mode, res.answered_from_ngrams))
        else:
            res = evaluate_word_pairs(kv, path, restrict_vocab=pairs_restrict_vocab,
                                      case_insensitive=case_insensitive,
                                      n_resamples=n_resamples, seed=seed, oov=oov)
            rows.append(SuiteRow(name, "word-pairs", "spearman", res.spearman, res.answered,
                                 res.pairs, res.oov, res, res.spearman_ci, mode,
                                 res.answered_from_ngrams))
            rows.append(SuiteRow(name, "word-pairs", "pearson", res.pearson, res.answered,
                                 res.pairs, res.oov, res, None, mode,
                                 res.answered_from_ngrams))
    return rows


def evaluate_models(models, benchmarks, **settings):
    """Run the same suite on several models; print the result with :func:`format_models_table`.

    Parameters
    ----------
    models : dict
        Model name (a column heading) -> KeyedVectors, or the path of a
        vector file, loaded when its turn comes so that only one model is in
        memory at a time.
    benchmarks : str or Path, or a list of them
        As :func:`evaluate_suite` takes them.
    **settings
        Any other keyword of :func:`evaluate_suite` (``restrict_vocab``,
        ``method``, ``n_resamples``, ...), the same for every model.

    Returns
    -------
    list of ModelsRow
        The rows :func:`evaluate_suite` gives one model, each holding every
        model's :class:`SuiteRow` in ``cells``.
    """
    suites = {}
    for name, kv in models.items():
        if isinstance(kv, (str, os.PathLike)):
            kv = KeyedVectors.load(kv)
        suites[name] = evaluate_suite(kv, benchmarks, **settings)
    return combine_suites(suites)


def combine_suites(suites):
    """{model name: list of SuiteRow} (the same suite for each) -> list of ModelsRow.

    Raises ValueError if the suites do not line up: they must come from the
    same benchmark files, in the same order, with the same settings.
    """
    names = list(suites)
    if not names:
        return []
    first = suites[names[0]]
    for name in names[1:]:
        keys = [(r.name, r.metric) for r in suites[name]]
        if keys != [(r.name, r.metric) for r in first]:
            raise ValueError(f"the suites of models {names[0]!r} and {name!r} differ (benchmark "
                             "files, their order, or the analogy method): they cannot be "
                             "laid side by side")
    return [ModelsRow(row.name, row.kind, row.metric,
                      {name: suites[name][i] for name in names})
            for i, row in enumerate(first)]
