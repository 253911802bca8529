"""Every loader, fed anything: it loads, or raises wordvec's own error, with a message, promptly.

Issue 12, point 4. The loaders are those of vectors (word2vec text and binary,
plain and gzipped; GloVe; wordvec's ``.npz``, of word vectors and of a subword
model; fastText's ``.bin``, plain and gzipped), of the vocabulary file, of
the co-occurrence ``.npz`` and of a training checkpoint (``--resume``).
Each is fed, by hypothesis:

* random bytes;
* a small valid file, mutated: bytes flipped, inserted, deleted, repeated,
  odd numbers spliced in, cut short;
* for the formats with a header, headers made up of huge row counts
  (10**12), negative or zero dimensions and non-numbers; for fastText's
  ``.bin``, any one of its sizes, arguments and flags given an odd value
  (0, -1, 2**31 - 1, 10**12, NaN...); for the ``.npz``
  files, members whose ``.npy`` header declares other shapes and dtypes
  (object arrays included), or that hold other arrays altogether;
* for the text formats, the valid file in other encodings (Latin-1,
  UTF-16, UTF-32...) and with invalid UTF-8 spliced in;

and, exhaustively, every truncation of each valid file. Each load must
succeed or raise a ``WordvecError`` whose message names the file; within
``TIME_LIMIT`` seconds (a hang fails the test instead of stalling CI); and
allocating no more than the file's bytes can justify (``tracemalloc`` sees
NumPy's allocations, made or only asked for).

CI runs ``EXAMPLES`` examples per loader (derandomized: the same ones each
run; about 35 s in all). A longer hunt, with new random examples each time,
here and in the cache's fuzz test (``tests/test_cache_safety.py``):
``WORDVEC_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz_loaders.py
tests/test_cache_safety.py --hypothesis-show-statistics`` (about 4 minutes on
2 cores). No example database is kept: a failure prints its file in full.
"""
import gzip
import io
import os
import re
import signal
import struct
import time
import tracemalloc
import zipfile
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wordvec.cooccur.matrix import Cooccurrence
from wordvec.errors import CooccurrenceError, WordvecError
from wordvec.text.vocab import Vocabulary
from wordvec.train.checkpoint import load_checkpoint, save_checkpoint
from wordvec.vectors.keyedvectors import KeyedVectors
from wordvec.vectors.subword_vectors import SubwordVectors

EXAMPLES = int(os.environ.get("WORDVEC_FUZZ_EXAMPLES", "500"))
# CI sees the same examples each run; a long run (the variable set) explores new ones,
# and hypothesis prints any failing file in full, so it can be reproduced.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                derandomize="WORDVEC_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TIME_LIMIT = 10            # seconds per load: generous (shared CI machines); a hang is forever
MEMORY_SLACK = 4 << 20     # bytes any load may use (Python objects; binary reads 1 MiB at a time)
MEMORY_PER_BYTE = 1000     # and per byte of (decompressed) file: words as str, dict entries


# ----------------------------------------------------------- the valid seeds

def _saved(save, name):
    """The bytes ``save(path)`` writes to a file called ``name``."""
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        save(path)
        return path.read_bytes()


def _seed_vectors():
    vectors = np.array([[0.5, -1.25, 3.0], [2.0, 0.1, -0.0], [1e-3, 7.0, 8.5],
                        [-2.5, 4.0, 1.0]], np.float32)
    return KeyedVectors(vectors, ["the", "köln", "日本語", "a"], counts=[9, 5, 3, 1],
                        metadata={"algorithm": "skipgram", "dim": 3})


def _seed_subwords():
    """A subword model small enough that every truncation is tried (and built now, so that
    its kernels are compiled before any load is traced)."""
    words = ["the", "köln", "日本語", "</s>"]
    rows = np.arange((len(words) + 10) * 3, dtype=np.float32).reshape(-1, 3) / 7
    return SubwordVectors(rows, words, minn=2, maxn=4, bucket=10, counts=[9, 5, 3, 1],
                          metadata={"algorithm": "fasttext", "params": {"window": 2}},
                          output_matrix=-rows[:len(words)])


