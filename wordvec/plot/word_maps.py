"""A map of some word vectors: their first two principal components, words named.

The classic word2vec picture (Mikolov et al. 2013, Figure 2): countries and
their capitals projected on a plane, each capital about the same offset from
its country. The projection is PCA, in NumPy: centre the vectors, take the
SVD, keep the two directions of largest variance.

PCA of the *words shown*, not of the whole vocabulary: the plane is the one
that best spreads the chosen words, so the offsets between them stay
visible. The vectors are scaled to unit length first, since the queries
(``most_similar``, the analogies) compare directions, not lengths: a
frequent word's long vector would otherwise pull the plane towards itself.

Two dimensions out of 50 or 300 lose most of the variance: the axis labels
say how much is kept. A neat picture is a hint, not a proof; the analogy
benchmark is the measurement.
"""
import numpy as np

from .base import MUTED, PALETTE, new_figure, note, require
from .labels import RADII, place_labels

# Words in no group but at the end of an arrow are drawn in grey.
OTHER = "0.5"
WORD_SIZE = 8  # font size of the words, in points


def pca_2d(vectors):
    """The first two principal components of the rows of ``vectors``.

    Parameters
    ----------
    vectors : array-like, shape (n, dim)

    Returns
    -------
    coords : ndarray, shape (n, 2)
        The centred rows projected on the two directions of largest variance.
        SVD's signs are arbitrary; each direction's is chosen so that the row
        furthest along it is on its positive side (as scikit-learn does).
    explained : ndarray, shape (2,)
        The fraction of the total variance along each direction.

    Examples
    --------
    >>> coords, explained = pca_2d([[-2, 0, 5], [2, 0, 5], [0, 1, 5], [0, -1, 5]])
    >>> explained.round(6).tolist()   # x spreads the points 4 times more than y
    [0.8, 0.2]
    >>> round(float(np.linalg.norm(coords[0] - coords[1])), 6)   # distances in the plane kept
    4.0
    """
    x = np.asarray(vectors, dtype=np.float64)
    x = x - x.mean(axis=0)
    u, s, _ = np.linalg.svd(x, full_matrices=False)
    coords = np.zeros((len(x), 2))
    k = min(2, len(s))
    coords[:, :k] = u[:, :k] * s[:k]
    furthest = coords[np.abs(coords).argmax(axis=0), [0, 1]]
    coords[:, furthest < 0] *= -1
    total = float(np.sum(s ** 2))
    explained = np.zeros(2)
    if total > 0:
        explained[:k] = s[:k] ** 2 / total
    return coords, explained


def _words_and_colors(groups, arrows):
    """Each word to show, once, with its colour: its first group's, grey if only in an arrow."""
    colors = {}
    for g, words in enumerate(groups.values()):
        for word in words:
            colors.setdefault(word, PALETTE[g % len(PALETTE)])
    for pair in arrows:
        for word in pair:
            colors.setdefault(word, OTHER)
    return colors


def _draw_panel(ax, kv, colors, arrows):
    """One model's points and arrows; returns the words shown and their coordinates."""
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.ticker import MaxNLocator
    words = [w for w in colors if w in kv]
    if len(words) < 2:
        note(ax, "fewer than two of the words\nare in this model")
        return [], np.zeros((0, 2))
    vectors = np.array([kv.get_vector(w, norm=True) for w in words])
    coords, explained = pca_2d(vectors)
    ax.scatter(coords[:, 0], coords[:, 1], s=18, c=[colors[w] for w in words], zorder=3)
    where = dict(zip(words, coords))
    for a, b in arrows:
        if a in where and b in where:
            ax.add_patch(FancyArrowPatch(where[a], where[b], arrowstyle="-|>", mutation_scale=9,
                                         color=MUTED, lw=0.9, shrinkA=3, shrinkB=3, zorder=2))
    ax.set_xlabel(f"PC1 ({explained[0]:.0%} of variance)")
    ax.set_ylabel(f"PC2 ({explained[1]:.0%} of variance)")
    # Equal units on both axes, so that the offsets' lengths and angles are true.
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.12)  # room for the labels of the outermost words
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(MaxNLocator(5))  # equal aspect makes dense, colliding ticks
    return words, coords


