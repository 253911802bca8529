"""What a file's size allows: a header may not promise more than the bytes can hold.

Vector files start with a claim: the word2vec header says "V words of dim
values", a ``.npy`` member of an archive says "this shape of this dtype".
Readers allocate from the claim, before reading the data, so that the
matrix is made once and filled in place. A damaged or hostile header that
claims 10**12 rows would make them ask for terabytes, and fail (or worse,
be granted it) long before noticing that the data is not there.

So a reader first works out the fewest bytes the claimed data can take in
its format (word2vec text: a one-letter word, then "1 " per value, and a
newline; binary: a word, a space and 4 bytes per value) and compares them
with the most bytes the file can give: its size, or for a compressed file,
its size times the compression's largest ratio. Deflate (gzip, zip) expands
at most 1032 times (zlib's FAQ: its longest match, 258 bytes, costs at
least 2 bits), so a 1 kB ``.gz`` file cannot hold more than about 1 MB.
A claim above that is refused at once, with a message, and nothing is
allocated.

>>> import tempfile
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "v.txt"
>>> _ = path.write_bytes(b"1000000000000 300\\n")
>>> most_bytes(path), most_bytes(path.with_suffix(".txt.gz")) is None
(18, True)
"""
import os
import stat
from pathlib import Path

MAX_DEFLATE_RATIO = 1032


def most_bytes(path):
    """The most bytes that reading ``path`` can give (decompressed if ``.gz``).

    None if the size cannot be known: no such file (the reader's open will
    say so), or not a regular file (a pipe such as ``<(zcat v.txt.gz)`` has
    no size, and must not be refused for it).
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_size * MAX_DEFLATE_RATIO if path.suffix.lower() == ".gz" else info.st_size


def size_note(path):
    """How ``most_bytes`` was reckoned, for messages: 'the file has 18 bytes'."""
    size = os.stat(path).st_size
    if Path(path).suffix.lower() == ".gz":
        return (f"the compressed file has {size:,} bytes, at most {size * MAX_DEFLATE_RATIO:,} "
                "once decompressed")
    return f"the file has {size:,} bytes"
