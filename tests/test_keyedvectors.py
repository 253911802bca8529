"""KeyedVectors: construction, lookups, and the similarity queries (hand-computed and vs gensim)."""
import math
import warnings

import numpy as np
import pytest

from wordvec.errors import UnknownWordError, VocabularyError, WordvecError
from wordvec.vectors.keyedvectors import KeyedVectors

SQRT2 = math.sqrt(2.0)


@pytest.fixture
def plane():
    """Six 2-D vectors whose cosines are easy to do by hand."""
    words = ["a", "b", "c", "d", "e", "f"]
    vectors = [[1, 0], [1, 1], [0, 1], [-1, 0], [0, 0], [2, 0.2]]
    return KeyedVectors(np.array(vectors, dtype=np.float64), words)


@pytest.fixture
def royals():
    """king - man + woman = queen, in three dimensions."""
    words = ["man", "woman", "king", "queen", "royal"]
    vectors = [[1, 0, 0], [0, 1, 0], [1, 0, 1], [0, 1, 1], [0, 0, 1]]
    return KeyedVectors(np.array(vectors, dtype=np.float32), words)


def random_kv(n=300, dim=16, seed=0):
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(n)]
    return KeyedVectors(rng.standard_normal((n, dim)).astype(np.float32), words)


def gensim_copy(kv):
    gensim = pytest.importorskip("gensim")
    g = gensim.models.KeyedVectors(kv.vector_size)
    g.add_vectors(kv.index_to_key, kv.vectors.copy())
    return g


# ------------------------------------------------------------- construction

def test_vectors_become_c_contiguous_float32():
    data = np.asfortranarray(np.arange(12, dtype=np.float64).reshape(4, 3))
    kv = KeyedVectors(data, list("wxyz"), counts=[4, 3, 2, 1], metadata={"algorithm": "sg"})
    assert kv.vectors.dtype == np.float32 and kv.vectors.flags.c_contiguous
    assert kv.vector_size == 3 and len(kv) == 4
    assert kv.key_to_index == {"w": 0, "x": 1, "y": 2, "z": 3}
    assert kv.counts.dtype == np.int64 and kv.counts.tolist() == [4, 3, 2, 1]
    assert kv.metadata == {"algorithm": "sg"}


def test_length_mismatch_names_both_sizes():
    with pytest.raises(VocabularyError, match=r"3 words but 2 vector rows"):
        KeyedVectors(np.zeros((2, 4)), ["a", "b", "c"])


def test_duplicate_word_is_an_error():
    with pytest.raises(VocabularyError, match=r"duplicate word 'b' at positions 1 and 3"):
        KeyedVectors(np.zeros((4, 2)), ["a", "b", "c", "b"])


def test_bad_counts_and_metadata():
    with pytest.raises(VocabularyError, match="counts"):
        KeyedVectors(np.zeros((2, 2)), ["a", "b"], counts=[1, 2, 3])
    with pytest.raises(TypeError, match="JSON"):
        KeyedVectors(np.zeros((2, 2)), ["a", "b"], metadata={"bad": object()})
    # numpy scalars, as training code produces them, are fine
    kv = KeyedVectors(np.zeros((2, 2)), ["a", "b"], metadata={"words_per_sec": np.float64(1.5)})
    assert kv.metadata["words_per_sec"] == 1.5


def test_lookup(plane):
    assert np.array_equal(plane["b"], [1, 1])
    assert plane[["c", "a"]].shape == (2, 2)
    assert np.array_equal(plane[["c", "a"]], [[0, 1], [1, 0]])
    assert "a" in plane and "zz" not in plane
    assert plane.get_index("d") == 3
    assert list(plane) == plane.index_to_key
    with pytest.raises(ValueError):
        plane["a"][0] = 5  # read-only: writing would stale the norm cache


def test_unknown_word_error_with_suggestions():
    kv = KeyedVectors(np.eye(4), ["france", "paris", "germany", "Berlin"])
    with pytest.raises(UnknownWordError) as info:
        kv["frnace"]
    assert info.value.word == "frnace"
    assert info.value.suggestions[0] == "france"
    assert "did you mean 'france'" in str(info.value)
    assert isinstance(info.value, KeyError) and isinstance(info.value, WordvecError)
    with pytest.raises(UnknownWordError) as info:
        kv.get_index("berlin")
    assert info.value.suggestions[0] == "Berlin"
    with pytest.raises(UnknownWordError) as info:
        kv.similarity("paris", "qqqqqqqq")
    assert info.value.suggestions == []
    assert str(info.value) == "word 'qqqqqqqq' is not in the vocabulary"


