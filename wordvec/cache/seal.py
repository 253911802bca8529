"""A seal on each cache entry: written last, it says the entry is whole.

An entry is one or more data files (a vocabulary's counts; an encoded
corpus's ids and bounds; a co-occurrence matrix). After they are written
(each atomically, under a temporary name of its own), a small JSON seal is
written beside them, naming each file with its size and a hash of its first
and last 64 kB, and the cache format's version. A reader trusts an entry
only through its seal:

* no seal: not cached (or still being written by another process, or left
  by a crash): build it again, silently;
* a seal that disagrees with the files (a truncated ``.ids.npy``, a
  ``.counts.npz`` overwritten with garbage, an older format): damaged;
  say so in one line and build it again;
* a seal that agrees: use it.

The hash covers the ends of each file, and the whole of a small one (up to
32 MB: word counts, sentence bounds): enough to notice truncation,
overwriting and a file from another build, in milliseconds for a 300 MB
corpus. A byte changed in the middle of a large file passes the seal; what
it could reach is checked when the entry is loaded instead, as no seal can
see damage made before it was written: every word id is inside the
vocabulary (``EncodedCorpus.check``), every count positive, and a
co-occurrence matrix whole (``.npz`` members carry a CRC-32, and
``Cooccurrence.check`` reads every entry).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> data = folder / "x.npy"
>>> _ = data.write_bytes(b"1234" * 100)
>>> seal(folder / "x.seal.json", "example", "a test", [data])
>>> check(folder / "x.seal.json", [data]) is None
True
>>> _ = data.write_bytes(b"1234")
>>> check(folder / "x.seal.json", [data])
'x.npy has 4 bytes, the seal says 400'
"""
import hashlib
import json
import time
from pathlib import Path

from ..util.atomic import atomic_write

FORMAT_VERSION = 2   # 1: the unsealed cache of wordvec 0.1 (its entries are rebuilt)
END_BYTES = 1 << 16
FULL_HASH_BYTES = 32 << 20   # files up to this size are hashed whole (~20 ms at most)


def fingerprint(path):
    """(size, hex sha256 of the first and last 64 kB) of a file."""
    path = Path(path)
    size = path.stat().st_size
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        digest.update(stream.read(END_BYTES))
        if size > END_BYTES:
            stream.seek(max(END_BYTES, size - END_BYTES))
            digest.update(stream.read(END_BYTES))
    return size, digest.hexdigest()


def whole_sha256(path):
    """Hex sha256 of all of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def seal(seal_path, kind, description, paths, **facts):
    """Write the seal of the entry made of ``paths`` (after they are complete)."""
    files = {}
    for path in paths:
        size, digest = fingerprint(path)
        files[Path(path).name] = {"bytes": size, "ends_sha256": digest}
        if size <= FULL_HASH_BYTES:
            files[Path(path).name]["sha256"] = whole_sha256(path)
    record = {"format": FORMAT_VERSION, "kind": kind, "corpus": description,
              "created": time.strftime("%Y-%m-%d %H:%M:%S"), "files": files, **facts}
    with atomic_write(seal_path, "w") as out:
        json.dump(record, out, indent=1)


def read_seal(seal_path):
    """The seal's record, or None if it is missing or unreadable."""
    try:
        record = json.loads(Path(seal_path).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) else None


def check(seal_path, paths):
    """None if the seal vouches for every file of ``paths``, else why not (a short text)."""
    record = read_seal(seal_path)
    if record is None:
        return "its seal is unreadable" if Path(seal_path).exists() else "no seal"
    if record.get("format") != FORMAT_VERSION:
        return f"cache format {record.get('format')}, expected {FORMAT_VERSION}"
    files = record.get("files")
    if not isinstance(files, dict):
        return "its seal lists no files"
    for path in paths:
        path = Path(path)
        expected = files.get(path.name)
        if not isinstance(expected, dict):
            return f"the seal does not list {path.name}"
        if not path.exists():
            return f"{path.name} is missing"
        size, digest = fingerprint(path)
        if size != expected.get("bytes"):
            return f"{path.name} has {size:,} bytes, the seal says {expected.get('bytes'):,}"
        if digest != expected.get("ends_sha256") or (
                "sha256" in expected and whole_sha256(path) != expected["sha256"]):
            return f"{path.name} has changed since it was written"
    return None


def entries(folder):
    """What a cache folder holds: ``(sealed, loose)``.

    ``sealed``: one dict per seal (its record, plus ``bytes``, the size of its
    files, and ``problem``, None if the seal vouches for them). ``loose``:
    the files no seal lists (entries being written, or left by a crash), as
    paths.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return [], []
    listed, sealed = set(), []
    for seal_path in sorted(folder.glob("*.seal.json")):
        record = read_seal(seal_path) or {}
        names = list(record.get("files", {}) or {})
        paths = [folder / name for name in names]
        listed.update(names + [seal_path.name])
        sealed.append({**record, "seal": seal_path.name,
                       "bytes": sum(p.stat().st_size for p in paths if p.exists()),
                       "problem": check(seal_path, paths)})
    loose = [path for path in sorted(folder.iterdir()) if path.name not in listed]
    return sealed, loose


def clear(folder):
    """Delete every file of a cache folder; return (files deleted, bytes freed)."""
    folder = Path(folder)
    count = freed = 0
    if folder.is_dir():
        for path in folder.iterdir():
            if path.is_file():
                freed += path.stat().st_size
                path.unlink(missing_ok=True)
                count += 1
    return count, freed
