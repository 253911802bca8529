"""Figures of a subword (fastText) model's hashed n-gram rows, against the bucket count.

fastText hashes each character n-gram into one of ``bucket`` rows
(``wordvec.text.subwords``). Fewer rows save memory; more rows keep
different n-grams apart. Each figure shows one side of that trade:

* ``ngram_collisions``: the share of a vocabulary's distinct n-grams that
  share their row with another n-gram, measured for each bucket count, with
  what uniform hashing predicts (``birthday_share``, the birthday problem);
* ``bucket_memory``: what the n-gram matrix takes, bucket x dim x 4 bytes,
  with measured sizes beside the formula and a word-level model for scale.

Both have the bucket count on a log axis (fastText's default, 2,000,000, is
three orders of magnitude above a small setting such as 2,000), and take
``marks``: named bucket counts drawn as dotted vertical lines.
"""
import numpy as np

from .base import MUTED, PALETTE, marker, new_figure, require
from .hyperparameters import short_number

BYTES_PER_FLOAT = 4     # float32, as the fastText tool and this project store vectors
MB = 1e6                # the axis is in megabytes of 10**6 bytes, as the trainers print them


def birthday_share(n_items, bucket):
    """The expected share of ``n_items`` distinct items, hashed uniformly into ``bucket``
    rows, whose row holds at least one other item: ``1 - (1 - 1/bucket) ** (n_items - 1)``.

    The birthday problem seen from one item: each of the other n - 1 misses
    its row with probability 1 - 1/bucket. About 1 - exp(-n / bucket): 63% of
    the items share a row when there are as many rows as items.

    >>> round(float(birthday_share(1000, 1000)), 3), float(birthday_share(1, 10))
    (0.632, 0.0)
    """
    bucket = np.asarray(bucket, dtype=np.float64)
    if np.any(bucket < 1) or n_items < 0:
        raise ValueError(f"need bucket >= 1 and n_items >= 0, got {bucket!r} and {n_items!r}")
    return 1.0 - np.power(1.0 - 1.0 / bucket, max(n_items - 1, 0))


def _mark(ax, marks, at_top):
    """Named bucket counts as dotted vertical lines, each labelled along its line, at the
    top of the panel if ``at_top(bucket)``, else at the bottom (where the data leave room)."""
    for label, bucket in (marks or {}).items():
        ax.axvline(bucket, color=MUTED, ls=":", lw=1)
        top = at_top(bucket)
        ax.text(bucket, 0.98 if top else 0.02, f" {label} ", rotation=90,
                va="top" if top else "bottom", ha="right", color=MUTED, fontsize=8,
                transform=ax.get_xaxis_transform())


def _bucket_axis(ax, lowest, highest):
    ax.set_xscale("log")
    ax.set_xlim(lowest / 1.4, highest * 1.4)
    ax.set_xlabel("bucket (rows the n-grams are hashed into, log scale)")
    ax.xaxis.set_major_formatter(_short_formatter())
    ax.grid(True, which="major", alpha=0.3)


def _short_formatter():
    from matplotlib.ticker import FuncFormatter
    return FuncFormatter(lambda value, _: short_number(value))


def ngram_collisions(shares, n_ngrams, marks=None, title=None):
    """The share of distinct n-grams whose row another n-gram shares, against the bucket count.

    Parameters
    ----------
    shares : dict
        ``{bucket: measured share}`` (a share between 0 and 1), e.g. from the
        vocabulary's n-grams hashed with ``fnv1a`` and taken modulo ``bucket``.
    n_ngrams : int
        How many distinct n-grams were hashed: the birthday expectation is
        drawn for this many, and the bucket count equal to it is marked.
    marks : dict, optional
        ``{label: bucket}``, e.g. ``{"fastText's default": 2_000_000}``.
    title : str, optional
        Above the panel; by default it says how many n-grams.

    Returns
    -------
    matplotlib.figure.Figure
        One panel: the measured shares as points, the expectation as a line.

    Examples
    --------
    >>> fig = ngram_collisions({1000: 0.99, 100_000: 0.1}, n_ngrams=10_000)
    >>> ax = fig.axes[0]
    >>> ax.get_xscale(), ax.lines[0].get_ydata().tolist()
    ('log', [0.99, 0.1])
    """
    require(shares, "bucket count")
    buckets = np.array(sorted(shares), dtype=np.float64)
    measured = np.array([shares[b] for b in sorted(shares)], dtype=np.float64)
    if np.any(buckets < 1) or np.any((measured < 0) | (measured > 1)):
        raise ValueError("buckets must be at least 1 and shares between 0 and 1")
    fig, (ax,) = new_figure(panel_size=(6.4, 4.2))
    ax.plot(buckets, measured, ls="none", marker=marker(0), mfc="none", ms=7, mew=1.6,
            color=PALETTE[0], label="measured (FNV-1a % bucket)")
    lowest, highest = buckets.min(), buckets.max()
    grid = np.geomspace(lowest, highest, 200)
    ax.plot(grid, birthday_share(n_ngrams, grid), color=PALETTE[1], lw=1.8,
            label=r"uniform: $1 - (1 - 1/\mathrm{bucket})^{n-1}$")
    equal = {f"bucket = n = {n_ngrams:,}": n_ngrams} if lowest <= n_ngrams <= highest else {}
    # A label goes where the curve is not: at the bottom where most n-grams share.
    _mark(ax, {**equal, **(marks or {})}, lambda b: birthday_share(n_ngrams, b) < 0.5)
    _bucket_axis(ax, lowest, highest)
    ax.set_ylim(-0.02, 1.04)
    ax.yaxis.set_major_formatter(_percent_formatter())
    ax.set_ylabel("n-grams that share their row")
    ax.set_title(title or f"{n_ngrams:,} distinct n-grams hashed into bucket rows")
    ax.legend(loc="best", fontsize=9)   # where the curve falls depends on n
    return fig


