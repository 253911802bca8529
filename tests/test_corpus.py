"""Reading corpora: layouts, compression, chunk boundaries, bad input."""
import bz2
import gzip
import lzma

import pytest

from wordvec.errors import CorpusError
from wordvec.text.corpus import Corpus, iter_file_sentences
from wordvec.text.normalize import normalize_none, normalize_text8

TEXT = "the quick brown fox\njumps over the lazy dog\n\nthe end"


def test_one_sentence_per_line(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(TEXT)
    assert list(Corpus(path)) == [line.split() for line in TEXT.split("\n") if line]


@pytest.mark.parametrize("opener,suffix", [(gzip.open, ".gz"), (bz2.open, ".bz2"),
                                           (lzma.open, ".xz"), (gzip.open, ".txt")])
def test_compressed_files_are_recognised_by_content(tmp_path, opener, suffix):
    path = tmp_path / f"c{suffix}"
    with opener(path, "wt") as out:
        out.write(TEXT)
    assert list(Corpus(path)) == list(Corpus([line.split() for line in TEXT.split("\n")]))


@pytest.mark.parametrize("chunk_bytes", [1, 2, 3, 5, 7, 16, 64])
def test_no_word_is_split_across_read_boundaries(tmp_path, chunk_bytes):
    # Multi-byte UTF-8 characters, tabs, repeated spaces, a single long line.
    words = ["naïve", "café", "über", "x", "σίγμα", "日本語", "longerwordhere", "a"] * 40
    text = " ".join(words[:100]) + "\t\t" + "  ".join(words[100:])
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    sentences = list(iter_file_sentences(path, normalize_none, max_sentence_length=10_000,
                                         chunk_bytes=chunk_bytes))
    assert sentences == [text.split()]


def test_long_line_is_cut_into_pseudo_sentences_at_word_boundaries(tmp_path):
    words = [f"w{i}" for i in range(25)]
    path = tmp_path / "c.txt"
    path.write_text(" ".join(words) + "\nshort line\n")
    sentences = list(iter_file_sentences(path, normalize_none, max_sentence_length=10,
                                         chunk_bytes=8))
    assert sentences == [words[:10], words[10:20], words[20:], ["short", "line"]]


def test_folder_reads_every_visible_file_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text("two\n")
    (tmp_path / "a.txt").write_text("one\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("three\n")
    (tmp_path / ".hidden").write_text("never\n")
    assert list(Corpus(tmp_path)) == [["one"], ["two"], ["three"]]


def test_normalizers():
    assert normalize_text8("Atlanta's 1962 HARD-fought café!") == \
        ["atlanta", "s", "hard", "fought", "caf"]
    assert list(Corpus([["The", "Cat"]], normalizer="lower")) == [["the", "cat"]]
    with pytest.raises(ValueError, match="normalizer"):
        Corpus([["a"]], normalizer="stem")


def test_in_memory_corpus_is_cut_and_rereadable():
    corpus = Corpus([["a", "b", "c"]], max_sentence_length=2)
    assert list(corpus) == list(corpus) == [["a", "b"], ["c"]]


def test_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        Corpus(tmp_path / "nope.txt")


def test_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="no text files"):
        Corpus(tmp_path)


def test_invalid_utf8_reports_the_byte_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"plain words " * 3 + "caf\xe9".encode("latin-1") + b" more\n")
    with pytest.raises(CorpusError, match=r"latin1.txt: byte offset 39 .*not valid UTF-8"):
        list(iter_file_sentences(path, normalize_none, chunk_bytes=5))
    assert list(Corpus(path, normalizer="none", errors="replace"))[0][6] == "caf\ufffd"


def test_binary_file(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(CorpusError, match="binary"):
        list(Corpus(path))


def test_generator_and_strings_are_rejected():
    with pytest.raises(CorpusError, match="one-shot"):
        Corpus(line.split() for line in ["a b"])
    with pytest.raises(CorpusError, match="expected a list of tokens"):
        list(Corpus(["a sentence as a string"]))


def test_raw_text_reads_as_words_by_default(tmp_path):
    # Issue 11: the default used to be whitespace splitting ("France," "it?" "Yes:").
    path = tmp_path / "page.txt"
    path.write_text("Paris is the capital of France, isn't it? Yes: France.\n"
                    "A state-of-the-art café -- see `wordvec train --out` (1962); l’été #3\n",
                    encoding="utf-8")
    assert list(Corpus(path)) == [
        ["paris", "is", "the", "capital", "of", "france", "isn't", "it", "yes", "france"],
        ["a", "state-of-the-art", "café", "see", "wordvec", "train", "out", "1962", "l'été", "3"]]


def test_text8_style_corpora_come_out_unchanged(tmp_path):
    text = "anarchism originated as a term of abuse first used against early working class\n"
    path = tmp_path / "text8-like.txt"
    path.write_text(text * 3, encoding="utf-8")
    assert list(Corpus(path)) == list(Corpus(path, normalizer="none")) == [text.split()] * 3


def test_token_lists_in_memory_are_used_as_given():
    assert list(Corpus([["The", "U.S.", "--out"]])) == [["The", "U.S.", "--out"]]
    assert list(Corpus([["The", "U.S."]], normalizer="words")) == [["the", "u", "s"]]


def test_every_normalizer_has_a_one_line_summary_with_an_example():
    from wordvec.text.normalize import NORMALIZERS, SUMMARIES
    for name, normalize in NORMALIZERS.items():
        summary = SUMMARIES[name]
        assert "\n" not in summary and '"Isn\'t it?" -> ' in summary
        assert summary.split(" -> ")[1] == " ".join(normalize("Isn't it?")), name