def _label_panel(ax, words, coords, arrows):
    """Name each point, where ``place_labels`` finds room (the panel's size must be final)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath
    font = FontProperties(size=WORD_SIZE)
    to_points = 72 / ax.figure.dpi
    xy = ax.transData.transform(coords) * to_points
    sizes = [(TextPath((0, 0), word, prop=font).get_extents().width + 2, 1.2 * WORD_SIZE)
             for word in words]
    # Points along the arrows, so that labels avoid them: an arrow leaves its first
    # word to the right, right where that word's label would go.
    where = dict(zip(words, xy))
    steps = np.linspace(0, 1, 16)[:, None]
    along = [where[a] + steps * (where[b] - where[a])
             for a, b in arrows if a in where and b in where]
    spots = place_labels(xy, sizes, bounds=ax.bbox.extents * to_points,
                         obstacles=np.vstack(along) if along else None)
    for word, point, (ox, oy, ha, va) in zip(words, coords, spots):
        # A label pushed away from its point gets a thin line back to it.
        line = dict(arrowstyle="-", color=MUTED, lw=0.5, shrinkA=0, shrinkB=2)
        ax.annotate(word, point, xytext=(ox, oy), textcoords="offset points", ha=ha, va=va,
                    fontsize=WORD_SIZE, color="0.1", zorder=4,
                    arrowprops=line if max(abs(ox), abs(oy)) > RADII[0] else None,
                    # A light backing keeps a word readable where an arrow crosses it.
                    bbox=dict(boxstyle="square,pad=0.05", fc="white", ec="none", alpha=0.6))


def pca_map(models, groups, arrows=()):
    """Words of each model on the plane of their first two principal components.

    Parameters
    ----------
    models : dict
        ``{model_name: KeyedVectors}``; one panel each (two per row).
    groups : dict
        ``{group_name: [word, ...]}`` (countries, capitals, male and female
        words...); a group is a colour, named in the legend. A word in two
        groups takes the first one's colour.
    arrows : sequence of (str, str)
        ``(word_a, word_b)`` pairs drawn as arrows from a to b, as the
        analogy offsets (``("france", "paris")``). Their words are shown too,
        grey if in no group.

    Words a model lacks are skipped quietly (exact spelling: no case folding),
    and so is an arrow with a missing end; the panel's title says how many
    words are missing. The PCA is computed per model, on the unit vectors of
    the words it has.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from wordvec.vectors.keyedvectors import KeyedVectors
    >>> kv = KeyedVectors(np.eye(4), ["france", "paris", "italy", "rome"])
    >>> fig = pca_map({"toy": kv}, {"countries": ["france", "italy", "spain"],
    ...                             "capitals": ["paris", "rome"]}, [("france", "paris")])
    >>> len(fig.axes[0].texts), len(fig.axes[0].patches), fig.axes[0].get_title()
    (4, 1, 'toy (1 word missing)')
    """
    from matplotlib.lines import Line2D
    require(models, "model")
    require(groups, "word group")
    colors = _words_and_colors(groups, arrows)
    # Bigger panels for more words (up to 1.5 times for 54 and more), so that labels fit.
    grow = min(1.5, max(1.0, np.sqrt(len(colors) / 24)))
    fig, axes = new_figure(len(models), max_cols=2, panel_size=(5.0 * grow, 4.6 * grow))
    shown = []
    for ax, (name, kv) in zip(axes, models.items()):
        words, coords = _draw_panel(ax, kv, colors, arrows)
        shown.append((words, coords))
        missing = sum(word not in kv for word in colors)
        s = "" if missing == 1 else "s"
        ax.set_title(f"{name} ({missing} word{s} missing)" if missing else name)
    handles = [Line2D([], [], ls="", marker="o", color=PALETTE[g % len(PALETTE)], label=group)
               for g, group in enumerate(groups)]
    fig.legend(handles=handles, loc="outside upper center", ncols=min(len(groups), 5),
               fontsize=9, frameon=False)
    # Labels go last: where there is room depends on where the layout put each panel.
    fig.draw_without_rendering()
    for ax, (words, coords) in zip(axes, shown):
        _label_panel(ax, words, coords, arrows)
    return fig
