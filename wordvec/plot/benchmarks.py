"""Figures of evaluation results: benchmark scores side by side, and word pairs up close.

* ``scores``: one group of bars per benchmark, one bar per model, with the
  95% interval as an error bar: two models whose intervals overlap widely
  are not told apart by that benchmark.
* ``similarity_scatter``: for one word-pair benchmark, the human score of
  each pair against the model's cosine. Spearman's rho says how well the
  ranks agree; the cloud shows where they do not (a flat band of cosines,
  a few pairs far off).
"""
import math
from numbers import Real
from pathlib import Path

import numpy as np

from .base import MUTED, is_bottom, is_left, model_colors, new_figure, note, require


def _missing(value):
    """None or NaN: no number to draw."""
    return value is None or (isinstance(value, Real) and math.isnan(value))


def scores(table, colors=None, title="benchmark scores",
           ylabel="score (Spearman's ρ or accuracy)"):
    """Grouped bar chart of benchmark scores, with 95% intervals as error bars.

    Parameters
    ----------
    table : dict
        ``{model_name: {benchmark_name: (value, low, high)}}``: a score in
        [0, 1] (Spearman's rho, an accuracy) and its 95% interval; ``low`` and
        ``high`` may be None (no error bar). A benchmark a model lacks, or a
        value of None or NaN, leaves a gap in the group.
    colors : dict, optional
        ``{model_name: colour}``; by default the palette in the order given.
    title, ylabel : str
        The panel's title and the y axis's label (what the scores are).

    Returns
    -------
    matplotlib.figure.Figure
        One panel: the benchmarks in order of first appearance on x, y from
        0 to 1 (lower if a score or an interval is negative), a legend of the
        models to the right of the plot.

    Examples
    --------
    >>> fig = scores({"sg": {"ws353": (0.66, 0.60, 0.71), "analogy": (0.37, None, None)},
    ...               "glove": {"ws353": (0.60, 0.54, 0.66), "analogy": (0.42, 0.41, 0.43)}})
    >>> len(fig.axes[0].patches), fig.axes[0].get_ylabel()[:5], fig.axes[0].get_ylim() == (0, 1)
    (4, 'score', True)
    """
    require(table, "model")
    benchmarks = list(dict.fromkeys(b for results in table.values() for b in results))
    if not benchmarks:
        raise ValueError("nothing to plot: no benchmark results given")
    colors = model_colors(list(table), colors)
    width = 0.8 / len(table)  # the bars of a group fill 80% of the space between groups
    fig, (ax,) = new_figure(panel_size=(max(5.0, 1.2 + len(benchmarks) * (0.6 + 0.3 * len(table))),
                                        4.0))
    lowest, highest = 0.0, 1.0
    for m, (name, results) in enumerate(table.items()):
        bars, intervals = [], []  # (x, value), (x, value, low, high)
        for b, benchmark in enumerate(benchmarks):
            value, low, high = results.get(benchmark, (None, None, None))
            if _missing(value):
                continue
            x = b - 0.4 + width * (m + 0.5)
            bars.append((x, value))
            if not _missing(low) and not _missing(high):
                intervals.append((x, value, low, high))
        if not bars:
            continue
        xs, values = zip(*bars)
        ax.bar(xs, values, width, color=colors[name], label=name)
        if intervals:
            x, value, low, high = np.array(intervals, dtype=np.float64).T
            ax.errorbar(x, value, yerr=[value - low, high - value], fmt="none", ecolor="black",
                        elinewidth=1, capsize=3)
        lowest = min(lowest, *values, *(low for _, _, low, _ in intervals))
        highest = max(highest, *values, *(high for _, _, _, high in intervals))
    ax.axhline(0, color="black", lw=0.8)
    ax.set_ylim(lowest - 0.05 if lowest < 0 else 0.0, highest)
    # Many or long names are slanted, each ending under its group, so they do not overlap.
    slant = len(benchmarks) > 4 or max(len(b) for b in benchmarks) > 10
    ax.set_xticks(range(len(benchmarks)), benchmarks,
                  **(dict(rotation=25, ha="right", rotation_mode="anchor") if slant else {}))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    # Beside the plot: inside, it could hide a bar; a legend above collides with the title.
    fig.legend(loc="outside right upper", fontsize=9, frameon=False)
    return fig


def _pairs_known(result):
    """The (human score, cosine) of the pairs whose two words the model knows."""
    known = [(r.gold, r.model) for r in result.records if r.model is not None]
    return np.array(known, dtype=np.float64).reshape(-1, 2)


def _spearman_title(name, result, n):
    rho = result.spearman
    text = "Spearman n/a" if _missing(rho) else f"Spearman {rho:.3f}"
    # A 95% interval, if the result has one (a (low, high) pair).
    ci = getattr(result, "spearman_ci", None)
    if ci is not None and len(ci) == 2 and not any(_missing(v) for v in ci):
        text += f" [{ci[0]:.2f}, {ci[1]:.2f}]"
    return f"{name}\n{text}, {n:,} pairs"


def similarity_scatter(results, colors=None):
    """Human score (x) against model cosine (y) for each pair of a word-pair benchmark.

    Parameters
    ----------
    results : dict
        ``{model_name: WordPairsResult}`` from ``evaluate_word_pairs``, all
        on the same benchmark. Pairs with an unknown word are left out.
    colors : dict, optional
        ``{model_name: colour}``; by default the palette in the order given.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per model (three per row), titled with the model name,
        Spearman's rho (and its 95% interval if the result has a
        ``spearman_ci``) and the number of pairs; the panels share both axes.

    Examples
    --------
    >>> import tempfile
    >>> from wordvec.vectors.keyedvectors import KeyedVectors
    >>> from wordvec.evaluation.word_pairs import evaluate_word_pairs
    >>> kv = KeyedVectors(np.array([[1, 0], [2, 1], [0, 1]]), ["cat", "dog", "car"])
    >>> path = Path(tempfile.mkdtemp()) / "pairs.tsv"
    >>> _ = path.write_text("cat\\tdog\\t8.5\\ndog\\tcar\\t3\\ncat\\tcar\\t1\\n")
    >>> fig = similarity_scatter({"toy": evaluate_word_pairs(kv, path)})
    >>> fig.axes[0].get_title().splitlines()[0], len(fig.axes[0].collections[0].get_offsets())
    ('toy', 3)
    """
    require(results, "word-pair result")
    colors = model_colors(list(results), colors)
    fig, axes = new_figure(len(results), sharex=True, sharey=True)
    for i, (ax, (name, result)) in enumerate(zip(axes, results.items())):
        points = _pairs_known(result)
        ax.set_title(_spearman_title(name, result, len(points)), fontsize=10)
        if len(points):
            ax.scatter(points[:, 0], points[:, 1], s=10, alpha=0.5, color=colors[name],
                       edgecolors="none")
        else:
            note(ax, "no pair with both words known")
        ax.axhline(0, color=MUTED, lw=0.6)
        ax.grid(True, alpha=0.3)
        if is_bottom(i, len(results)):
            ax.set_xlabel("human score (on the benchmark's own scale)")
        if is_left(i, len(results)):
            ax.set_ylabel("cosine similarity")
    names = sorted({Path(r.path).name for r in results.values()})
    if len(names) == 1:
        fig.suptitle(f"{names[0]}: human judgement against cosine", fontsize=11)
    return fig
