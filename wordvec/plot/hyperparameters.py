"""Figures of a hyperparameter sweep: a score against the value it was trained with.

* ``sweep``: one panel per hyperparameter (window, dim, negatives, epochs,
  x_max, corpus size...), the value on x, one line per benchmark, each
  point's 95% interval as a shaded band. Where two values' bands overlap
  widely, the benchmark does not tell them apart.

Hyperparameters are usually tried on a multiplicative grid (2, 5, 10, 20;
100k, 1M, 10M tokens), so x is logarithmic when the values span a factor of
4 or more; the ticks are the values tried, written short (``300k``,
``1M``), and a label that would run into its right-hand neighbour is left out.
"""
import math

import numpy as np

from .base import MUTED, is_left, marker, model_colors, new_figure, note, require

TICK_SIZE = 9          # font size of the tick labels, in points
LOG_RATIO = 4.0        # "auto": a log axis when max / min of the values is at least this


def short_number(value):
    """A tick label: ``300000`` -> ``'300k'``, ``16687029`` -> ``'16.7M'``, ``0.001`` -> ``'0.001'``.

    >>> [short_number(v) for v in (5, 2.5, 1000, 300_000, 1_000_000, 16_687_029, 1e-3)]
    ['5', '2.5', '1k', '300k', '1M', '16.7M', '0.001']
    """
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:g}"


def _points(series):
    """A benchmark's points as float arrays x, value, low, high, sorted by x (NaN: missing)."""
    rows = []
    for point in series:
        x, value, *interval = tuple(point) + (None, None)
        low, high = interval[:2]
        rows.append([np.nan if v is None else float(v) for v in (x, value, low, high)])
    rows = np.array(rows, dtype=np.float64).reshape(-1, 4)
    rows = rows[~np.isnan(rows[:, 0])]
    return rows[np.argsort(rows[:, 0], kind="stable")].T


def _wants_log(xs, log_x):
    """Whether an axis with values ``xs`` is logarithmic (``log_x``: True, False or "auto")."""
    positive = len(xs) > 0 and bool(np.all(xs > 0))
    if log_x == "auto":
        return positive and xs.max() / xs.min() >= LOG_RATIO
    if log_x and not positive:
        raise ValueError("a log x axis needs values above 0")
    return bool(log_x)


def _sparse_ticks(ax, values, log):
    """Ticks at the values tried; a label that would overlap the one before is left out."""
    from matplotlib.ticker import NullLocator
    ax.set_xticks(values)
    ax.xaxis.set_minor_locator(NullLocator())
    lo, hi = ax.get_xlim()
    scale = (lambda v: math.log10(v)) if log else (lambda v: v)
    span = (scale(hi) - scale(lo)) or 1.0
    width = ax.get_position().width * ax.figure.get_figwidth() * 72   # the panel, in points
    # From the right: the largest value (often "the whole corpus") keeps its label.
    labels, last = [], None                                              # last: (position, width)
    for value in values[::-1]:
        text = short_number(value)
        where = (scale(value) - scale(lo)) / span * width
        size = 0.62 * TICK_SIZE * len(text)                             # a digit is about 0.6 em
        if last is not None and last[0] - where < (size + last[1]) / 2 + 4:
            labels.append("")
            continue
        labels.append(text)
        last = (where, size)
    ax.set_xticks(values, labels[::-1], fontsize=TICK_SIZE)


