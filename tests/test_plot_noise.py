"""The noise-distribution figure: it draws the distributions training samples from."""
import numpy as np
import pytest

from wordvec import plot
from wordvec.text.vocab import Vocabulary

pytest.importorskip("matplotlib")

PNG = b"\x89PNG\r\n\x1a\n"


def zipf_vocab(n=200):
    # Deliberately not sorted: the figure must sort by count itself.
    words = [f"w{i}" for i in range(n)]
    counts = (100_000 // np.arange(1, n + 1))[::-1].copy()
    return Vocabulary(words, counts)


def test_the_lines_are_the_vocabularys_noise_distributions():
    vocab = zipf_vocab()
    fig = plot.noise_distribution(vocab.counts, exponents=(1.0, 0.75, 0.0), words=vocab.words)
    left, right = fig.axes
    order = np.argsort(-vocab.counts, kind="stable")
    for line, e in zip(left.lines, (1.0, 0.75, 0.0)):
        np.testing.assert_allclose(line.get_ydata(), vocab.noise_distribution(e)[order])
        np.testing.assert_array_equal(line.get_xdata(), np.arange(1, len(vocab) + 1))
    # Right panel: the reference line at 1, then each exponent over the unigram one.
    ratios = [line.get_ydata() for line in right.lines[1:]]
    np.testing.assert_allclose(ratios[0], 1.0)
    unigram = vocab.noise_distribution(1.0)[order]
    np.testing.assert_allclose(ratios[1], vocab.noise_distribution(0.75)[order] / unigram)
    # 3/4 takes from the most frequent word and gives to the rarest.
    assert ratios[1][0] < 1 < ratios[1][-1]


def test_axes_are_labelled_log_and_the_top_words_named():
    vocab = zipf_vocab()
    fig = plot.noise_distribution(vocab.counts, words=vocab.words, label_words=2)
    for ax in fig.axes:
        assert ax.get_xscale() == ax.get_yscale() == "log"
        assert ax.get_xlabel().startswith("rank") and ax.get_ylabel()
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["e = 1 (unigram)", "e = 0.75"]
    box = fig.axes[0].texts[0].get_text()
    assert "'w199'" in box and "'w198'" in box and "'w197'" not in box  # most frequent first
    assert plot.png_bytes(fig).startswith(PNG)


def test_without_words_no_box():
    fig = plot.noise_distribution([5, 3, 1])
    assert len(fig.axes[0].texts) == 0


@pytest.mark.parametrize("counts, exponents", [([], (0.75,)), ([3, 0], (0.75,)),
                                               ([3, 1], ())])
def test_nothing_to_draw_is_an_error(counts, exponents):
    with pytest.raises(ValueError):
        plot.noise_distribution(counts, exponents=exponents)
