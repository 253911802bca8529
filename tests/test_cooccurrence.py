"""The co-occurrence matrix: its .npz file, the vocabulary check, validation."""
import hashlib
import zipfile

import numpy as np
import pytest

from wordvec.cooccur.counting import count_cooccurrences
from wordvec.cooccur.matrix import Cooccurrence
from wordvec.errors import CooccurrenceError, VocabularyError
from wordvec.text.encode import EncodedCorpus
from wordvec.text.vocab import Vocabulary, vocabulary_hash

WORDS = ["the", "cat", "sat", "on", "mat"]


@pytest.fixture
def matrix():
    rng = np.random.default_rng(0)
    ids = np.minimum(rng.geometric(0.3, size=200) - 1, len(WORDS) - 1).astype(np.int32)
    corpus = EncodedCorpus(ids, np.array([0, 80, 150, 200], np.int64))
    return count_cooccurrences(corpus, len(WORDS), window=3, vocab_words=WORDS)


def small(symmetric=True, **changes):
    """A valid 3-word matrix; ``changes`` replace some of its fields."""
    fields = {"rows": np.array([0, 0, 1], np.int32), "cols": np.array([0, 2, 1], np.int32),
              "values": np.array([1.0, 0.5, 2.0], np.float32), "vocab_size": 3,
              "symmetric": symmetric, "window": 2, "distance_weighting": True, "vocab_hash": ""}
    return Cooccurrence(**{**fields, **changes})


def test_vocabulary_hash_is_sha256_of_the_words_by_line():
    expected = hashlib.sha256(b"the\ncat\nsat\non\nmat").hexdigest()[:16]
    assert vocabulary_hash(WORDS) == expected


def test_save_load_round_trip_is_bit_exact(matrix, tmp_path):
    path = tmp_path / "cooc.npz"
    matrix.save(path)
    loaded = Cooccurrence.load(path)
    for name in ("rows", "cols", "values"):
        saved, read = getattr(matrix, name), getattr(loaded, name)
        assert read.dtype == saved.dtype
        np.testing.assert_array_equal(read.view(np.uint32), saved.view(np.uint32))
    for name in ("vocab_size", "symmetric", "window", "distance_weighting", "vocab_hash"):
        assert getattr(loaded, name) == getattr(matrix, name)
        assert type(getattr(loaded, name)) is type(getattr(matrix, name))
    assert loaded.check() is loaded
    assert [p.name for p in tmp_path.iterdir()] == ["cooc.npz"]  # no temporary file left


def test_file_is_a_plain_npz_without_pickles(matrix, tmp_path):
    path = tmp_path / "cooc.npz"
    matrix.save(path)
    assert zipfile.is_zipfile(path)
    with np.load(path, allow_pickle=False) as data:
        assert set(data.files) >= {"rows", "cols", "values", "vocab_size", "vocab_hash"}
        assert all(data[name].dtype != object for name in data.files)


@pytest.mark.parametrize("vocab", [WORDS, Vocabulary(WORDS, [9, 8, 7, 6, 5])])
def test_load_accepts_the_vocabulary_it_was_counted_with(matrix, tmp_path, vocab):
    matrix.save(tmp_path / "cooc.npz")
    assert Cooccurrence.load(tmp_path / "cooc.npz", vocab=vocab).nnz == matrix.nnz


def test_load_rejects_a_vocabulary_of_another_size(matrix, tmp_path):
    path = tmp_path / "cooc.npz"
    matrix.save(path)
    with pytest.raises(VocabularyError) as error:
        Cooccurrence.load(path, vocab=WORDS + ["dog"])
    message = str(error.value)
    assert str(path) in message and "counted with another vocabulary" in message
    assert "5 words" in message and "6 words" in message


def test_load_rejects_the_same_size_with_other_words(matrix, tmp_path):
    path = tmp_path / "cooc.npz"
    matrix.save(path)
    other = ["the", "cat", "sat", "on", "hat"]
    with pytest.raises(VocabularyError, match="counted with another vocabulary") as error:
        Cooccurrence.load(path, vocab=other)
    assert vocabulary_hash(other) in str(error.value) and matrix.vocab_hash in str(error.value)


def test_without_a_recorded_hash_only_the_size_is_checked(tmp_path):
    small().save(tmp_path / "m.npz")
    assert Cooccurrence.load(tmp_path / "m.npz", vocab=["x", "y", "z"]).vocab_size == 3
    with pytest.raises(VocabularyError, match="3 words"):
        Cooccurrence.load(tmp_path / "m.npz", vocab=["x", "y"])


def test_load_names_the_file_when_it_is_not_a_matrix(tmp_path):
    np.savez(tmp_path / "other.npz", rows=np.zeros(2, np.int32))
    with pytest.raises(CooccurrenceError, match="other.npz.*missing.*cols"):
        Cooccurrence.load(tmp_path / "other.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(CooccurrenceError, match="junk.npz"):
        Cooccurrence.load(tmp_path / "junk.npz")


def test_load_rejects_wrong_dtypes(tmp_path):
    small(values=np.array([1.0, 0.5, 2.0])).save(tmp_path / "m.npz")  # float64 values
    with pytest.raises(CooccurrenceError, match="values is float64"):
        Cooccurrence.load(tmp_path / "m.npz")


@pytest.mark.parametrize("changes,message", [
    ({"rows": np.array([0, 1, 0], np.int32), "cols": np.array([0, 1, 2], np.int32)},
     "not in strictly increasing"),
    ({"cols": np.array([0, 0, 1], np.int32)}, "not in strictly increasing"),  # a duplicate
    ({"cols": np.array([0, 3, 1], np.int32)}, "cols holds ids from 0 to 3"),
    ({"rows": np.array([-1, 0, 1], np.int32)}, "rows holds ids from -1"),
    ({"values": np.array([1.0, 0.0, 2.0], np.float32)}, "finite and positive"),
    ({"values": np.array([1.0, np.nan, 2.0], np.float32)}, "finite and positive"),
    ({"values": np.array([1.0, 0.5], np.float32)}, "different lengths"),
    ({"rows": np.array([0, 0, 1], np.int64)}, "rows must be a 1-d int32"),
])
def test_check_finds_corruption(changes, message):
    assert small().check() is not None
    with pytest.raises(CooccurrenceError, match=message):
        small(**changes).check()


def test_check_requires_the_upper_triangle_only_when_symmetric():
    lower = {"rows": np.array([0, 2, 2], np.int32), "cols": np.array([0, 0, 1], np.int32)}
    with pytest.raises(CooccurrenceError, match="below the diagonal"):
        small(symmetric=True, **lower).check()
    small(symmetric=False, **lower).check()


def test_to_dense_mirrors_a_symmetric_matrix():
    np.testing.assert_array_equal(small().to_dense(),
                                  [[1.0, 0.0, 0.5], [0.0, 2.0, 0.0], [0.5, 0.0, 0.0]])
    np.testing.assert_array_equal(small(symmetric=False).to_dense(),
                                  [[1.0, 0.0, 0.5], [0.0, 2.0, 0.0], [0.0, 0.0, 0.0]])
    assert small().full_nnz == 4 and small(symmetric=False).full_nnz == 3


def test_to_dense_refuses_a_real_vocabulary():
    with pytest.raises(CooccurrenceError, match="tiny examples"):
        small(vocab_size=70_000).to_dense()
