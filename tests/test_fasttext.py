"""fastText's estimators: what they learn, unseen words, reproducibility, stopping and resuming."""
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from corpora import synthetic
from subword import ALGORITHMS, FastText, FastTextCBOW
from wordvec.cli import main
from wordvec.text.subwords import subword_table
from wordvec.train.checkpoint import Checkpoint
from wordvec.vectors import SubwordVectors

SENTENCES = synthetic.generate(1500, seed=3)
SMALL = {"dim": 12, "bucket": 5000, "min_count": 2, "verbose": False}


def stop_after(epoch):
    def callback(model, done):
        if done == epoch:
            raise KeyboardInterrupt
    return callback


@pytest.mark.parametrize("cls", [FastText, FastTextCBOW])
def test_one_worker_and_a_seed_give_bit_identical_vectors(cls):
    first = cls(**SMALL, epochs=2, seed=7).fit(SENTENCES)
    again = cls(**SMALL, epochs=2, seed=7).fit(SENTENCES)
    other = cls(**SMALL, epochs=2, seed=8).fit(SENTENCES)
    assert np.array_equal(first.W_in_, again.W_in_) and np.array_equal(first.W_out_,
                                                                       again.W_out_)
    assert not np.array_equal(first.W_in_, other.W_in_)


@pytest.mark.parametrize("cls", [FastText, FastTextCBOW])
def test_training_lowers_the_loss_and_moves_ngram_rows(cls):
    model = cls(**SMALL, epochs=4).fit(SENTENCES)
    assert model.loss_history_[-1] < model.loss_history_[0]
    V = len(model.vocab_)
    used = np.unique(model.subwords_.ids[model.subwords_.ids >= V])
    fresh = cls(**SMALL, epochs=1)
    fresh.vocab_ = model.vocab_
    fresh._init_weights()        # the same seed: the rows as they were before training
    moved = np.abs(model.W_in_[used] - fresh.W_in_[used]).max(axis=1)
    assert (moved > 0).mean() > 0.99          # every n-gram of the vocabulary learns


def test_wv_is_the_mean_of_each_words_rows_and_answers_unseen_words():
    model = FastText(**SMALL, epochs=2).fit(SENTENCES)
    wv = model.wv
    assert isinstance(wv, SubwordVectors) and wv.metadata["algorithm"] == "fasttext"
    index = next(i for i, w in enumerate(wv.index_to_key) if len(w) >= 8)
    word = wv.index_to_key[index]
    rows = model.subwords_.rows_of(index)
    np.testing.assert_allclose(wv[word], model.W_in_[rows].mean(axis=0), rtol=1e-5)
    unseen = word + "x"
    assert unseen not in wv and wv.built_from_ngrams(unseen)
    ngrams = subword_table([unseen], 3, 6, SMALL["bucket"], own_rows=False,
                           nwords=len(wv)).ids
    np.testing.assert_allclose(wv[unseen], model.W_in_[ngrams].mean(axis=0), rtol=1e-5)
    # Most of its n-grams are the word's it was spelled from: that word is its neighbour.
    assert wv.most_similar(unseen, topn=1)[0][0] == word


def test_no_ngrams_is_word2vec_with_the_tools_settings():
    model = FastText(**{**SMALL, "maxn": 0, "bucket": 0}, epochs=1).fit(SENTENCES)
    assert model.W_in_.shape[0] == len(model.vocab_)
    assert np.diff(model.subwords_.offsets).max() == 1        # each word its own row only
    with pytest.raises(KeyError, match="not in the vocabulary"):
        model.wv["unseenword"]


@pytest.mark.parametrize("params, message", [
    ({"minn": 7, "maxn": 6}, "minn must be"),
    ({"bucket": 0}, "bucket must be"),
    ({"maxn": -1}, "maxn must be"),
])
def test_bad_settings_name_the_parameter(params, message):
    with pytest.raises(ValueError, match=message):
        FastText(**{**SMALL, **params}).fit(SENTENCES)


@pytest.mark.parametrize("cls", [FastText, FastTextCBOW])
def test_a_resumed_run_equals_one_that_never_stopped(cls, tmp_path):
    whole = cls(**SMALL, epochs=3).fit(SENTENCES)
    path = tmp_path / "run.ckpt.npz"
    stopped = cls(**SMALL, epochs=3,
                  callbacks=[Checkpoint(path, every_epochs=1), stop_after(1)]).fit(SENTENCES)
    assert stopped.interrupted_ and stopped.epochs_trained_ == 1
    resumed = cls(**SMALL, epochs=3).fit(SENTENCES, resume=path)
    assert np.array_equal(resumed.W_in_, whole.W_in_)           # n-gram rows too, bit for bit
    assert resumed.loss_history_ == whole.loss_history_


def test_the_command_line_offers_both_and_says_what_the_matrices_take(tmp_path, capsys):
    assert {a.command for a in ALGORITHMS} == {"fasttext", "fasttext-cbow"}
    corpus = tmp_path / "c.txt"
    synthetic.write(corpus, n_sentences=800, seed=1)
    out = tmp_path / "v.vec"
    assert main(["train", "fasttext", "--corpus", str(corpus), "--out", str(out), "--dim", "8",
                 "--bucket", "3000", "--epochs", "1", "--no-cache", "--min-count", "2"]) == 0
    captured = capsys.readouterr()
    assert "fastText's matrices take" in captured.err and "3,000 n-gram buckets" in captured.err
    assert out.read_text().split("\n", 1)[0].split()[1] == "8"


def test_sigterm_saves_the_vectors(tmp_path):
    corpus = tmp_path / "c.txt"
    synthetic.write(corpus, n_sentences=3000, seed=2)
    out = tmp_path / "v.vec"
    run = subprocess.Popen([sys.executable, "-m", "wordvec", "train", "fasttext", "--corpus",
                            str(corpus), "--out", str(out), "--epochs", "5000", "--dim", "8",
                            "--bucket", "2000", "--no-cache"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    for line in run.stderr:
        if line.startswith("training fasttext: 0 of"):
            break
    time.sleep(1.0)
    run.send_signal(signal.SIGTERM)
    stdout, _ = run.communicate(timeout=120)
    assert run.returncode == 143, stdout
    assert "terminated (SIGTERM)" in stdout and out.stat().st_size > 0
