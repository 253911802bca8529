"""The PPMI-SVD estimator end to end: it learns, reproducibly, and fails clearly."""
import os
from pathlib import Path

import numpy as np
import pytest

from corpora.synthetic import CAPITALS, generate
from svd import ALGORITHMS, PPMISVD
from svd.presets import PRESETS, preset_params
from wordvec.cooccur.matrix import Cooccurrence
from wordvec.errors import TrainingError, VocabularyError
from wordvec.text.vocab import Vocabulary
from wordvec.vectors.keyedvectors import KeyedVectors

DATA = os.environ.get("WORDVEC_DATA")
DIM = 100


@pytest.fixture(scope="module")
def sentences():
    return generate(n_sentences=30_000, seed=3)


@pytest.fixture(scope="module")
def model(sentences):
    return PPMISVD(dim=DIM, window=5, seed=2, verbose=False).fit(sentences)


def test_fit_learns_that_capitals_and_countries_belong_together(model):
    # Each capital's two nearest words are its country and their demonym ("french")...
    for country, capital in CAPITALS.items():
        assert country in {word for word, _ in model.wv.most_similar(capital, topn=2)}
    # ... and the offsets line up: berlin - germany + france = paris.
    assert model.wv.most_similar(positive=["berlin", "france"], negative=["germany"],
                                 topn=1)[0][0] == "paris"


def test_learned_attributes(model):
    V = len(model.vocab_)
    assert model.W_.shape == model.C_.shape == (V, DIM) and model.W_.dtype == np.float32
    assert (np.diff(model.singular_values_) <= 0).all() and model.singular_values_[-1] > 0
    assert model.count_seconds_ > 0 and model.train_seconds_ > 0
    assert model.loss_history_ == [] and model.loss_curve_ == []
    assert model.seconds_per_epoch_ == [model.train_seconds_]
    assert model.epochs_trained_ == 1 and model.interrupted_ is False
    assert model.cooccurrence_.window == 5 and not model.cooccurrence_.distance_weighting
    metadata = model.wv.metadata
    assert metadata["algorithm"] == "svd" and metadata["params"]["eig"] == 0.0
    assert metadata["cooccurrence_nnz"] == model.cooccurrence_.nnz


def test_eig_weights_the_singular_values(model):
    # eig = 0: W is U itself, orthonormal columns; eig = 1: each column scaled by σ.
    np.testing.assert_allclose(model.W_.T @ model.W_, np.eye(DIM), atol=1e-4)
    scaled = PPMISVD(dim=DIM, window=5, seed=2, eig=1.0, verbose=False).fit_cooccurrence(
        model.cooccurrence_, model.vocab_)
    np.testing.assert_allclose(scaled.W_, model.W_ * model.singular_values_, atol=1e-5)
    np.testing.assert_allclose(scaled.C_, model.C_ * model.singular_values_, atol=1e-5)


def test_vectors_choices(model):
    np.testing.assert_array_equal(model.wv.vectors, model.W_)
    try:
        model.vectors = "word+context"
        model._wv = None
        np.testing.assert_array_equal(model.wv.vectors, model.W_ + model.C_)
        model.vectors = "concat"
        model._wv = None
        np.testing.assert_array_equal(model.wv.vectors, np.hstack([model.W_, model.C_]))
    finally:
        model.vectors = "word"
        model._wv = None


def test_cds_and_neg_change_the_matrix(model):
    def fitted(**params):
        return PPMISVD(dim=DIM, window=5, seed=2, verbose=False, **params).fit_cooccurrence(
            model.cooccurrence_, model.vocab_)
    # Shifting by log k clips more cells to 0: less is left to factorise.
    assert fitted(neg=5.0).singular_values_[0] < model.singular_values_[0]
    # Without smoothing, PMI is symmetric for symmetric counts: C = ±W column by column
    # (checked on the first 8 columns, those the 4 power iterations make exact).
    plain = fitted(cds=1.0)
    assert np.allclose(np.abs(np.sum(plain.W_ * plain.C_, axis=0))[:8], 1.0, atol=1e-3)
    assert not np.allclose(np.abs(np.sum(model.W_ * model.C_, axis=0))[:8], 1.0, atol=1e-3)


def test_same_seed_is_bit_identical_other_seeds_nearly_equal(sentences):
    runs = [PPMISVD(dim=8, window=3, seed=seed, verbose=False).fit(sentences[:3000])
            for seed in (4, 4, 5)]
    assert np.array_equal(runs[0].W_, runs[1].W_) and np.array_equal(runs[0].C_, runs[1].C_)
    assert not np.array_equal(runs[0].W_, runs[2].W_)
    # Another random start, the same top singular values (the SVD converged).
    np.testing.assert_allclose(runs[0].singular_values_[:4], runs[2].singular_values_[:4],
                               rtol=1e-3)


def test_two_workers_are_reproducible_and_agree_with_one(model):
    def fitted(workers):
        return PPMISVD(dim=DIM, window=5, seed=2, workers=workers, verbose=False) \
            .fit_cooccurrence(model.cooccurrence_, model.vocab_)
    first, second = fitted(2), fitted(2)
    assert np.array_equal(first.W_, second.W_)
    np.testing.assert_allclose(first.singular_values_, model.singular_values_, rtol=1e-4)


def test_fit_cooccurrence_reuses_a_saved_matrix(model, tmp_path):
    path = tmp_path / "cooc.npz"
    model.cooccurrence_.save(path)
    again = PPMISVD(dim=DIM, window=5, seed=2, verbose=False).fit_cooccurrence(
        Cooccurrence.load(path, vocab=model.vocab_), model.vocab_)
    np.testing.assert_array_equal(again.W_, model.W_)
    assert again.count_seconds_ == 0.0


