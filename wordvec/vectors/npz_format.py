"""Word vectors in wordvec's own file format, ``.npz``: exact and self-describing.

A NumPy ``np.savez`` archive of

``format_version``
    int64 0-d: bumped when the layout changes; a newer file is refused.
``vectors``
    float32, one row per word.
``words``
    uint8: the UTF-8 bytes of the words joined by newlines.
``counts`` (optional)
    int64, the corpus count of each word.
``metadata``
    JSON in a 0-d unicode array: how the vectors were made.

A subword model (``SubwordVectors``) adds three members, which older
readers skip (they see the vocabulary's vectors, so the format version
stays 1):

``subword_settings``
    int64 ``[minn, maxn, bucket]``.
``input_matrix``
    float32, ``nwords + bucket`` rows: the words', then the n-gram buckets';
    it gives any word's vector (``vectors`` holds the vocabulary's, composed).
``output_matrix`` (optional)
    float32, one row per word: the output (negative sampling) rows.

Unlike the word2vec and GloVe files it keeps the counts and the metadata,
and it holds no object arrays anywhere, so loading a file cannot run code:
:mod:`wordvec.util.safe_npz` refuses them, and checks every member's declared
shape against the bytes it holds before allocating it. Every malformed
input raises :class:`~wordvec.errors.VectorFileError` naming the path and
the field; a NaN or infinite vector too, naming the word and its row,
unless ``allow_nonfinite=True``.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> import numpy as np
>>> from wordvec.vectors.keyedvectors import KeyedVectors
>>> kv = KeyedVectors(np.eye(2), ["cat", "dog"], counts=[5, 3], metadata={"dim": 2})
>>> path = Path(tempfile.mkdtemp()) / "vectors.npz"
>>> write_npz(kv, path)
>>> sorted(np.load(path).files)
['counts', 'format_version', 'metadata', 'vectors', 'words']
>>> vectors, words, counts, metadata = read_npz(path)
>>> words, counts.tolist(), metadata
(['cat', 'dog'], [5, 3], {'dim': 2})
"""
import json
from pathlib import Path

import numpy as np

from ..errors import VectorFileError
from ..util.atomic import atomic_write
from ..util.safe_npz import read_arrays
from .fasttext_format import MAX_NGRAM
from .nonfinite import first_nonfinite, load_hint, row_name, value_text

FORMAT_VERSION = 1
NPZ_REQUIRED = ("format_version", "vectors", "words", "metadata")
SUBWORD_FIELDS = ("subword_settings", "input_matrix", "output_matrix")


