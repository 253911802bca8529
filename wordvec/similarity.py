"""Word-pair benchmarks: does cosine similarity rank pairs as people do?

A word-pair file (WordSim-353, SimLex-999, MEN, ...) lists ``word1 word2
score`` lines, the score a human judgement of how similar or related the two
words are. The vectors are scored by the correlation between those judgements
and the cosine similarity of the two words' vectors: Spearman's (of ranks,
the usual headline figure) and Pearson's (of values).

The numbers equal gensim 4.4's ``KeyedVectors.evaluate_word_pairs``, and the
p-values scipy's, without depending on either.

How sure is the Spearman figure? WordSim-353 has 353 pairs, RG-65 only 65:
a difference of 0.03 between two models can be noise. Each result carries a
95% bootstrap confidence interval for Spearman (``spearman_ci``): the pairs
are resampled with replacement ``n_resamples`` times (seeded, so the same
run gives the same interval), Spearman is computed on each resample, and
the interval is the 2.5th and 97.5th percentiles of those values (the
percentile method; ``spearman_bootstrap_ci``).

Semantics (as gensim's)
-----------------------
Cosine similarity of the two words against the human score, Pearson and
Spearman (average ranks for ties), with the same vocabulary restriction and
case folding as the analogies (``benchmark.known_words``). Pairs with an
unknown word are skipped and counted (or, with ``dummy4unknown``, scored
0.0). Unlike gensim, a malformed line is an error naming the file and line,
not a silent skip, and a file whose pairs are all unknown gives NaN
correlations instead of raising.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> from wordvec.keyedvectors import KeyedVectors
>>> kv = KeyedVectors(np.array([[1, 0], [2, 1], [0, 1]], np.float32), ["cat", "dog", "car"])
>>> path = Path(tempfile.mkdtemp()) / "pairs.tsv"
>>> _ = path.write_text("cat\\tdog\\t8.5\\ndog\\tcar\\t3\\ncat\\tcar\\t1\\ncat\\tmouse\\t7\\n")
>>> result = evaluate_word_pairs(kv, path)   # cosines 0.89, 0.45, 0.0: the humans' order
>>> round(result.spearman, 6), round(result.pearson, 2), result.oov, result.answered
(1.0, 0.97, 1, 3)
>>> result.spearman_ci   # every resample of perfectly ordered pairs is perfectly ordered too
(1.0, 1.0)
"""
import math
from dataclasses import dataclass, field

import numpy as np

from .benchmark import known_words, read_lines
from .errors import BenchmarkFileError
from .keyedvectors import cosine


@dataclass
class WordPair:
    """One line of a word-pair file."""
    line_no: int
    word1: str
    word2: str
    gold: float
    model: float        # cosine similarity; None if a word is unknown


@dataclass
class WordPairsResult:
    """Everything :func:`evaluate_word_pairs` measured."""
    path: str
    pearson: float
    pearson_pvalue: float
    spearman: float
    spearman_pvalue: float
    pairs: int          # well-formed pairs in the file
    used: int           # pairs in the correlation (with dummy4unknown, all of them)
    oov: int            # pairs with an unknown word
    restrict_vocab: int
    case_insensitive: bool
    dummy4unknown: bool
    records: list = field(default_factory=list)
    # 95% percentile-bootstrap interval of Spearman over the pairs used
    # (spearman_bootstrap_ci); (nan, nan) if not computed or undefined.
    spearman_ci: tuple = (math.nan, math.nan)
    n_resamples: int = None     # bootstrap resamples behind spearman_ci (None: not computed)

    @property
    def oov_ratio(self):
        """Fraction of pairs with an unknown word (gensim reports it x100)."""
        return self.oov / self.pairs if self.pairs else 0.0

    @property
    def answered(self):
        """Pairs whose two words are known."""
        return self.pairs - self.oov


def _split_pair(line, delimiter):
    if delimiter is None:
        parts = line.split("\t") if "\t" in line else line.split()
    else:
        parts = line.split(delimiter)
    return [p.strip() for p in parts]


def _parse_pairs(path, delimiter):
    lines = read_lines(path, "word-pair")
    pairs = []
    for line_no, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = _split_pair(line, delimiter)
        if len(parts) != 3 or not parts[0] or not parts[1]:
            raise BenchmarkFileError(f"{path}: line {line_no}: expected 3 fields 'word1 word2 "
                                     f"score', got {len(parts)}: {line.strip()!r}")
        try:
            score = float(parts[2])
        except ValueError:
            raise BenchmarkFileError(f"{path}: line {line_no}: score {parts[2]!r} is not a "
                                     "number") from None
        pairs.append((line_no, parts[0], parts[1], score))
    if not pairs:
        raise BenchmarkFileError(f"{path}: no word pairs found (only comments or blank lines)")
    return pairs


