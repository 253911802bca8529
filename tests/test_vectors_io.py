"""Vector file formats: round trips, gensim interop both ways, and every error case."""
import gzip
import zipfile

import numpy as np
import pytest

from wordvec.errors import VectorFileError
from wordvec.vectors import binary_format, npz_format
from wordvec.vectors.keyedvectors import KeyedVectors

WORDS = ["the", "of", "köln", "日本語", "naïve", "emoji🙂", "a\u00a0b", "x"]


def make_kv(n_extra=40, dim=7, seed=0):
    rng = np.random.default_rng(seed)
    words = WORDS + [f"w{i}" for i in range(n_extra)]
    vectors = rng.standard_normal((len(words), dim)).astype(np.float32)
    # values that a too-short decimal format would not round-trip
    vectors[0] = [0.1, np.pi, -0.0, 1e-45, np.finfo(np.float32).max, -1 / 3, 16777217]
    vectors[1] = np.nextafter(np.float32(1), np.float32(2))
    counts = np.arange(len(words), 0, -1) * 10
    return KeyedVectors(vectors, words, counts=counts,
                        metadata={"algorithm": "skipgram", "window": 5, "corpus": "wiki17m",
                                  "words_per_sec": 123456.5, "note": "ünïcode"})


def gensim_kv_class():
    return pytest.importorskip("gensim").models.KeyedVectors


def assert_same(a, b, exact=True):
    assert a.index_to_key == b.index_to_key
    assert a.vectors.dtype == np.float32 and b.vectors.dtype == np.float32
    if exact:
        assert a.vectors.tobytes() == b.vectors.tobytes()  # bit for bit, -0.0 included
    else:
        assert np.array_equal(a.vectors, b.vectors)


# -------------------------------------------------------------- round trips

@pytest.mark.parametrize("name", ["v.npz", "v.bin", "v.txt", "v.vec", "v.txt.gz", "v.bin.gz"])
def test_round_trip_by_extension(tmp_path, name):
    kv = make_kv()
    path = tmp_path / name
    kv.save(path)
    back = KeyedVectors.load(path)
    assert_same(kv, back)
    if name.endswith(".npz"):
        assert back.counts.tolist() == kv.counts.tolist()
        assert back.metadata == kv.metadata
    else:
        assert back.counts is None and back.metadata == {}


def test_glove_round_trip(tmp_path):
    kv = make_kv()
    path = tmp_path / "glove.txt"
    kv.save(path, format="glove")
    assert path.read_text(encoding="utf-8").split("\n")[0].startswith("the ")  # no header
    assert_same(kv, KeyedVectors.load_glove(path))
    assert_same(kv, KeyedVectors.load(path, format="glove"))


def test_word2vec_format_methods(tmp_path):
    kv = make_kv()
    kv.save_word2vec_format(tmp_path / "a.w2v", binary=True)
    kv.save_word2vec_format(tmp_path / "b.w2v", binary=False)
    assert_same(kv, KeyedVectors.load_word2vec_format(tmp_path / "a.w2v", binary=True))
    assert_same(kv, KeyedVectors.load_word2vec_format(tmp_path / "b.w2v", binary=False))


def test_text_float_format_round_trips_random_float32(tmp_path):
    rng = np.random.default_rng(1)
    bits = rng.integers(0, 2**32, size=(500, 20), dtype=np.uint64).astype(np.uint32)
    vectors = bits.view(np.float32)
    vectors[~np.isfinite(vectors)] = 1.5
    kv = KeyedVectors(vectors, [f"w{i}" for i in range(500)])
    kv.save(tmp_path / "r.txt")
    assert_same(kv, KeyedVectors.load(tmp_path / "r.txt"))


def test_binary_layout_is_word2vec_c(tmp_path):
    kv = KeyedVectors(np.array([[1, 2], [3, 4]], dtype=np.float32), ["ab", "é"])
    kv.save(tmp_path / "v.bin")
    data = (tmp_path / "v.bin").read_bytes()
    expected = (b"2 2\n" + b"ab " + np.array([1, 2], "<f4").tobytes() + b"\n"
                + "é".encode() + b" " + np.array([3, 4], "<f4").tobytes() + b"\n")
    assert data == expected


def test_binary_without_newlines_reads(tmp_path):
    body = b"".join(w.encode() + b" " + np.array(v, "<f4").tobytes()
                    for w, v in [("ab", [1, 2]), ("cd", [3, 4]), ("é", [5, 6])])
    (tmp_path / "v.bin").write_bytes(b"3 2\n" + body)
    kv = KeyedVectors.load(tmp_path / "v.bin")
    assert kv.index_to_key == ["ab", "cd", "é"]
    assert kv.vectors.tolist() == [[1, 2], [3, 4], [5, 6]]


