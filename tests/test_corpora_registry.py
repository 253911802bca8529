"""The dataset registry and verified downloads (with local file:// URLs)."""
import hashlib
import os
import warnings
import zipfile
from pathlib import Path

import pytest

from corpora import registry
from corpora.fetch import FetchError, fetch, sha256_file
from corpora.registry import Dataset
from wordvec.errors import WordvecError
from wordvec.util.datadir import cache_root

CONTENT = b"the quick brown fox jumps over the lazy dog\n" * 50


def sha256_of(data):
    return hashlib.sha256(data).hexdigest()


def make_dataset(url, data=CONTENT, **changes):
    fields = dict(name="demo", kind="corpus", url=url, filename="corpora/demo.txt",
                  size=len(data), sha256=sha256_of(data), licence="test", description="test",
                  layout="one line", normalizer="none")
    fields.update(changes)
    return Dataset(**fields)


def files_under(folder):
    """Every file below ``folder``, temporary ones included."""
    return sorted(path for path in Path(folder).rglob("*") if path.is_file())


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "upstream" / "demo.txt"
    path.parent.mkdir()
    path.write_bytes(CONTENT)
    return path


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


# --- registry ---------------------------------------------------------------

def test_names_partition_by_kind():
    by_kind = [registry.names(kind) for kind in registry.KINDS]
    assert sorted(sum(by_kind, [])) == sorted(registry.names())
    assert {"text8", "wiki17m", "wiki65m", "brown"} == set(registry.names("corpus"))
    assert {"questions-words", "msr"} == set(registry.names("analogy"))
    assert {"wordsim353", "simlex999", "men", "rg65"} <= set(registry.names("similarity"))


def test_unknown_name_lists_known_names():
    with pytest.raises(WordvecError, match=r"unknown dataset 'txet8'.*text8.*wiki17m"):
        registry.get("txet8")
    with pytest.raises(WordvecError, match="unknown dataset"):
        fetch("txet8")
    with pytest.raises(WordvecError, match="kind"):
        registry.names("corpora")


def test_local_path_follows_data_dir_layout(tmp_path):
    assert registry.local_path("wiki17m", tmp_path) == tmp_path / "corpora" / "wiki17m.txt.xz"
    assert registry.local_path("questions-words", tmp_path) == tmp_path / "eval" / "questions-words.txt"
    # For an archive the usable file is the extracted member, next to the zip.
    assert registry.local_path("text8", tmp_path) == tmp_path / "corpora" / "text8"


def test_every_entry_is_consistent():
    for dataset in registry.DATASETS.values():
        folder = "corpora" if dataset.kind == "corpus" else "eval"
        assert dataset.filename.startswith(folder + "/"), dataset.name
        if dataset.url is not None:
            # The cached file is named like the file the URL serves.
            assert dataset.url.rsplit("/", 1)[1] == Path(dataset.filename).name, dataset.name
        else:
            assert dataset.sha256 and dataset.source, f"{dataset.name}: no URL, so say where from"


def test_dataset_rejects_bad_fields():
    with pytest.raises(WordvecError, match="'demo'.*sha256"):
        make_dataset(None, sha256="abc")
    with pytest.raises(WordvecError, match="kind"):
        make_dataset(None, kind="text")
    with pytest.raises(WordvecError, match="normalizer"):
        make_dataset(None, normalizer="upper")
    with pytest.raises(WordvecError, match="relative path"):
        make_dataset(None, filename="/abs/demo.txt")


@pytest.mark.skipif(not os.environ.get("WORDVEC_DATA"), reason="WORDVEC_DATA is not set")
def test_registry_checksums_match_shared_data():
    data = Path(os.environ["WORDVEC_DATA"])
    checked = 0
    for dataset in registry.DATASETS.values():
        if dataset.sha256 is None:
            continue
        path = data / dataset.filename
        assert path.is_file(), f"{dataset.name}: {path} is missing"
        assert path.stat().st_size == dataset.size, dataset.name
        assert sha256_file(path) == dataset.sha256, dataset.name
        checked += 1
    assert checked >= 12


# --- fetch ------------------------------------------------------------------

