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
from .nonfinite import first_nonfinite, load_hint, value_text

FORMAT_VERSION = 1
NPZ_REQUIRED = ("format_version", "vectors", "words", "metadata")


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
    ``metadata`` (a ``KeyedVectors``).
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
    with atomic_write(path, "wb") as f:
        np.savez(f, **arrays)


def read_npz(path, allow_nonfinite=False):
    """Read a native ``.npz`` written by :func:`write_npz` (no pickles).

    Returns ``(vectors, words, counts or None, metadata)``.
    """
    path = Path(path)
    if not path.exists():
        raise VectorFileError(f"{path}: no such vector file")
    fields = read_arrays(path, NPZ_REQUIRED + ("counts",), VectorFileError)
    missing = [name for name in NPZ_REQUIRED if name not in fields]
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
    vectors, words = fields["vectors"], fields["words"]
    if vectors.ndim != 2 or vectors.dtype.kind != "f":
        raise VectorFileError(f"{path}: vectors must be a 2-D float array, got shape "
                              f"{vectors.shape} dtype {vectors.dtype}")
    with np.errstate(over="ignore"):  # float64 beyond float32's range: inf, refused below
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if words.ndim != 1 or words.dtype != np.uint8:
        raise VectorFileError(f"{path}: words must be a 1-D uint8 array (UTF-8 text, one word "
                              f"per line), got shape {words.shape} dtype {words.dtype}")
    try:
        words = words.tobytes().decode("utf-8").split("\n") if vectors.shape[0] else []
    except UnicodeDecodeError as exc:
        raise VectorFileError(f"{path}: word list byte {exc.start} is not valid UTF-8") from None
    if len(words) != vectors.shape[0]:
        raise VectorFileError(f"{path}: shape mismatch: {len(words)} words but vectors "
                              f"has {vectors.shape[0]} rows {vectors.shape}")
    found = None if allow_nonfinite else first_nonfinite(vectors)
    if found is not None:
        row, col = found
        raise VectorFileError(f"{path}: vectors row {row} (word {words[row]!r}): its "
                              f"{value_text(vectors, row, col)}; {load_hint()}")
    counts = fields.get("counts")
    if counts is not None and (counts.shape != (len(words),) or counts.dtype.kind not in "iu"):
        raise VectorFileError(f"{path}: shape mismatch: counts has shape {counts.shape} dtype "
                              f"{counts.dtype}, expected ({len(words)},) integers")
    meta_arr = fields["metadata"]
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
    return vectors, words, counts, metadata
