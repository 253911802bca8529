"""fastText's n-grams and hash (wordvec.text.subwords), against gensim's and by hand."""
import numpy as np
import pytest

from wordvec.text.subwords import EOS, char_ngrams, fnv1a, ngram_rows, subword_table

pytestmark = pytest.mark.kernel  # _fill_table is a kernel: CI runs these without Numba too
WORDS = ["a", "where", "café", "naïve", "日本語", "aaaa", "x" * 40, "Ünïcödé-wörd"]


def test_fnv1a_by_hand():
    # The standard 32-bit FNV-1a of "a" (ASCII: the sign extension changes nothing).
    assert fnv1a("a") == 0xE40C292C
    # "é" is c3 a9: each byte is mixed in sign-extended, as the tool's signed char.
    h = 2166136261
    for byte in (0xFFFFFFC3, 0xFFFFFFA9):
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    assert fnv1a("é") == h
    plain = 2166136261
    for byte in (0xC3, 0xA9):  # without the quirk: another value
        plain = ((plain ^ byte) * 16777619) & 0xFFFFFFFF
    assert plain != h


@pytest.mark.parametrize("word", WORDS)
def test_hash_and_ngrams_equal_gensims(word):
    fasttext = pytest.importorskip("gensim.models.fasttext")
    assert fnv1a(word) == fasttext.ft_hash_bytes(word.encode("utf-8"))
    for minn, maxn in ((3, 6), (1, 3), (2, 2)):
        expected = [g.decode("utf-8") for g in fasttext.compute_ngrams_bytes(word, minn, maxn)]
        assert char_ngrams(word, minn, maxn) == expected
        for ngram in expected:
            assert fnv1a(ngram) == fasttext.ft_hash_bytes(ngram.encode("utf-8"))


def test_ngrams_count_characters_and_start_at_character_boundaries():
    assert char_ngrams("日本", 2, 3) == ["<日", "<日本", "日本", "日本>", "本>"]
    assert all(g.encode("utf-8").decode("utf-8") == g for g in char_ngrams("naïve", 3, 6))
    # minn 1: single characters, but never a lone "<" or ">"
    assert char_ngrams("ab", 1, 1) == ["a", "b"]
    assert char_ngrams(EOS, 3, 6) == [] and char_ngrams("word", 3, 0) == []


def test_the_table_is_each_words_own_row_then_its_ngram_rows():
    table = subword_table(WORDS + [EOS], minn=3, maxn=6, bucket=1000)
    nwords = len(WORDS) + 1
    for i, word in enumerate(WORDS + [EOS]):
        assert table.rows_of(i).tolist() == [i] + ngram_rows(word, nwords, 3, 6, 1000)
    assert table.offsets[-1] == len(table.ids) and table.ids.dtype == np.int32
    unseen = subword_table(["wherever"], 3, 6, 1000, own_rows=False, nwords=nwords)
    assert unseen.ids.tolist() == ngram_rows("wherever", nwords, 3, 6, 1000)


def test_a_bucket_is_needed_for_ngrams():
    with pytest.raises(ValueError, match="bucket must be at least 1"):
        subword_table(["word"], 3, 6, 0)
    assert subword_table(["word"], 3, 0, 0).ids.tolist() == [0]
