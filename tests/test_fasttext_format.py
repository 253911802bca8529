"""Facebook fastText's .bin and the subword .npz: round trips, gensim and fastText both ways, and
every refusal (issue 18, "Files, both ways")."""
import gzip
import struct
import tracemalloc

import numpy as np
import pytest

from wordvec.errors import VectorFileError
from wordvec.vectors import KeyedVectors, SubwordVectors, formats
from wordvec.vectors.fasttext_format import MAGIC

WORDS = ["the", "café", "naïve", "日本語", "</s>", "where", "emoji🙂"]
# Unseen words: sharing n-grams with the vocabulary, and non-ASCII ones (the sign-extended hash).
UNSEEN = ["cafés", "naïveté", "日本", "wherever", "nowhere", "emojis"]
BUCKET, DIM = 1000, 8


def make_wv(algorithm="fasttext", output=True, counts=True, seed=0, matrix=None):
    rng = np.random.default_rng(seed)
    if matrix is None:
        matrix = rng.standard_normal((len(WORDS) + BUCKET, DIM)).astype(np.float32)
    params = {"dim": DIM, "window": 3, "negative": 7, "sample": 1e-3, "epochs": 2,
              "min_count": 1, "minn": 2, "maxn": 5, "bucket": BUCKET, "alpha": 0.05, "seed": 3}
    return SubwordVectors(matrix, WORDS, minn=2, maxn=5, bucket=BUCKET,
                          counts=np.arange(len(WORDS), 0, -1) * 10 if counts else None,
                          metadata={"algorithm": algorithm, "params": params,
                                    "corpus_words": 1234},
                          output_matrix=(rng.standard_normal((len(WORDS), DIM))
                                         .astype(np.float32) if output else None))


def assert_same_model(a, b):
    assert type(b) is SubwordVectors and b.index_to_key == a.index_to_key
    assert (b.minn, b.maxn, b.bucket) == (a.minn, a.maxn, a.bucket)
    assert b.input_matrix.tobytes() == a.input_matrix.tobytes()
    assert b.vectors.tobytes() == a.vectors.tobytes()
    for word in UNSEEN:
        assert b[word].tobytes() == a[word].tobytes(), word
    assert b.counts.tolist() == a.counts.tolist()
    assert b.output_matrix.tobytes() == a.output_matrix.tobytes()


# -------------------------------------------------------------- round trips

@pytest.mark.parametrize("name", ["m.bin", "m.bin.gz", "m.npz"])
def test_round_trip(tmp_path, name):
    wv = make_wv()
    wv.save(tmp_path / name)
    back = KeyedVectors.load(tmp_path / name)
    assert_same_model(wv, back)
    assert SubwordVectors.load(tmp_path / name).index_to_key == WORDS
    params = back.metadata["params"]
    carried = ["dim", "window", "negative", "sample", "epochs", "min_count", "minn", "maxn",
               "bucket"]  # what a .bin has room for (it has no learning rate nor seed)
    assert {k: params[k] for k in carried} == {k: wv.metadata["params"][k] for k in carried}
    assert back.metadata["algorithm"] == "fasttext" and back.metadata["corpus_words"] == 1234
    if name.endswith(".npz"):
        assert back.metadata == wv.metadata  # the .npz keeps everything


def test_a_view_of_the_trainers_rows_is_written_as_it_reads(tmp_path):
    # The trainer pads rows to cache lines: its input matrix is a non-contiguous view.
    wide = np.random.default_rng(1).standard_normal((len(WORDS) + BUCKET, DIM + 8))
    view = wide.astype(np.float32)[:, :DIM]
    assert not view.flags.c_contiguous
    wv = make_wv(matrix=view)
    for name in ("v.bin", "v.npz"):
        wv.save(tmp_path / name)
        assert np.array_equal(KeyedVectors.load(tmp_path / name).input_matrix, view)


def test_cbow_and_defaults_in_the_args(tmp_path):
    wv = make_wv(algorithm="fasttext-cbow", output=False, counts=False)
    wv.metadata = {"algorithm": "fasttext-cbow"}  # no params: fastText's defaults fill the args
    wv.save(tmp_path / "c.bin")
    data = (tmp_path / "c.bin").read_bytes()
    ints = struct.unpack_from("<12i", data, 8)
    assert ints == (DIM, 5, 5, 1, 5, 1, 2, 1, BUCKET, 2, 5, 100)  # ws epoch minCount neg ...
    assert struct.unpack_from("<d", data, 56) == (1e-4,)
    back = KeyedVectors.load(tmp_path / "c.bin")
    assert back.metadata["algorithm"] == "fasttext-cbow"
    assert back.counts.tolist() == [1] * len(WORDS)                 # no counts: 1 each
    assert back.metadata["corpus_words"] == len(WORDS)              # ntokens: their sum
    assert not back.output_matrix.any()                             # no output rows: zeros


