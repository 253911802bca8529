"""What both kinds of benchmark share: reading the file, and the words that count.

An analogy set (``analogy.py``) and a word-pair set (``word_pairs.py``) are
both UTF-8 text files, optionally gzipped, small enough to read whole (the
Google analogy set is 600 kB). Both are scored against the same vocabulary,
built as gensim builds its ``ok_vocab``:

* only the first ``restrict_vocab`` words of the vocabulary (the most
  frequent ones) are known;
* with ``case_insensitive`` every spelling is uppercased, and a word with
  several case variants takes the row of its first (most frequent) variant.

Example
-------
>>> import numpy as np
>>> from wordvec.vectors.keyedvectors import KeyedVectors
>>> kv = KeyedVectors(np.eye(4), ["Paris", "paris", "rome", "oslo"])
>>> known_words(kv, restrict_vocab=3, case_insensitive=True)
({'ROME': 2, 'PARIS': 0}, 3)
>>> known_words(kv, restrict_vocab=None, case_insensitive=False)[0]["paris"]
1
"""
import gzip
import os
import csv
from pathlib import Path

from ..errors import BenchmarkFileError
from ..util.datadir import ENV_VAR, eval_dirs


def find_benchmark(name_or_path, what="benchmark"):
    """The file a benchmark argument stands for: a path, or a name found in the data.

    A name with no folder in it (``"questions-words"``, ``"wordsim353.tsv"``,
    ``"ap"``) that is not a file here is looked up, by file name or by name
    without extension, in the data directory's ``eval/`` folder
    (``$WORDVEC_DATA``) and the folders in it, then in the one ``wordvec fetch
    eval`` fills, as the command line does.
    """
    path = Path(name_or_path)
    if path.exists() or os.sep in str(name_or_path) or "/" in str(name_or_path):
        return path
    folders = eval_dirs()
    wanted = str(name_or_path).lower()
    for folder in folders:
        if folder.is_dir():
            top = sorted(folder.iterdir())
            # and one level down: categorization/ap.csv, outliers/8-8-8.csv, BATS_3.0/
            below = [p for sub in top if sub.is_dir() for p in sorted(sub.iterdir())]
            for candidate in top + below:
                if wanted in (candidate.name.lower(), candidate.name.split(".")[0].lower()):
                    return candidate
    raise BenchmarkFileError(
        f"{name_or_path}: no such {what} file here, nor a benchmark of that name in "
        f"{' or '.join(str(folder) for folder in folders)}; give a path, or run "
        f"`wordvec fetch eval` to download the benchmark sets (or set {ENV_VAR} to a folder "
        "holding eval/)")


def read_lines(path, what):
    """All lines of a UTF-8 (optionally .gz) benchmark file, without line ends.

    Parameters
    ----------
    path : str or Path
        The benchmark file, or its name in the data (see ``find_benchmark``).
    what : str
        What the file should be ("analogy", "word-pair", "benchmark"), for
        the error messages.

    Returns
    -------
    list of str
        Every line, numbered from 1 by position, ``\\r`` of CRLF files removed.

    Raises
    ------
    BenchmarkFileError
        The file is missing, a directory, not UTF-8 (the message gives the
        line), or holds only blank lines.
    """
    path = find_benchmark(path, what)
    if not path.exists():
        raise BenchmarkFileError(f"{path}: no such {what} file")
    if path.is_dir():
        raise BenchmarkFileError(f"{path}: is a directory, expected a {what} file")
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = []
    # Decoded line by line, not as a whole, so that an error can name its line.
    for line_no, raw in enumerate(lines, 1):
        try:
            out.append(raw.decode("utf-8").rstrip("\r"))
        except UnicodeDecodeError as exc:
            raise BenchmarkFileError(f"{path}: line {line_no}: not valid UTF-8 "
                                     f"({exc.reason} at byte {exc.start})") from None
    if not any(line.strip() for line in out):
        raise BenchmarkFileError(f"{path}: empty {what} file")
    return out


def known_words(kv, restrict_vocab, case_insensitive):
    """The words a benchmark may use, and their rows: gensim's ``ok_vocab``.

    Parameters
    ----------
    kv : KeyedVectors
        Vectors with the vocabulary sorted by descending frequency.
    restrict_vocab : int or None
        Only the first N words are known (None: all of them).
    case_insensitive : bool
        Key the words by their uppercased spelling.

    Returns
    -------
    known : dict
        Spelling (uppercased if ``case_insensitive``) -> row; of several case
        variants, the first (most frequent) one's row.
    count : int
        How many rows are known: the first ``count`` rows of ``kv``.
    """
    count = len(kv) if restrict_vocab is None else max(0, min(int(restrict_vocab), len(kv)))
    keys = kv.index_to_key[:count]
    if case_insensitive:
        keys = [w.upper() for w in keys]
    known = {}
    # Backwards, so that the first variant of a spelling is written last and wins.
    for i in range(count - 1, -1, -1):
        known[keys[i]] = i
    return known, count


def read_csv_rows(path, columns, what):
    """``(path, [(line number, cells)])`` of a benchmark CSV headed ``,`` + the ``columns``.

    The vecto collection's layout: an unnamed index column, then ``columns``.
    The header and every row's width are checked; an error names the line.
    ``cells`` are the row's cells after the index, stripped.
    """
    path = find_benchmark(path, what)
    rows = list(csv.reader(read_lines(path, what)))   # .gz too; not UTF-8: the line named
    if not rows or [cell.strip() for cell in rows[0][1:]] != list(columns):
        raise BenchmarkFileError(f"{path}: line 1: expected the header ',{','.join(columns)}', "
                                 f"got {','.join(rows[0]) if rows else 'an empty file'!r}")
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns) + 1:
            raise BenchmarkFileError(f"{path}: line {number}: expected {len(columns) + 1} "
                                     f"columns (index, {', '.join(columns)}), got {len(row)}")
        found.append((number, [cell.strip() for cell in row[1:]]))
    return path, found