def test_sha256_file(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(CONTENT)
    assert sha256_file(path) == sha256_of(CONTENT)


def test_cache_root_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("WORDVEC_CACHE", str(tmp_path))
    assert cache_root() == tmp_path
    monkeypatch.delenv("WORDVEC_CACHE")
    assert cache_root() == Path.home() / ".cache" / "wordvec"


def test_fetch_downloads_into_cache(source, cache):
    path = fetch(make_dataset(source.as_uri()), cache_dir=cache)
    assert path == cache / "corpora" / "demo.txt"
    assert path.read_bytes() == CONTENT
    assert files_under(cache) == [path], "no temporary file may be left behind"


def test_cached_copy_is_not_downloaded_again(source, cache):
    dataset = make_dataset(source.as_uri())
    first = fetch(dataset, cache_dir=cache)
    source.unlink()
    assert fetch(dataset, cache_dir=cache) == first
    assert first.read_bytes() == CONTENT
    # force=True really downloads: with the source gone it must fail.
    with pytest.raises(FetchError, match="cannot download dataset 'demo'"):
        fetch(dataset, cache_dir=cache, force=True)
    assert first.read_bytes() == CONTENT, "a failed forced download keeps the verified copy"


def test_checksum_mismatch_raises_and_leaves_nothing(source, cache):
    wrong = "0" * 64
    with pytest.raises(FetchError) as caught:
        fetch(make_dataset(source.as_uri(), sha256=wrong), cache_dir=cache)
    message = str(caught.value)
    assert "'demo'" in message and wrong in message and sha256_of(CONTENT) in message
    assert files_under(cache) == []


@pytest.mark.parametrize("size", [len(CONTENT) - 1, len(CONTENT) + 1])
def test_size_mismatch_raises_and_leaves_nothing(source, cache, size):
    with pytest.raises(FetchError, match=f"expected {size:,}"):
        fetch(make_dataset(source.as_uri(), size=size), cache_dir=cache)
    assert files_under(cache) == []


def test_corrupt_cached_copy_is_replaced(source, cache):
    dataset = make_dataset(source.as_uri())
    stale = cache / dataset.filename
    stale.parent.mkdir(parents=True)
    stale.write_bytes(CONTENT[:-1] + b"?")     # right size, wrong checksum
    with pytest.warns(UserWarning, match="downloading it again"):
        path = fetch(dataset, cache_dir=cache)
    assert path.read_bytes() == CONTENT


def test_no_url_says_where_to_put_the_file(cache):
    with pytest.raises(FetchError, match=r"'wiki17m' is not downloadable.*--data-dir.*"
                                         r"corpora/wiki17m\.txt\.xz"):
        fetch("wiki17m", cache_dir=cache)


def test_unreachable_url_names_it(tmp_path, cache):
    url = (tmp_path / "missing.txt").as_uri()
    with pytest.raises(FetchError, match=f"'demo' from {url}"):
        fetch(make_dataset(url), cache_dir=cache)
    assert files_under(cache) == []


def make_zip(tmp_path, members):
    path = tmp_path / "upstream" / "demo.zip"
    path.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_member_is_extracted_and_cached(tmp_path, cache):
    archive = make_zip(tmp_path, {"demo": CONTENT, "README": b"other"})
    data = archive.read_bytes()
    dataset = make_dataset(archive.as_uri(), data=data, filename="corpora/demo.zip", member="demo")
    path = fetch(dataset, cache_dir=cache)
    assert path == cache / "corpora" / "demo"
    assert path.read_bytes() == CONTENT
    assert files_under(cache) == [cache / "corpora" / "demo", cache / "corpora" / "demo.zip"]
    archive.unlink()
    assert fetch(dataset, cache_dir=cache).read_bytes() == CONTENT


def test_missing_zip_member_lists_members(tmp_path, cache):
    archive = make_zip(tmp_path, {"README": b"other"})
    dataset = make_dataset(archive.as_uri(), data=archive.read_bytes(),
                           filename="corpora/demo.zip", member="demo")
    with pytest.raises(FetchError, match="no member 'demo'; it holds: README"):
        fetch(dataset, cache_dir=cache)
    assert not (cache / "corpora" / "demo").exists()


def test_no_warning_on_a_clean_fetch(source, cache):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fetch(make_dataset(source.as_uri()), cache_dir=cache)
        fetch(make_dataset(source.as_uri()), cache_dir=cache)
