"""Facebook fastText's model file (``.bin``): a whole subword model, read and written.

Layout
------
As fastText 0.9 writes it (``FastText::saveModel``, with ``Args::save``,
``Dictionary::save`` and ``DenseMatrix::save``); little-endian, no padding::

    magic          int32    793712314
    version        int32    12 (fastText 0.9); 11, from older releases, is read the same way
    args           int32    dim ws epoch minCount neg wordNgrams loss model bucket minn maxn
                            lrUpdateRate;  float64 t (the sampling threshold)
    dictionary     int32    size, nwords, nlabels;  int64 ntokens, pruneidx_size (-1 or 0)
                   size x   the word's UTF-8 bytes, b"\\0", int64 count, int8 type (0 word)
    quant_input    bool     0 (a quantized model, .ftz, has 1)
    input matrix   int64    m = nwords + bucket, n = dim; m x n float32: the words' rows,
                            then the n-gram buckets' (``wordvec.text.subwords``)
    qout           bool     0
    output matrix  int64    m = nwords, n = dim; m x n float32

``loss`` is 1 hs, 2 ns, 3 softmax, 4 one-vs-all; ``model`` is 1 cbow, 2 sg,
3 supervised. Supervised and quantized models are refused: they classify
text, and their rows are not word vectors. The dictionary may hold the
tool's end-of-line word ``</s>``; it stays a word, with no n-grams.

Reading
-------
``read_fasttext_bin`` returns the arguments of ``SubwordVectors``. It is
held to the rules of the other loaders: every size the file declares is
checked against the bytes left in it before anything is allocated
(:mod:`wordvec.util.size_limits`), the input matrix is read straight into
one float32 array, NaN and infinity are refused naming the word or n-gram
row (:mod:`wordvec.vectors.nonfinite`), and every error is a
``VectorFileError`` naming the path, the byte offset and what was expected.
Words must be UTF-8: a word's n-grams are hashed from its bytes, so a word
decoded with replacements would get other rows.

Writing
-------
``write_fasttext_bin`` takes a ``SubwordVectors``: its metadata's ``params``
fill the args (fastText's defaults where a key is missing); ``model`` is sg
unless the algorithm is "fasttext-cbow"; a missing output matrix is
written as zeros (the vectors load, but training cannot resume from it).

>>> import tempfile
>>> from pathlib import Path
>>> from wordvec.vectors.subword_vectors import SubwordVectors
>>> rng = np.random.default_rng(0)
>>> wv = SubwordVectors(rng.normal(size=(2 + 10, 4)), ["café", "</s>"], minn=3, maxn=5,
...                     bucket=10, counts=[3, 2], metadata={"params": {"window": 2}})
>>> path = Path(tempfile.mkdtemp()) / "model.bin"
>>> write_fasttext_bin(wv, path)
>>> path.read_bytes()[:8].hex(" ")     # the magic and version 12, as int32
'ba 16 4f 2f 0c 00 00 00'
>>> parts = read_fasttext_bin(path)
>>> parts["index_to_key"], parts["bucket"], parts["metadata"]["params"]["window"]
(['café', '</s>'], 10, 2)
>>> bool(np.array_equal(parts["input_matrix"], wv.input_matrix))
True
"""
import gzip
import struct
from pathlib import Path

import numpy as np

from ..errors import VectorFileError
from ..util.atomic import atomic_write
from ..util.size_limits import most_bytes, size_note
from .nonfinite import first_nonfinite, load_hint, row_name, value_text
from .text_format import open_vector_file

MAGIC = 793712314
VERSION = 12
READ_VERSIONS = (11, 12)
MODELS = {1: "cbow", 2: "sg", 3: "supervised"}
LOSSES = {1: "hs", 2: "ns", 3: "softmax", 4: "one-vs-all"}
ARGS = struct.Struct("<12id")         # the args, in the order of the layout above
DICT_HEADER = struct.Struct("<3i2q")   # size nwords nlabels ntokens pruneidx_size
ENTRY_TAIL = struct.Struct("<qb")      # a word's count and type
MATRIX_HEADER = struct.Struct("<2q")   # rows, columns
MAX_NGRAM = 100          # characters; a larger maxn is a damaged file (real models use <= 10)
_READ_BYTES = 1 << 16    # read at a time, for the dictionary (the matrices go straight in)
_WRITE_BYTES = 1 << 20   # rows written at a time
_MAX_WORD_BYTES = 1 << 16
_LEAST_ENTRY = 11        # a one-byte word, its b"\0", count int64, type int8


def has_fasttext_magic(path):
    """True if ``path`` (perhaps ``.gz``) starts with fastText's magic number."""
    try:
        with open_vector_file(path) as f:
            return f.read(4) == struct.pack("<i", MAGIC)
    except (OSError, EOFError, VectorFileError):
        return False  # the reader it goes to instead says what is wrong


