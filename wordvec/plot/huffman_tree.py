"""A binary code tree drawn: the Huffman tree behind hierarchical softmax.

Hierarchical softmax (Mikolov et al. 2013b) puts the words at the leaves of
a binary tree and predicts a word by the walk from the root to it: one bit,
one sigmoid, per level. The tree is fully described by each word's code,
the bits of its path (0 = left branch, 1 = right branch), which is what
``w2v.huffman.huffman_tree`` returns as ``codes`` and ``lengths``. This
module rebuilds the tree from those plain arrays and draws it:

* ``tree_layout``: where each node goes. The leaves are spread left to
  right in the order of their codes (so no two edges cross), one slot each;
  an inner node sits above the middle of its two children, and a node's
  height is its depth, the number of bits from the root.
* ``code_tree``: the figure. Edges carry their bit, each leaf its word and
  count, and one word's path can be highlighted.

Every leaf has a slot as wide as the widest leaf label, and an edge never
enters a neighbour's slot below the neighbour's node, so labels do not
overlap however deep the tree is.

Example (the four words of ``w2v/huffman.py``'s worked example)
----------------------------------------------------------------
>>> codes = np.array([[0, 0, 0], [1, 1, 0], [1, 0, 0], [1, 0, 1]])
>>> layout = tree_layout(codes, [1, 2, 3, 3])
>>> layout.positions[layout.leaves].tolist()       # (x, depth) of a, b, c, d
[[0.0, 1.0], [3.0, 2.0], [1.0, 3.0], [2.0, 3.0]]
>>> fig = code_tree(codes, [1, 2, 3, 3], ["a", "b", "c", "d"], [5, 3, 1, 1], highlight="c")
>>> fig.axes[0].get_ylabel()
'depth = bits of the code'
"""
from dataclasses import dataclass

import numpy as np

from .base import MUTED, PALETTE, new_figure

LEAF_FONT = 9    # points: the words and counts under the leaves
BIT_FONT = 8     # points: the 0/1 on the edges
PATH_COLOR = PALETTE[3]


@dataclass(frozen=True, eq=False)
class TreeLayout:
    """Nodes of a binary code tree and where to draw them.

    Attributes
    ----------
    positions : ndarray (n_nodes, 2) float
        (x, depth) of each node: x in leaf slots (0 .. V-1), depth in bits
        from the root. Node 0 is the root.
    parents : ndarray (n_nodes,) int
        Each node's parent; -1 for the root.
    bits : ndarray (n_nodes,) int
        The bit on the edge from the parent to the node; -1 for the root.
    leaves : ndarray (V,) int
        The node of each word.
    """

    positions: np.ndarray
    parents: np.ndarray
    bits: np.ndarray
    leaves: np.ndarray


def tree_layout(codes, lengths):
    """The tree that the words' codes describe, laid out left (bit 0) to right (bit 1).

    Parameters
    ----------
    codes : array-like (V, L) of 0/1
        Word w's path from the root: ``codes[w, :lengths[w]]``; the rest is padding.
    lengths : array-like (V,) of int
        Each word's code length (its depth), at least 1.

    Returns
    -------
    TreeLayout

    Raises
    ------
    ValueError
        If a code is empty, repeated, or the beginning of another (then
        it would not be a leaf).
    """
    codes, lengths = np.asarray(codes), np.asarray(lengths, dtype=int)
    paths = [tuple(int(bit) for bit in codes[w, :n]) for w, n in enumerate(lengths)]
    if any(not path for path in paths):
        raise ValueError("every word needs a code of at least one bit")
    node_of = {(): 0}
    parents, bits = [-1], [-1]
    for path in sorted(set(paths)):
        for depth in range(1, len(path) + 1):
            prefix = path[:depth]
            if prefix not in node_of:
                node_of[prefix] = len(parents)
                parents.append(node_of[prefix[:-1]])
                bits.append(prefix[-1])
    if len(set(paths)) < len(paths):
        raise ValueError("two words have the same code")
    inner = {prefix[:-1] for prefix in node_of if prefix}
    if any(path in inner for path in paths):
        raise ValueError("a word's code is the beginning of another word's code")
    positions = np.zeros((len(parents), 2))
    for prefix, node in node_of.items():
        positions[node, 1] = len(prefix)
    # Leaves left to right in code order (0 before 1), one slot each; then each
    # inner node, deepest first, above the middle of its children.
    for slot, path in enumerate(sorted(paths)):
        positions[node_of[path], 0] = slot
    parents = np.array(parents)
    for prefix in sorted(inner, key=len, reverse=True):
        children = np.flatnonzero(parents == node_of[prefix])
        positions[node_of[prefix], 0] = positions[children, 0].mean()
    return TreeLayout(positions, parents, np.array(bits),
                      np.array([node_of[path] for path in paths]))


