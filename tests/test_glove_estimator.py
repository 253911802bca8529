"""The GloVe estimator end to end: it learns, reproducibly, and fails clearly."""
import os
from pathlib import Path

import numpy as np
import pytest

from corpora.synthetic import CAPITALS, generate
from glove import GloVe
from wordvec.cooccur.matrix import Cooccurrence
from wordvec.errors import TrainingError, VocabularyError
from wordvec.text.vocab import Vocabulary

DATA = os.environ.get("WORDVEC_DATA")


@pytest.fixture(scope="module")
def sentences():
    return generate(n_sentences=30_000, seed=3)


@pytest.fixture(scope="module")
def model(sentences):
    return GloVe(dim=32, window=5, epochs=15, x_max=10, seed=2, verbose=False).fit(sentences)


def test_fit_learns_that_capitals_belong_together(model):
    neighbours = [word for word, _ in model.wv.most_similar("paris", topn=5)]
    assert all(word in CAPITALS.values() for word in neighbours), neighbours
    history = model.loss_history_
    assert len(history) == 15 and history[0] > 10 * history[-1]
    assert len(model.seconds_per_epoch_) == 15 and model.count_seconds_ > 0


def test_vectors_choices(model):
    np.testing.assert_allclose(model.wv.vectors, model.W_ + model.W_ctx_)
    model.vectors = "word"
    model._wv = None
    np.testing.assert_array_equal(model.wv.vectors, model.W_)
    model.vectors = "concat"
    model._wv = None
    assert model.wv.vector_size == 64
    model.vectors = "word+context"
    model._wv = None


def test_same_seed_one_worker_is_bit_identical(sentences):
    runs = [GloVe(dim=8, window=3, epochs=3, seed=seed, verbose=False).fit(sentences[:3000])
            for seed in (4, 4, 5)]
    assert np.array_equal(runs[0].W_, runs[1].W_) and np.array_equal(runs[0].b_, runs[1].b_)
    assert runs[0].loss_history_ == runs[1].loss_history_
    assert not np.array_equal(runs[0].W_, runs[2].W_)


def test_two_workers_train_too(sentences):
    model = GloVe(dim=16, window=5, epochs=5, x_max=10, workers=2, verbose=False).fit(
        sentences[:5000])
    assert np.isfinite(model.W_).all() and model.loss_history_[-1] < model.loss_history_[0]


def test_fit_cooccurrence_reuses_a_saved_matrix(model, tmp_path):
    path = tmp_path / "cooc.npz"
    model.cooccurrence_.save(path)
    matrix = Cooccurrence.load(path, vocab=model.vocab_)
    again = GloVe(dim=32, window=5, epochs=15, x_max=10, seed=2, verbose=False)
    again.fit_cooccurrence(matrix, model.vocab_)
    np.testing.assert_array_equal(again.W_, model.W_)
    other = Vocabulary(model.vocab_.words[:-1], model.vocab_.counts[:-1])
    with pytest.raises(VocabularyError, match="another vocabulary"):
        GloVe(verbose=False).fit_cooccurrence(matrix, other)


def test_callbacks_and_ctrl_c(sentences):
    seen = []

    def stop_after_two(model, epoch):
        seen.append(epoch)
        if epoch == 2:
            raise KeyboardInterrupt
    model = GloVe(dim=8, window=3, epochs=5, verbose=False, callbacks=[stop_after_two]).fit(
        sentences[:2000])
    assert seen == [1, 2] and model.interrupted_ and model.epochs_trained_ == 2
    assert np.isfinite(model.wv.vectors).all()


def test_diverging_loss_names_eta_and_x_max(sentences):
    with pytest.raises(TrainingError, match=r"eta \(now 1e\+30\).*x_max \(now 100"):
        GloVe(dim=8, window=3, epochs=2, eta=1e30, grad_clip=1e30, verbose=False).fit(
            sentences[:2000])


def test_bad_parameters():
    with pytest.raises(ValueError, match="x_max"):
        GloVe(x_max=0).fit([["a", "b"]])
    with pytest.raises(ValueError, match="vectors"):
        GloVe(vectors="both").fit([["a", "b"]])
    with pytest.raises(ValueError, match="bias_eta"):
        GloVe(bias_eta="no").fit([["a", "b"]])


@pytest.mark.slow
@pytest.mark.skipif(not DATA, reason="set WORDVEC_DATA to the shared data folder")
def test_brown_finds_known_neighbours():
    from wordvec.text.corpus import Corpus
    corpus = Corpus(Path(DATA) / "corpora" / "brown.txt.xz", normalizer="text8")
    model = GloVe(dim=50, window=10, epochs=15, x_max=10, workers=2, verbose=False).fit(
        corpus, cache_dir=False)
    weekdays = {"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    assert len({w for w, _ in model.wv.most_similar("monday", topn=6)} & weekdays) >= 2
    assert "wife" in {w for w, _ in model.wv.most_similar("husband", topn=5)}


def test_glove_says_what_its_training_holds_before_it_starts(capsys):
    # Issue 12: GloVe's memory went past --memory-mb without a word.
    sentences = [["the", "king", "rules", "the", "land"], ["the", "queen", "rules"]] * 100
    model = GloVe(dim=8, window=2, epochs=1, x_max=10.0, min_count=1).fit(sentences)
    m = model.cooccurrence_
    expected = (m.rows.nbytes + m.cols.nbytes + m.values.nbytes + 8 * m.nnz
                + sum(a.nbytes for a in model._params) + sum(a.nbytes for a in model._grad_sq))
    assert model.memory_["total"] == expected
    err = capsys.readouterr().err
    assert f"GloVe's training holds {expected / 1e6:,.0f} MB: the matrix ({m.nnz:,} entries" in err