def test_binary_reads_across_chunk_boundaries(tmp_path, monkeypatch):
    monkeypatch.setattr(binary_format, "_BINARY_CHUNK", 7)
    kv = make_kv()
    kv.save(tmp_path / "v.bin")
    assert_same(kv, KeyedVectors.load(tmp_path / "v.bin"))


def test_npz_has_no_object_arrays(tmp_path):
    kv = make_kv()
    kv.save(tmp_path / "v.npz")
    with np.load(tmp_path / "v.npz", allow_pickle=False) as data:
        assert set(data.files) == {"format_version", "vectors", "words", "counts", "metadata"}
        assert all(data[name].dtype.kind != "O" for name in data.files)
        assert data["words"].dtype == np.uint8  # UTF-8 blob, not a padded unicode array
        assert data["words"].tobytes().decode("utf-8").split("\n") == kv.index_to_key
        assert data["metadata"].shape == () and data["metadata"].dtype.kind == "U"
        assert int(data["format_version"]) == npz_format.FORMAT_VERSION


def test_npz_without_counts(tmp_path):
    kv = KeyedVectors(np.ones((2, 3)), ["a", "b"])
    kv.save(tmp_path / "v.npz")
    back = KeyedVectors.load(tmp_path / "v.npz")
    assert back.counts is None and back.metadata == {}
    assert_same(kv, back)


def test_empty_vocabulary_round_trips(tmp_path):
    kv = KeyedVectors(np.zeros((0, 4)), [])
    for name in ("e.npz", "e.bin", "e.txt"):
        kv.save(tmp_path / name)
        back = KeyedVectors.load(tmp_path / name)
        assert len(back) == 0 and back.vector_size == 4


def test_unwritable_word_leaves_no_file(tmp_path):
    kv = KeyedVectors(np.ones((2, 2)), ["ok", "two words"])
    for name in ("v.txt", "v.bin"):
        with pytest.raises(VectorFileError, match="'two words'"):
            kv.save(tmp_path / name)
        assert not (tmp_path / name).exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


def test_unknown_extension(tmp_path):
    kv = KeyedVectors(np.ones((1, 2)), ["a"])
    with pytest.raises(VectorFileError, match=r"\.npz"):
        kv.save(tmp_path / "v.pkl")
    with pytest.raises(VectorFileError, match="no such vector file"):
        KeyedVectors.load(tmp_path / "missing.bin")


# ------------------------------------------------------------- gensim interop

@pytest.mark.parametrize("binary", [True, False])
def test_gensim_reads_ours(tmp_path, binary):
    GensimKV = gensim_kv_class()
    kv = make_kv()
    path = tmp_path / ("v.bin" if binary else "v.txt")
    kv.save(path)
    theirs = GensimKV.load_word2vec_format(str(path), binary=binary)
    assert theirs.index_to_key == kv.index_to_key
    assert theirs.vectors.tobytes() == kv.vectors.tobytes()


@pytest.mark.parametrize("binary", [True, False])
def test_we_read_gensims(tmp_path, binary):
    GensimKV = gensim_kv_class()
    kv = make_kv()
    theirs = GensimKV(kv.vector_size)
    theirs.add_vectors(kv.index_to_key, kv.vectors.copy())
    path = tmp_path / ("g.bin" if binary else "g.txt")
    theirs.save_word2vec_format(str(path), binary=binary)
    ours = KeyedVectors.load_word2vec_format(path, binary=binary)
    assert ours.index_to_key == theirs.index_to_key
    assert ours.vectors.tobytes() == theirs.vectors.tobytes()


# -------------------------------------------------------------- text errors

def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def expect_error(path, *patterns, loader=KeyedVectors.load):
    with pytest.raises(VectorFileError) as info:
        loader(path)
    message = str(info.value)
    assert str(path) in message
    for pattern in patterns:
        assert pattern in message, message
    return message


def test_text_truncated(tmp_path):
    # Values long enough that the size alone does not give the truncation away
    # (test_fuzz_loaders.py tests that refusal), so the reader finds where it is.
    path = write(tmp_path, "v.txt", "3 2\na 0.5 1.5\nb 2.5 3.5\n")
    expect_error(path, "line 4", "truncated", "declares 3 words", "only 2")


