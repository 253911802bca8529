"""Outlier detection: which word does not belong?

Camacho-Collados and Navigli (2016), "Find the word that does not belong".
A set has groups: eight words of one kind (big cats: tiger, lion, cougar...)
and a few outliers (dog, shark, savanna...). Each outlier makes one test case:
the group's words W plus that outlier, n + 1 words. Each word's compactness
is its summed cosine to the n others, and the words are ranked from the most
compact down. The outlier's position OP counts the group words ranked above
it: n when the outlier comes last, as it should (the authors' scorer counts
the same way; ties go to the group words).

* OPP, the Outlier Position Percentage: the mean of OP / n, in percent;
* accuracy: the share of cases where OP = n (the outlier found), with its
  Wilson interval.

Both are over the cases the model can answer, and the coverage says how many
that is. A case is answered when every word of its group and its outlier
have a vector (as written, then in lower case; a multi-word entry such as
``Mercedes_Benz`` gets the mean of its parts' unit vectors when every part is
known: ``categorization.word_vector``). The authors instead score a case with
a missing word as wrong; ``accuracy_all`` gives that figure. With
``oov="ngrams"`` a subword model gives a word the vocabulary lacks the vector
of its n-grams (``unseen.py``), and ``answered_from_ngrams`` counts the cases
answered that way.

Example: three cats and a car. The car has the smallest summed cosine.

>>> import numpy as np
>>> unit = np.array([[1, 0], [0.9, 0.1], [0.8, 0.3], [0, 1]], float)
>>> unit /= np.linalg.norm(unit, axis=1, keepdims=True)
>>> outlier_position(unit[:3], unit[3])
3
"""
import ast
from dataclasses import dataclass, field

import numpy as np

from ..errors import BenchmarkFileError
from .benchmark_files import find_benchmark, read_csv_rows
from .categorization import word_vector
from .stats import wilson_interval
from .unseen import DEFAULT_OOV, unseen_words


@dataclass
class OutlierResult:
    """OPP and accuracy of one outlier set."""

    name: str
    cases: int                  # (group, outlier) pairs in the set
    answered: int
    detected: int
    opp: float                  # percent, over the answered cases
    missing: list = field(default_factory=list)   # words with no vector
    oov_mode: str = DEFAULT_OOV     # "skip", or "ngrams" if a subword model answered unseen words
    answered_from_ngrams: int = 0   # answered cases with a word given its n-grams' vector

    @property
    def accuracy(self):
        """Outliers found, over the cases answered."""
        return self.detected / self.answered if self.answered else float("nan")

    @property
    def accuracy_ci(self):
        return wilson_interval(self.detected, self.answered)

    @property
    def accuracy_all(self):
        """Outliers found, over every case: a case not answered counts as wrong."""
        return self.detected / self.cases if self.cases else float("nan")

    def __str__(self):
        low, high = self.accuracy_ci
        return (f"{self.name}: OPP {self.opp:.1f}%, accuracy {self.accuracy:.1%} "
                f"[{low:.1%}, {high:.1%}] of {self.answered:,} of {self.cases:,} cases answered")


def read_outlier_groups(path):
    """[(name, group words, outliers)] of a ``,category,outliers,words`` CSV.

    The two lists are written as Python lists (``['tiger', 'lion', '']``); they
    are read as literals only (``ast.literal_eval``: no code runs), and their
    empty items dropped. An error names the line.
    """
    path, rows = read_csv_rows(path, ("category", "outliers", "words"), "outlier")
    groups = []
    for number, (category, *columns) in rows:
        lists = []
        for column, text in zip(("outliers", "words"), columns):
            try:
                items = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                items = None
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise BenchmarkFileError(f"{path}: line {number}: the {column} column is not a "
                                         f"list of words: {text[:60]!r}")
            lists.append([item.strip() for item in items if item.strip()])
        outliers, words = lists
        if len(words) < 2:
            raise BenchmarkFileError(f"{path}: line {number}: the group {category!r} has "
                                     f"{len(words)} cluster word(s); a group needs at least 2")
        if not outliers:
            raise BenchmarkFileError(f"{path}: line {number}: the group {category!r} has no "
                                     "outliers")
        groups.append((category, words, outliers))
    if not groups:
        raise BenchmarkFileError(f"{path}: no groups found")
    return groups


def outlier_position(group, outlier):
    """How many of the unit vectors ``group`` (n, dim) are more compact than ``outlier``.

    Compactness: the summed cosine of a word to the n others of the n + 1.
    """
    vectors = np.vstack([group, outlier])
    sims = vectors @ vectors.T
    compactness = sims.sum(axis=1) - np.diag(sims)
    return int((compactness[:-1] >= compactness[-1]).sum())


def evaluate_outliers(kv, path, oov=DEFAULT_OOV):
    """OPP and accuracy of ``kv`` on an outlier set (a file, or its name in the data).

    ``oov="ngrams"``: a subword model answers the cases with a word the
    vocabulary lacks through that word's n-grams (a word-level model skips
    them even so, as the default does for every model).

    Returns
    -------
    OutlierResult
    """
    groups = read_outlier_groups(path)
    name = find_benchmark(path, "outlier").stem
    mode, unseen = unseen_words(kv, oov, case_insensitive=True)
    cases = answered = detected = from_ngrams = 0
    positions, missing, built = [], set(), set()

    def vector(word):
        found = word_vector(kv, word, unseen)
        if found is None:
            missing.add(word)
        elif unseen is not None and word_vector(kv, word) is None:
            built.add(word)
        return found

    for _, words, outliers in groups:
        cases += len(outliers)
        group = [vector(word) for word in words]
        if any(v is None for v in group):
            [vector(word) for word in outliers]   # counted as missing too, if they are
            continue
        group = np.array(group)
        for outlier in outliers:
            found = vector(outlier)
            if found is None:
                continue
            position = outlier_position(group, found)
            answered += 1
            from_ngrams += outlier in built or any(word in built for word in words)
            detected += position == len(words)
            positions.append(position / len(words))
    opp = 100 * float(np.mean(positions)) if positions else float("nan")
    return OutlierResult(name, cases, answered, detected, opp, sorted(missing), mode,
                         from_ngrams)