KV = _seed_vectors()
SUBWORDS = _seed_subwords()
MATRIX = Cooccurrence(np.array([0, 0, 1], np.int32), np.array([0, 2, 2], np.int32),
                      np.array([1.0, 3.0, 0.5], np.float32), vocab_size=3, symmetric=True,
                      window=2, distance_weighting=True, vocab_hash="")


def _load_cooccurrence(path):
    """Load, then ``check()`` as the command line and the cache do.

    ``check()`` knows the arrays, not the file: its caller names the file.
    """
    matrix = Cooccurrence.load(path)
    try:
        matrix.check()
    except CooccurrenceError as error:
        raise CooccurrenceError(f"{path}: {error}") from None


class _StoppedRun:
    """What ``save_checkpoint`` reads of a model: a GloVe run stopped after epoch 1."""

    algorithm, epochs_trained_, loss_history_ = "glove", 1, [0.25]
    vocab_ = Vocabulary(["the", "köln", "a"], [9, 5, 1])

    def get_params(self):
        return {"dim": 2, "epochs": 3, "seed": 1}

    def _training_state(self):
        return {"W": np.arange(6, dtype=np.float32).reshape(3, 2),
                "G_W": np.full((3, 2), 0.5, np.float32), "b": np.zeros(3, np.float32)}


# name: (file name, load function, valid file, its text encoding or None if binary)
LOADERS = {
    "word2vec-text": ("v.txt", KeyedVectors.load, _saved(KV.save, "v.txt"), "utf-8"),
    "word2vec-text-gz": ("v.txt.gz", KeyedVectors.load, _saved(KV.save, "v.txt"), "utf-8"),
    "word2vec-binary": ("v.bin", KeyedVectors.load, _saved(KV.save, "v.bin"), None),
    "word2vec-binary-gz": ("v.bin.gz", KeyedVectors.load, _saved(KV.save, "v.bin"), None),
    "glove": ("g.txt", KeyedVectors.load_glove,
              _saved(lambda p: KV.save(p, format="glove"), "g.txt"), "utf-8"),
    "npz": ("v.npz", KeyedVectors.load, _saved(KV.save, "v.npz"), None),
    "npz-subword": ("s.npz", KeyedVectors.load, _saved(SUBWORDS.save, "s.npz"), None),
    "fasttext-binary": ("f.bin", KeyedVectors.load, _saved(SUBWORDS.save, "f.bin"), None),
    "fasttext-binary-gz": ("f.bin.gz", KeyedVectors.load, _saved(SUBWORDS.save, "f.bin"), None),
    "vocabulary": ("vocab.txt", Vocabulary.load,
                   _saved(Vocabulary(["the", "köln", "日本語", "a"], [9, 5, 3, 1]).save,
                          "vocab.txt"), "utf-8"),
    "cooccurrence": ("m.npz", _load_cooccurrence, _saved(MATRIX.save, "m.npz"), None),
    "checkpoint": ("c.npz", load_checkpoint,
                   _saved(lambda p: save_checkpoint(_StoppedRun(), p), "c.npz"), None),
}
GZIPPED = {"word2vec-text-gz", "word2vec-binary-gz", "fasttext-binary-gz"}  # gzipped when written
HEADED = {"word2vec-text", "word2vec-text-gz", "word2vec-binary", "word2vec-binary-gz"}
ARCHIVES = {"npz", "npz-subword", "cooccurrence", "checkpoint"}
FASTTEXT = {"fasttext-binary", "fasttext-binary-gz"}


# ------------------------------------------------------------- the property

