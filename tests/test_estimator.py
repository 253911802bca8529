"""What every estimator shares (wordvec/train/estimator.py): parameters, their help, their checks."""
import inspect

import numpy as np
import pytest

from wordvec.cli.algorithms import ALGORITHMS
from wordvec.train.estimator import (RUN_PARAMS, Estimator, Param, check_choice, check_int,
                                     check_number)

ESTIMATORS = [algorithm.estimator for algorithm in ALGORITHMS.values()]


def clone(estimator):
    """What sklearn.base.clone does with an estimator that has no sub-estimators."""
    params = estimator.get_params(deep=False)
    copy = type(estimator)(**params)
    for name, value in copy.get_params(deep=False).items():
        assert value is params[name], f"__init__ changed {name}"
    return copy


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda cls: cls.__name__)
def test_every_parameter_is_declared_documented_and_stored_as_given(estimator):
    defaults = estimator.defaults()
    assert list(defaults) == list(inspect.signature(estimator).parameters)
    helps = estimator.param_help()
    assert set(helps) == set(defaults)
    for name in defaults:
        assert helps[name].help.strip(), name
        assert f"\n{name} : " in estimator.__doc__  # the generated numpydoc section
    # Two names that mean different things in the two papers say so.
    if "alpha" in helps:
        assert "another thing" in helps["alpha"].help
    model = estimator(dim=7, seed=3, callbacks=[print])
    assert clone(model).get_params() == model.get_params()
    assert model.get_params()["callbacks"] == [print]


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda cls: cls.__name__)
def test_sklearn_clone(estimator):
    base = pytest.importorskip("sklearn.base")
    model = estimator(dim=9, seed=2)
    copy = base.clone(model)
    assert copy is not model and copy.get_params() == model.get_params()


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda cls: cls.__name__)
def test_one_vocabulary_of_vectors_values(estimator):
    choices = set(estimator.param_help()["vectors"].choices)
    if estimator.algorithm.startswith("fasttext"):
        # A word outside the vocabulary has n-grams but no context vector: 'word' only.
        assert choices == {"word"}
    else:
        assert choices == {"word", "word+context", "concat"}


def test_set_params_and_repr():
    model = ALGORITHMS["sg"].estimator()
    assert repr(model) == "SkipGram()"
    assert model.set_params(dim=20, hs=True) is model
    assert repr(model) == "SkipGram(dim=20, hs=True)"
    with pytest.raises(ValueError, match="has no parameter 'size'"):
        model.set_params(size=10)


def test_wv_before_fit_says_what_to_do():
    with pytest.raises(AttributeError, match="call fit first"):
        ALGORITHMS["glove"].estimator().wv


def test_a_param_the_constructor_lacks_is_refused_at_class_creation():
    with pytest.raises(TypeError, match=r"describes \['window'\]"):
        class Broken(Estimator):
            params = {"window": Param("How far.")}

            def __init__(self, dim=1):
                self.dim = dim


def test_checks_name_the_parameter():
    with pytest.raises(ValueError, match=r"^window must be a whole number at least 1, got 0$"):
        check_int("window", 0)
    with pytest.raises(ValueError, match="dim must be a whole number"):
        check_int("dim", True)
    check_int("max_vocab_size", None, optional=True)
    check_int("workers", np.int64(2))
    with pytest.raises(ValueError, match=r"alpha must be a number in \(0.0, inf\]"):
        check_number("alpha", 0.0, low_open=True)
    with pytest.raises(ValueError, match="sample must be a number"):
        check_number("sample", "1e-3")
    with pytest.raises(ValueError, match="vectors must be one of 'a', 'b', got 'c'"):
        check_choice("vectors", "c", ("a", "b"))


def test_metadata_leaves_out_how_to_run():
    model = ALGORITHMS["cbow"].estimator(min_count=1, epochs=1, dim=4, verbose=False)
    model.fit([["a", "b", "c"]] * 20)
    metadata = model.wv.metadata
    assert metadata["algorithm"] == "cbow" and metadata["epochs_trained"] == 1
    assert not set(RUN_PARAMS) & set(metadata["params"])
    assert metadata["params"]["dim"] == 4


def test_set_params_after_fit_changes_what_wv_holds():
    from w2v import SkipGram
    model = SkipGram(dim=4, min_count=1, epochs=1, verbose=False).fit([["a", "b", "a", "c"]] * 20)
    assert np.allclose(model.wv.vectors, model.W_in_)
    model.set_params(vectors="word+context")
    assert np.allclose(model.wv.vectors, model.W_in_ + model.W_out_)
