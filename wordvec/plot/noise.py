"""The figure of negative sampling's noise distribution: why counts are raised to 3/4.

Negative sampling draws its noise words from P_n(w) ∝ count(w) ** e.
Mikolov et al. (2013b) found e = 3/4 better than the unigram distribution
(e = 1) and the uniform one (e = 0). Raising to a power below 1 flattens
the distribution: the most frequent words are drawn less often than they
occur, the rare words more often. ``noise_distribution`` shows both sides:

* left, each word's probability of being drawn against its rank, one line
  per exponent (log-log: a Zipfian corpus gives about straight lines, of
  slope -e);
* right, each word's probability divided by its unigram probability (its
  share of the tokens): below 1 the word is drawn less often than it
  occurs, above 1 more often.

It takes plain counts (``Vocabulary.counts``), not a vocabulary object, and
computes the distribution as ``Vocabulary.noise_distribution`` does.
"""
import numpy as np

from .base import MUTED, PALETTE, new_figure


def _probabilities(counts, exponent):
    """count ** exponent, normalised to sum to 1 (``Vocabulary.noise_distribution``)."""
    weights = counts.astype(np.float64) ** exponent
    return weights / weights.sum()


def _percent(p):
    """A probability as a percentage with two significant digits: 7.3%, 0.0021%."""
    return f"{100 * p:.2g}%"


def noise_distribution(counts, exponents=(1.0, 0.75), words=None, label_words=3):
    """The noise distribution P(w) ∝ count(w) ** e against frequency rank, per exponent.

    Parameters
    ----------
    counts : array-like of int
        How often each word occurs (any order; sorted here, most frequent first).
    exponents : sequence of float
        One line per exponent: 1 is the unigram distribution, 0.75
        word2vec's, 0 the uniform one.
    words : list of str, optional
        The words, in the order of ``counts``, to name the most frequent ones.
    label_words : int
        List this many of the most frequent words, with their probability
        under each exponent, in a box (needs ``words``).

    Returns
    -------
    matplotlib.figure.Figure
        Two panels sharing the rank axis (log): the probabilities (log), and
        their ratio to the unigram probability (log, with 1 marked).

    Examples
    --------
    >>> fig = noise_distribution([600, 300, 100, 1], exponents=(1.0, 0.75),
    ...                          words=["the", "of", "cat", "gnu"])
    >>> [len(ax.lines) for ax in fig.axes]
    [2, 3]
    >>> round(float(fig.axes[0].lines[1].get_ydata()[0]), 3)   # 'the' at e = 0.75
    0.537
    """
    counts = np.asarray(counts, dtype=np.int64)
    if counts.ndim != 1 or not len(counts):
        raise ValueError("nothing to plot: no counts given")
    if np.any(counts <= 0):
        raise ValueError("counts must be positive (a word in the vocabulary occurs)")
    exponents = [float(e) for e in exponents]
    if not exponents:
        raise ValueError("nothing to plot: no exponent given")
    order = np.argsort(-counts, kind="stable")
    counts = counts[order]
    ranks = np.arange(1, len(counts) + 1)
    unigram = _probabilities(counts, 1.0)

    fig, (left, right) = new_figure(2, panel_size=(5.0, 3.8), sharex=True)
    right.axhline(1.0, color=MUTED, ls="--", lw=1)
    for i, e in enumerate(exponents):
        p = _probabilities(counts, e)
        label = {1.0: "e = 1 (unigram)", 0.0: "e = 0 (uniform)"}.get(e, f"e = {e:g}")
        color = PALETTE[i % len(PALETTE)]
        left.plot(ranks, p, color=color, lw=1.5, label=label)
        right.plot(ranks, p / unigram, color=color, lw=1.5, label=label)
    if words is not None and label_words:
        top = order[:min(label_words, len(order))]
        lines = [f"'{words[w]}': " + " → ".join(_percent(_probabilities(counts, e)[k])
                                                  for e in exponents)
                 for k, w in enumerate(top)]
        header = "drawn as noise, e = " + " → ".join(f"{e:g}" for e in exponents)
        left.text(0.97, 0.97, header + "\n" + "\n".join(lines), transform=left.transAxes,
                  ha="right", va="top", multialignment="left", fontsize=8,
                  bbox=dict(boxstyle="round", fc="white", ec="0.8"))
    for ax in (left, right):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("rank (1 = most frequent word)")
        ax.grid(True, which="major", alpha=0.3)
    left.set_ylabel("probability of being drawn as noise")
    left.set_title("noise distribution P(w) ∝ count(w)$^e$")
    left.legend(loc="lower left", fontsize=9)
    right.set_ylabel("P(w) / unigram P(w)  (ratio, ×)")
    right.set_title("frequent words drawn less, rare words more")
    right.legend(loc="upper left", fontsize=9)
    return fig