@contextmanager
def time_limit(seconds):
    """Raise TimeoutError if the block runs longer than ``seconds`` (a hang)."""
    def expire(signum, frame):
        raise TimeoutError(f"the load took more than {seconds} s: a hang?")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def load_or_refuse(folder, loader, payload):
    """Write ``payload`` as ``loader``'s file and load it: success, or a WordvecError."""
    name, load, _, _ = LOADERS[loader]
    path = Path(folder) / name
    path.write_bytes(gzip.compress(payload, mtime=0) if loader in GZIPPED else payload)
    tracemalloc.start()
    try:
        with time_limit(TIME_LIMIT):
            load(path)
    except WordvecError as error:
        message = str(error)
        assert message.strip() and str(path) in message, f"unhelpful message: {message!r}"
        assert "\n" not in message, f"the command line prints errors on one line: {message!r}"
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    limit = MEMORY_SLACK + MEMORY_PER_BYTE * len(payload)
    assert peak <= limit, f"{loader}: {peak:,} bytes allocated for a {len(payload):,}-byte file"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


# ---------------------------------------------------------------- strategies

ODD_NUMBERS = [b"0", b"-1", b"-300", b"1000000000000", b"99999999999999999999999", b"1e39",
               b"nan", b"inf", b"-inf", b"1.5", b"0x10", b"1_0", b"\xd9\xa3", b"\xc2\xb2",
               b"", b" ", b"\x00", b"\xff", b"9" * 5000]
BAD_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\x80",
            b"\xe6\x97"]
ENCODINGS = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig",
             "shift_jis", "utf-7"]


