"""The hyperparameter presets: each is accepted by both estimators and says what its source says.

No training here: the presets are checked against the estimators'
constructors and validation, and against the sources they cite (the C
tool's flags written out below, gensim's own signature).
"""
import dataclasses
import inspect

import pytest

import w2v
from w2v import SkipGram
from w2v.presets import PRESETS, Preset, get_preset, preset_params

# The estimators these presets serve, by their algorithm name.
ESTIMATORS = {entry.estimator.algorithm: entry.estimator for entry in w2v.ALGORITHMS}
ALGORITHMS = sorted(ESTIMATORS)

# The word2vec C tool's flags -> (our parameter, how to read the value).
C_FLAGS = {"-size": ("dim", int), "-window": ("window", int), "-negative": ("negative", int),
           "-hs": ("hs", lambda text: bool(int(text))), "-sample": ("sample", float),
           "-iter": ("epochs", int), "-min-count": ("min_count", int),
           "-alpha": ("alpha", float),
           "-cbow": ("algorithm", lambda text: "cbow" if int(text) else "skipgram")}
# word2vec.c's final release: the globals' initial values, as flags (its
# unigram table's power, 0.75, is not a flag).
C_DEFAULTS = "-size 100 -window 5 -sample 1e-3 -hs 0 -negative 5 -iter 5 -min-count 5 -cbow 1"
# demo-word.sh of the same release, without -train/-output/-threads/-binary.
DEMO_WORD = "-cbow 1 -size 200 -window 8 -negative 25 -hs 0 -sample 1e-4 -iter 15"
# main(): "if (cbow) alpha = 0.05;", so -alpha's default hangs on -cbow.
C_ALPHA = {"cbow": 0.05, "skipgram": 0.025, "skipgram-shared": 0.025}

# gensim 4's Word2Vec.__init__ parameter -> ours.
GENSIM_NAMES = {"vector_size": "dim", "alpha": "alpha", "min_alpha": "min_alpha",
                "window": "window", "min_count": "min_count", "sample": "sample",
                "hs": "hs", "negative": "negative", "ns_exponent": "ns_exponent",
                "epochs": "epochs", "seed": "seed"}


def c_command_line(flags):
    """Our parameter names and values for a word2vec.c command line."""
    words = flags.split()
    return {C_FLAGS[flag][0]: C_FLAGS[flag][1](value)
            for flag, value in zip(words[::2], words[1::2])}


# ------------------------------------------------------------- every preset

@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_builds_a_valid_estimator(name, algorithm):
    params = preset_params(name, algorithm)
    model = ESTIMATORS[algorithm](**params, verbose=False)
    model._validate()
    assert model.algorithm == algorithm
    assert {key: getattr(model, key) for key in params} == params


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_say_what_to_learn_not_how_to_run(name):
    preset = get_preset(name)
    assert preset.name == name and preset.algorithm in ALGORITHMS
    assert preset.description and preset.source
    for algorithm in ALGORITHMS:
        params = preset_params(name, algorithm)
        assert not {"workers", "verbose", "callbacks"} & set(params)
        # Only gensim's seed, which is ours too, so a preset never changes it.
        assert params.get("seed", 1) == inspect.signature(SkipGram).parameters["seed"].default
        assert ("cbow_mean" in params) <= (algorithm == "cbow")  # SkipGram has none


def test_preset_params_is_a_copy():
    preset_params("word2vec-c", "cbow")["dim"] = 7
    assert preset_params("word2vec-c", "cbow")["dim"] == 100
    assert get_preset("word2vec-c").params["dim"] == 100


def test_a_preset_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        get_preset("gensim").algorithm = "skipgram"


def test_unknown_names_list_the_choices():
    with pytest.raises(ValueError, match="unknown preset 'word2vek'") as error:
        get_preset("word2vek")
    assert all(name in str(error.value) for name in PRESETS)
    with pytest.raises(ValueError, match="unknown algorithm 'sg'"):
        preset_params("gensim", "sg")


def test_a_malformed_preset_fails_when_defined():
    with pytest.raises(ValueError, match="unknown algorithm"):
        Preset("x", "glove", "d", "s", {})
    with pytest.raises(ValueError, match="cbow_mean belongs to per_algorithm"):
        Preset("x", "cbow", "d", "s", {"cbow_mean": False})


# ---------------------------------------------------------- against sources

@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_word2vec_c_is_the_c_tools_defaults(algorithm):
    params = preset_params("word2vec-c", algorithm)
    expected = c_command_line(C_DEFAULTS)
    assert get_preset("word2vec-c").algorithm == expected.pop("algorithm") == "cbow"
    assert {key: params[key] for key in expected} == expected
    assert params["ns_exponent"] == 0.75
    assert params["alpha"] == C_ALPHA[algorithm]
    # The C tool's floor, starting_alpha * 0.0001, as our final rate.
    assert params["min_alpha"] == pytest.approx(C_ALPHA[algorithm] * 1e-4, rel=1e-12)
    assert params.get("cbow_mean", True) is True  # the C tool always averages


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_text8_demo_is_demo_word_sh(algorithm):
    params = preset_params("text8-demo", algorithm)
    expected = c_command_line(DEMO_WORD)
    assert get_preset("text8-demo").algorithm == expected.pop("algorithm") == "cbow"
    assert {key: params[key] for key in expected} == expected
    # What the script leaves out is the C tool's default.
    assert params["min_count"] == c_command_line(C_DEFAULTS)["min_count"]
    assert params["alpha"] == C_ALPHA[algorithm]
    assert params["min_alpha"] == pytest.approx(C_ALPHA[algorithm] * 1e-4, rel=1e-12)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_gensim_is_gensims_signature(algorithm):
    gensim_word2vec = pytest.importorskip("gensim.models.word2vec")
    defaults = {name: param.default for name, param in
                inspect.signature(gensim_word2vec.Word2Vec.__init__).parameters.items()}
    params = preset_params("gensim", algorithm)
    assert get_preset("gensim").algorithm == ("skipgram" if defaults["sg"] else "cbow")
    for theirs, ours in GENSIM_NAMES.items():
        assert params[ours] == defaults[theirs], (theirs, ours)
    # gensim's switches are the ints 0 and 1; ours are bools (validation insists).
    assert params["hs"] is bool(defaults["hs"])
    if algorithm == "cbow":
        assert params["cbow_mean"] is bool(defaults["cbow_mean"])
    else:
        assert "cbow_mean" not in params


def test_levy2015_is_the_papers_advice():
    preset = get_preset("levy2015")
    params = preset_params("levy2015", "skipgram")
    assert preset.algorithm == "skipgram" and "TACL" in preset.source
    defaults = inspect.signature(SkipGram).parameters
    assert params["negative"] == 15 > defaults["negative"].default  # "many negative samples"
    assert params["ns_exponent"] == 0.75                           # context distribution smoothing
    assert params["sample"] == 1e-5                                # subsampling with t = 1e-5
    assert params["window"] == 5
    assert params["vectors"] == "word+context"                           # their w + c
