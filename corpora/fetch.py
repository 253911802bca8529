"""Download a registered dataset into a local cache, verified.

The download streams in chunks into a temporary file while computing its
sha256; only when the checksum (and the size, when known) match the registry
is the file renamed to its real name. So a file under its real name in the
cache has always been verified, and an interrupted or corrupted download
leaves nothing behind. The cache uses the data-directory layout
(``corpora/...``, ``eval/...``), so it can itself be passed as ``--data-dir``.

Example
-------
>>> path = fetch("text8", progress=True)   # doctest: +SKIP
>>> path.name                               # doctest: +SKIP
'text8'
"""
import hashlib
import http.client
import shutil
import urllib.error
import urllib.request
import warnings
import zipfile
from pathlib import Path

from tqdm import tqdm

from wordvec.errors import FetchError
from wordvec.util import atomic_write, cache_root

from .registry import Dataset, get

# 1 MiB: big enough that Python's per-chunk overhead is negligible, small
# enough that memory stays flat whatever the file size.
CHUNK_SIZE = 1 << 20
TIMEOUT_SECONDS = 60


def sha256_file(path):
    """Return the hex sha256 of the file at ``path``, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()


def fetch(name_or_dataset, cache_dir=None, force=False, progress=False):
    """Make sure a dataset is in the cache, downloading it if needed.

    Parameters
    ----------
    name_or_dataset : str or Dataset
        A registry name such as "text8", or a Dataset built by hand.
    cache_dir : str or Path or None
        Where to keep downloads; None means ``wordvec.util.datadir.cache_root()``.
    force : bool
        Download (and extract) again even if a verified copy is cached.
    progress : bool
        Show a tqdm progress bar while downloading.

    Returns
    -------
    Path
        The usable file: the download itself, or for an archive its
        extracted member.

    Raises
    ------
    FetchError
        If the dataset has no URL, the download fails, or the downloaded
        file's size or sha256 differs from the registry's.
    """
    dataset = name_or_dataset if isinstance(name_or_dataset, Dataset) else get(name_or_dataset)
    if dataset.url is None:
        raise FetchError(
            f"dataset {dataset.name!r} is not downloadable: there is no public URL for this "
            f"exact file (source: {dataset.source or 'unknown'}). Point --data-dir (or "
            f"WORDVEC_DATA) at a folder holding {dataset.filename}")
    cache = Path(cache_dir).expanduser() if cache_dir is not None else cache_root()
    download_path = cache / dataset.filename
    usable_path = cache / dataset.relative_path

    # An extracted member only ever appears (atomically) after its archive
    # was verified, so its presence alone means it is good.
    if dataset.member and usable_path.exists() and not force:
        return usable_path
    if force or not _cached_copy_is_valid(dataset, download_path):
        _download(dataset, download_path, progress)
    if dataset.member:
        _extract(dataset, download_path, usable_path)
    return usable_path


def _cached_copy_is_valid(dataset, path):
    if not path.exists():
        return False
    problem = None
    if dataset.size is not None and path.stat().st_size != dataset.size:
        problem = f"has {path.stat().st_size:,} bytes, expected {dataset.size:,}"
    elif dataset.sha256 is not None and (got := sha256_file(path)) != dataset.sha256:
        problem = f"has sha256 {got}, expected {dataset.sha256}"
    if problem:
        warnings.warn(f"cached file {str(path)!r} for dataset {dataset.name!r} {problem}; "
                      f"deleting it and downloading it again", stacklevel=3)
        # Delete it now, so that if the new download fails too, the cache
        # holds no known-bad file under the real name.
        path.unlink()
        return False
    return True


def _download(dataset, path, progress):
    where = f"dataset {dataset.name!r} from {dataset.url}"
    try:
        response = urllib.request.urlopen(dataset.url, timeout=TIMEOUT_SECONDS)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise FetchError(f"cannot download {where}: {exc}") from exc
    digest = hashlib.sha256()
    received = 0
    bar = tqdm(total=dataset.size, unit="B", unit_scale=True, desc=dataset.name,
               disable=not progress)
    # Any exception inside atomic_write deletes the temporary file, which is
    # how a failed check leaves nothing behind.
    with response, bar, atomic_write(path, "wb") as out:
        while chunk := _read_chunk(response, where):
            digest.update(chunk)
            out.write(chunk)
            received += len(chunk)
            bar.update(len(chunk))
            # Stop early rather than download gigabytes of the wrong thing.
            if dataset.size is not None and received > dataset.size:
                raise FetchError(f"{where}: got more than the expected {dataset.size:,} bytes; "
                                 f"nothing was saved")
        if dataset.size is not None and received != dataset.size:
            raise FetchError(f"{where}: got {received:,} bytes, expected {dataset.size:,}; "
                             f"nothing was saved")
        got = digest.hexdigest()
        if dataset.sha256 is not None and got != dataset.sha256:
            raise FetchError(f"{where}: sha256 mismatch: expected {dataset.sha256}, got {got}; "
                             f"nothing was saved")


def _read_chunk(response, where):
    try:
        return response.read(CHUNK_SIZE)
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"download of {where} broke off: {exc}") from exc


def _extract(dataset, archive, target):
    """Copy ``dataset.member`` out of the zip ``archive`` to ``target``, atomically."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            try:
                info = zipped.getinfo(dataset.member)
            except KeyError:
                members = ", ".join(zipped.namelist()[:10])
                raise FetchError(f"archive {str(archive)!r} of dataset {dataset.name!r} has no "
                                 f"member {dataset.member!r}; it holds: {members}") from None
            # Reading a zip member checks its CRC at the end; a mismatch
            # raises BadZipFile inside atomic_write, so no partial file stays.
            with zipped.open(info) as source, atomic_write(target, "wb") as out:
                shutil.copyfileobj(source, out, CHUNK_SIZE)
    except zipfile.BadZipFile as exc:
        raise FetchError(f"cannot extract {dataset.member!r} from {str(archive)!r} "
                         f"(dataset {dataset.name!r}): expected a zip archive: {exc}") from exc
