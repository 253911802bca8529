"""Embedding Projector files: exact contents, equality with gensim's word2vec2tensor, refusals."""
import numpy as np
import pytest

from wordvec.errors import VocabularyError
from wordvec.vectors.keyedvectors import KeyedVectors
from wordvec.vectors.projector import check_tsv_words, write_projector_files


@pytest.fixture
def kv():
    vectors = np.array([[0.5, -1.25, 3], [1e-8, 2, -0.1], [7, 0, 1 / 3]], np.float32)
    return KeyedVectors(vectors, ["the", "Café", "x-ray"], counts=[30, 20, 10])


def test_files_by_hand(kv, tmp_path):
    vectors_path, metadata_path = write_projector_files(kv, tmp_path / "new" / "folder")
    assert vectors_path == tmp_path / "new" / "folder" / "vectors.tsv"
    # float32 values at their shortest: 1/3 as float32 is 0.33333334, 0.1 is 0.1
    assert vectors_path.read_text(encoding="utf-8") == ("0.5\t-1.25\t3.0\n"
                                                        "1e-08\t2.0\t-0.1\n"
                                                        "7.0\t0.0\t0.33333334\n")
    assert metadata_path.read_text(encoding="utf-8") == ("word\tcount\nthe\t30\nCafé\t20\n"
                                                         "x-ray\t10\n")
    write_projector_files(kv, tmp_path, top=1)
    assert (tmp_path / "vectors.tsv").read_text() == "0.5\t-1.25\t3.0\n"
    assert (tmp_path / "metadata.tsv").read_text() == "word\tcount\nthe\t30\n"
    write_projector_files(kv, tmp_path, top=10)  # more than there are: all of them
    assert len((tmp_path / "vectors.tsv").read_text().splitlines()) == 3


def test_without_counts_no_header(kv, tmp_path):
    plain = KeyedVectors(kv.vectors, kv.index_to_key)
    _, metadata_path = write_projector_files(plain, tmp_path)
    # one column: the Projector reads every line as a label, so no header
    assert metadata_path.read_text(encoding="utf-8") == "the\nCafé\nx-ray\n"


def test_same_files_as_gensim_word2vec2tensor(kv, tmp_path):
    pytest.importorskip("gensim")
    from gensim.scripts.word2vec2tensor import word2vec2tensor
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(50)] + ["naïve", "Zürich"]
    model = KeyedVectors(rng.standard_normal((len(words), 7)).astype(np.float32), words)
    model.save(tmp_path / "model.txt")
    word2vec2tensor(str(tmp_path / "model.txt"), str(tmp_path / "gensim"))
    write_projector_files(KeyedVectors.load(tmp_path / "model.txt"), tmp_path / "ours")
    assert ((tmp_path / "ours" / "vectors.tsv").read_bytes()
            == (tmp_path / "gensim_tensor.tsv").read_bytes())
    assert ((tmp_path / "ours" / "metadata.tsv").read_bytes()
            == (tmp_path / "gensim_metadata.tsv").read_bytes())


@pytest.mark.parametrize("bad", ["a\tb", "line\nbreak", "carriage\rreturn"])
def test_tabs_and_line_breaks_are_refused(kv, tmp_path, bad):
    words = ["fine", bad, "also"]
    bad_kv = KeyedVectors(kv.vectors, words)
    with pytest.raises(VocabularyError, match=r"\(row 1 of the vocabulary\) holds a tab or a "
                                              r"line break"):
        write_projector_files(bad_kv, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # refused before anything was written
    # beyond --top the word is not exported, so it does not matter
    write_projector_files(bad_kv, tmp_path / "top", top=1)
    assert (tmp_path / "top" / "metadata.tsv").read_text() == "fine\n"
    check_tsv_words(["fine", "words"])


def test_bad_top(kv, tmp_path):
    for top in (0, -3, 2.5, True):
        with pytest.raises(ValueError, match="top must be a whole number >= 1 or None"):
            write_projector_files(kv, tmp_path, top=top)