def test_text_wrong_number_of_values(tmp_path):
    path = write(tmp_path, "v.txt", "3 2\na 1 2\nb 3 4 5\nc 1 1\n")
    expect_error(path, "line 3", "'b'", "3 values", "expected 2")


def test_text_value_not_a_number(tmp_path):
    path = write(tmp_path, "v.txt", "2 3\na 1 2 3\nb 1 zwei 3\n")
    expect_error(path, "line 3", "value 2", "'zwei'", "not a number")


@pytest.mark.parametrize("header", ["3\n", "three 2\n", "3 2 1\n", "3.5 2\n", "\n", "-1 2\n"])
def test_text_bad_header(tmp_path, header):
    path = write(tmp_path, "v.txt", header + "a 1 2\n")
    expect_error(path, "line 1")


def test_text_more_rows_than_declared(tmp_path):
    path = write(tmp_path, "v.txt", "2 2\na 1 2\nb 3 4\nc 5 6\n\n")
    expect_error(path, "line 4", "declares 2 words", "more rows")


def test_text_header_dim_disagrees(tmp_path):
    path = write(tmp_path, "v.txt", "2 3\na 0.5 1.5\nb 2.5 3.5\n")
    expect_error(path, "line 2", "2 values", "expected 3", "header")


def test_text_duplicate_word(tmp_path):
    path = write(tmp_path, "v.txt", "3 1\na 1\nb 2\na 3\n")
    expect_error(path, "line 4", "duplicate word 'a'", "first on line 2")


def test_text_blank_line_in_the_middle(tmp_path):
    path = write(tmp_path, "v.txt", "3 1\na 1\n\nb 3\n")
    expect_error(path, "line 3", "blank line")


def test_text_not_utf8(tmp_path):
    path = write(tmp_path, "v.txt", b"2 1\na 1\n\xff\xfe 2\n")
    expect_error(path, "line 3", "UTF-8")


def test_text_trailing_blank_lines_and_crlf_are_fine(tmp_path):
    path = write(tmp_path, "v.txt", "2 2\r\na 1 2 \r\nb 3 4\r\n\r\n\n")
    kv = KeyedVectors.load(path)
    assert kv.index_to_key == ["a", "b"] and kv.vectors.tolist() == [[1, 2], [3, 4]]


def test_gzip_text_error_names_line(tmp_path):
    path = tmp_path / "v.txt.gz"
    path.write_bytes(gzip.compress(b"2 2\na 1 2\nb 3\n"))
    expect_error(path, "line 3", "expected 2")


# ------------------------------------------------------------- GloVe errors

def test_glove_wrong_count(tmp_path):
    path = write(tmp_path, "g.txt", "a 1 2 3\nb 1 2 3\nc 1 2\n")
    expect_error(path, "line 3", "2 values", "expected 3", "line 1", loader=KeyedVectors.load_glove)


def test_glove_with_a_header_is_explained(tmp_path):
    path = write(tmp_path, "g.txt", "2 3\na 1 2 3\nb 1 2 3\n")
    expect_error(path, "line 1", "word2vec header", loader=KeyedVectors.load_glove)


def test_glove_empty_and_duplicate(tmp_path):
    expect_error(write(tmp_path, "e.txt", "\n\n"), "empty", loader=KeyedVectors.load_glove)
    expect_error(write(tmp_path, "d.txt", "a 1\nb 2\na 3\n"), "line 3", "duplicate",
                 loader=KeyedVectors.load_glove)


# ------------------------------------------------------------ binary errors

def binary_file(tmp_path, header, entries, newline=True, name="v.bin"):
    body = b"".join(w + b" " + np.array(v, "<f4").tobytes() + (b"\n" if newline else b"")
                    for w, v in entries)
    return write(tmp_path, name, header + body)


def test_binary_truncated(tmp_path):
    # Words long enough that the size alone (3 one-letter words need 34 bytes)
    # does not give the truncation away, so the reader finds where it is.
    path = binary_file(tmp_path, b"3 2\n", [(b"alphabet", [1, 2]), (b"beta", [3, 4])])
    message = expect_error(path, "byte offset", "truncated", "declares 3 words", "after 2")
    # header 4 bytes + entries of (9 + 8 + 1) and (5 + 8 + 1) bytes: the data ends at 36
    assert "byte offset 36" in message


def test_binary_truncated_mid_vector(tmp_path):
    path = binary_file(tmp_path, b"2 2\n", [(b"alpha", [1, 2]), (b"beta", [3, 4])])
    path.write_bytes(path.read_bytes()[:-5])
    expect_error(path, "byte offset 19", "truncated", "in the middle of word #2")