def test_suggestions_stay_fast_on_a_large_vocabulary():
    import time
    words = [f"word{i}" for i in range(200_000)]
    kv = KeyedVectors(np.zeros((len(words), 1), dtype=np.float32), words)
    start = time.perf_counter()
    with pytest.raises(UnknownWordError):
        kv["wrod12"]
    assert time.perf_counter() - start < 2.0


# ------------------------------------------------------------------- norms

def test_normed_vectors_cached_and_zero_safe(plane):
    normed = plane.get_normed_vectors()
    assert not np.isnan(normed).any()
    assert np.array_equal(normed[4], [0, 0])  # the zero vector stays zero
    norms = np.linalg.norm(normed, axis=1)
    assert np.allclose(np.delete(norms, 4), 1.0)
    assert plane.get_normed_vectors() is normed  # cached
    plane.vectors = plane.vectors * 2  # replacing the vectors drops the cache
    assert plane.get_normed_vectors() is not normed
    assert np.allclose(plane.norms[1], 2 * SQRT2)
    with pytest.raises(VocabularyError):
        plane.vectors = np.zeros((2, 2))


# -------------------------------------------------------------- similarity

def test_similarity_by_hand(plane):
    assert plane.similarity("a", "b") == pytest.approx(1 / SQRT2)
    assert plane.similarity("a", "c") == pytest.approx(0.0)
    assert plane.similarity("a", "d") == pytest.approx(-1.0)
    assert plane.similarity("a", "e") == 0.0  # zero vector: 0, not NaN
    assert plane.similarity("a", "f") == pytest.approx(2 / math.sqrt(4.04))
    assert isinstance(plane.similarity("a", "b"), float)


def test_most_similar_by_hand(plane):
    result = plane.most_similar("a", topn=3)
    assert [w for w, _ in result] == ["f", "b", "c"]  # c and e tie at 0: lower row first
    assert result[0][1] == pytest.approx(2 / math.sqrt(4.04), abs=1e-6)
    assert result[1][1] == pytest.approx(1 / SQRT2, abs=1e-6)
    assert all(isinstance(s, float) for _, s in result)
    # the query word is never returned, even when asking for everything
    assert "a" not in [w for w, _ in plane.most_similar(["a"], topn=100)]
    assert len(plane.most_similar(["a"], topn=100)) == 5


def test_most_similar_restrict_vocab(plane):
    # only a, b, c are candidates; a is the query
    assert [w for w, _ in plane.most_similar("a", restrict_vocab=3)] == ["b", "c"]
    sims = plane.most_similar("a", topn=None, restrict_vocab=4)
    assert sims.shape == (4,)
    assert sims == pytest.approx([1, 1 / SQRT2, 0, -1], abs=1e-6)
    assert plane.most_similar("a", topn=0) == []


def test_most_similar_analogy_by_hand(royals):
    result = royals.most_similar(positive=["king", "woman"], negative=["man"], topn=2)
    assert [w for w, _ in result] == ["queen", "royal"]
    # mean of unit vectors = (1/sqrt2 - 1, 1, 1/sqrt2) / 3, |.|^2 = (3 - sqrt2) / 9
    expected = (1 / SQRT2 + 0.5) / math.sqrt(3 - SQRT2)
    assert result[0][1] == pytest.approx(expected, abs=1e-6)
    expected_royal = (1 / SQRT2) / math.sqrt(3 - SQRT2)
    assert result[1][1] == pytest.approx(expected_royal, abs=1e-6)


def test_query_argument_shapes(royals):
    expected = royals.most_similar(positive=["king", "woman"], negative=["man"], topn=2)
    assert royals.most_similar(positive=("king", "woman"), negative="man", topn=2) == expected
    # explicit weights, as gensim takes them (a pair's weight replaces the default -1 too)
    weighted = royals.most_similar(positive=[("king", 1.0), ("woman", 1)], negative=[("man", -1)],
                                   topn=2)
    assert weighted == expected
    # a (word, weight) pair on its own is one term, not two words
    assert royals.most_similar(("king", 2.0), topn=1) == royals.most_similar("king", topn=1)
    matrix = np.stack([royals.get_vector("king", norm=True), royals.get_vector("woman", norm=True)])
    assert [w for w, _ in royals.most_similar(positive=matrix, topn=2)][0] == "queen"


