"""The code-tree figure: the layout is the tree the codes describe, and nothing overlaps."""
import numpy as np
import pytest

from w2v.huffman import huffman_tree
from wordvec import plot
from wordvec.plot.huffman_tree import tree_layout

pytest.importorskip("matplotlib")

WORDS = ["the", "of", "and", "in", "a", "to", "was", "is", "for", "as", "on", "by", "he", "with",
         "that"]
COUNTS = np.array([1061396, 593677, 416629, 372201, 325873, 316376, 129023, 116710, 102492,
                   91726, 91250, 87976, 76000, 73300, 70000])


def test_layout_follows_the_codes():
    tree = huffman_tree(COUNTS)
    layout = tree_layout(tree.codes, tree.lengths)
    assert len(layout.positions) == 2 * len(COUNTS) - 1          # V leaves, V - 1 inner nodes
    assert layout.parents[0] == -1 and (layout.parents[1:] >= 0).all()
    # each leaf's depth is its code length, and walking up reads its code backwards
    assert layout.positions[layout.leaves, 1].tolist() == tree.lengths.tolist()
    for word, node in enumerate(layout.leaves):
        bits = []
        while layout.parents[node] >= 0:
            bits.append(int(layout.bits[node]))
            node = layout.parents[node]
        assert bits[::-1] == tree.codes[word, :tree.lengths[word]].tolist()
    # leaves take the slots 0..V-1; a node's bit-0 child is left of its bit-1 child
    assert sorted(layout.positions[layout.leaves, 0]) == list(range(len(COUNTS)))
    for node in range(len(layout.parents)):
        children = np.flatnonzero(layout.parents == node)
        if len(children):
            left, right = children[np.argsort(layout.bits[children])]
            assert layout.positions[left, 0] < layout.positions[node, 0] < \
                layout.positions[right, 0]


@pytest.mark.parametrize("codes, lengths", [([[0], [0]], [1, 1]), ([[0, 0], [0, 1]], [1, 2]),
                                            ([[0], [1]], [0, 1])])
def test_layout_refuses_codes_that_are_no_tree(codes, lengths):
    with pytest.raises(ValueError):
        tree_layout(np.array(codes), lengths)


def _boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = FigureCanvasAgg(fig)
    canvas.draw()                      # lays the figure out, as saving it would
    renderer = canvas.get_renderer()
    texts = [t for t in fig.axes[0].texts if t.get_text()]
    return texts, [t.get_window_extent(renderer) for t in texts]


def test_figure_shows_every_word_and_bit_without_overlaps():
    tree = huffman_tree(COUNTS)
    fig = plot.code_tree(tree.codes, tree.lengths, WORDS, COUNTS, highlight="was")
    texts, boxes = _boxes(fig)
    shown = [t.get_text() for t in texts]
    for word, count in zip(WORDS, COUNTS):
        assert f"{word}\n{count:,}" in shown
    assert shown.count("0") == shown.count("1") == len(COUNTS) - 1      # one bit per edge
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not boxes[i].overlaps(boxes[j]), (shown[i], shown[j])
    ax = fig.axes[0]
    assert ax.get_ylabel() and ax.get_xlabel()
    code = "".join(map(str, tree.codes[WORDS.index("was"), :tree.lengths[WORDS.index("was")]]))
    assert any(code in t.get_text() for t in ax.get_legend().get_texts())


def test_figure_refuses_mismatched_words():
    tree = huffman_tree(COUNTS[:4])
    with pytest.raises(ValueError):
        plot.code_tree(tree.codes, tree.lengths, WORDS[:3], COUNTS[:4])
