"""NaN and infinity in vectors: refused on load and on save, in every format, unless allowed.

Issue 12, point 3: a word2vec text file holding ``nan`` loaded without a word,
and ``wordvec neighbors`` then printed ``queen nan``.
"""
import numpy as np
import pytest

from wordvec.cli import main
from wordvec.errors import VectorFileError
from wordvec.vectors.keyedvectors import KeyedVectors

WORDS = ["king", "queen", "man", "woman"]


def vectors_with(value, row=1, col=2):
    vectors = np.arange(len(WORDS) * 4, dtype=np.float32).reshape(len(WORDS), 4) / 7 + 1
    vectors[row, col] = value
    return vectors


def bad_kv(value=np.nan):
    return KeyedVectors(vectors_with(value), WORDS, counts=[9, 7, 5, 3])


def text_file(tmp_path, value_text, name="v.txt", header=True):
    """A text file whose word 'queen' (line 3 with a header) holds ``value_text`` as value 3."""
    rows = [f"{w} {' '.join(f'{x:.3f}' for x in row)}" for w, row in zip(WORDS, vectors_with(0))]
    rows[1] = rows[1].replace("0.000", value_text)
    path = tmp_path / name
    path.write_text((f"{len(WORDS)} 4\n" if header else "") + "\n".join(rows) + "\n")
    return path


def load_error(path, **kwargs):
    with pytest.raises(VectorFileError) as info:
        KeyedVectors.load(path, **kwargs)
    message = str(info.value)
    assert str(path) in message and "'queen'" in message and "allow_nonfinite=True" in message
    assert "\n" not in message
    return message


# ------------------------------------------------------------------- loading

@pytest.mark.parametrize("value", ["nan", "NaN", "-nan", "inf", "-inf", "Infinity"])
def test_word2vec_text_names_the_word_and_line(tmp_path, value):
    message = load_error(text_file(tmp_path, value))
    assert "line 3" in message and f"value 3 of 4 is {value!r}" in message


def test_value_beyond_float32_range_is_infinite(tmp_path):
    # 1e39 is a finite float64 but becomes inf as float32: refused, and said why.
    message = load_error(text_file(tmp_path, "1e39"))
    assert "line 3" in message and "'1e39'" in message and "beyond float32's range" in message


def test_glove_names_the_line_past_blank_lines(tmp_path):
    path = text_file(tmp_path, "nan", name="g.txt", header=False)
    path.write_text("\n\n" + path.read_text())  # two blank lines first: queen is on line 4
    message = load_error(path, format="glove")
    assert "line 4" in message
    with pytest.raises(VectorFileError, match="line 4"):
        KeyedVectors.load_glove(path)


def test_gzipped_text(tmp_path):
    import gzip
    plain = text_file(tmp_path, "inf")
    path = tmp_path / "v.txt.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    assert "line 3" in load_error(path)


def test_binary_names_the_word_and_its_row(tmp_path):
    path = tmp_path / "v.bin"
    bad_kv(np.inf).save(path, allow_nonfinite=True)
    message = load_error(path)
    # header "4 4\n" (4 bytes), then "king " + 16 bytes + "\n" (22): queen starts at 26
    assert "word #2 'queen'" in message and "byte offset 26" in message
    assert "value 3 of 4 is inf" in message
    with pytest.raises(VectorFileError, match="word #2 'queen'"):
        KeyedVectors.load_word2vec_format(path, binary=True)


def test_npz_names_the_word_and_its_row(tmp_path):
    path = tmp_path / "v.npz"
    bad_kv(-np.inf).save(path, allow_nonfinite=True)
    message = load_error(path)
    assert "row 1" in message and "value 3 of 4 is -inf" in message


def test_npz_float64_beyond_float32_range(tmp_path):
    path = tmp_path / "v.npz"
    KeyedVectors(vectors_with(0), WORDS).save(path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["vectors"] = vectors_with(0).astype(np.float64)
    arrays["vectors"][1, 2] = 1e300
    np.savez(path, **arrays)
    assert "value 3 of 4 is inf" in load_error(path)


@pytest.mark.parametrize("name,fmt", [("v.txt", None), ("v.bin", None), ("g.txt", "glove"),
                                      ("v.npz", None), ("v.txt.gz", None)])
def test_allow_nonfinite_loads_them_as_they_are(tmp_path, name, fmt):
    path = tmp_path / name
    bad_kv().save(path, format=fmt, allow_nonfinite=True)
    kv = KeyedVectors.load(path, format=fmt, allow_nonfinite=True)
    assert kv.index_to_key == WORDS
    assert np.isnan(kv["queen"][2]) and np.isfinite(np.delete(kv.vectors.ravel(), 6)).all()


def test_finite_files_still_load(tmp_path):
    kv = KeyedVectors(vectors_with(np.finfo(np.float32).max), WORDS)
    for name in ("v.txt", "v.bin", "v.npz"):
        kv.save(tmp_path / name)
        assert KeyedVectors.load(tmp_path / name).vectors.tobytes() == kv.vectors.tobytes()


# -------------------------------------------------------------------- saving

@pytest.mark.parametrize("name,fmt", [("v.txt", None), ("v.vec", None), ("v.bin", None),
                                      ("g.txt", "glove"), ("v.npz", None), ("v.txt.gz", None)])
@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_save_refuses_and_writes_nothing(tmp_path, name, fmt, value):
    with pytest.raises(VectorFileError) as info:
        bad_kv(value).save(tmp_path / name, format=fmt)
    message = str(info.value)
    assert name in message and "word 'queen' (index 1)" in message
    assert f"value 3 of 4 is {value}" in message and "allow_nonfinite=True" in message
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file


def test_save_names_the_first_bad_word(tmp_path):
    vectors = vectors_with(np.nan, row=3)
    vectors[2, 0] = np.inf
    with pytest.raises(VectorFileError, match="word 'man' \\(index 2\\)"):
        KeyedVectors(vectors, WORDS).save_word2vec_format(tmp_path / "v.bin", binary=True)


# ------------------------------------------------------------ command line

@pytest.mark.parametrize("command", [
    ["neighbors", "{path}", "queen"],
    ["analogy", "{path}", "man", "king", "woman"],
    ["export", "{path}", "--projector", "{tmp}/projector"],
    ["eval", "{path}", "--benchmark", "{tmp}/analogies.txt"],
])
def test_commands_say_one_line_and_exit_2(tmp_path, capsys, command):
    path = text_file(tmp_path, "nan")
    (tmp_path / "analogies.txt").write_text(": family\nman king woman queen\n")
    argv = [arg.format(path=path, tmp=tmp_path) for arg in command]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" or "nan" not in captured.out
    err = captured.err.strip()
    assert err.startswith("wordvec: error: ") and "\n" not in err, err
    assert str(path) in err and "line 3" in err and "'queen'" in err