def sweep(results, log_x="auto", colors=None, ylabel="score (Spearman's ρ or accuracy)",
          title=None):
    """A score against a hyperparameter's value: one panel per hyperparameter, a line per benchmark.

    Parameters
    ----------
    results : dict
        ``{x_label: {benchmark: [(value, score, low, high), ...]}}``. ``x_label``
        names the hyperparameter with its unit (``"window (words on each
        side)"``), and is the panel's x-axis label; ``value`` is the
        hyperparameter's value (a number), ``score`` the benchmark's figure
        for the model trained with it, ``low`` and ``high`` its 95% interval
        (None, or left out: no band). Points are sorted by value.
    log_x : "auto", bool, or dict
        Logarithmic x: "auto" where the values are all above 0 and span a
        factor of 4 or more; a dict gives it per ``x_label`` (missing: "auto").
    colors : dict, optional
        ``{benchmark: colour}``; by default the palette in order of first
        appearance, the same in every panel.
    ylabel : str
        What the scores are, on the left panels (the panels share y).
    title : str, optional
        Above all the panels.

    Returns
    -------
    matplotlib.figure.Figure
        Up to three panels per row; the benchmarks named in one legend to
        the right.

    Examples
    --------
    >>> fig = sweep({"window (words on each side)": {
    ...     "wordsim353": [(2, 0.61, 0.55, 0.66), (5, 0.65, 0.60, 0.70), (10, 0.66, 0.61, 0.71)],
    ...     "analogies": [(2, 0.30), (5, 0.36), (10, 0.35)]}})
    >>> ax = fig.axes[0]
    >>> ax.get_xscale(), [t.get_text() for t in ax.get_xticklabels()]
    ('log', ['2', '5', '10'])
    >>> [line.get_ydata().tolist() for line in ax.lines]
    [[0.61, 0.65, 0.66], [0.3, 0.36, 0.35]]
    >>> ax.get_xlabel()
    'window (words on each side)'
    """
    from matplotlib.lines import Line2D
    require(results, "hyperparameter")
    benchmarks = list(dict.fromkeys(b for lines in results.values() for b in lines))
    colors = model_colors(benchmarks, colors)
    n = len(results)
    # One panel: a little wider, so that the title above it clears the legend beside it.
    fig, axes = new_figure(n, sharey=True, **({"panel_size": (5.5, 4.0)} if n == 1 else {}))
    lowest, highest = 0.0, 0.0
    logs = []
    for i, (ax, (label, lines)) in enumerate(zip(axes, results.items())):
        ax.set_xlabel(label)
        if is_left(i, n):
            ax.set_ylabel(ylabel)
        data = {name: _points(series) for name, series in lines.items()}
        xs = np.unique(np.concatenate([d[0] for d in data.values()] or [np.zeros(0)]))
        if not len(xs):
            note(ax, "no results")
            logs.append(None)
            continue
        choice = log_x.get(label, "auto") if isinstance(log_x, dict) else log_x
        log = _wants_log(xs, choice)
        if log:
            ax.set_xscale("log")
        for name, (x, value, low, high) in data.items():
            m = benchmarks.index(name)
            color = colors[name]
            ax.plot(x, value, marker=marker(m), ms=6, mfc="none", mew=1.4,
                    lw=1.5, color=color, label=name)
            banded = ~np.isnan(low) & ~np.isnan(high)
            if banded.sum() > 1:
                ax.fill_between(x, np.where(banded, low, np.nan), np.where(banded, high, np.nan),
                                color=color, alpha=0.13, lw=0)
            elif banded.any():      # a single point: an error bar, a band would be invisible
                ax.errorbar(x[banded], value[banded], yerr=[value[banded] - low[banded],
                            high[banded] - value[banded]], fmt="none", ecolor=color, capsize=3)
            finite = np.concatenate([value, low, high])
            finite = finite[np.isfinite(finite)]
            if len(finite):
                lowest, highest = min(lowest, finite.min()), max(highest, finite.max())
        if len(xs) > 1:
            pad = (xs.max() / xs.min()) ** 0.08 if log else 0.08 * (xs.max() - xs.min())
            ax.set_xlim(*((xs.min() / pad, xs.max() * pad) if log
                          else (xs.min() - pad, xs.max() + pad)))
        ax.grid(True, alpha=0.3)
        logs.append(log)
    ax0 = axes[0]
    ax0.set_ylim(lowest - 0.03 * (highest - lowest) if lowest < 0 else 0.0,
                 highest + 0.06 * (highest - lowest or 1.0))
    if lowest < 0:
        for ax in axes:
            ax.axhline(0, color=MUTED, lw=0.6)
    if title and n == 1:
        axes[0].set_title(title, fontsize=11)
    elif title:
        fig.suptitle(title, fontsize=11)
    handles = [Line2D([], [], marker=marker(m), ms=6, mfc="none", mew=1.4,
                      color=colors[name], label=name) for m, name in enumerate(benchmarks)]
    fig.legend(handles=handles, loc=f"outside right {'center' if n == 1 else 'upper'}",
               fontsize=9, frameon=False)
    # The ticks go last: which labels fit depends on the panels' final widths.
    fig.draw_without_rendering()
    for ax, log, lines in zip(axes, logs, results.values()):
        if log is None:
            continue
        xs = np.unique(np.concatenate([_points(series)[0] for series in lines.values()]))
        if len(xs) <= 12:
            _sparse_ticks(ax, xs, log)
    return fig