def _json_default(value):
    """Let json.dumps accept numpy scalars and arrays (training code makes them)."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"metadata value {value!r} of type {type(value).__name__} "
                    "is not JSON-serialisable")


def metadata_to_json(metadata):
    """Serialise a metadata dict to JSON text (numpy scalars become numbers).

    >>> metadata_to_json({"dim": np.int64(2), "loss": [np.float32(0.5)]})
    '{"dim": 2, "loss": [0.5]}'
    """
    return json.dumps(metadata, default=_json_default, sort_keys=True, ensure_ascii=False)


def write_npz(kv, path):
    """Write the native ``.npz`` (vectors, words, counts, metadata, format version).

    ``kv`` is anything with ``vectors``, ``index_to_key``, ``counts`` and
    ``metadata`` (a ``KeyedVectors``); and, if it has an ``input_matrix``
    (a ``SubwordVectors``), its n-gram rows and settings too.
    """
    for i, word in enumerate(kv.index_to_key):
        if "\n" in word:
            raise VectorFileError(f"{path}: word #{i} {word!r} contains a newline, which "
                                  "separates words in the .npz word list")
    # Words as one UTF-8 blob, "\n"-separated: a NumPy unicode array would pad
    # every word to the longest one (one 1,000-character URL -> GBs).
    words_blob = "\n".join(kv.index_to_key).encode("utf-8")
    arrays = {
        "format_version": np.array(FORMAT_VERSION, dtype=np.int64),
        "vectors": np.ascontiguousarray(kv.vectors, dtype=np.float32),
        "words": np.frombuffer(words_blob, dtype=np.uint8),
        "metadata": np.array(metadata_to_json(kv.metadata), dtype=str),
    }
    if kv.counts is not None:
        arrays["counts"] = np.asarray(kv.counts, dtype=np.int64)
    if getattr(kv, "input_matrix", None) is not None:
        # np.asarray, not ascontiguousarray: np.savez writes a view (the trainer's
        # rows) in 16 MiB blocks, where a contiguous copy could take 800 MB.
        arrays["subword_settings"] = np.array([kv.minn, kv.maxn, kv.bucket], dtype=np.int64)
        arrays["input_matrix"] = np.asarray(kv.input_matrix, dtype=np.float32)
        if kv.output_matrix is not None:
            arrays["output_matrix"] = np.asarray(kv.output_matrix, dtype=np.float32)
    with atomic_write(path, "wb") as f:
        np.savez(f, **arrays)


def read_npz(path, allow_nonfinite=False):
    """Read a native ``.npz`` written by :func:`write_npz` (no pickles).

    Returns ``(vectors, words, counts or None, metadata)``; for a subword
    model, the vocabulary's vectors (see :func:`read_npz_parts`).
    """
    parts = _read(path, allow_nonfinite, subword=False)
    return parts["vectors"], parts["index_to_key"], parts["counts"], parts["metadata"]


def read_npz_parts(path, allow_nonfinite=False):
    """What the file holds, as constructor arguments (a dict): ``KeyedVectors``'
    (``vectors``, ``index_to_key``, ``counts``, ``metadata``) or, for a
    subword model, ``SubwordVectors``' (``input_matrix``, ``minn``, ``maxn``,
    ``bucket`` and ``output_matrix`` in place of ``vectors``)."""
    return _read(path, allow_nonfinite, subword=True)


def _read(path, allow_nonfinite, subword):
    path = Path(path)
    if not path.exists():
        raise VectorFileError(f"{path}: no such vector file")
    small = ("format_version", "words", "metadata", "counts", "subword_settings")
    fields = read_arrays(path, small, VectorFileError)
    subword = subword and "subword_settings" in fields
    # Then only the matrix the caller wants: a subword model's vocabulary
    # vectors are composed again from its input matrix, so not read twice.
    big = ("input_matrix", "output_matrix") if subword else ("vectors",)
    fields.update(read_arrays(path, big, VectorFileError))
    required = [n for n in NPZ_REQUIRED if n != "vectors"] + [big[0]]
    missing = [name for name in required if name not in fields]
    if missing:
        raise VectorFileError(f"{path}: .npz is missing field(s) {', '.join(missing)} "
                              f"(has {', '.join(fields) or 'none of them'})")
    version = fields["format_version"]
    if version.shape != () or version.dtype.kind not in "iu":
        raise VectorFileError(f"{path}: format_version must be a 0-d integer, got shape "
                              f"{version.shape} dtype {version.dtype}")
    if int(version) > FORMAT_VERSION:
        raise VectorFileError(f"{path}: format version {int(version)} is newer than this "
                              f"wordvec reads ({FORMAT_VERSION}); upgrade wordvec")
    parts = {"metadata": _metadata(path, fields["metadata"])}
    if subword:
        minn, maxn, bucket = _settings(path, fields["subword_settings"])
        matrix = _matrix(path, fields, "input_matrix")
        if matrix.shape[0] < bucket:
            raise VectorFileError(f"{path}: shape mismatch: input_matrix has {matrix.shape[0]} "
                                  f"rows, fewer than the {bucket} n-gram buckets")
        words = _words(path, fields["words"], matrix.shape[0] - bucket, "input_matrix")
        _refuse_nonfinite(path, matrix, "input_matrix", words, allow_nonfinite)
        output = fields.get("output_matrix")
        if output is not None:
            output = _matrix(path, fields, "output_matrix")
            if output.shape != (len(words), matrix.shape[1]):
                raise VectorFileError(f"{path}: shape mismatch: output_matrix has shape "
                                      f"{output.shape}, expected ({len(words)} words, "
                                      f"{matrix.shape[1]})")
            _refuse_nonfinite(path, output, "output_matrix", words, allow_nonfinite)
        parts.update(input_matrix=matrix, minn=minn, maxn=maxn, bucket=bucket,
                     output_matrix=output)
    else:
        vectors = _matrix(path, fields, "vectors")
        words = _words(path, fields["words"], vectors.shape[0], "vectors")
        _refuse_nonfinite(path, vectors, "vectors", words, allow_nonfinite)
        parts["vectors"] = vectors
    counts = fields.get("counts")
    if counts is not None and (counts.shape != (len(words),) or counts.dtype.kind not in "iu"):
        raise VectorFileError(f"{path}: shape mismatch: counts has shape {counts.shape} dtype "
                              f"{counts.dtype}, expected ({len(words)},) integers")
    parts.update(index_to_key=words, counts=counts)
    return parts


def _matrix(path, fields, name):
    """``fields[name]`` as a C-contiguous float32 matrix (not copied if it is one)."""
    matrix = fields[name]
    if matrix.ndim != 2 or matrix.dtype.kind != "f":
        raise VectorFileError(f"{path}: {name} must be a 2-D float array, got shape "
                              f"{matrix.shape} dtype {matrix.dtype}")
    with np.errstate(over="ignore"):  # float64 beyond float32's range: inf, refused after
        return np.ascontiguousarray(matrix, dtype=np.float32)


def _words(path, blob, rows, matrix_name):
    """The word list, one word per row of the matrix (``rows`` of them)."""
    if blob.ndim != 1 or blob.dtype != np.uint8:
        raise VectorFileError(f"{path}: words must be a 1-D uint8 array (UTF-8 text, one word "
                              f"per line), got shape {blob.shape} dtype {blob.dtype}")
    try:
        words = blob.tobytes().decode("utf-8").split("\n") if rows else []
    except UnicodeDecodeError as exc:
        raise VectorFileError(f"{path}: word list byte {exc.start} is not valid UTF-8") from None
    if len(words) != rows:
        raise VectorFileError(f"{path}: shape mismatch: {len(words)} words but {matrix_name} "
                              f"has {rows} rows for words")
    return words


def _refuse_nonfinite(path, matrix, name, words, allow_nonfinite):
    found = None if allow_nonfinite else first_nonfinite(matrix)
    if found is not None:
        row, col = found
        raise VectorFileError(f"{path}: {name} row {row} ({row_name(words, row)}): its "
                              f"{value_text(matrix, row, col)}; {load_hint()}")


def _settings(path, settings):
    """``(minn, maxn, bucket)`` from ``subword_settings``, checked."""
    if settings.shape != (3,) or settings.dtype.kind not in "iu":
        raise VectorFileError(f"{path}: subword_settings must be 3 integers (minn, maxn, "
                              f"bucket), got shape {settings.shape} dtype {settings.dtype}")
    minn, maxn, bucket = (int(v) for v in settings)
    if not (0 <= minn <= maxn <= MAX_NGRAM or maxn == 0 <= minn) or bucket < 0 or (
            maxn > 0 and bucket == 0):
        raise VectorFileError(f"{path}: subword_settings minn {minn}, maxn {maxn}, bucket "
                              f"{bucket}: expected 0 <= minn <= maxn <= {MAX_NGRAM} (or maxn "
                              "0) and a bucket >= 1 when there are n-grams")
    return minn, maxn, bucket


def _metadata(path, meta_arr):
    if meta_arr.shape != () or meta_arr.dtype.kind != "U":
        raise VectorFileError(f"{path}: metadata must be a 0-d unicode array of JSON, got "
                              f"shape {meta_arr.shape} dtype {meta_arr.dtype}")
    try:
        metadata = json.loads(str(meta_arr[()]))
    except (ValueError, RecursionError) as exc:  # a JSONDecodeError, a 5000-digit number, [[[[...
        raise VectorFileError(f"{path}: metadata is not valid JSON ({exc})") from None
    if not isinstance(metadata, dict):
        raise VectorFileError(f"{path}: metadata must be a JSON object, got "
                              f"{type(metadata).__name__}")
    return metadata