def test_bin_means_the_vectors_kind(tmp_path):
    wv = make_wv()
    plain = KeyedVectors(wv.vectors, WORDS)
    plain.save(tmp_path / "w.bin")
    wv.save(tmp_path / "f.bin")
    assert (tmp_path / "w.bin").read_bytes().startswith(b"7 8\n")    # word2vec's header
    assert (tmp_path / "f.bin").read_bytes()[:4] == struct.pack("<i", MAGIC)
    assert type(KeyedVectors.load(tmp_path / "w.bin")) is KeyedVectors
    assert formats.format_to_read(tmp_path / "f.bin") == "fasttext-binary"
    # A subword model's vocabulary for the word2vec tool, on request:
    wv.save(tmp_path / "v.bin", format="word2vec-binary")
    assert np.array_equal(KeyedVectors.load(tmp_path / "v.bin").vectors, wv.vectors)
    with pytest.raises(VectorFileError, match="no n-grams; save them as .npz"):
        plain.save(tmp_path / "x.bin", format="fasttext-binary")
    with pytest.raises(VectorFileError, match="without n-gram rows.*KeyedVectors.load"):
        SubwordVectors.load(tmp_path / "w.bin")


def test_facebook_named_methods_ignore_the_extension(tmp_path):
    wv = make_wv()
    wv.save_facebook_model(tmp_path / "model.ft")
    assert_same_model(wv, SubwordVectors.load_facebook_model(tmp_path / "model.ft"))


def test_old_callers_of_read_and_old_readers(tmp_path):
    wv = make_wv()
    wv.save(tmp_path / "m.npz")
    wv.save(tmp_path / "m.bin")
    # formats.read keeps its 4-tuple: a subword .npz gives its vocabulary's vectors, the
    # members that a reader of wordvec before subwords reads (the format version is still 1).
    vectors, words, counts, metadata = formats.read(tmp_path / "m.npz")
    assert np.array_equal(vectors, wv.vectors) and words == WORDS
    assert counts.tolist() == wv.counts.tolist() and metadata == wv.metadata
    with np.load(tmp_path / "m.npz") as data:
        assert int(data["format_version"]) == 1
        assert data["subword_settings"].tolist() == [2, 5, BUCKET]
    with pytest.raises(VectorFileError, match="read_parts"):
        formats.read(tmp_path / "m.bin")
    assert formats.read_parts(tmp_path / "m.bin")["bucket"] == BUCKET


def test_facebook_bytes_come_back_unchanged(tmp_path):
    wv = make_wv()
    wv.save(tmp_path / "a.bin")
    KeyedVectors.load(tmp_path / "a.bin").save(tmp_path / "b.bin")
    assert (tmp_path / "a.bin").read_bytes() == (tmp_path / "b.bin").read_bytes()


# ------------------------------------------------------------------ refusals

def _model_bytes(tmp_path, **kwargs):
    make_wv(**kwargs).save(tmp_path / "good.bin")
    return bytearray((tmp_path / "good.bin").read_bytes())


DICT_END = 92 + sum(len(w.encode()) + 10 for w in WORDS)   # where the quant_input flag is


def _refused(tmp_path, data, *expected, name="bad.bin"):
    path = tmp_path / name
    path.write_bytes(gzip.compress(bytes(data)) if name.endswith(".gz") else bytes(data))
    tracemalloc.start()
    try:
        with pytest.raises(VectorFileError) as info:
            KeyedVectors.load(path, format="fasttext-binary")
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    for text in expected:
        assert text in message, message
    assert peak < 1 << 20, f"{peak:,} bytes allocated before refusing"
    return message


@pytest.mark.parametrize("offset,layout,value,expected", [
    (0, "<i", 12345, "byte offset 0: not a fastText model"),
    (4, "<i", 13, "version 13; this reads versions 11 and 12"),
    (36, "<i", 3, "supervised model"),                        # model = sup
    (36, "<i", 7, "model 7 (expected 1 cbow or 2 sg)"),
    (8, "<i", 0, "dim 0 (expected >= 1)"),
    (48, "<i", 1000, "maxn 1000"),
    (72, "<i", 2, "holds 2 labels: a supervised model"),      # nlabels
    (84, "<q", 5, "pruneidx_size 5: a pruned dictionary"),
    (64, "<2i", (10**9, 10**9), ("the dictionary's 1,000,000,000 words take at least "
                                 "11,000,000,000 bytes")),
    (40, "<i", 2**31 - 1, "the two matrices take at least"),   # bucket: 2**31 rows of 8 float32
    (8, "<i", 2**30, "the two matrices take at least"),        # dim
    (DICT_END, "<b", 1, "quant_input flag is set: a quantized model (.ftz)"),
    (DICT_END + 1, "<q", 10**12, "input matrix is declared 1000000000000 x 8, expected 1007"),
    (92 + 4 + 8, "<b", 1, "word #1 'the' is a label"),
    (92 + 4, "<q", -3, "'the' has the negative count -3"),
])
def test_refused_with_where_and_what(tmp_path, offset, layout, value, expected):
    data = _model_bytes(tmp_path)
    struct.pack_into(layout, data, offset, *(value if isinstance(value, tuple) else [value]))
    _refused(tmp_path, data, expected, "byte offset")