def test_binary_non_utf8_word_names_offset(tmp_path):
    path = binary_file(tmp_path, b"2 2\n", [(b"a", [1, 2]), (b"b\xff", [3, 4])])
    # "2 2\n" (4) + "a " + 8 bytes + "\n" = 15: word #2 starts there, its bad byte at 16
    expect_error(path, "byte offset 16", "not valid UTF-8", "word #2")
    kv = KeyedVectors.load_word2vec_format(path, binary=True, unicode_errors="replace")
    assert kv.index_to_key == ["a", "b\ufffd"]


def test_binary_more_data_than_declared(tmp_path):
    path = binary_file(tmp_path, b"1 2\n", [(b"a", [1, 2]), (b"b", [3, 4])])
    expect_error(path, "byte offset 15", "more data follows")


def test_binary_duplicate_word(tmp_path):
    path = binary_file(tmp_path, b"2 2\n", [(b"a", [1, 2]), (b"a", [3, 4])])
    expect_error(path, "byte offset 15", "duplicate word 'a'", "first at byte offset 4")


def test_binary_bad_header(tmp_path):
    expect_error(write(tmp_path, "v.bin", b"2 x\nabc"), "line 1", "two integers")
    expect_error(write(tmp_path, "e.bin", b""), "byte offset 0", "empty")


def test_absurd_header_is_a_clear_error(tmp_path):
    expect_error(write(tmp_path, "v.txt", "99999999999999 300\na 1\n"), "line 1", "header")
    expect_error(write(tmp_path, "v.bin", b"99999999999999 300\na 1\n"), "line 1", "header")


def test_binary_wrong_dimension_in_header(tmp_path):
    # header says 3 dims, body has 2: the reader runs into data that is not a word
    path = binary_file(tmp_path, b"3 3\n", [(b"a", [1, 2]), (b"b", [3, 4]), (b"c", [5, 6])],
                       newline=False)
    expect_error(path, "byte offset")


# --------------------------------------------------------------- npz errors

def save_npz(path, **arrays):
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


def blob(*words):
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


def good_arrays():
    return {"format_version": np.array(1), "vectors": np.ones((2, 3), np.float32),
            "words": blob("a", "b"), "counts": np.array([5, 3]),
            "metadata": np.array("{}")}


@pytest.mark.parametrize("missing", ["vectors", "words", "metadata", "format_version"])
def test_npz_missing_field(tmp_path, missing):
    arrays = good_arrays()
    del arrays[missing]
    expect_error(save_npz(tmp_path / "v.npz", **arrays), "missing field", missing)


def test_npz_shape_mismatch(tmp_path):
    arrays = good_arrays()
    arrays["words"] = blob("a", "b", "c")
    expect_error(save_npz(tmp_path / "v.npz", **arrays), "shape mismatch", "3 words", "2 rows")
    arrays = good_arrays()
    arrays["counts"] = np.array([1, 2, 3])
    expect_error(save_npz(tmp_path / "c.npz", **arrays), "shape mismatch", "counts")


def test_npz_object_array_refused(tmp_path):
    arrays = good_arrays()
    arrays["words"] = np.array(["a", "b"], dtype=object)
    expect_error(save_npz(tmp_path / "v.npz", **arrays), "'words'", "pickle")


def test_npz_long_word_costs_only_its_bytes(tmp_path):
    kv = KeyedVectors(np.zeros((3, 2), np.float32), ["a", "x" * 5000, "b"])
    kv.save(tmp_path / "v.npz")
    assert (tmp_path / "v.npz").stat().st_size < 10_000  # a unicode array: 60 kB
    assert KeyedVectors.load(tmp_path / "v.npz").index_to_key == kv.index_to_key


def test_npz_other_damage(tmp_path):
    arrays = good_arrays()
    arrays["format_version"] = np.array(99)
    expect_error(save_npz(tmp_path / "new.npz", **arrays), "newer")
    arrays = good_arrays()
    arrays["metadata"] = np.array("{not json")
    expect_error(save_npz(tmp_path / "meta.npz", **arrays), "metadata", "JSON")
    arrays = good_arrays()
    arrays["words"] = blob("a", "a")
    expect_error(save_npz(tmp_path / "dup.npz", **arrays), "duplicate word 'a'")
    expect_error(write(tmp_path, "junk.npz", b"not a zip at all"), "not a readable .npz")
    with zipfile.ZipFile(tmp_path / "empty.npz", "w"):
        pass
    expect_error(tmp_path / "empty.npz", "missing field")