# ----------------------------------------------------------------- writing

def _args(kv, path):
    """The 12 int32 and one float64 of ``Args::save``, from ``kv.metadata``."""
    given = kv.metadata.get("params") or {}
    params = {key: value for key, value in given.items() if value is not None}
    if params.get("loss") in LOSSES.values():
        loss = {name: code for code, name in LOSSES.items()}[params["loss"]]
    else:
        loss = 1 if params.get("hs") and not params.get("negative") else 2
    model = 1 if kv.metadata.get("algorithm") == "fasttext-cbow" else 2
    ints = [kv.vector_size, params.get("window", 5), params.get("epochs", 5),
            params.get("min_count", 1), params.get("negative", 5), params.get("word_ngrams", 1),
            loss, model, kv.bucket, kv.minn, kv.maxn, params.get("lr_update_rate", 100)]
    for value in ints:
        if not isinstance(value, (int, np.integer)) or not -2**31 <= value < 2**31:
            raise VectorFileError(f"{path}: {value!r} in the model's settings is no int32, "
                                  "which the fastText .bin stores; fix metadata['params']")
    sample = params.get("sample", 1e-4)
    if not isinstance(sample, (int, float, np.number)) or not np.isfinite(sample):
        raise VectorFileError(f"{path}: sample {sample!r} in the model's settings is no "
                              "number, which the fastText .bin stores as t; fix "
                              "metadata['params']")
    return ARGS.pack(*(int(v) for v in ints), float(sample))


def _dictionary(kv, path):
    """``Dictionary::save``: sizes, then each word with its count and type 0 (a word)."""
    counts = kv.counts if kv.counts is not None else np.ones(len(kv), np.int64)
    ntokens = kv.metadata.get("corpus_words")
    if not isinstance(ntokens, (int, np.integer)) or ntokens < 0:
        ntokens = int(np.sum(counts))
    parts = [struct.pack("<3i2q", len(kv), len(kv), 0, int(ntokens), -1)]
    for i, (word, count) in enumerate(zip(kv.index_to_key, counts.tolist())):
        data = word.encode("utf-8")
        if not data or b"\0" in data:
            raise VectorFileError(f"{path}: word #{i} {word!r} is empty or holds a NUL byte, "
                                  "which ends a word in the fastText .bin; save as .npz")
        parts.append(data + b"\0" + ENTRY_TAIL.pack(count, 0))
    return b"".join(parts)