def evaluate_word_pairs(kv, path, delimiter=None, restrict_vocab=300000, case_insensitive=True,
                        dummy4unknown=False, n_resamples=1000, seed=0):
    """Correlation of cosine similarity with human scores on a word-pair file.

    Lines are ``word1 word2 score``, tab-separated (or, with ``delimiter=None``
    and no tab on the line, whitespace-separated); ``#`` lines are comments.

    Parameters
    ----------
    kv : KeyedVectors
        Vectors with the vocabulary sorted by descending frequency.
    path : str or Path
        The benchmark file (``.gz`` allowed).
    delimiter : str or None
        The field separator; None: a tab if the line has one, else whitespace.
    restrict_vocab : int or None
        Only the first N words are known (gensim's default, 300,000).
    case_insensitive : bool
        Compare uppercased words (the most frequent case variant's vector is used).
    dummy4unknown : bool
        Give pairs with an unknown word similarity 0.0 instead of skipping them.
    n_resamples : int or None
        Bootstrap resamples for ``spearman_ci`` (:func:`spearman_bootstrap_ci`).
        Figures meant for a report should use at least the default 1,000;
        fewer only save time (a few hundredths of a second per set). None:
        no interval.
    seed : int
        Seeds the resampling: the same seed gives the same interval.

    Returns
    -------
    WordPairsResult
        Pearson and Spearman (and p-values, as scipy computes them), Spearman's
        95% bootstrap interval, the out-of-vocabulary count and ratio, and one
        record per pair.
    """
    parsed = _parse_pairs(path, delimiter)
    fold = str.upper if case_insensitive else (lambda w: w)
    known, _ = known_words(kv, restrict_vocab, case_insensitive)
    vectors = kv.vectors
    gold, model, records = [], [], []
    oov = 0
    for line_no, w1, w2, score in parsed:
        i1, i2 = known.get(fold(w1)), known.get(fold(w2))
        if i1 is None or i2 is None:
            oov += 1
            records.append(WordPair(line_no, w1, w2, score, None))
            if dummy4unknown:
                gold.append(score)
                model.append(0.0)
            continue
        sim = cosine(vectors[i1], vectors[i2])
        records.append(WordPair(line_no, w1, w2, score, sim))
        gold.append(score)
        model.append(sim)
    pearson_r, pearson_p = pearson(gold, model)
    spearman_r, spearman_p = spearman(gold, model)
    interval = (math.nan, math.nan)
    if n_resamples is not None:
        interval = spearman_bootstrap_ci(gold, model, n_resamples=n_resamples, seed=seed)
    return WordPairsResult(path=str(path), pearson=pearson_r, pearson_pvalue=pearson_p,
                           spearman=spearman_r, spearman_pvalue=spearman_p, pairs=len(parsed),
                           used=len(gold), oov=oov, restrict_vocab=restrict_vocab,
                           case_insensitive=case_insensitive, dummy4unknown=dummy4unknown,
                           records=records, spearman_ci=interval, n_resamples=n_resamples)


# -------------------------------------------------------------- statistics

def rankdata(values):
    """Ranks 1..n, ties getting the average of their ranks (scipy's "average")."""
    values = np.asarray(values, dtype=np.float64)
    n = len(values)
    sorter = np.argsort(values, kind="mergesort")
    inverse = np.empty(n, dtype=np.intp)
    inverse[sorter] = np.arange(n)
    ordered = values[sorter]
    starts = np.r_[True, ordered[1:] != ordered[:-1]]
    dense = np.cumsum(starts)[inverse]
    bounds = np.r_[np.nonzero(starts)[0], n]
    return 0.5 * (bounds[dense] + bounds[dense - 1] + 1)


def pearson(x, y):
    """(r, two-sided p-value) of Pearson's correlation; NaNs if undefined."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(x)
    if n < 2:
        return math.nan, math.nan
    xm, ym = x - x.mean(), y - y.mean()
    nx, ny = np.linalg.norm(xm), np.linalg.norm(ym)
    if nx == 0 or ny == 0:
        return math.nan, math.nan
    r = float(np.clip(np.dot(xm / nx, ym / ny), -1.0, 1.0))
    return r, _correlation_pvalue(r, n)


def spearman(x, y):
    """(rho, two-sided p-value) of Spearman's rank correlation (average ranks for ties)."""
    if len(x) < 2:
        return math.nan, math.nan
    return pearson(rankdata(x), rankdata(y))