@st.composite
def mutated(draw, seed):
    """``seed`` with one to five random edits."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "number", "cut"]))
        if kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 16))]
        elif kind == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 40))]
        elif kind == "number":
            data[at:at + draw(st.integers(0, 3))] = draw(st.sampled_from(ODD_NUMBERS))
        elif kind == "cut":
            del data[at:]
    return bytes(data)


NUMBER = st.one_of(st.sampled_from(ODD_NUMBERS), st.integers(-10, 10**13).map(
    lambda n: str(n).encode()), st.binary(max_size=6))


@st.composite
def with_header(draw, seed):
    """``seed`` (a word2vec file) under a made-up ``V dim`` header, its body perhaps cut."""
    body = seed[seed.index(b"\n") + 1:]
    body = body[:draw(st.integers(0, len(body)))] if draw(st.booleans()) else body
    header = (draw(NUMBER) + draw(st.sampled_from([b" ", b"  ", b"\t", b""])) + draw(NUMBER)
              + draw(st.sampled_from([b"\n", b"\r\n", b" \n", b""])))
    return header + body


@st.composite
def reencoded(draw, seed):
    """The text of ``seed`` in another encoding, or with invalid UTF-8 spliced in."""
    text = seed.decode("utf-8")
    if draw(st.booleans()):
        return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.sampled_from(BAD_UTF8))
    return bytes(data)


def _fasttext_fields(words, rows):
    """Where each size, argument and flag of a fastText .bin is: ``[(offset, layout)]``."""
    fields = [(8 + 4 * i, "<i") for i in range(12)] + [(56, "<d"), (64, "<i"), (68, "<i"),
                                                       (72, "<i"), (76, "<q"), (84, "<q")]
    quant = 92 + sum(len(w.encode()) + 10 for w in words)
    qout = quant + 17 + 4 * rows * 3
    fields += [(quant, "<b"), (quant + 1, "<q"), (quant + 9, "<q"), (qout, "<b"),
               (qout + 1, "<q"), (qout + 9, "<q")]
    return fields


FASTTEXT_FIELDS = _fasttext_fields(SUBWORDS.index_to_key, len(SUBWORDS.input_matrix))
ODD_VALUES = {"<b": [1, -1, 2], "<i": [0, 1, -1, 3, 11, 13, 100, 2**31 - 1, -2**31],
              "<q": [0, 1, -1, 5, 10**12, 2**62, -2**63, 2**63 - 1],
              "<d": [float("nan"), float("inf"), -1.0, 0.0, 1e308]}


@st.composite
def fasttext_field(draw, seed):
    """``seed`` (a fastText .bin) with one field given an odd value, its end perhaps cut."""
    data = bytearray(seed)
    offset, layout = draw(st.sampled_from(FASTTEXT_FIELDS))
    struct.pack_into(layout, data, offset, draw(st.sampled_from(ODD_VALUES[layout])))
    return bytes(data[:draw(st.integers(0, len(data)))] if draw(st.booleans()) else data)


def _npy(header_text, data):
    """A .npy member: magic, version 1.0, the header (padded), the data."""
    header = header_text.encode("latin-1") if isinstance(header_text, str) else header_text
    header += b" " * (-(len(header) + 11) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + data


def _members(archive_bytes):
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _archive(members, compression=zipfile.ZIP_STORED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


DESCRS = ["<f4", "<f8", ">f4", "<f2", "|u1", "<i4", "<i8", "<u8", "|b1", "|O", "<U5", "<U0",
          "|V0", "|S3", "<c8", "<M8[s]", "<U1000000000", [("a", "<f4")], [("a", "|O")],
          [("a", "<f4", (1000000000,))], "bogus", 5]
DIMENSION = st.sampled_from([0, 1, 2, 3, 4, 16, -1, -300, 10**12, 2**62, 2**64])
ARRAYS = [np.array(5), np.array(-1), np.array(2**63, np.uint64), np.array(True), np.array("x"),
          np.array(1e300), np.array([1, 2]), np.zeros((2, 2), np.int32), np.zeros(0, np.float32),
          np.array([1 + 2j]), np.array([b"ab"]), np.zeros((3, 0)), np.array([np.nan, np.inf]),
          np.arange(3, dtype=np.int32), np.array([[1.0, 2.0, 3.0]] * 4, np.float64),
          np.frombuffer(b"a\nb\nc\nd", np.uint8), np.array('{"a": [[[[1]]]]}'),
          np.array("[" * 100000), np.array("1" * 5000)]


@st.composite
def archive_variant(draw, seed):
    """An ``.npz`` made from ``seed``'s: one member's header or array replaced, members
    dropped or added, compressed, or the whole turned into one ``.npy``."""
    members = _members(seed)
    name = draw(st.sampled_from(sorted(members)))
    kind = draw(st.sampled_from(["header", "raw-header", "array", "drop", "extra", "single",
                                 "deflate", "cut-member"]))
    data = members[name][members[name].index(b"\n") + 1:]  # the member's data, header dropped
    if kind == "header":
        shape = tuple(draw(st.lists(DIMENSION, max_size=3)))
        descr = draw(st.sampled_from(DESCRS))
        order = draw(st.booleans())
        members[name] = _npy(repr({"descr": descr, "fortran_order": order, "shape": shape}),
                             data[:draw(st.integers(0, len(data)))] if draw(st.booleans())
                             else data)
    elif kind == "raw-header":
        members[name] = _npy(draw(st.binary(max_size=80)), data)
    elif kind == "array":
        out = io.BytesIO()
        np.save(out, draw(st.sampled_from(ARRAYS)), allow_pickle=False)
        members[name] = out.getvalue()
    elif kind == "drop":
        del members[name]
    elif kind == "extra":
        members[draw(st.sampled_from(["x.npy", "notes.txt", name + ".bak"]))] = members[name]
    elif kind == "single":
        return members[name]
    elif kind == "cut-member":
        members[name] = members[name][:draw(st.integers(0, len(members[name])))]
    return _archive(members, zipfile.ZIP_DEFLATED if kind == "deflate" else zipfile.ZIP_STORED)


def strategy(loader):
    """Everything ``loader`` is fed."""
    _, _, seed, encoding = LOADERS[loader]
    choices = [st.binary(max_size=400), mutated(seed)]
    if loader in HEADED:
        choices.append(with_header(seed))
    if encoding:
        choices.append(reencoded(seed))
    if loader in ARCHIVES:
        choices += [archive_variant(seed), archive_variant(seed).flatmap(mutated)]
    if loader in FASTTEXT:
        choices += [fasttext_field(seed), fasttext_field(seed).flatmap(mutated)]
    return st.one_of(choices)


# --------------------------------------------------------------------- tests

@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_seed_files_load(folder, loader):
    load_or_refuse(folder, loader, LOADERS[loader][2])


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_every_truncation(folder, loader):
    seed = LOADERS[loader][2]
    for length in range(len(seed) + 1):
        load_or_refuse(folder, loader, seed[:length])


@pytest.mark.parametrize("loader", sorted(LOADERS))
@FUZZ
@given(data=st.data())
def test_fuzz(folder, loader, data):
    load_or_refuse(folder, loader, data.draw(strategy(loader), label="file"))


# ---------------------------------------- headers claiming more than the file

def _refused_at_once(path, load, *patterns):
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(WordvecError) as info:
            load(path)
    finally:
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    message = str(info.value)
    assert seconds < 1 and peak < 1 << 20, (seconds, peak)
    assert str(path) in message
    for pattern in patterns:
        assert pattern in message, message
    return message


@pytest.mark.parametrize("name", ["v.txt", "v.bin", "v.txt.gz", "v.bin.gz"])
def test_header_claiming_1e12_rows_is_refused_at_once(tmp_path, name):
    payload = b"1000000000000 300\nthe 1 2 3\n"
    path = tmp_path / name
    path.write_bytes(gzip.compress(payload) if name.endswith(".gz") else payload)
    message = _refused_at_once(path, KeyedVectors.load, "1,000,000,000,000 words of 300",
                               "the file is truncated, or its header is wrong")
    if name.endswith(".gz"):
        assert "once decompressed" in message


def test_npz_member_claiming_1e12_rows_is_refused_at_once(tmp_path):
    members = _members(LOADERS["npz"][2])
    members["vectors.npy"] = _npy(repr({"descr": "<f4", "fortran_order": False,
                                        "shape": (10**12, 300)}), b"\0" * 48)
    path = tmp_path / "v.npz"
    path.write_bytes(_archive(members))
    _refused_at_once(path, KeyedVectors.load, "field 'vectors'", "(1000000000000, 300)",
                     "1,200,000,000,000,000 bytes", "holds 48 bytes")


@pytest.mark.parametrize("name", ["f.bin", "f.bin.gz"])
@pytest.mark.parametrize("offset,value,expected", [
    (40, 2**31 - 1, "the two matrices take at least 25,769,803,894 bytes"),   # bucket
    (64, 10**9, "the dictionary's 1,000,000,000 words take at least"),       # size, nwords
])
def test_fasttext_sizes_beyond_the_file_are_refused_at_once(tmp_path, name, offset, value,
                                                             expected):
    data = bytearray(LOADERS["fasttext-binary"][2])
    struct.pack_into("<i", data, offset, value)
    if offset == 64:
        struct.pack_into("<i", data, 68, value)
    path = tmp_path / name
    path.write_bytes(gzip.compress(bytes(data)) if name.endswith(".gz") else bytes(data))
    message = _refused_at_once(path, KeyedVectors.load, expected, "byte offset",
                               "the file is truncated, or its sizes are wrong")
    if name.endswith(".gz"):
        assert "once decompressed" in message


def test_cooccurrence_member_claiming_1e12_entries_is_refused_at_once(tmp_path):
    members = _members(LOADERS["cooccurrence"][2])
    members["rows.npy"] = _npy(repr({"descr": "<i4", "fortran_order": False,
                                     "shape": (10**12,)}), b"\0" * 12)
    path = tmp_path / "m.npz"
    path.write_bytes(_archive(members))
    _refused_at_once(path, Cooccurrence.load, "field 'rows'", "4,000,000,000,000 bytes")


def test_npz_object_arrays_are_refused_before_reading(tmp_path):
    members = _members(LOADERS["npz"][2])
    members["words.npy"] = _npy(repr({"descr": "|O", "fortran_order": False, "shape": (4,)}),
                                b"\x80\x04junk that pickle would run")
    path = tmp_path / "v.npz"
    path.write_bytes(_archive(members))
    _refused_at_once(path, KeyedVectors.load, "field 'words'", "pickle")


@pytest.mark.parametrize("header,expected", [
    (b"4 -3\n", "need V >= 0 and dim >= 1"), (b"4 0\n", "need V >= 0 and dim >= 1"),
    (b"-4 3\n", "need V >= 0 and dim >= 1"), (b"four 3\n", "two integers"),
    (b"4 3" + b" " * 200, "no line break"),
])
def test_bad_headers_say_what_is_wrong(tmp_path, header, expected):
    for name in ("v.txt", "v.bin"):
        path = tmp_path / name
        path.write_bytes(header + b"the 1 2 3\n")
        _refused_at_once(path, KeyedVectors.load, "line 1", expected)


# ------------------------------------ what the fuzzer found (each crashed before)

def _npz_with(loader, member, data):
    members = _members(LOADERS[loader][2])
    members[member] = data
    return _archive(members)


def _saved_array(array):
    out = io.BytesIO()
    np.save(out, array, allow_pickle=False)
    return out.getvalue()


def _flip_in_data(archive, member):
    data = bytearray(archive)
    data[data.index(b"\x93NUMPY", data.index(member.encode())) + 130] ^= 1
    return bytes(data)


FOUND = [  # (loader, file, what the message says), and what was raised before
    ("vocabulary", b"a \xc2\xb2\n", "line 1: expected 'word count'"),          # ValueError
    ("vocabulary", b"a 1\n\xffb 2\n", "line 2: not valid UTF-8"),              # UnicodeDecodeError
    ("vocabulary", b"a " + b"9" * 5000 + b"\n", "larger than 9,223,"),         # ValueError
    ("vocabulary", b"a 99999999999999999999\n", "larger than 9,223,"),         # OverflowError
    ("word2vec-text-gz", gzip.compress(LOADERS["word2vec-text-gz"][2])[:-12],
     "cannot be read (Compressed file ended"),                                   # EOFError
    ("npz", _npz_with("npz", "vectors.npy", _npy("(", b"")), "'vectors' is damaged"),  # TokenError
    ("npz", _npz_with("npz", "vectors.npy", _npy("{'descr': '<f4'\x00}", b"")),
     "'vectors' is damaged"),                                                    # SyntaxError
    ("cooccurrence", LOADERS["cooccurrence"][2][:300], "not a readable .npz"),  # BadZipFile
    ("cooccurrence", _flip_in_data(LOADERS["cooccurrence"][2], "values.npy"),
     "'values' is damaged (Bad CRC-32"),                                         # BadZipFile
    ("cooccurrence", _npz_with("cooccurrence", "format_version.npy",
                               _saved_array(np.array([1, 2]))), "format_version must be"),
    ("cooccurrence", _npz_with("cooccurrence", "values.npy", _saved_array(np.float32(1))),
     "values is float32 ()"),                                                    # IndexError
]


@pytest.mark.parametrize("loader,payload,expected", FOUND,
                         ids=[f"{loader}-{i}" for i, (loader, _, _) in enumerate(FOUND)])
def test_what_the_fuzzer_found(tmp_path, loader, payload, expected):
    """The file as it is on disk (a .gz payload is already compressed)."""
    name, load, _, _ = LOADERS[loader]
    path = tmp_path / name
    path.write_bytes(payload)
    with pytest.raises(WordvecError, match=re.escape(expected)) as info:
        load(path)
    assert str(path) in str(info.value)
