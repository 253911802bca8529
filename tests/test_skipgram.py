"""The SkipGram estimator end to end: it learns, it is reproducible, it fails clearly."""
import numpy as np
import pytest

from corpora.synthetic import analogy_questions, generate
from w2v import SkipGram
from wordvec.errors import TrainingError, VocabularyError


@pytest.fixture(scope="module")
def sentences():
    return generate(n_sentences=30_000, seed=3)


@pytest.fixture(scope="module")
def model(sentences):
    return SkipGram(dim=32, epochs=4, seed=5, verbose=False).fit(sentences)


def test_fit_returns_self_with_learned_attributes(sentences):
    estimator = SkipGram(dim=8, epochs=1, verbose=False)
    assert not hasattr(estimator, "wv")  # __init__ only stores parameters
    assert estimator.fit(sentences[:500]) is estimator
    assert estimator.W_in_.shape == (len(estimator.vocab_), 8)
    assert estimator.W_in_.dtype == np.float32
    assert estimator.words_per_second_ > 0 and estimator.epochs_trained_ == 1


def test_initialisation_follows_word2vec():
    estimator = SkipGram(dim=50, seed=0)
    estimator.vocab_ = type("V", (), {"__len__": lambda self: 1000})()
    estimator._init_weights()
    assert np.abs(estimator.W_in_).max() <= 0.5 / 50
    assert np.abs(estimator.W_in_).max() > 0.45 / 50
    assert not estimator.W_out_.any()


def test_learns_the_planted_structure(model):
    wv = model.wv
    top = wv.most_similar(positive=["berlin", "france"], negative=["paris"], topn=1)
    assert top[0][0] == "germany"
    assert wv.most_similar(positive=["king", "woman"], negative=["man"], topn=1)[0][0] == "queen"
    questions = analogy_questions()
    solved = sum(wv.most_similar(positive=[b, c], negative=[a], topn=1)[0][0] == d
                 for a, b, c, d in questions)
    assert solved / len(questions) > 0.9  # 0.97-0.99 over seeds 1-5


def test_loss_goes_down(model):
    history = model.loss_history_
    assert len(history) == 4 and history[0] > history[1] > history[2] > history[3]
    assert len(model.loss_curve_) >= 4 * 5


def test_same_seed_one_worker_is_bit_identical(sentences):
    first = SkipGram(dim=16, epochs=2, seed=11, verbose=False).fit(sentences[:3000])
    second = SkipGram(dim=16, epochs=2, seed=11, verbose=False).fit(sentences[:3000])
    other = SkipGram(dim=16, epochs=2, seed=12, verbose=False).fit(sentences[:3000])
    assert np.array_equal(first.W_in_, second.W_in_)
    assert np.array_equal(first.W_out_, second.W_out_)
    assert first.loss_history_ == second.loss_history_
    assert not np.array_equal(first.W_in_, other.W_in_)


def test_two_workers_train_as_well(sentences):
    model = SkipGram(dim=32, epochs=4, seed=5, workers=2, verbose=False).fit(sentences)
    assert model.wv.most_similar(positive=["berlin", "france"], negative=["paris"],
                                 topn=1)[0][0] == "germany"


def test_callbacks_run_after_every_epoch(sentences):
    seen = []
    SkipGram(dim=8, epochs=3, verbose=False,
             callbacks=[lambda model, epoch: seen.append((epoch, len(model.loss_history_)))]
             ).fit(sentences[:500])
    assert seen == [(1, 1), (2, 2), (3, 3)]


def test_ctrl_c_keeps_what_was_trained(sentences):
    def interrupt(model, epoch):
        raise KeyboardInterrupt
    model = SkipGram(dim=8, epochs=5, verbose=False, callbacks=[interrupt]).fit(sentences[:500])
    assert model.interrupted_ and model.epochs_trained_ == 1
    assert model.wv.vectors.shape[1] == 8 and np.isfinite(model.wv.vectors).all()


def test_ctrl_c_inside_an_epoch(sentences, monkeypatch):
    calls = []
    original = SkipGram._train_chunk

    def train_then_interrupt(self, *args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(self, *args)
    monkeypatch.setattr(SkipGram, "_train_chunk", train_then_interrupt)
    model = SkipGram(dim=8, epochs=2, verbose=False).fit(sentences[:2000])
    assert model.interrupted_ and model.epochs_trained_ == 0
    assert 0 < model.words_trained_ < model.corpus_.n_words


def test_diverging_loss_names_the_learning_rate(sentences):
    with pytest.raises(TrainingError, match=r"alpha=1e\+30"):
        SkipGram(dim=8, epochs=1, alpha=1e30, verbose=False).fit(sentences[:500])


def test_bad_parameters_and_input():
    with pytest.raises(ValueError, match="window"):
        SkipGram(window=0).fit([["a", "b"]])
    with pytest.raises(ValueError, match="min_alpha"):
        SkipGram(alpha=0.01, min_alpha=0.1).fit([["a", "b"]])
    with pytest.raises(VocabularyError, match="min_count=5"):
        SkipGram().fit([["a", "b", "a"]])


def test_padding_columns_stay_zero(sentences):
    # dim 20 is padded to 32 floats (two cache lines) per row; see padded_rows.
    model = SkipGram(dim=20, epochs=1, verbose=False).fit(sentences[:2000])
    assert model._W_in_rows.shape[1] == 32 and model._W_in_rows.ctypes.data % 64 == 0
    assert not model._W_in_rows[:, 20:].any() and not model._W_out_rows[:, 20:].any()
    assert model.W_out_[:, :20].any()
    np.testing.assert_array_equal(model.wv.vectors, model.W_in_)