def test_version_11_reads_as_12(tmp_path):
    # fastText 0.9 reads both the same way, but for old supervised models, refused anyway.
    data = _model_bytes(tmp_path)
    struct.pack_into("<i", data, 4, 11)
    (tmp_path / "v11.bin").write_bytes(bytes(data))
    back = KeyedVectors.load(tmp_path / "v11.bin")
    assert_same_model(make_wv(), back)
    assert back.metadata["fasttext_version"] == 11


def test_truncated_and_trailing_bytes(tmp_path):
    data = _model_bytes(tmp_path)
    # The file's size says at once that the matrices are not all there...
    _refused(tmp_path, data[:DICT_END + 100], "the two matrices take at least 32,482 bytes",
             "the file has 303 bytes", f"byte offset {DICT_END}")
    # ...which a compressed file's size cannot say: the end of the data does.
    _refused(tmp_path, data[:DICT_END + 100], "truncated file: the input matrix ends after 83",
             f"byte offset {DICT_END + 100}", name="bad.bin.gz")
    _refused(tmp_path, data[:30], "truncated file", "the training arguments")
    _refused(tmp_path, data + b"\0", "more data follows the output matrix")


def _word_offset(i):
    """Where word #i + 1's bytes start: the dictionary's 28-byte header, then the entries."""
    return 92 + sum(len(w.encode()) + 10 for w in WORDS[:i])


def test_bad_words(tmp_path):
    data = _model_bytes(tmp_path)
    data[92:95] = b"t\xffe"  # "the" with a byte that is no UTF-8
    _refused(tmp_path, data, "word #1 is not UTF-8", "byte offset 93")
    data = _model_bytes(tmp_path)
    at = _word_offset(5)
    data[at:at + 5] = "café".encode()  # "where" -> "café", as long in UTF-8
    _refused(tmp_path, data, "word #6 'café' is a duplicate (first at byte offset 105)",
             f"byte offset {at}")
    data = _model_bytes(tmp_path)
    del data[95]  # "the" loses its NUL: the word runs into its count's bytes
    _refused(tmp_path, data, "byte offset 92: word #1 'theF' has type 97, expected 0")


@pytest.mark.parametrize("row,name", [(1, "word 'café'"), (len(WORDS) + 17, "n-gram bucket 17")])
def test_nan_is_refused_naming_the_row_unless_allowed(tmp_path, row, name):
    wv = make_wv()
    matrix = wv.input_matrix.copy()
    matrix[row, 3] = np.nan
    wv.input_matrix = matrix  # (as a diverged run would leave it; the vectors' check is below)
    with pytest.raises(VectorFileError, match=f"input_matrix row {row} \\({name}\\)"):
        wv.save(tmp_path / "n.bin")
    wv.save(tmp_path / "n.bin", allow_nonfinite=True)
    wv.save(tmp_path / "n.npz", allow_nonfinite=True)
    at = DICT_END + 17 + 4 * (row * DIM + 3)
    _refused(tmp_path, (tmp_path / "n.bin").read_bytes(), f"input matrix row {row} ({name})",
             "value 4 of 8 is nan", f"byte offset {at}", "allow_nonfinite=True")
    with pytest.raises(VectorFileError, match=f"input_matrix row {row} \\({name}\\)"):
        KeyedVectors.load(tmp_path / "n.npz")
    assert np.isnan(KeyedVectors.load(tmp_path / "n.bin", allow_nonfinite=True)
                    .input_matrix[row, 3])


# ------------------------------------------------------------------- gensim

SENTENCES = [["the", "cat", "sat", "on", "the", "mat"], ["the", "dog", "sat", "on", "the", "log"],
             ["café", "naïve", "日本語", "the", "cat"], ["where", "the", "dog", "went"]] * 5
GENSIM_UNSEEN = ["cats", "cafés", "naïveté", "日本", "wherever", "dogma"]


