"""Figures of the corpus and of the weights training gives its words and pairs.

* ``zipf``: a word's count against its rank, log-log. Zipf's law says count is
  about proportional to 1/rank: a few words make most of the tokens, most words
  are rare. It is why word2vec subsamples frequent words and GloVe caps weights.
* ``keep_probability``: how often word2vec keeps an occurrence of a word, by
  the word's frequency (``Vocabulary.keep_probabilities``).
* ``glove_weighting``: GloVe's weight of a co-occurrence count,
  f(x) = min(1, (x / x_max) ** alpha), as in Figure 1 of Pennington et al. (2014).
"""
from numbers import Real

import numpy as np

from .base import MUTED, PALETTE, new_figure


def _by_count(vocab):
    """The order that sorts ``vocab`` most frequent first, its words and counts in that order."""
    counts = np.asarray(vocab.counts, dtype=np.int64)
    if not len(counts):
        raise ValueError("nothing to plot: the vocabulary is empty")
    order = np.argsort(-counts, kind="stable")  # a Vocabulary is sorted, but need not be
    return order, [vocab.words[i] for i in order], counts[order]


def zipf(vocab, reference=True, label_words=True):
    """Word count against frequency rank, on log-log axes.

    Parameters
    ----------
    vocab : Vocabulary
        Its ``words`` and ``counts`` (sorted here, most frequent first).
    reference : bool
        Draw Zipf's law, ``count(rank 1) / rank``, as a dashed line.
    label_words : bool
        Mark and name the words at ranks 1, 10, 100, ...

    Returns
    -------
    matplotlib.figure.Figure
        One panel; the words are a line (one point per word).

    Examples
    --------
    >>> from wordvec.text.vocab import Vocabulary
    >>> fig = zipf(Vocabulary(["the", "of", "cat"], [60, 30, 20]))
    >>> fig.axes[0].get_xscale(), fig.axes[0].get_yscale()
    ('log', 'log')
    """
    _, words, counts = _by_count(vocab)
    ranks = np.arange(1, len(counts) + 1)
    fig, (ax,) = new_figure(panel_size=(5.5, 4.0))
    ax.plot(ranks, counts, color=PALETTE[0], lw=1.5, label="words of the vocabulary")
    if reference:
        ax.plot(ranks, counts[0] / ranks, color=MUTED, ls="--", lw=1,
                label="Zipf's law: count(1) / rank")
    if label_words:
        marked = 10 ** np.arange(int(np.log10(len(counts))) + 1)
        ax.scatter(marked, counts[marked - 1], s=16, color=PALETTE[0], zorder=3)
        for rank in marked:
            ax.annotate(words[rank - 1], (rank, counts[rank - 1]), xytext=(4, 4),
                        textcoords="offset points", fontsize=9)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(top=counts[0] * 4)  # room above the first word's name
    ax.set_xlabel("rank (1 = most frequent word)")
    ax.set_ylabel("count (occurrences in the corpus)")
    ax.set_title(f"Zipf's law: {len(counts):,} words, {int(counts.sum()):,} tokens")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="lower left", fontsize=9)
    return fig


def keep_probability(vocab, sample=1e-3, label_words=3):
    """word2vec's probability of keeping an occurrence of a word, against its frequency.

    Parameters
    ----------
    vocab : Vocabulary
    sample : float or sequence of float
        The subsampling threshold (``sample`` of the estimators); several draw
        one curve each, to compare them.
    label_words : int
        Mark this many of the most frequent words on the first curve, and
        list their keep probabilities in a box.

    Returns
    -------
    matplotlib.figure.Figure
        One panel, log x: frequency = count / total count of the vocabulary.

    Examples
    --------
    >>> from wordvec.text.vocab import Vocabulary
    >>> fig = keep_probability(Vocabulary(["the", "of", "cat"], [600, 300, 1]))
    >>> fig.axes[0].get_xscale(), fig.axes[0].get_ylabel()
    ('log', 'probability of keeping an occurrence')
    """
    samples = [sample] if isinstance(sample, Real) else list(sample)
    order, words, counts = _by_count(vocab)
    # The frequency keep_probabilities compares with ``sample``: count over the
    # vocabulary's total (rare words pruned), not over every token of the corpus.
    freq = counts / counts.sum()
    fig, (ax,) = new_figure(panel_size=(5.5, 4.0))
    for i, s in enumerate(samples):
        p = vocab.keep_probabilities(s)[order]  # training's own formula
        color = PALETTE[i % len(PALETTE)]
        ax.plot(freq, p, color=color, lw=1.5, label=f"sample = {s:g}")
        if s > 0:
            ax.axvline(s, color=color, ls=":", lw=1)
        if i == 0 and label_words:
            top = min(label_words, len(words))
            ax.scatter(freq[:top], p[:top], s=14, color=color, zorder=3)
            kept = "\n".join(f"'{words[k]}': {p[k]:.0%}" for k in range(top))
            # In a box at the upper left, under the curves' flat top: the most
            # frequent words' points are too close together to name them in place.
            ax.text(0.03, 0.87, f"kept at sample = {s:g}:\n{kept}", transform=ax.transAxes,
                    va="top", fontsize=8, bbox=dict(boxstyle="round", fc="white", ec="0.8"))
    ax.set_xscale("log")
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("word frequency (count / total count, log scale)")
    ax.set_ylabel("probability of keeping an occurrence")
    ax.set_title("word2vec subsampling of frequent words")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower left", fontsize=9)
    return fig


def glove_weighting(x_max=100, alpha=0.75):
    """GloVe's weight of a co-occurrence count x: f(x) = min(1, (x / x_max) ** alpha).

    Rare pairs (small x, noisy) weigh little, and frequent pairs at most 1, so
    that "of the" does not dominate the loss.

    Parameters
    ----------
    x_max : float
        The count from which a pair has full weight (the paper's 100).
    alpha : float
        The exponent below x_max (the paper's 3/4).

    Returns
    -------
    matplotlib.figure.Figure
        One panel, x from 0 to 2 x_max, with x_max marked.

    Examples
    --------
    >>> fig = glove_weighting(x_max=10)
    >>> float(fig.axes[0].lines[0].get_ydata().max())
    1.0
    """
    x = np.linspace(0.0, 2.0 * x_max, 401)
    f = np.minimum(1.0, (x / x_max) ** alpha)
    fig, (ax,) = new_figure(panel_size=(5.0, 3.5))
    ax.plot(x, f, color=PALETTE[0], lw=2)
    ax.axvline(x_max, color=MUTED, ls=":", lw=1)
    ax.annotate(f"$x_{{max}}$ = {x_max:g}", (x_max, 0.05), xytext=(4, 0),
                textcoords="offset points", color=MUTED, fontsize=9)
    ax.set_xlim(0, 2.0 * x_max)
    ax.set_ylim(0, 1.08)
    ax.set_xlabel("co-occurrence count $X_{ij}$")
    ax.set_ylabel("weight $f(X_{ij})$")
    ax.set_title(rf"GloVe weighting: $f(x) = \min(1, (x / x_{{max}})^{{{alpha:g}}})$")
    ax.grid(True, alpha=0.3)
    return fig