def _write_matrix(out, matrix):
    """``DenseMatrix::save`` in blocks of rows: a view (the trainer's rows) is not copied whole."""
    out.write(MATRIX_HEADER.pack(*matrix.shape))
    rows = max(1, _WRITE_BYTES // (4 * max(1, matrix.shape[1])))
    for start in range(0, matrix.shape[0], rows):
        out.write(memoryview(np.ascontiguousarray(matrix[start:start + rows], dtype="<f4")))


def write_fasttext_bin(kv, path):
    """Write a ``SubwordVectors`` (anything with its attributes) as a fastText 0.9 ``.bin``."""
    path = Path(path)
    output = kv.output_matrix
    if output is None:
        output = np.zeros((len(kv), kv.vector_size), np.float32)
    elif np.shape(output) != (len(kv), kv.vector_size):
        raise VectorFileError(f"{path}: output_matrix has shape {np.shape(output)}, expected "
                              f"({len(kv)} words, {kv.vector_size})")
    head = struct.pack("<2i", MAGIC, VERSION) + _args(kv, path) + _dictionary(kv, path)
    with atomic_write(path, "wb") as raw:
        out = gzip.GzipFile(fileobj=raw, mode="wb") if path.suffix.lower() == ".gz" else raw
        out.write(head + b"\0")          # quant_input: false
        _write_matrix(out, kv.input_matrix)
        out.write(b"\0")                 # qout: false
        _write_matrix(out, output)
        if out is not raw:
            out.close()


# ----------------------------------------------------------------- reading

class _Source:
    """The file read front to back: what was consumed, and what the file can still give."""

    def __init__(self, path, f):
        self.path, self.f = path, f
        self.buf, self.pos, self.offset = b"", 0, 0   # buf[pos] is at byte `offset`
        self.most = most_bytes(path)

    def error(self, message, at=None):
        return VectorFileError(f"{self.path}: byte offset {self.offset if at is None else at}: "
                               f"{message}")

    def _more(self, what):
        more = self.f.read(_READ_BYTES)
        if not more:
            raise self.error(f"truncated file: it ends here, where {what} was expected "
                             f"({size_note(self.path)})")
        self.buf = self.buf[self.pos:] + more
        self.pos = 0

    def take(self, n, what):
        while len(self.buf) - self.pos < n:
            self._more(what)
        data = self.buf[self.pos:self.pos + n]
        self.pos += n
        self.offset += n
        return data

    def unpack(self, layout, what):
        return layout.unpack(self.take(layout.size, what))

    def word(self, what):
        """The bytes up to the next b"\\0", which is consumed."""
        while (end := self.buf.find(b"\0", self.pos, self.pos + _MAX_WORD_BYTES + 1)) < 0:
            if len(self.buf) - self.pos > _MAX_WORD_BYTES:
                raise self.error(f"{what}: no NUL byte within {_MAX_WORD_BYTES} bytes, where a "
                                 "word should end: the file is damaged")
            self._more(what)
        return self.take(end - self.pos + 1, what)[:-1]

    def need(self, nbytes, what):
        """Refuse ``what`` (``nbytes`` still to read) if the file cannot hold it."""
        left = None if self.most is None else self.most - self.offset
        if left is not None and nbytes > left:
            raise self.error(f"{what} take at least {nbytes:,} bytes, but {size_note(self.path)}"
                             f", {max(left, 0):,} of them left here: the file is truncated, or "
                             "its sizes are wrong")

    def fill(self, array, what):
        """Read ``array``'s bytes into it: what is buffered, then straight from the file."""
        if not array.nbytes:
            return  # (memoryview cannot cast an empty 2-D array)
        view = memoryview(array).cast("B")
        got = min(len(self.buf) - self.pos, len(view))
        view[:got] = self.buf[self.pos:self.pos + got]
        self.pos += got
        while got < len(view):
            n = self.f.readinto(view[got:])
            if not n:
                raise self.error(f"truncated file: {what} ends after {got:,} of its "
                                 f"{len(view):,} bytes", at=self.offset + got)
            got += n
        self.offset += len(view)


def _read_args(src):
    magic, version = src.unpack(struct.Struct("<2i"), "the magic number and version (int32)")
    if magic != MAGIC:
        raise src.error(f"not a fastText model: it starts with {magic}, fastText's files with "
                        f"{MAGIC} (those of 2016, before the magic number, are not read); "
                        "load a word2vec .bin with format='word2vec-binary'", at=0)
    if version not in READ_VERSIONS:
        advice = ("newer than fastText 0.9's; a newer wordvec may read it" if version > VERSION
                  else "save the model again with fastText 0.9")
        raise src.error(f"fastText file format version {version}; this reads versions 11 and 12 "
                        f"(fastText 0.9 writes 12): {advice}", at=4)
    at = src.offset
    (dim, ws, epoch, min_count, neg, word_ngrams, loss, model, bucket, minn, maxn, lr_rate,
     t) = src.unpack(ARGS, "the training arguments (12 int32 and a float64)")
    if model == 3 or loss == 4:
        raise src.error("a supervised model (a text classifier): its rows are not word "
                        "vectors; wordvec reads fastText's skipgram and cbow models", at=at)
    problems = [f"model {model} (expected 1 cbow or 2 sg)" if model not in MODELS else "",
                f"loss {loss} (expected 1 to 3)" if loss not in LOSSES else "",
                f"dim {dim} (expected >= 1)" if dim < 1 else "",
                f"bucket {bucket} (expected >= 0)" if bucket < 0 else "",
                f"minn {minn}, maxn {maxn} (expected 0 <= minn <= maxn <= {MAX_NGRAM}, or "
                "maxn 0)" if not (0 <= minn <= maxn <= MAX_NGRAM or (maxn == 0 <= minn)) else "",
                "maxn > 0 with no n-gram bucket" if maxn > 0 and bucket == 0 else "",
                f"sampling threshold t {t}" if not np.isfinite(t) or t < 0 else ""]
    problems = [p for p in problems if p]
    if problems:
        raise src.error(f"impossible training arguments: {'; '.join(problems)}", at=at)
    params = {"dim": dim, "window": ws, "epochs": epoch, "min_count": min_count,
              "negative": neg, "hs": loss == 1, "loss": LOSSES[loss], "sample": t,
              "minn": minn, "maxn": maxn, "bucket": bucket, "word_ngrams": word_ngrams,
              "lr_update_rate": lr_rate}
    return version, model, params


def _read_dictionary(src):
    at = src.offset
    size, nwords, nlabels, ntokens, pruneidx_size = src.unpack(
        DICT_HEADER, "the dictionary's sizes (3 int32, 2 int64)")
    if nlabels > 0:
        raise src.error(f"the dictionary holds {nlabels} labels: a supervised model (a text "
                        "classifier); wordvec reads fastText's skipgram and cbow models", at=at)
    if size != nwords or nwords < 0 or nlabels < 0 or ntokens < 0:
        raise src.error(f"the dictionary declares size {size}, nwords {nwords}, nlabels "
                        f"{nlabels}, ntokens {ntokens}: expected size = nwords >= 0, no labels",
                        at=at)
    if pruneidx_size not in (-1, 0):
        raise src.error(f"pruneidx_size {pruneidx_size}: a pruned dictionary, which only "
                        "quantized models have (expected -1 or 0); use the unquantized .bin",
                        at=at + 20)
    src.need(nwords * _LEAST_ENTRY, f"the dictionary's {nwords:,} words")
    words, counts, seen = [], np.empty(nwords, np.int64), {}
    for i in range(nwords):
        at = src.offset
        raw = src.word(f"word #{i + 1} of {nwords}")
        count, kind = src.unpack(ENTRY_TAIL, f"the count and type of word #{i + 1}")
        try:
            word = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise src.error(f"word #{i + 1} is not UTF-8 ({exc.reason}): {raw[:60]!r}; its "
                            "n-grams are hashed from its bytes, so it cannot be decoded with "
                            "replacements", at=at + exc.start) from None
        problem = ("is empty" if not word else
                   f"is a label (type {kind}): a supervised model" if kind == 1 else
                   f"has type {kind}, expected 0 (a word)" if kind != 0 else
                   f"has the negative count {count}" if count < 0 else
                   f"is a duplicate (first at byte offset {seen[word]})" if word in seen else "")
        if problem:
            raise src.error(f"word #{i + 1} {word!r} {problem}", at=at)
        seen[word] = at
        words.append(word)
        counts[i] = count
    return words, counts, ntokens


def _read_matrix(src, flag, shape, name, allow_nonfinite, words):
    """A quant flag (must be 0), then a ``DenseMatrix`` of ``shape``, into one float32 array."""
    at = src.offset
    if src.take(1, f"the {flag} flag (1 byte)") != b"\0":
        raise src.error(f"the {flag} flag is set: a quantized model (.ftz), whose rows are "
                        "compressed codes; load the .bin it was quantized from", at=at)
    at = src.offset
    rows, dim = src.unpack(MATRIX_HEADER, f"the {name} matrix's shape (2 int64)")
    if (rows, dim) != shape:
        raise src.error(f"the {name} matrix is declared {rows} x {dim}, expected {shape[0]} x "
                        f"{shape[1]} (the words and buckets x dim the arguments declare)", at=at)
    src.need(rows * dim * 4, f"the {name} matrix's {rows:,} x {dim:,} float32")
    try:
        matrix = np.empty(shape, dtype="<f4")
    except (MemoryError, ValueError):
        raise src.error(f"the {name} matrix, {rows:,} x {dim:,} float32, does not fit in "
                        "memory", at=at) from None
    start = src.offset
    src.fill(matrix, f"the {name} matrix")
    found = None if allow_nonfinite else first_nonfinite(matrix)
    if found is not None:
        row, col = found
        raise src.error(f"{name} matrix row {row} ({row_name(words, row)}): its "
                        f"{value_text(matrix, row, col)}; {load_hint()}",
                        at=start + 4 * (row * dim + col))
    return matrix


def read_fasttext_bin(path, allow_nonfinite=False):
    """Read a fastText ``.bin`` (``.gz`` allowed): ``SubwordVectors``' arguments, as a dict.

    Keys: ``input_matrix``, ``index_to_key``, ``minn``, ``maxn``, ``bucket``,
    ``counts``, ``metadata`` (the arguments as ``params``, ``corpus_words``
    from ntokens) and ``output_matrix``.
    """
    with open_vector_file(path) as f:
        src = _Source(path, f)
        version, model, params = _read_args(src)
        words, counts, ntokens = _read_dictionary(src)
        dim, nwords = params["dim"], len(words)
        src.need(2 + 32 + 4 * dim * (2 * nwords + params["bucket"]), "the two matrices")
        input_matrix = _read_matrix(src, "quant_input", (nwords + params["bucket"], dim),
                                    "input", allow_nonfinite, words)
        output_matrix = _read_matrix(src, "qout", (nwords, dim), "output", allow_nonfinite,
                                     words)
        if src.pos < len(src.buf) or f.read(1):
            raise src.error("more data follows the output matrix, where the file should end")
    metadata = {"algorithm": "fasttext" if model == 2 else "fasttext-cbow", "params": params,
                "corpus_words": ntokens, "fasttext_version": version}
    return {"input_matrix": input_matrix, "index_to_key": words, "minn": params["minn"],
            "maxn": params["maxn"], "bucket": params["bucket"], "counts": counts,
            "metadata": metadata, "output_matrix": output_matrix}
