"""The vocabulary: counting, pruning, sorting, the two distributions, save/load."""
import numpy as np
import pytest

from wordvec.engine.alias import alias_table
from wordvec.errors import VocabularyError
from wordvec.text.vocab import Vocabulary, count_words

SENTENCES = [["b", "a", "c", "a"], ["c", "d", "a", "e"], ["b", "c"]]


def test_counts_sorted_by_count_then_first_appearance():
    vocab = Vocabulary.build(SENTENCES, min_count=1)
    # a:3 c:3 b:2 d:1 e:1; "c" ties "a" but appears later; "d" before "e".
    assert vocab.words == ["a", "c", "b", "d", "e"]
    assert vocab.counts.tolist() == [3, 3, 2, 1, 1]
    assert vocab.total_words == 10
    assert vocab["b"] == 2 and "z" not in vocab


def test_min_count_and_max_final_vocab():
    assert Vocabulary.build(SENTENCES, min_count=2).words == ["a", "c", "b"]
    # At most 2 words: "a" and "c" tie at 3, b has 2 -> min_count rises to 3.
    assert Vocabulary.build(SENTENCES, min_count=1, max_final_vocab=2).words == ["a", "c"]
    # Never keep one word of a tie and drop the other: at most 1 word -> none left.
    with pytest.raises(VocabularyError):
        Vocabulary.build(SENTENCES, min_count=1, max_final_vocab=1)


def test_everything_below_min_count_says_the_largest_count():
    with pytest.raises(VocabularyError, match=r"min_count=4.*occurs 3 times"):
        Vocabulary.build(SENTENCES, min_count=4)


def test_empty_corpus():
    with pytest.raises(VocabularyError, match="empty"):
        Vocabulary.build([[], []])


def test_pruning_while_counting_bounds_the_dictionary():
    # 200 distinct rare words interleaved with a frequent one.
    sentences = [["the", f"rare{i}"] for i in range(200)]
    counts, total, min_reduce = count_words(sentences, max_vocab_size=10)
    assert total == 400 and min_reduce > 1
    assert len(counts) <= 11 and counts["the"] > 100
    vocab = Vocabulary.build(sentences, min_count=1, max_vocab_size=10)
    assert vocab.pruned and vocab.words[0] == "the"


def test_keep_probabilities_follow_word2vec_formula():
    vocab = Vocabulary(["a", "b", "c"], [1000, 100, 1])
    sample = 0.01
    threshold = sample * 1101
    expected = [(np.sqrt(1000 / threshold) + 1) * threshold / 1000,
                (np.sqrt(100 / threshold) + 1) * threshold / 100, 1.0]
    np.testing.assert_allclose(vocab.keep_probabilities(sample), np.minimum(expected, 1.0))
    assert vocab.keep_probabilities(sample)[0] == pytest.approx(0.1159, abs=1e-4)  # by hand
    assert vocab.keep_probabilities(0).tolist() == [1.0, 1.0, 1.0]


def test_noise_distribution_and_its_alias_table():
    vocab = Vocabulary(["a", "b"], [16, 1])
    np.testing.assert_allclose(vocab.noise_distribution(0.75), [8 / 9, 1 / 9])
    prob, alias = alias_table(vocab.noise_distribution(0.75))
    # Each outcome's total mass over the columns equals its probability.
    mass = np.zeros(2)
    for column in range(2):
        mass[column] += prob[column] / 2
        mass[alias[column]] += (1 - prob[column]) / 2
    np.testing.assert_allclose(mass, [8 / 9, 1 / 9])


def test_save_and_load_round_trip(tmp_path):
    vocab = Vocabulary.build(SENTENCES, min_count=1)
    vocab.save(tmp_path / "vocab.txt")
    assert (tmp_path / "vocab.txt").read_text().splitlines()[:2] == ["a 3", "c 3"]
    loaded = Vocabulary.load(tmp_path / "vocab.txt")
    assert loaded.words == vocab.words and loaded.counts.tolist() == vocab.counts.tolist()
    assert Vocabulary.load(tmp_path / "vocab.txt", min_count=2).words == ["a", "c", "b"]


def test_malformed_vocabulary_file_gives_the_line(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("a 3\nb three\n")
    with pytest.raises(VocabularyError, match=r"vocab.txt, line 2: expected 'word count'"):
        Vocabulary.load(path)
    path.write_text("a 3\nb 2\na 1\n")
    with pytest.raises(VocabularyError, match=r"line 3: word 'a' appears twice"):
        Vocabulary.load(path)
