"""Checkpoints and resumed runs (issue 12, point 5): bit-identical with one worker."""
import numpy as np
import pytest

from corpora import synthetic
from glove import GloVe
from w2v import CBOW, SkipGram
from wordvec.train.checkpoint import Checkpoint, CheckpointError, load_checkpoint, save_checkpoint

SENTENCES = synthetic.generate(1500, seed=3)


def stop_after(epoch):
    def callback(model, done):
        if done == epoch:
            raise KeyboardInterrupt      # a run killed right after its checkpoint
    return callback


@pytest.mark.parametrize("make", [
    lambda **kw: SkipGram(dim=12, epochs=4, min_count=2, verbose=False, **kw),
    lambda **kw: CBOW(dim=12, epochs=4, min_count=2, hs=True, verbose=False, **kw),
    lambda **kw: GloVe(dim=12, epochs=4, window=4, min_count=2, verbose=False, **kw),
], ids=["skipgram", "cbow-ns-hs", "glove"])
def test_a_resumed_run_equals_one_that_never_stopped(make, tmp_path):
    whole = make().fit(SENTENCES)
    path = tmp_path / "run.ckpt.npz"
    stopped = make(callbacks=[Checkpoint(path, every_epochs=1), stop_after(2)]).fit(SENTENCES)
    assert stopped.interrupted_ and stopped.epochs_trained_ == 2
    facts, arrays = load_checkpoint(path)
    assert facts["epoch"] == 2 and len(facts["loss_history"]) == 2
    resumed = make().fit(SENTENCES, resume=path)
    assert resumed.epochs_trained_ == 4
    assert np.array_equal(resumed.wv.vectors, whole.wv.vectors)          # bit for bit
    assert resumed.loss_history_ == whole.loss_history_


def test_a_checkpoint_refuses_another_run(tmp_path):
    path = tmp_path / "run.ckpt.npz"
    model = SkipGram(dim=8, epochs=3, min_count=2, verbose=False,
                     callbacks=[Checkpoint(path), stop_after(1)]).fit(SENTENCES)
    assert model.epochs_trained_ == 1
    with pytest.raises(CheckpointError, match=r"other settings: dim=8 \(now 10\)"):
        SkipGram(dim=10, epochs=3, min_count=2, verbose=False).fit(SENTENCES, resume=path)
    with pytest.raises(CheckpointError, match="another vocabulary"):
        SkipGram(dim=8, epochs=3, min_count=2, verbose=False).fit(SENTENCES[:300], resume=path)
    with pytest.raises(CheckpointError, match="is a sg checkpoint, not cbow|not cbow"):
        CBOW(dim=8, epochs=3, min_count=2, verbose=False).fit(SENTENCES, resume=path)
    (tmp_path / "junk.npz").write_bytes(b"junk")
    with pytest.raises(CheckpointError, match="not a wordvec checkpoint"):
        SkipGram(dim=8, epochs=3, min_count=2, verbose=False).fit(SENTENCES,
                                                                  resume=tmp_path / "junk.npz")


def test_every_minutes_saves_on_time(tmp_path):
    every = Checkpoint(tmp_path / "c.npz", every_minutes=0.5)
    assert not every.due(1, seconds=10) and every.due(1, seconds=31)


def test_a_checkpoint_holds_the_optimiser_state(tmp_path):
    model = GloVe(dim=6, epochs=2, window=3, min_count=2, verbose=False).fit(SENTENCES)
    save_checkpoint(model, tmp_path / "g.npz")
    _, arrays = load_checkpoint(tmp_path / "g.npz")
    assert {"W", "W_ctx", "b", "b_ctx", "G_W", "G_W_ctx", "G_b", "G_b_ctx"} <= set(arrays)
    assert np.any(arrays["G_W"] != 0)       # AdaGrad's sums moved
