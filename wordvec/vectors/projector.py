"""Vectors as the two files the TensorFlow Embedding Projector loads.

The Embedding Projector (projector.tensorflow.org, or TensorBoard's
projector plugin) shows vectors in 2-D or 3-D by PCA, t-SNE or UMAP. Its
"Load" dialog takes two tab-separated files:

``vectors.tsv``
    One row per word, its floats separated by tabs, no header: what gensim's
    ``word2vec2tensor`` script writes as ``*_tensor.tsv``. Each float is
    written as the shortest text that reads back as the same float32.
``metadata.tsv``
    One line per word, in the same order. With a single column the Projector
    expects no header (gensim's ``*_metadata.tsv``); with several it reads the
    first line as the column names. So a file that holds counts (``.npz``)
    gives a header ``word<TAB>count`` and then ``word<TAB>count`` rows: the
    Projector can then colour or filter the points by frequency.

A word holding a tab or a line break would shift every later row of
``metadata.tsv`` against ``vectors.tsv``; such a word is refused, by row and
spelling, before anything is written. Both files are written atomically
(``atomic.atomic_write``).

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> import numpy as np
>>> from wordvec.vectors.keyedvectors import KeyedVectors
>>> kv = KeyedVectors(np.array([[0.1, -2], [3, 0.5], [1, 1]], np.float32), ["the", "cat", "sat"],
...                   counts=[9, 4, 2])
>>> folder = Path(tempfile.mkdtemp())
>>> vectors_path, metadata_path = write_projector_files(kv, folder, top=2)
>>> vectors_path.read_text().splitlines()
['0.1\\t-2.0', '3.0\\t0.5']
>>> metadata_path.read_text().splitlines()
['word\\tcount', 'the\\t9', 'cat\\t4']
"""
from pathlib import Path

import numpy as np

from ..errors import VocabularyError
from ..util.atomic import atomic_write

VECTORS_FILE = "vectors.tsv"
METADATA_FILE = "metadata.tsv"
_FORBIDDEN = ("\t", "\n", "\r")  # what would break a TSV row: the Projector splits on these
_ROWS_PER_WRITE = 4096           # rows formatted at once: bounds memory, not speed


def check_tsv_words(words):
    """Raise VocabularyError naming the first word with a tab or a line break in it."""
    for row, word in enumerate(words):
        if any(char in word for char in _FORBIDDEN):
            raise VocabularyError(
                f"word {word!r} (row {row} of the vocabulary) holds a tab or a line break: "
                "the Embedding Projector's TSV files cannot hold it; rename or drop the word")


def write_projector_files(kv, folder, top=None):
    """Write ``vectors.tsv`` and ``metadata.tsv`` for the Embedding Projector into ``folder``.

    Parameters
    ----------
    kv : KeyedVectors
        Vectors with the vocabulary sorted by descending frequency.
    folder : str or Path
        Created if missing; files of the same names in it are replaced.
    top : int or None
        Only the first (most frequent) ``top`` words; all of them if None or
        if the vocabulary is smaller. The Projector's t-SNE slows down past
        a few tens of thousands of points.

    Returns
    -------
    (vectors_path, metadata_path) : tuple of Path

    Raises
    ------
    VocabularyError
        A word holds a tab or a line break (nothing is written then).
    ValueError
        ``top`` is not a whole number >= 1.
    """
    if top is not None and (not isinstance(top, (int, np.integer)) or isinstance(top, bool)
                            or top < 1):
        raise ValueError(f"top must be a whole number >= 1 or None, got {top!r}")
    n = len(kv) if top is None else min(int(top), len(kv))
    words = kv.index_to_key[:n]
    check_tsv_words(words)
    counts = kv.counts[:n] if kv.counts is not None else None
    folder = Path(folder)
    vectors_path, metadata_path = folder / VECTORS_FILE, folder / METADATA_FILE
    vectors = kv.vectors
    with atomic_write(vectors_path, "w") as f:
        for start in range(0, n, _ROWS_PER_WRITE):
            # astype(str) gives each float32 its shortest round-trip spelling,
            # as str() of a NumPy float32 does (and so gensim's word2vec2tensor).
            text = vectors[start:min(n, start + _ROWS_PER_WRITE)].astype(str)
            f.writelines("\t".join(row) + "\n" for row in text)
    with atomic_write(metadata_path, "w") as f:
        if counts is None:
            f.writelines(word + "\n" for word in words)
        else:
            f.write("word\tcount\n")
            f.writelines(f"{word}\t{count}\n" for word, count in zip(words, counts.tolist()))
    return vectors_path, metadata_path