def test_fit_cooccurrence_refuses_another_vocabulary(model):
    other = Vocabulary(model.vocab_.words[:-1], model.vocab_.counts[:-1])
    with pytest.raises(VocabularyError, match="another vocabulary"):
        PPMISVD(verbose=False).fit_cooccurrence(model.cooccurrence_, other)
    renamed = Vocabulary(["x" + w for w in model.vocab_.words], model.vocab_.counts)
    with pytest.raises(VocabularyError, match="another vocabulary"):
        PPMISVD(verbose=False).fit_cooccurrence(model.cooccurrence_, renamed)


def test_fit_cooccurrence_refuses_an_empty_matrix():
    empty = Cooccurrence(np.zeros(0, np.int32), np.zeros(0, np.int32),
                         np.zeros(0, np.float32), 2, True, 5, False)
    with pytest.raises(TrainingError, match="empty"):
        PPMISVD(dim=1, verbose=False).fit_cooccurrence(empty, Vocabulary(["a", "b"], [3, 2]))


def test_dim_above_the_vocabulary_is_refused():
    with pytest.raises(TrainingError, match=r"^dim must be at most the vocabulary size, 3 "
                                            r"words .*got 4$"):
        PPMISVD(dim=4, min_count=1, verbose=False).fit([["a", "b", "c", "a"]] * 5)


@pytest.mark.parametrize("params,message", [
    ({"neg": 0.5}, r"^neg must be a number in \[1.0, inf\], got 0.5$"),
    ({"cds": 0.0}, r"^cds must be a number in \(0.0, inf\], got 0.0$"),
    ({"eig": -1.0}, r"^eig must be a number in \[0.0, inf\], got -1.0$"),
    ({"eig": "half"}, r"^eig must be a number"),
    ({"vectors": "both"}, r"^vectors must be one of 'word\+context', 'word', 'concat'"),
    ({"power_iterations": -1}, r"^power_iterations must be a whole number at least 0"),
    ({"oversampling": 2.5}, r"^oversampling must be a whole number at least 0"),
    ({"window": 0}, r"^window must be a whole number at least 1, got 0$"),
    ({"dim": 0}, r"^dim must be a whole number at least 1, got 0$"),
    ({"distance_weighting": "no"}, r"^distance_weighting must be True or False"),
    ({"workers": 0}, r"^workers must be a whole number at least 1"),
])
def test_bad_parameters_are_named(params, message):
    with pytest.raises(ValueError, match=message):
        PPMISVD(verbose=False, **params).fit([["a", "b"]])


def test_callbacks_are_called_once_with_epoch_one(sentences):
    seen = []
    model = PPMISVD(dim=4, window=2, verbose=False,
                    callbacks=[lambda m, epoch: seen.append((m, epoch, m.wv.vector_size))])
    model.fit(sentences[:500])
    assert seen == [(model, 1, 4)]


def test_params_presets_and_the_command_line_table():
    model = PPMISVD(dim=50, eig=0.5)
    assert repr(model) == "PPMISVD(dim=50, eig=0.5)"
    assert model.get_params()["cds"] == 0.75 and model.get_params()["neg"] == 1.0
    assert "\neig : float, default 0.0\n" in PPMISVD.__doc__
    (algorithm,) = ALGORITHMS
    assert (algorithm.command, algorithm.estimator, algorithm.presets) == ("svd", PPMISVD,
                                                                           PRESETS)
    for name in PRESETS:
        PPMISVD(**preset_params(name))._validate()
    assert preset_params("levy2015") == {"window": 2, "cds": 0.75, "neg": 1.0, "eig": 0.5}


def test_the_command_line_trains_from_a_corpus_or_a_counted_matrix(tmp_path, capsys):
    from corpora.synthetic import write
    from wordvec.cli import main
    corpus, out = tmp_path / "synthetic.txt", tmp_path / "svd.npz"
    write(corpus, n_sentences=1500, seed=1)
    model = ["--dim", "8", "--eig", "0.5", "--quiet"]
    assert main(["train", "svd", "--corpus", str(corpus), "--out", str(out), "--no-cache",
                 "--window", "3", *model]) == 0
    kv = KeyedVectors.load(out)
    assert kv.vector_size == 8 and kv.metadata["algorithm"] == "svd"
    assert kv.metadata["params"]["eig"] == 0.5 and kv.metadata["params"]["window"] == 3
    assert "training PPMISVD on" in capsys.readouterr().out
    # Counted once by `wordvec cooccur`, with its counting settings: the same vectors.
    matrix = tmp_path / "counted.npz"
    assert main(["cooccur", "--corpus", str(corpus), "--out", str(matrix), "--no-cache",
                 "--window", "3", "--no-distance-weighting"]) == 0
    again = tmp_path / "again.npz"
    assert main(["train", "svd", "--matrix", str(matrix), "--vocab",
                 str(tmp_path / "counted.vocab.txt"), "--out", str(again), *model]) == 0
    np.testing.assert_array_equal(KeyedVectors.load(again).vectors, kv.vectors)


@pytest.mark.slow
@pytest.mark.skipif(not DATA, reason="set WORDVEC_DATA to the shared data folder")
def test_brown_finds_known_neighbours():
    from wordvec.text.corpus import Corpus
    corpus = Corpus(Path(DATA) / "corpora" / "brown.txt.xz", normalizer="text8")
    model = PPMISVD(dim=100, window=5, workers=2, verbose=False).fit(corpus, cache_dir=False)
    weekdays = {"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    assert len({w for w, _ in model.wv.most_similar("monday", topn=6)} & weekdays) >= 2
    assert "wife" in {w for w, _ in model.wv.most_similar("husband", topn=5)}
