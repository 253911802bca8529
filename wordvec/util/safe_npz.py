"""Reading a ``.npz`` archive without trusting it.

A ``.npz`` file is a zip archive of ``.npy`` members, each a short header
(shape, dtype, order) and the raw bytes of one array. ``np.load`` reads a
member by trusting its header: it allocates the array the header declares,
then reads, so a 300-byte file whose header claims 10**12 x 300 floats asks
for 1.2 TB before finding the data missing; and a file that is a single
``.npy`` rather than an archive is read whole. So the readers of wordvec's
``.npz`` files (vectors, co-occurrence matrices) go through this module,
which, for each member:

1. reads the header alone (``np.lib.format`` parses it: a Python literal,
   read with ``ast.literal_eval``, which cannot run code);
2. refuses object arrays: only pickle reads them, and unpickling can run
   any code;
3. checks that the bytes the member holds are exactly what the shape and
   dtype need, and that the archive's own sizes fit the file's size (a
   deflated member expands at most 1032 times, see
   :mod:`wordvec.util.size_limits`), before allocating anything;
4. reads the data, and then one byte more, so that zip checks the member's
   CRC-32 and a damaged member is noticed.

Every problem raises the caller's error class (``VectorFileError``,
``CooccurrenceError``) naming the file and the field.

>>> import tempfile
>>> from pathlib import Path
>>> from wordvec.errors import VectorFileError
>>> path = Path(tempfile.mkdtemp()) / "a.npz"
>>> np.savez(path, ids=np.arange(3, dtype=np.int32))
>>> read_arrays(path, ["ids", "other"], VectorFileError)
{'ids': array([0, 1, 2], dtype=int32)}
"""
import math
import os
import struct
import zipfile
import zlib
from pathlib import Path
from tokenize import TokenError

import numpy as np

from ..errors import WordvecError
from .size_limits import MAX_DEFLATE_RATIO

# What zipfile and np.lib.format raise on a damaged archive or header (NumPy's
# fallback header parser lets tokenize's TokenError through: "(" is enough).
_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
           NotImplementedError, RuntimeError, SyntaxError, TokenError, struct.error, zlib.error)
_NPY_MAGIC = b"\x93NUMPY"


def read_arrays(path, names, error):
    """The members ``names`` of the archive at ``path`` that it holds: ``{name: array}``.

    ``error`` is the exception class to raise; the caller checks which
    names are missing and what shapes and dtypes it got.
    """
    path = Path(path)
    if not path.exists():
        raise error(f"{path}: no such file")
    if path.is_dir():
        raise error(f"{path}: is a directory, expected a .npz file")
    try:
        with open(path, "rb") as f:
            if f.read(len(_NPY_MAGIC)) == _NPY_MAGIC:
                raise error(f"{path}: holds a single .npy array, expected a .npz archive of "
                            f"{', '.join(names)}")
        size = os.stat(path).st_size
        with zipfile.ZipFile(path) as archive:
            members = {info.filename[:-len(".npy")]: info for info in archive.infolist()
                       if info.filename.endswith(".npy")}
            return {name: _read_member(archive, members[name], size, path, error)
                    for name in names if name in members}
    except WordvecError:
        raise
    except _DAMAGE as exc:
        raise error(f"{path}: not a readable .npz archive ({_said(exc)})") from None


def _read_member(archive, info, archive_size, path, error):
    name = info.filename[:-len(".npy")]
    where = f"{path}: field {name!r}"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise error(f"{where}: zip compression method {info.compress_type}, but NumPy "
                    "writes members stored or deflated only")
    ratio = 1 if info.compress_type == zipfile.ZIP_STORED else MAX_DEFLATE_RATIO
    if info.compress_size > archive_size or info.file_size > info.compress_size * ratio:
        raise error(f"{where}: the archive's directory gives it {info.file_size:,} bytes "
                    f"({info.compress_size:,} compressed), more than the file's "
                    f"{archive_size:,} bytes can hold")
    try:
        with archive.open(info) as member:
            shape, fortran, dtype = _read_header(member, where, error)
            count = math.prod(shape)
            nbytes = count * dtype.itemsize
            left = info.file_size - member.tell()
            if nbytes != left:
                raise error(f"{where}: its header declares shape {shape} of {dtype} "
                            f"({nbytes:,} bytes), but the member holds {left:,} bytes of data")
            data = bytearray(nbytes)  # allocated only now that the bytes are known to be there
            got = 0
            while got < nbytes:
                n = member.readinto(memoryview(data)[got:])
                if not n:
                    raise error(f"{where}: truncated after {got:,} of {nbytes:,} bytes")
                got += n
            member.read(1)  # at the end of the member: zip checks its CRC-32
        if not nbytes:  # nothing to read (and frombuffer refuses zero-size items)
            return np.empty(shape, dtype)
        array = np.frombuffer(data, dtype=dtype, count=count)
    except WordvecError:
        raise
    except _DAMAGE as exc:
        raise error(f"{where} is damaged ({_said(exc)})") from None
    if fortran:
        return array.reshape(shape[::-1]).transpose()
    return array.reshape(shape)


def _said(exc):
    """What an exception says, on one line and short: NumPy's header errors run to
    several lines, and the command line prints errors as one."""
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:200] + "..."


def _read_header(member, where, error):
    """``(shape, fortran_order, dtype)`` of a ``.npy`` member, checked."""
    version = np.lib.format.read_magic(member)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(member)
    elif version == (2, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(member)
    else:  # 3.0 only differs for structured dtypes with non-Latin-1 field names
        raise error(f"{where}: .npy format version {version}, expected 1.0 or 2.0")
    if dtype.hasobject:
        raise error(f"{where}: holds Python objects, which only pickle reads, and unpickling "
                    "can run any code; wordvec never writes object arrays and will not read "
                    "them (no allow_pickle)")
    if any(n < 0 for n in shape):
        raise error(f"{where}: its header declares the negative shape {shape}")
    return shape, fortran, dtype
