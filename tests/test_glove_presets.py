"""GloVe presets: every one builds a valid estimator, and says where it comes from."""
from pathlib import Path

import pytest

from glove import GloVe
from glove.presets import PRESETS, get_preset, preset_params


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_is_a_valid_glove(name):
    params = preset_params(name)
    model = GloVe(**params)
    model._validate()
    assert all(getattr(model, key) == value for key, value in params.items())
    assert get_preset(name).source and get_preset(name).algorithm == "glove"


def test_paper_and_demo_values():
    paper = preset_params("paper")
    assert (paper["x_max"], paper["alpha"], paper["eta"], paper["window"]) == (100, 0.75,
                                                                                0.05, 10)
    assert preset_params("c-demo")["window"] == 15 and preset_params("c-demo")["x_max"] == 10


def test_unknown_preset_lists_the_names():
    with pytest.raises(ValueError, match="small-corpus"):
        get_preset("huge-corpus")


def test_small_corpus_is_the_sweeps_best_row():
    # The preset claims to be the top row of the sweep's table (sorted best first):
    # keep the two in step if either changes.
    table = Path(__file__).parents[1] / "bench" / "results" / "glove_sweep_2026-11-27.txt"
    lines = table.read_text(encoding="utf-8").splitlines()
    header = next(k for k, line in enumerate(lines) if line.split()[:2] == ["window", "x_max"])
    window, x_max, eta, epochs = lines[header + 1].split()[:4]
    params = preset_params("small-corpus")
    assert (params["window"], params["x_max"], params["eta"], params["epochs"]) == (
        int(window), float(x_max), float(eta), int(epochs))