def _percent_formatter():
    from matplotlib.ticker import PercentFormatter
    return PercentFormatter(xmax=1.0, decimals=0)


def bucket_memory(buckets, dims, measured=None, references=None, marks=None, title=None):
    """Megabytes of the n-gram matrix, bucket x dim x 4 bytes, against the bucket count.

    Parameters
    ----------
    buckets : sequence of int
        The range of bucket counts to draw the formula over (its smallest and largest).
    dims : sequence of int
        A formula line per vector size.
    measured : dict, optional
        ``{label: {bucket: megabytes}}``: sizes measured for some bucket counts
        (an array's ``nbytes``, a training run's peak memory), drawn as points;
        a size of 0 or less has no place on the log axis and is left out.
    references : dict, optional
        ``{label: megabytes}``: sizes that do not depend on the bucket count
        (a word-level model's matrices), drawn as dashed horizontal lines.
    marks : dict, optional
        ``{label: bucket}``, e.g. ``{"fastText's default": 2_000_000}``.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        One panel, both axes logarithmic; megabytes are 10**6 bytes.

    Examples
    --------
    >>> fig = bucket_memory([1000, 2_000_000], dims=[100], measured={"nbytes": {10_000: 4.0}})
    >>> ax = fig.axes[0]
    >>> ax.lines[0].get_ydata()[[0, -1]].tolist(), ax.lines[1].get_ydata().tolist()
    ([0.4, 800.0], [4.0])
    """
    buckets = np.asarray(list(buckets), dtype=np.float64)
    require(buckets.tolist(), "bucket count")
    require(list(dims), "vector size")
    if np.any(buckets < 1):
        raise ValueError("bucket counts must be at least 1")
    lowest, highest = buckets.min(), buckets.max()
    grid = np.geomspace(lowest, highest, 50) if highest > lowest else buckets[:1]
    fig, (ax,) = new_figure(panel_size=(6.4, 4.2))
    for i, dim in enumerate(dims):
        ax.plot(grid, grid * dim * BYTES_PER_FLOAT / MB, color=PALETTE[i], lw=1.8,
                label=f"bucket × {dim} × 4 bytes")
    for j, (label, points) in enumerate((measured or {}).items()):
        xs = sorted(x for x, megabytes in points.items() if megabytes > 0)   # a log axis
        ax.plot(xs, [points[x] for x in xs], ls="none", marker=marker(j), mfc="none", ms=8,
                mew=1.6, color=PALETTE[(len(dims) + j) % len(PALETTE)], label=label)
    for k, (label, megabytes) in enumerate((references or {}).items()):
        ax.axhline(megabytes, color=PALETTE[(len(dims) + len(measured or {}) + k) % len(PALETTE)],
                   ls="--", lw=1.2, label=label)
    _mark(ax, marks, lambda b: False)    # the lines rise to the right: labels at the bottom
    _bucket_axis(ax, lowest, highest)
    ax.set_yscale("log")
    from matplotlib.ticker import FuncFormatter
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,g}"))
    ax.set_ylabel("memory (MB, log scale)")
    ax.set_title(title or "the n-gram matrix grows with the bucket count")
    ax.legend(loc="upper left", fontsize=8)
    return fig
