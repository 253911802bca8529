"""Every id a kernel will index with is checked first, at the door of training (issue 23).

Numba does not check bounds: an id outside the vocabulary would write outside
the weight matrices, or crash the process. So ``fit_encoded``, counting,
``fit_cooccurrence`` and ``--resume`` refuse such input with an error that
names what is wrong and where. The small tests are marked ``kernel``: CI runs
them under NUMBA_DISABLE_JIT=1 too, where the same check must come first.
"""
import dataclasses

import numpy as np
import pytest

from glove import GloVe
from svd import PPMISVD
from w2v import CBOW, SkipGram
from wordvec import EncodedCorpus, Vocabulary, count_cooccurrences, encode
from wordvec.errors import CooccurrenceError, CorpusError
from wordvec.train import CheckpointError
from wordvec.train.checkpoint import save_checkpoint

SENTENCES = [["a", "b", "c", "a", "d"], ["b", "a", "c"]] * 10


@pytest.fixture
def vocab():
    return Vocabulary.build(SENTENCES, min_count=1)


@pytest.mark.kernel
@pytest.mark.parametrize("estimator", [SkipGram, CBOW])
@pytest.mark.parametrize("bad", [4, 16_777_216, -1])
def test_fit_encoded_names_an_id_outside_the_vocabulary(estimator, bad, vocab):
    encoded = encode(SENTENCES, vocab)
    ids = np.array(encoded.ids)
    ids[37] = bad
    model = estimator(dim=4, min_count=1, epochs=1, verbose=False)
    with pytest.raises(CorpusError, match=f"word id {bad:,} at position 37 \\(sentence 9\\) is "
                                          "outside the vocabulary of 4 words \\(ids 0 to 3\\)"):
        model.fit_encoded(EncodedCorpus(ids, encoded.bounds), vocab)
    assert not hasattr(model, "W_in_")          # refused before any weight was made


@pytest.mark.kernel
def test_fit_encoded_trains_on_a_good_corpus_as_fit_does(vocab):
    encoded = encode(SENTENCES, vocab)
    by_fit = SkipGram(dim=4, min_count=1, epochs=2, seed=5, verbose=False).fit(SENTENCES)
    by_ids = SkipGram(dim=4, min_count=1, epochs=2, seed=5, verbose=False).fit_encoded(encoded,
                                                                                        vocab)
    assert np.array_equal(by_fit.wv.vectors, by_ids.wv.vectors)


@pytest.mark.kernel
@pytest.mark.parametrize("ids,bounds,message", [
    (np.array([0, 1, 2], np.int64), np.array([0, 3]), "ids must be a 1-d int32 array, got int64"),
    (np.array([0, 1, 2], np.int32), np.array([0, 2]), "must run from 0 to the number of ids"),
    (np.array([0, 1, 2], np.int32), np.array([0, 2, 1, 3]), "decrease at sentence 1: 2 then 1"),
])
def test_arrays_that_are_no_corpus_are_refused(ids, bounds, message, vocab):
    with pytest.raises(CorpusError, match=message):
        SkipGram(dim=4, min_count=1, verbose=False).fit_encoded(EncodedCorpus(ids, bounds), vocab)


@pytest.mark.kernel
def test_counting_refuses_an_id_outside_the_vocabulary(vocab):
    encoded = encode(SENTENCES, vocab)
    ids = np.array(encoded.ids)
    ids[-1] = len(vocab)
    with pytest.raises(CorpusError, match=f"word id 4 at position {len(ids) - 1}"):
        count_cooccurrences(EncodedCorpus(ids, encoded.bounds), len(vocab), window=2)


@pytest.mark.kernel
@pytest.mark.parametrize("estimator", [GloVe, PPMISVD])
def test_fit_cooccurrence_refuses_a_row_outside_the_vocabulary(estimator, vocab):
    matrix = count_cooccurrences(encode(SENTENCES, vocab), len(vocab), window=2,
                                 vocab_words=vocab.words)
    rows = np.array(matrix.rows)
    rows[1] = 1 << 24
    damaged = dataclasses.replace(matrix, rows=rows)
    model = estimator(dim=2, min_count=1, verbose=False)
    with pytest.raises(CooccurrenceError, match="rows holds ids from 0 to 16777216"):
        model.fit_cooccurrence(damaged, vocab)


def _checkpoint(tmp_path, damage):
    model = GloVe(dim=3, window=2, epochs=3, min_count=1, seed=2, verbose=False)
    model.fit(SENTENCES)
    model.epochs_trained_ = 1
    path = tmp_path / "run.ckpt.npz"
    state = model._training_state()
    damage(state)
    save_checkpoint(model, path)
    return path


@pytest.mark.parametrize("damage,message", [
    (lambda state: state["W"].__setitem__((1, 2), np.nan), "array 'W' holds nan at \\(1, 2\\)"),
    (lambda state: state["G_b"].__setitem__(0, -5.0), "sums of squared gradients go down to -5"),
])
def test_resume_refuses_a_damaged_checkpoint(damage, message, tmp_path):
    path = _checkpoint(tmp_path, damage)
    again = GloVe(dim=3, window=2, epochs=3, min_count=1, seed=2, verbose=False)
    with pytest.raises(CheckpointError, match=message):
        again.fit(SENTENCES, resume=path)