def _text_width(text, size):
    """About how wide ``text`` is, in points, at font size ``size`` (0.6 em a character)."""
    return max(len(line) for line in text.split("\n")) * 0.6 * size


def code_tree(codes, lengths, words, counts, highlight=None,
              title="Huffman tree: frequent words get short codes"):
    """Draw a binary code tree: edges labelled with their bit, leaves with word and count.

    Parameters
    ----------
    codes, lengths : array-like
        The words' codes, as ``tree_layout`` takes them (``w2v.huffman.huffman_tree``'s
        ``codes`` and ``lengths``).
    words : list of str
        The word at each leaf, in the order of ``codes``' rows.
    counts : array-like of int
        Each word's count, written under its word.
    highlight : str, optional
        A word whose path from the root is drawn in colour, its code in the legend.
    title : str

    Returns
    -------
    matplotlib.figure.Figure
        One panel; depth (bits from the root) grows downwards. Its width
        grows with the number of words and the longest label, so that no
        two labels overlap.
    """
    layout = tree_layout(codes, lengths)
    counts = np.asarray(counts)
    if len(words) != len(layout.leaves) or len(counts) != len(layout.leaves):
        raise ValueError(f"{len(layout.leaves)} codes but {len(words)} words and "
                         f"{len(counts)} counts")
    labels = [f"{word}\n{int(count):,}" for word, count in zip(words, counts)]
    slot = max(_text_width(label, LEAF_FONT) for label in labels) + 10  # points
    depth = int(layout.positions[:, 1].max())
    width = max(5.0, len(labels) * slot / 72 + 1.4)
    fig, (ax,) = new_figure(panel_size=(width, 1.6 + 0.75 * depth))
    xy, parents = layout.positions, layout.parents
    on_path = np.zeros(len(parents), bool)
    if highlight is not None:
        node = layout.leaves[list(words).index(highlight)]
        while node >= 0:
            on_path[node] = True
            node = parents[node]
    for node in range(1, len(parents)):
        (x0, y0), (x1, y1) = xy[parents[node]], xy[node]
        ax.plot([x0, x1], [y0, y1], color=PATH_COLOR if on_path[node] else "0.55",
                lw=2.2 if on_path[node] else 1.0, zorder=1)
        bit = int(layout.bits[node])
        # On the outer side of the edge (above it): clear of the line and of the subtree.
        ax.annotate(str(bit), ((x0 + x1) / 2, (y0 + y1) / 2), xytext=(-3 if bit == 0 else 3, 2),
                    textcoords="offset points", ha="right" if bit == 0 else "left",
                    va="bottom", fontsize=BIT_FONT,
                    color=PATH_COLOR if on_path[node] else MUTED)
    is_leaf = np.zeros(len(parents), bool)
    is_leaf[layout.leaves] = True
    ax.scatter(xy[~is_leaf, 0], xy[~is_leaf, 1], s=28, facecolor="white", edgecolor="0.3",
               zorder=2, label="inner node: one sigmoid")
    ax.scatter(xy[is_leaf, 0], xy[is_leaf, 1], s=36, color=PALETTE[0], zorder=2,
               label="leaf: a word (its count below)")
    for node, label in zip(layout.leaves, labels):
        ax.annotate(label, xy[node], xytext=(0, -7), textcoords="offset points", ha="center",
                    va="top", fontsize=LEAF_FONT)
    ax.annotate("root", xy[0], xytext=(0, 7), textcoords="offset points", ha="center",
                va="bottom", fontsize=LEAF_FONT, color=MUTED)
    if highlight is not None:
        w = list(words).index(highlight)
        code = "".join(str(int(b)) for b in np.asarray(codes)[w, :int(np.asarray(lengths)[w])])
        ax.plot([], [], color=PATH_COLOR, lw=2.2, label=f"path of '{highlight}': code {code}")
    ax.set_xlim(-0.6, len(labels) - 0.4)
    ax.set_ylim(depth + 0.95, -0.45)          # depth grows downwards; room for the labels
    ax.set_yticks(range(depth + 1))
    ax.set_ylabel("depth = bits of the code")
    ax.set_xticks([])
    ax.set_xlabel("words in code order (bit 0 = left branch, bit 1 = right branch)")
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="y", alpha=0.25)
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=3, fontsize=8,
              frameon=False)
    return fig