def spearman_bootstrap_ci(x, y, n_resamples=1000, seed=0, confidence=0.95):
    """Percentile-bootstrap confidence interval of Spearman's rho between ``x`` and ``y``.

    The n pairs ``(x[i], y[i])`` are resampled with replacement: row k of
    ``numpy.random.default_rng(seed).integers(0, n, (n_resamples, n))``
    picks the k-th resample (the draws ``scipy.stats.bootstrap`` makes with
    that generator and ``paired=True``). Spearman (average ranks for ties) is
    computed on each resample, and the interval is the percentiles
    ``(1 - confidence) / 2`` and ``(1 + confidence) / 2`` of those values,
    with linear interpolation (``numpy.percentile``'s default).

    Parameters
    ----------
    x, y : array-like, shape (n,)
        Paired values (human scores and cosines).
    n_resamples : int
        How many resamples; reports should use at least the default 1,000.
    seed : int
        Seeds the resampling: the same seed gives the same interval.
    confidence : float
        The interval's coverage, between 0 and 1.

    Returns
    -------
    (low, high) : tuple of float
        NaNs if fewer than 2 pairs. A resample whose ranks are all tied
        on one side (possible only for tiny n) has no correlation and is
        left out of the percentiles.

    Examples
    --------
    Ten pairs in nearly the same order: rho = 0.94, but ten pairs say little.

    >>> x, y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 4, 3, 6, 5, 8, 7, 10, 9]
    >>> round(spearman(x, y)[0], 2), [round(bound, 2) for bound in spearman_bootstrap_ci(x, y)]
    (0.94, [0.73, 0.99])
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.shape != y.shape or x.ndim != 1:
        raise ValueError(f"x and y must be 1-D and of the same length, got shapes "
                         f"{x.shape} and {y.shape}")
    if not isinstance(n_resamples, (int, np.integer)) or n_resamples < 1:
        raise ValueError(f"n_resamples must be a whole number >= 1, got {n_resamples!r}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    n = len(x)
    if n < 2:
        return math.nan, math.nan
    picks = np.random.default_rng(seed).integers(0, n, (n_resamples, n))
    # A resample holds only the original values, so ranks can be counted
    # instead of sorted: each value's index among the distinct values, once.
    x_values, x_codes = np.unique(x, return_inverse=True)
    y_values, y_codes = np.unique(y, return_inverse=True)
    rhos = np.empty(n_resamples)
    step = max(1, (1 << 22) // n)  # resamples per block: bounds the memory, not the speed
    for start in range(0, n_resamples, step):
        block = picks[start:start + step]
        rx = _resample_ranks(x_codes[block], len(x_values))
        ry = _resample_ranks(y_codes[block], len(y_values))
        rhos[start:start + len(block)] = _row_correlations(rx, ry)
    rhos = rhos[np.isfinite(rhos)]
    if not len(rhos):
        return math.nan, math.nan
    tail = 50.0 * (1.0 - confidence)
    low, high = np.percentile(rhos, [tail, 100.0 - tail])
    return float(low), float(high)


def _resample_ranks(codes, k):
    """Average ranks within each row, ties averaged, for rows of codes 0..k-1.

    A value's rank is 1 + (how many values in its row are smaller) + (how
    many others equal it) / 2; both counts come from one histogram per row.
    """
    rows, n = codes.shape
    flat = codes + k * np.arange(rows)[:, None]   # row r's codes in bins r*k .. r*k + k-1
    counts = np.bincount(flat.ravel(), minlength=rows * k).reshape(rows, k)
    smaller = np.cumsum(counts, axis=1) - counts
    average = smaller + (counts + 1) / 2.0
    return np.take_along_axis(average, codes, axis=1)


def _row_correlations(a, b):
    """Pearson's r of each row of ``a`` with the same row of ``b`` (NaN if a row is constant)."""
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    denominator = np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.clip((a * b).sum(axis=1) / denominator, -1.0, 1.0)


def _correlation_pvalue(r, n):
    """Two-sided p-value of a correlation r over n points (t-test, n - 2 df), as scipy."""
    df = n - 2
    if df <= 0:
        return 1.0
    if abs(r) >= 1.0:
        return 0.0
    t2 = r * r * df / (1.0 - r * r)
    return _betainc(df / 2.0, 0.5, df / (df + t2))


def _betainc(a, b, x):
    """Regularised incomplete beta I_x(a, b) (continued fraction, Numerical Recipes 6.4)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def _betacf(a, b, x):
    tiny, eps = 1e-300, 1e-16
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < eps:
            break
    return h