def test_ours_loads_in_gensim_with_equal_vectors(tmp_path):
    fasttext = pytest.importorskip("gensim.models.fasttext")
    wv = make_wv()
    wv.save(tmp_path / "ours.bin")
    model = fasttext.load_facebook_model(str(tmp_path / "ours.bin"))
    assert (model.wv.min_n, model.wv.max_n, model.wv.bucket, model.sg, model.window,
            model.negative) == (2, 5, BUCKET, 1, 3, 7)
    # gensim gives </s> n-grams, which the tool (and we) do not: it is left out.
    for word in [w for w in WORDS if w != "</s>"] + UNSEEN:
        np.testing.assert_allclose(model.wv[word], wv[word], atol=1e-5, err_msg=word)
    np.testing.assert_array_equal(model.syn1neg, wv.output_matrix)


def test_gensim_model_loads_here_with_equal_vectors(tmp_path):
    gensim = pytest.importorskip("gensim")
    model = gensim.models.FastText(SENTENCES, vector_size=DIM, window=2, min_count=1,
                                   bucket=BUCKET, epochs=2, workers=1, seed=1)
    gensim.models.fasttext.save_facebook_model(model, str(tmp_path / "gensim.bin"))
    ours = KeyedVectors.load(tmp_path / "gensim.bin")
    assert ours.index_to_key == model.wv.index_to_key
    assert ours.counts.tolist() == [model.wv.get_vecattr(w, "count") for w in ours.index_to_key]
    for word in ours.index_to_key + GENSIM_UNSEEN:
        np.testing.assert_allclose(ours[word], model.wv[word], atol=1e-5, err_msg=word)
    # And written again, byte for byte the file gensim wrote: every field was understood.
    ours.save(tmp_path / "again.bin")
    assert (tmp_path / "again.bin").read_bytes() == (tmp_path / "gensim.bin").read_bytes()


# ------------------------------------------- Facebook's own module (fasttext-wheel)

@pytest.fixture(scope="module")
def facebook_model(tmp_path_factory):
    """A model that Facebook's fastText trains, saved by it."""
    fasttext = pytest.importorskip("fasttext")
    folder = tmp_path_factory.mktemp("facebook")
    (folder / "corpus.txt").write_text("\n".join(" ".join(s) for s in SENTENCES) + "\n",
                                       encoding="utf-8")
    model = fasttext.train_unsupervised(str(folder / "corpus.txt"), model="skipgram", dim=DIM,
                                        epoch=2, minCount=1, bucket=BUCKET, minn=3, maxn=6,
                                        thread=1, verbose=0)
    model.save_model(str(folder / "facebook.bin"))
    return fasttext, model, folder / "facebook.bin"


def test_facebooks_model_loads_here_with_equal_vectors(facebook_model):
    _, model, path = facebook_model
    ours = KeyedVectors.load(path)
    assert ours.index_to_key == model.words and "</s>" in ours  # the tool's end of line
    for word in model.words + GENSIM_UNSEEN:
        np.testing.assert_allclose(ours[word], model.get_word_vector(word), atol=1e-5,
                                   err_msg=word)


def test_ours_loads_in_facebooks_module_with_equal_vectors(facebook_model, tmp_path):
    fasttext, _, _ = facebook_model
    wv = make_wv(algorithm="fasttext-cbow")
    wv.save(tmp_path / "ours.bin")
    theirs = fasttext.load_model(str(tmp_path / "ours.bin"))
    assert theirs.words == WORDS
    for word in WORDS + UNSEEN:
        np.testing.assert_allclose(theirs.get_word_vector(word), wv[word], atol=1e-5,
                                   err_msg=word)


def test_facebooks_bytes_come_back_unchanged(facebook_model, tmp_path):
    _, _, path = facebook_model
    KeyedVectors.load(path).save(tmp_path / "again.bin")
    assert (tmp_path / "again.bin").read_bytes() == path.read_bytes()


# Under NUMBA_DISABLE_JIT=1 the kernel is NumPy scalars, which warn of the overflow it is about.
@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
def test_finite_rows_whose_mean_overflows_are_refused(tmp_path):
    # Each row is finite, but mean_rows sums before it divides, as the tool does: inf.
    wv = make_wv(matrix=np.full((len(WORDS) + BUCKET, DIM), 3e38, np.float32))
    assert np.isinf(wv.vectors[0]).all()  # (not "</s>": its one row is its mean)
    wv.save(tmp_path / "big.bin", allow_nonfinite=True)
    with pytest.raises(VectorFileError, match="word 'the' .* overflows float32"):
        KeyedVectors.load(tmp_path / "big.bin")
    assert np.isinf(KeyedVectors.load(tmp_path / "big.bin", allow_nonfinite=True)["the"]).all()
