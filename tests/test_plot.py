"""The figures: each renders headless, shows what it says, and skips what is missing."""
import base64
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from wordvec import plot
from wordvec.evaluation.word_pairs import evaluate_word_pairs
from wordvec.text.vocab import Vocabulary
from wordvec.vectors.keyedvectors import KeyedVectors

matplotlib = pytest.importorskip("matplotlib")
from matplotlib.colors import to_rgba  # noqa: E402  (after the importorskip)
from matplotlib.container import BarContainer, ErrorbarContainer  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"
ROOT = Path(__file__).resolve().parents[1]

TABLE = {"sg": {"ws353": (0.66, 0.60, 0.71), "simlex": (0.31, 0.25, 0.37),
                "analogy": (0.37, None, None)},
         "glove": {"ws353": (0.55, 0.49, 0.61), "simlex": (0.25, 0.19, 0.30),
                   "analogy": (0.42, 0.41, 0.43)}}


def tiny_vocab():
    # Deliberately not sorted: the figures must sort by count themselves.
    words = [f"w{i}" for i in range(150)]
    counts = (10_000 // np.arange(1, 151))[::-1].copy()
    return Vocabulary(words, counts)


def unit_circle_kv(words, dim=6, seed=0):
    """Unit vectors in a random 2-D plane of R^dim: PCA must recover their plane exactly."""
    angles = np.linspace(0, 2.5, len(words))
    plane = np.linalg.qr(np.random.default_rng(seed).standard_normal((dim, 2)))[0]
    return KeyedVectors(np.c_[np.cos(angles), np.sin(angles)] @ plane.T, words)


def pairs_file(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("cat\tdog\t8.5\ndog\tcar\t3\ncat\tcar\t1\ncat\tmouse\t7\ncar\tbus\t9\n")
    return path


def pairs_kv():
    vectors = np.array([[1, 0, 0], [2, 1, 0], [0, 1, 0], [0, 1, 0.2]], np.float32)
    return KeyedVectors(vectors, ["cat", "dog", "car", "bus"])


def assert_renders(fig):
    assert plot.png_bytes(fig).startswith(PNG)


# ----------------------------------------------------------------- import cost, no pyplot

def test_importing_wordvec_loads_no_matplotlib_and_figures_avoid_pyplot():
    code = ("import sys, wordvec, wordvec.plot\n"
            "assert 'matplotlib' not in sys.modules, 'import wordvec loaded matplotlib'\n"
            "fig = wordvec.plot.glove_weighting()\n"
            "assert wordvec.plot.png_bytes(fig)[:4] == b'\\x89PNG'\n"
            "assert 'matplotlib' in sys.modules\n"
            "assert 'matplotlib.pyplot' not in sys.modules, 'a figure went through pyplot'\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ----------------------------------------------------------------------------- scores

def test_scores_one_bar_per_model_and_benchmark_with_intervals():
    fig = plot.scores(TABLE)
    ax, = fig.axes
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert [len(c) for c in bars] == [3, 3]                     # 2 models x 3 benchmarks
    assert [p.get_height() for p in bars[0]] == pytest.approx([0.66, 0.31, 0.37])
    errorbars = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    segments = [c.lines[2][0].get_segments() for c in errorbars]
    assert [len(s) for s in segments] == [2, 3]                 # sg's analogy has no interval
    assert [tuple(s[:, 1]) for s in segments[0]] == [pytest.approx((0.60, 0.71)),
                                                     pytest.approx((0.25, 0.37))]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["ws353", "simlex", "analogy"]
    assert ax.get_ylabel() == "score (Spearman's ρ or accuracy)" and ax.get_ylim() == (0.0, 1.0)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["sg", "glove"]
    colors = plot.model_colors(TABLE)
    assert bars[1][0].get_facecolor() == to_rgba(colors["glove"])
    # A bar sits inside its benchmark's group, the models in the order given.
    assert bars[0][1].get_x() < bars[1][1].get_x() < 1.5 < bars[0][2].get_x()
    assert_renders(fig)


def test_scores_gaps_for_missing_results_and_room_below_zero():
    table = {"sg": {"ws353": (0.66, None, None), "simlex": (None, None, None)},
             "svd": {"simlex": (-0.2, -0.3, -0.1)}}
    ax, = plot.scores(table).axes
    assert len(ax.patches) == 2
    assert ax.get_ylim()[0] == pytest.approx(-0.35) and ax.get_ylim()[1] == 1.0


def test_scores_and_other_figures_refuse_empty_input():
    with pytest.raises(ValueError, match="nothing to plot"):
        plot.scores({})
    with pytest.raises(ValueError, match="nothing to plot"):
        plot.scores({"sg": {}})
    with pytest.raises(ValueError, match="nothing to plot"):
        plot.loss_curves({})
    with pytest.raises(ValueError, match="nothing to plot"):
        plot.pca_map({"sg": unit_circle_kv(["a", "b"])}, {})
    with pytest.raises(ValueError, match="nothing to plot"):
        plot.zipf(Vocabulary([], []))


def test_a_colors_dict_keeps_a_model_colour_across_figures():
    colors = plot.model_colors(["cbow", "sg", "glove"])
    bars = plot.scores(TABLE, colors=colors).axes[0].containers[0]   # sg first here
    line = plot.accuracy_by_epoch({"glove": [0.1], "sg": [0.2]}, colors=colors).axes[0].lines[1]
    assert bars[0].get_facecolor() == to_rgba(colors["sg"]) == to_rgba(line.get_color())
    assert colors["sg"] != colors["cbow"]


# ---------------------------------------------------------------------- training curves

def test_loss_curves_one_panel_per_model_empty_curve_says_so():
    curves = {"sg": [(0.5, 3.0), (1.0, 2.5), (1.5, 2.4)], "glove": [(1, 0.05), (2, 0.02)],
              "svd": [], "cbow": [(1, 2.9)]}
    fig = plot.loss_curves(curves)
    assert [ax.get_title() for ax in fig.axes] == ["sg", "glove", "svd", "cbow"]
    assert [len(ax.lines) for ax in fig.axes] == [1, 1, 0, 1]
    assert fig.axes[0].lines[0].get_ydata().tolist() == [3.0, 2.5, 2.4]
    assert [t.get_text() for t in fig.axes[2].texts] == ["no loss (not iterative)"]
    # The epochs are shared; the losses (different algorithms, scales) are not.
    assert fig.axes[0].get_xlim() == fig.axes[1].get_xlim()
    assert fig.axes[0].get_ylim() != fig.axes[1].get_ylim()
    # 3 panels a row: "sg" has "cbow" below it; "glove" and "svd" are bottom panels.
    assert [ax.get_xlabel() for ax in fig.axes] == ["", "epochs", "epochs", "epochs"]
    assert_renders(fig)


def test_accuracy_by_epoch_lines_with_markers_single_value_a_point():
    fig = plot.accuracy_by_epoch({"sg": [0.2, 0.3, 0.35], "svd": [0.25]})
    ax, = fig.axes
    assert [line.get_xdata().tolist() for line in ax.lines] == [[1, 2, 3], [1]]
    assert ax.lines[1].get_ydata().tolist() == [0.25]
    assert ax.lines[1].get_marker() not in ("", "None")              # a point, not a line
    assert ax.lines[0].get_marker() != ax.lines[1].get_marker()       # told apart if equal
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sg", "svd"]
    assert ax.get_xlabel() == "epochs" and ax.get_ylim()[0] == 0
    assert_renders(fig)


# -------------------------------------------------------------------------------- PCA

def test_pca_2d_keeps_distances_of_planar_points():
    kv = unit_circle_kv(list("abcdefg"), dim=8)
    coords, explained = plot.pca_2d(kv.vectors)
    assert explained.sum() == pytest.approx(1.0)
    far = np.linalg.norm(coords[:, None] - coords[None], axis=2)
    true = np.linalg.norm(kv.vectors[:, None] - kv.vectors[None], axis=2)
    assert far == pytest.approx(true, abs=1e-5)
    # SVD's sign is fixed: the point furthest along each axis is on its positive side.
    assert all(coords[np.abs(coords[:, k]).argmax(), k] > 0 for k in (0, 1))


def test_pca_map_labels_words_draws_arrows_skips_missing_ones():
    words = ["france", "paris", "italy", "rome", "spain", "madrid"]
    models = {"full": unit_circle_kv(words),
              "partial": unit_circle_kv(["france", "paris", "italy", "spain", "extra"])}
    groups = {"countries": ["france", "italy", "spain", "atlantis"],
              "capitals": ["paris", "rome", "madrid"]}
    arrows = [("france", "paris"), ("italy", "rome"), ("spain", "madrid")]
    fig = plot.pca_map(models, groups, arrows)
    full, partial = fig.axes
    assert sorted(t.get_text() for t in full.texts) == sorted(words)
    assert sorted(t.get_text() for t in partial.texts) == ["france", "italy", "paris", "spain"]
    assert (len(full.patches), len(partial.patches)) == (3, 1)    # arrows need both ends
    assert full.get_title() == "full (1 word missing)"             # atlantis
    assert partial.get_title() == "partial (3 words missing)"      # atlantis, rome, madrid
    # Every point once, in its group's colour, at its PCA coordinates.
    shown = ["france", "italy", "spain", "paris", "rome", "madrid"]   # groups' order
    points = full.collections[0]
    colors = [tuple(c) for c in points.get_facecolors()]
    assert colors[shown.index("rome")] == to_rgba(plot.model_colors(groups)["capitals"])
    kv = models["full"]
    coords, _ = plot.pca_2d(kv.get_normed_vectors()[[kv.get_index(w) for w in shown]])
    assert np.asarray(points.get_offsets()) == pytest.approx(coords)
    # The first arrow starts next to france (shortened a little so as not to hide it).
    start = full.patches[0].get_path().vertices[0]
    assert np.linalg.norm(coords - start, axis=1).argmin() == shown.index("france")
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["countries", "capitals"]
    assert full.get_xlabel().startswith("PC1 (") and "% of variance" in full.get_ylabel()
    assert_renders(fig)


def test_pca_map_arrow_words_outside_groups_are_grey_and_too_few_words_say_so():
    kv = unit_circle_kv(["king", "queen", "man", "woman"])
    fig = plot.pca_map({"m": kv, "empty": unit_circle_kv(["x", "y"])},
                       {"royals": ["king", "queen"]}, [("man", "woman")])
    ax, empty = fig.axes
    assert sorted(t.get_text() for t in ax.texts) == ["king", "man", "queen", "woman"]
    assert tuple(ax.collections[0].get_facecolors()[2]) == to_rgba("0.5")
    assert len(empty.collections) == 0 and "fewer than two" in empty.texts[0].get_text()
    assert_renders(fig)


# ---------------------------------------------------------------- word pairs, up close

def test_similarity_scatter_plots_known_pairs_with_spearman_in_title(tmp_path):
    result = evaluate_word_pairs(pairs_kv(), pairs_file(tmp_path))
    result.spearman_ci = (0.1, 0.9)                 # as the bootstrap sets it
    other = evaluate_word_pairs(pairs_kv(), pairs_file(tmp_path))
    other.spearman_ci = (float("nan"), float("nan"))  # not computed
    fig = plot.similarity_scatter({"a": result, "b": other})
    a, b = fig.axes
    known = [(r.gold, r.model) for r in result.records if r.model is not None]
    assert len(known) == 4                           # cat-mouse: mouse unknown
    assert np.asarray(a.collections[0].get_offsets()) == pytest.approx(np.array(known))
    assert a.get_title() == f"a\nSpearman {result.spearman:.3f} [0.10, 0.90], 4 pairs"
    assert b.get_title() == f"b\nSpearman {result.spearman:.3f}, 4 pairs"
    assert a.get_xlabel() == "human score (on the benchmark's own scale)" and a.get_ylabel() == "cosine similarity"
    assert fig.get_suptitle().startswith("pairs.tsv")
    assert_renders(fig)


def test_similarity_scatter_with_no_known_pair(tmp_path):
    kv = KeyedVectors(np.eye(2), ["x", "y"])
    fig = plot.similarity_scatter({"m": evaluate_word_pairs(kv, pairs_file(tmp_path))})
    ax, = fig.axes
    assert "Spearman n/a, 0 pairs" in ax.get_title() and len(ax.collections) == 0
    assert_renders(fig)


# ----------------------------------------------------------------------- corpus figures

def test_zipf_log_log_sorted_counts_reference_and_words_at_powers_of_ten():
    vocab = tiny_vocab()
    fig = plot.zipf(vocab)
    ax, = fig.axes
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")
    words, reference = ax.lines
    counts = np.sort(vocab.counts)[::-1]
    assert words.get_xdata().tolist() == list(range(1, 151))
    assert words.get_ydata().tolist() == counts.tolist()
    assert reference.get_ydata() == pytest.approx(counts[0] / np.arange(1, 151))
    assert [t.get_text() for t in ax.texts] == ["w149", "w140", "w50"]  # ranks 1, 10, 100
    assert "rank" in ax.get_xlabel() and "count" in ax.get_ylabel()
    assert len(plot.zipf(vocab, reference=False, label_words=False).axes[0].texts) == 0
    assert_renders(fig)


def test_keep_probability_is_trainings_formula_against_frequency():
    vocab = tiny_vocab()
    fig = plot.keep_probability(vocab, sample=(1e-2, 1e-3))
    ax, = fig.axes
    assert ax.get_xscale() == "log" and ax.get_ylim() == (0, 1.05)
    curves = [line for line in ax.lines if len(line.get_xdata()) == 150]
    order = np.argsort(-vocab.counts, kind="stable")
    assert len(curves) == 2
    assert curves[1].get_xdata() == pytest.approx(vocab.counts[order] / vocab.counts.sum())
    assert curves[1].get_ydata() == pytest.approx(vocab.keep_probabilities(1e-3)[order])
    box, = ax.texts
    assert box.get_text().splitlines()[1:] == [f"'w{149 - k}': {p:.0%}" for k, p in
                                               enumerate(curves[0].get_ydata()[:3])]
    assert len(ax.collections[0].get_offsets()) == 3        # their points, marked
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["sample = 0.01",
                                                                   "sample = 0.001"]
    assert_renders(fig)


def test_glove_weighting_is_the_papers_function():
    fig = plot.glove_weighting(x_max=10, alpha=0.5)
    ax, = fig.axes
    x, f = ax.lines[0].get_xdata(), ax.lines[0].get_ydata()
    assert x.max() == 20 and f == pytest.approx(np.minimum(1, np.sqrt(x / 10)))
    assert np.interp(2.5, x, f) == pytest.approx(0.5, abs=1e-3)
    assert ax.lines[1].get_xdata()[0] == 10                # x_max marked
    assert "X_{ij}" in ax.get_xlabel()
    assert_renders(fig)


# ------------------------------------------------------------------------------ saving

def test_save_by_extension_atomically(tmp_path):
    fig = plot.glove_weighting()
    assert plot.save(fig, tmp_path / "f.png").read_bytes().startswith(PNG)
    assert plot.save(fig, tmp_path / "sub" / "f.svg").read_text().lstrip().startswith("<?xml")
    assert plot.save(fig, tmp_path / "noext").read_bytes().startswith(PNG)
    (tmp_path / "keep.xyz").write_bytes(b"old")
    with pytest.raises(ValueError):
        plot.save(fig, tmp_path / "keep.xyz")              # matplotlib has no .xyz format
    assert (tmp_path / "keep.xyz").read_bytes() == b"old"   # untouched, no temporary left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.png", "keep.xyz", "noext", "sub"]


def test_png_bytes_and_data_uri():
    fig = plot.zipf(tiny_vocab())
    raw = plot.png_bytes(fig)
    uri = plot.data_uri(fig)
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == raw
    assert plot.data_uri(fig, "svg").startswith("data:image/svg+xml;base64,")
    width, height = np.frombuffer(raw[16:24], ">u4")            # the PNG header: 100 dpi
    assert (width, height) == (550, 400)
