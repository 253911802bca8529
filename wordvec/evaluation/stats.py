"""The statistics the benchmarks report: ranks, correlations, p-values, intervals.

* ``rankdata``, ``pearson``, ``spearman``: as scipy.stats computes them
  (ties get their average rank; two-sided p-values from Student's t);
* ``spearman_bootstrap_ci``: a 95% percentile bootstrap interval for
  Spearman's rho, resampling the word pairs;
* ``wilson_interval``: the Wilson score interval of an accuracy;
* ``bootstrap_interval``: a percentile bootstrap interval of any score over items.

Written out in NumPy, so that a reader sees every step.

>>> round(spearman([1, 2, 3, 4], [1, 3, 2, 4])[0], 2)
0.8
>>> [round(bound, 4) for bound in wilson_interval(8, 10)]
[0.4902, 0.9433]
"""
import math
from statistics import NormalDist

import numpy as np


def wilson_interval(successes, trials, confidence=0.95):
    """Wilson score interval of a proportion ``successes / trials``.

    With p = successes / trials and z the normal quantile of (1 + confidence) / 2
    (1.96 for 95%), the interval is::

        (p + z²/2n  ±  z·sqrt(p(1 - p)/n + z²/4n²)) / (1 + z²/n)

    Unlike the textbook p ± z·sqrt(p(1 - p)/n), it stays inside [0, 1] and
    does not shrink to a point at 0% or 100% accuracy (Wilson 1927; Brown,
    Cai & DasGupta 2001 recommend it for any n).

    Parameters
    ----------
    successes, trials : int
        Correct answers, out of how many; 0 <= successes <= trials.
    confidence : float
        The interval's coverage, between 0 and 1.

    Returns
    -------
    (low, high) : tuple of float
        (0.0, 1.0) when trials is 0: the interval's limit as n -> 0.

    Examples
    --------
    >>> [round(bound, 4) for bound in wilson_interval(8, 10)]
    [0.4902, 0.9433]
    """
    if not 0 <= successes <= trials:
        raise ValueError(f"expected 0 <= successes <= trials, got {successes} successes out "
                         f"of {trials} trials")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    if trials == 0:
        return 0.0, 1.0
    z = NormalDist().inv_cdf((1.0 + confidence) / 2.0)
    n, p, z2 = trials, successes / trials, z * z
    center = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # At p = 0 or 1 one bound is exactly 0 or 1, but for the rounding: say so exactly,
    # so that the interval always holds p.
    low = 0.0 if successes == 0 else max(0.0, center - half)
    high = 1.0 if successes == trials else min(1.0, center + half)
    return low, high


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


def bootstrap_interval(statistic, n, n_resamples=1000, seed=0, confidence=0.95):
    """Percentile-bootstrap interval of ``statistic(rows)``, ``rows`` a resample of range(n).

    For a score over n items (a purity, an accuracy of a subset...): each
    resample draws n item indices with replacement, as in
    ``spearman_bootstrap_ci``, and the interval is the percentiles of the
    statistic over the resamples. NaNs if n < 2.

    >>> values = np.array([0, 1, 1, 1, 0, 1, 1, 1, 1, 0], float)
    >>> [round(bound, 2) for bound in bootstrap_interval(lambda rows: values[rows].mean(), 10)]
    [0.4, 0.9]
    """
    if n < 2:
        return math.nan, math.nan
    picks = np.random.default_rng(seed).integers(0, n, (n_resamples, n))
    values = np.array([statistic(rows) for rows in picks], dtype=np.float64)
    tail = 50.0 * (1.0 - confidence)
    low, high = np.percentile(values, [tail, 100.0 - tail])
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

