"""GloVe presets: every one builds a valid estimator, and says where it comes from."""
import doctest

import pytest

from glove import GloVe, presets
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


def test_docstring_examples():
    assert doctest.testmod(presets).failed == 0
