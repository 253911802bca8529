"""A corner of the co-occurrence matrix as a heatmap: what GloVe and PPMI-SVD start from.

The matrix X (``wordvec.cooccur.counting``) is V x V and sparse, far too big to
look at whole. Its top-left corner is the interesting part: word ids are
frequency ranks, so the first k rows and columns are the k most frequent
words, the densest block, where "of the" and "in the" pile up counts in the
hundreds of thousands next to pairs seen a few times. Counts span orders of
magnitude (Zipf's law, twice), so the colours follow log X; a cell that is 0
(never within the window) has no log and is drawn grey.

* ``top_left_block``: the dense k x k corner, from the COO arrays
  ``Cooccurrence`` stores (one triangle only, for a symmetric matrix).
* ``cooccurrence_heatmap``: the figure.

Example
-------
>>> rows, cols = np.array([0, 0, 1]), np.array([0, 1, 2])
>>> block = top_left_block(rows, cols, np.array([4.0, 30.0, 2.0]), k=2)
>>> block.tolist()                                  # (1, 2) is outside the corner
[[4.0, 30.0], [30.0, 0.0]]
>>> fig = cooccurrence_heatmap(block, ["the", "of"])
>>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
['the', 'of']
"""
import numpy as np

from .base import new_figure

ZERO_COLOR = "0.85"  # a cell with no count: light grey, outside the colour map
WORD_FONT = 8


def top_left_block(rows, cols, values, k, symmetric=True):
    """The dense k x k top-left block of a sparse matrix given as COO arrays.

    Parameters
    ----------
    rows, cols, values : array-like (nnz,)
        The nonzero cells, as ``Cooccurrence.rows``, ``.cols``, ``.values``.
    k : int
        How many rows and columns to keep (the k most frequent words).
    symmetric : bool
        The arrays hold only the upper triangle of a symmetric matrix: fill
        the lower one from it.

    Returns
    -------
    ndarray (k, k) float64
    """
    rows, cols = np.asarray(rows), np.asarray(cols)
    values = np.asarray(values, dtype=np.float64)
    inside = (rows < k) & (cols < k)
    block = np.zeros((k, k))
    block[rows[inside], cols[inside]] = values[inside]
    if symmetric:
        block[cols[inside], rows[inside]] = values[inside]
    return block


def cooccurrence_heatmap(block, words, value_label="co-occurrence count $X_{ij}$",
                         title=None):
    """A square block of counts as a heatmap, log colour scale, words on both axes.

    Parameters
    ----------
    block : array-like (k, k)
        Non-negative counts; row i and column j belong to ``words[i]``, ``words[j]``.
    words : list of str
        The k words (most frequent first, for the top-left corner).
    value_label : str
        What a cell holds, written on the colour bar.
    title : str, optional
        By default "the top-left k x k corner of the co-occurrence matrix".

    Returns
    -------
    matplotlib.figure.Figure
        One panel (row words down the y axis, context words along x) and a
        colour bar labelled ``value_label`` (log scale). Zero cells are grey.

    Raises
    ------
    ValueError
        If ``block`` is not square, does not match ``words``, has a negative
        cell, or no positive one.
    """
    from matplotlib import colormaps
    from matplotlib.colors import LogNorm

    block = np.asarray(block, dtype=np.float64)
    k = len(words)
    if block.shape != (k, k):
        raise ValueError(f"block of shape {block.shape} for {k} words: expected ({k}, {k})")
    if (block < 0).any() or not (block > 0).any():
        raise ValueError("counts must be non-negative, and at least one positive")
    positive = block[block > 0]
    cmap = colormaps["viridis"].with_extremes(bad=ZERO_COLOR)
    side = max(3.5, 0.3 * k + 1.6)   # inches: about 0.3 in a cell, room for the words
    fig, (ax,) = new_figure(panel_size=(side + 1.2, side))
    image = ax.imshow(np.ma.masked_equal(block, 0.0), cmap=cmap,
                      norm=LogNorm(vmin=positive.min(), vmax=positive.max()),
                      interpolation="nearest")
    ax.set_xticks(range(k), words, rotation=90, fontsize=WORD_FONT)
    ax.set_yticks(range(k), words, fontsize=WORD_FONT)
    ax.set_xlabel("context word j")
    ax.set_ylabel("word i")
    zeros = int((block == 0).sum())
    label = f"{value_label} (log scale)" + (f"; grey = 0 ({zeros} cells)" if zeros else "")
    fig.colorbar(image, ax=ax, shrink=0.85).set_label(label)
    ax.set_title(title or f"the top-left {k} x {k} corner of the co-occurrence matrix")
    return fig
