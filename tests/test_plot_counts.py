"""The co-occurrence heatmap: it shows the corner it is given, on a log scale, words named."""
import numpy as np
import pytest

from wordvec import count_cooccurrences, plot
from wordvec.text.encode import EncodedCorpus

pytest.importorskip("matplotlib")


def small_matrix():
    ids = np.array([0, 1, 0, 2, 1, 0, 3, 0, 1], np.int32)
    return count_cooccurrences(EncodedCorpus(ids, np.array([0, 4, 9])), vocab_size=4, window=2)


def test_top_left_block_is_the_dense_corner():
    X = small_matrix()
    dense = X.to_dense()
    for k in (1, 3, 4):
        block = plot.top_left_block(X.rows, X.cols, X.values, k, symmetric=X.symmetric)
        np.testing.assert_allclose(block, dense[:k, :k])


def test_heatmap_shows_the_block_on_a_log_scale():
    X = small_matrix()
    block = plot.top_left_block(X.rows, X.cols, X.values, 3)
    words = ["the", "of", "and"]
    fig = plot.cooccurrence_heatmap(block, words)
    ax, bar = fig.axes
    image = ax.images[0]
    np.testing.assert_allclose(image.get_array().filled(0.0), block)
    assert image.get_array().mask.sum() == (block == 0).sum()      # zeros are masked: grey
    assert type(image.norm).__name__ == "LogNorm"
    assert image.norm.vmin == block[block > 0].min() and image.norm.vmax == block.max()
    assert [t.get_text() for t in ax.get_xticklabels()] == words
    assert [t.get_text() for t in ax.get_yticklabels()] == words
    assert "log scale" in bar.get_ylabel() and ax.get_xlabel() and ax.get_ylabel()


@pytest.mark.parametrize("block, words", [(np.ones((2, 3)), ["a", "b"]),
                                          (np.ones((2, 2)), ["a"]),
                                          (np.zeros((2, 2)), ["a", "b"]),
                                          (-np.ones((2, 2)), ["a", "b"])])
def test_heatmap_refuses_bad_blocks(block, words):
    with pytest.raises(ValueError):
        plot.cooccurrence_heatmap(block, words)
