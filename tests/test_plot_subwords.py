"""The subword figures: n-gram collisions and the n-gram matrix's memory, against the bucket count."""
import numpy as np
import pytest

from wordvec import plot
from wordvec.plot.subwords import birthday_share, bucket_memory, ngram_collisions
from wordvec.text.subwords import char_ngrams, fnv1a

pytest.importorskip("matplotlib")

PNG = b"\x89PNG\r\n\x1a\n"


def test_exported_by_plot():
    for name in ("ngram_collisions", "bucket_memory", "birthday_share"):
        assert getattr(plot, name) is globals()[name] and name in plot.__all__


def test_birthday_share_is_the_exact_probability():
    # 3 items, 4 rows: an item's row is free of both others with probability (3/4)^2
    assert birthday_share(3, 4) == pytest.approx(1 - 0.75 ** 2)
    assert birthday_share(1, 10) == 0.0 and birthday_share(0, 10) == 0.0
    assert birthday_share(5, 1) == pytest.approx(1.0)
    np.testing.assert_allclose(birthday_share(10_000, np.array([10_000, 1e6])),
                               [1 - (1 - 1e-4) ** 9_999, 1 - (1 - 1e-6) ** 9_999])


def test_birthday_share_matches_hashed_ngrams():
    # FNV-1a spreads real n-grams as uniform hashing would (within a few points).
    words = [f"{a}{b}{c}ing" for a in "bcdfgklmnprst" for b in "aeiou" for c in "bdgklmnprt"]
    grams = sorted({g for w in words for g in char_ngrams(w, 3, 6)})
    hashes = np.array([fnv1a(g) for g in grams], dtype=np.int64)
    for bucket in (1_000, 10_000, 100_000):
        _, where, per_row = np.unique(hashes % bucket, return_inverse=True, return_counts=True)
        measured = np.mean(per_row[where] > 1)
        assert measured == pytest.approx(birthday_share(len(grams), bucket), abs=0.03)


@pytest.mark.parametrize("n, bucket", [(-1, 10), (5, 0), (5, [10, 0.5])])
def test_birthday_share_refuses_impossible_settings(n, bucket):
    with pytest.raises(ValueError):
        birthday_share(n, bucket)


def test_collisions_draw_the_shares_given_and_the_expectation():
    shares = {100_000: 0.1, 1_000: 0.99, 10_000: 0.6}
    fig = ngram_collisions(shares, n_ngrams=9_000, marks={"default": 100_000})
    ax = fig.axes[0]
    measured, expected = ax.lines[:2]
    assert measured.get_xdata().tolist() == [1_000, 10_000, 100_000]   # sorted by bucket
    assert measured.get_ydata().tolist() == [0.99, 0.6, 0.1]
    np.testing.assert_allclose(expected.get_ydata(), birthday_share(9_000, expected.get_xdata()))
    assert ax.get_xscale() == "log" and "bucket" in ax.get_xlabel()
    # the bucket count equal to n, and the mark, as labelled vertical lines
    labels = [t.get_text().strip() for t in ax.texts]
    assert labels == ["bucket = n = 9,000", "default"]
    assert [line.get_xdata()[0] for line in ax.lines[2:]] == [9_000, 100_000]
    assert "9,000" in ax.get_title()
    assert plot.png_bytes(fig).startswith(PNG)


def test_collisions_mark_n_only_inside_the_range():
    fig = ngram_collisions({1_000: 0.5, 2_000: 0.3}, n_ngrams=500)
    assert len(fig.axes[0].texts) == 0 and len(fig.axes[0].lines) == 2


@pytest.mark.parametrize("shares", [{}, {0: 0.5}, {100: 1.5}, {100: -0.1}])
def test_collisions_refuse_nothing_or_nonsense(shares):
    with pytest.raises(ValueError):
        ngram_collisions(shares, n_ngrams=10)


def test_memory_lines_are_bucket_times_dim_times_four_bytes():
    fig = bucket_memory([1_000, 2_000_000], dims=[50, 300],
                        measured={"nbytes": {10_000: 2.0, 1_000: 0.0}},
                        references={"skip-gram": 5.5}, marks={"default": 2_000_000})
    ax = fig.axes[0]
    small, large, points = ax.lines[:3]
    np.testing.assert_allclose(small.get_ydata(), small.get_xdata() * 50 * 4 / 1e6)
    np.testing.assert_allclose(large.get_ydata(), large.get_xdata() * 300 * 4 / 1e6)
    assert small.get_ydata()[-1] == pytest.approx(400.0)     # 2M x 50 x 4 bytes
    assert points.get_xdata().tolist() == [10_000]             # 0 MB has no place on a log axis
    assert list(ax.lines[3].get_ydata()) == [5.5, 5.5]      # the reference, horizontal
    assert ax.get_xscale() == ax.get_yscale() == "log"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["bucket × 50 × 4 bytes", "bucket × 300 × 4 bytes", "nbytes", "skip-gram"]
    assert plot.png_bytes(fig).startswith(PNG)


@pytest.mark.parametrize("buckets, dims", [([], [100]), ([1_000], []), ([0, 10], [100])])
def test_memory_refuses_nothing_to_draw(buckets, dims):
    with pytest.raises(ValueError):
        bucket_memory(buckets, dims)