def test_in_place_edit_needs_fill_norms(plane):
    before = plane.get_normed_vectors().copy()
    plane.vectors[0] = [0, 3]
    assert np.array_equal(plane.get_normed_vectors(), before)  # documented: cache is stale
    plane.fill_norms(force=True)
    assert np.allclose(plane.get_normed_vectors()[0], [0, 1])


def test_most_similar_accepts_vectors(royals):
    by_vector = royals.most_similar(positive=[np.array([0, 1, 1], dtype=np.float32)], topn=2)
    assert by_vector[0][0] == "queen"  # a raw vector is not a query word: not excluded
    assert by_vector[0][1] == pytest.approx(1.0, abs=1e-6)
    assert royals.similar_by_vector([0, 0, 1], topn=1)[0][0] == "royal"
    with pytest.raises(ValueError):
        royals.most_similar(positive=[np.zeros(2)])
    with pytest.raises(ValueError):
        royals.most_similar()
    with pytest.raises(UnknownWordError):
        royals.most_similar("prince")


def test_cosmul_by_hand(royals):
    result = royals.most_similar_cosmul(positive=["king", "woman"], negative=["man"], topn=5)
    assert result[0][0] == "queen"
    assert {w for w, _ in result} == {"queen", "royal"}
    # cos(queen, king) = 1/2, cos(queen, woman) = 1/sqrt2, cos(queen, man) = 0
    expected = (1.5 / 2) * ((1 + 1 / SQRT2) / 2) / (0.5 + 1e-6)
    assert result[0][1] == pytest.approx(expected, rel=1e-6)
    # royal: cos with king 1/sqrt2, woman 0, man 0
    expected_royal = ((1 + 1 / SQRT2) / 2) * 0.5 / (0.5 + 1e-6)
    assert result[1][1] == pytest.approx(expected_royal, rel=1e-6)
    restricted = royals.most_similar_cosmul(["king", "woman"], ["man"], restrict_vocab=4)
    assert [w for w, _ in restricted] == ["queen"]


def test_doesnt_match(royals):
    kv = KeyedVectors(np.array([[1, .1, 0], [1, 0, .1], [1, .1, .1], [0, 0, 1]]),
                      ["breakfast", "lunch", "dinner", "car"])
    assert kv.doesnt_match(["breakfast", "lunch", "dinner", "car"]) == "car"
    with pytest.warns(UserWarning, match="cereal"):
        assert kv.doesnt_match(["breakfast", "cereal", "car", "lunch"]) == "car"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match="none of the given words"):
            kv.doesnt_match(["x", "y"])


# ------------------------------------------------------------ against gensim

@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # gensim's cosmul calls init_sims
def test_queries_match_gensim():
    kv = random_kv()
    g = gensim_copy(kv)
    for pos, neg in [(["w1"], []), (["w3", "w7"], ["w5"]), (["w10", "w11", "w12"], ["w2", "w9"])]:
        ours = kv.most_similar(positive=pos, negative=neg, topn=10)
        theirs = g.most_similar(positive=pos, negative=neg, topn=10)
        assert [w for w, _ in ours] == [w for w, _ in theirs]
        assert np.allclose([s for _, s in ours], [s for _, s in theirs], atol=1e-6)
        ours = kv.most_similar(positive=pos, negative=neg, topn=10, restrict_vocab=100)
        theirs = g.most_similar(positive=pos, negative=neg, topn=10, restrict_vocab=100)
        assert [w for w, _ in ours] == [w for w, _ in theirs]
        ours = kv.most_similar_cosmul(positive=pos, negative=neg, topn=10)
        theirs = g.most_similar_cosmul(positive=pos, negative=neg, topn=10)
        assert [w for w, _ in ours] == [w for w, _ in theirs]
        assert np.allclose([s for _, s in ours], [s for _, s in theirs], rtol=1e-5)
    assert np.allclose(kv.most_similar("w4", topn=None), g.most_similar("w4", topn=None), atol=1e-6)
    vec = kv["w8"] * 3
    ours, theirs = kv.most_similar([vec, "w9"], topn=5), g.most_similar([vec, "w9"], topn=5)
    assert [w for w, _ in ours] == [w for w, _ in theirs]
    assert np.allclose([s for _, s in ours], [s for _, s in theirs], atol=1e-6)
    assert kv.similarity("w1", "w2") == pytest.approx(float(g.similarity("w1", "w2")), abs=1e-6)
    for words in (["w1", "w2", "w3", "w4", "w5"], ["w9", "w30", "w31"]):
        assert kv.doesnt_match(words) == g.doesnt_match(words)
