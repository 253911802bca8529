"""The sweep figure: it draws the values given, on the axes it says, readable."""
import numpy as np
import pytest

from wordvec import plot
from wordvec.plot.hyperparameters import short_number, sweep

pytest.importorskip("matplotlib")

WINDOW = "window (words on each side)"
TOKENS = "corpus size (tokens)"
RESULTS = {
    WINDOW: {"wordsim353": [(10, 0.66, 0.61, 0.71), (2, 0.61, 0.55, 0.66), (5, 0.65, 0.6, 0.7)],
             "questions-words": [(2, 0.30), (5, 0.36, None, None), (10, 0.35)]},
    TOKENS: {"wordsim353": [(300_000, 0.3, 0.2, 0.4), (1_000_000, 0.4, 0.3, 0.5),
                            (3_000_000, 0.5, 0.4, 0.6), (10_000_000, 0.6, 0.55, 0.65),
                            (16_687_029, 0.64, 0.6, 0.7)]},
}


def test_is_exported_by_plot():
    assert plot.sweep is sweep and "sweep" in plot.__all__


def test_one_panel_per_hyperparameter_with_its_label_and_one_line_per_benchmark():
    fig = sweep(RESULTS)
    window, tokens = fig.axes[:2]
    assert [window.get_xlabel(), tokens.get_xlabel()] == [WINDOW, TOKENS]
    assert window.get_ylabel().startswith("score")
    assert [line.get_label() for line in window.lines] == ["wordsim353", "questions-words"]
    # sorted by value, whatever the order given
    assert window.lines[0].get_xdata().tolist() == [2, 5, 10]
    assert window.lines[0].get_ydata().tolist() == [0.61, 0.65, 0.66]
    assert window.lines[1].get_ydata().tolist() == [0.30, 0.36, 0.35]


def test_intervals_are_bands_only_where_given():
    fig = sweep(RESULTS)
    window = fig.axes[0]
    assert len(window.collections) == 1          # wordsim353 has intervals, the analogies none
    vertices = window.collections[0].get_paths()[0].vertices
    assert np.isclose(vertices[:, 1].min(), 0.55) and np.isclose(vertices[:, 1].max(), 0.71)


def test_a_single_point_with_an_interval_gets_an_error_bar():
    fig = sweep({"epochs": {"simlex999": [(5, 0.3, 0.25, 0.35)]}})
    assert len(fig.axes[0].containers) == 1


def test_log_axis_where_the_values_span_a_factor_of_4_and_ticks_at_the_values():
    fig = sweep({**RESULTS, "alpha": {"ws": [(0.02, 0.5), (0.025, 0.52), (0.03, 0.51)]}})
    window, tokens, alpha = fig.axes[:3]
    assert window.get_xscale() == tokens.get_xscale() == "log"
    assert alpha.get_xscale() == "linear"
    assert [t.get_text() for t in window.get_xticklabels()] == ["2", "5", "10"]
    labels = [t.get_text() for t in tokens.get_xticklabels()]
    assert list(tokens.get_xticks()) == [300_000, 1_000_000, 3_000_000, 10_000_000, 16_687_029]
    # 10M and 16.7M are too close to both be written: the largest keeps its label
    assert labels[-1] == "16.7M" and labels[0] == "300k" and "" in labels


def test_log_x_can_be_forced_per_panel():
    fig = sweep(RESULTS, log_x={WINDOW: False})
    assert [ax.get_xscale() for ax in fig.axes[:2]] == ["linear", "log"]
    with pytest.raises(ValueError, match="above 0"):
        sweep({"shift": {"ws": [(0, 0.5), (1, 0.6)]}}, log_x=True)


def test_tick_labels_do_not_overlap():
    fig = sweep(RESULTS)
    fig.draw_without_rendering()
    for ax in fig.axes[:2]:
        boxes = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
        for left, right in zip(boxes, boxes[1:]):
            assert left.x1 <= right.x0


def test_colours_follow_the_benchmark_in_every_panel_and_one_legend():
    fig = sweep(RESULTS, colors={"wordsim353": "#000000"})
    assert fig.axes[0].lines[0].get_color() == fig.axes[1].lines[0].get_color() == "#000000"
    assert len(fig.legends) == 1
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["wordsim353", "questions-words"]


def test_nothing_to_plot_is_an_error_and_an_empty_panel_says_so():
    with pytest.raises(ValueError, match="nothing to plot"):
        sweep({})
    fig = sweep({"dim": {}, WINDOW: RESULTS[WINDOW]})
    assert fig.axes[0].texts[0].get_text() == "no results"


def test_short_numbers():
    assert [short_number(v) for v in (2, 0.5, 1e-4, 1500, 2_000_000, 3e9)] == \
        ["2", "0.5", "0.0001", "1.5k", "2M", "3G"]


def test_a_title_goes_above_the_panel_when_there_is_one():
    one = sweep({TOKENS: RESULTS[TOKENS]}, title="more text")
    assert one.axes[0].get_title() == "more text" and one._suptitle is None
    two = sweep(RESULTS, title="two panels")
    assert two._suptitle.get_text() == "two panels"
