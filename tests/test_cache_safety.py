"""Several runs at once, and damaged caches (issue 12, points 1 and 2)."""
import logging
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from wordvec.cache.prepare import prepare_corpus
from wordvec.cli import main

TEXT = "".join(f"the {w} sat on the mat near a {v} and a dog\n"
               for w in ("cat", "cow", "hen", "fox") for v in ("tree", "car", "log")) * 400

PREPARE = """
import sys
from wordvec.cache.prepare import prepare_corpus
vocab, encoded = prepare_corpus(sys.argv[1], min_count=1, cache_dir=sys.argv[2])
print(len(vocab), encoded.n_words, int(encoded.ids.sum()))
"""


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text(TEXT)
    return path


def test_processes_preparing_one_corpus_at_once_all_succeed(corpus, tmp_path):
    # Before: two of three died on '... .ids.npy.raw': No such file or directory.
    cache = tmp_path / "cache"
    runs = [subprocess.Popen([sys.executable, "-c", PREPARE, str(corpus), str(cache)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(4)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, [err for _, err in results]
    assert len({out for out, _ in results}) == 1
    assert not [path for path in cache.iterdir() if path.name.startswith(".")]  # no temporaries
    vocab, encoded = prepare_corpus(corpus, min_count=1, cache_dir=cache)
    assert f"{len(vocab)} {encoded.n_words} {int(encoded.ids.sum())}\n" == results[0][0]


def test_threads_preparing_one_corpus_at_once_all_succeed(corpus, tmp_path):
    with ThreadPoolExecutor(4) as pool:
        prepared = list(pool.map(lambda _: prepare_corpus(corpus, 1, cache_dir=tmp_path),
                                 range(4)))
    for vocab, encoded in prepared:
        assert vocab.words == prepared[0][0].words
        assert np.array_equal(encoded.ids, prepared[0][1].ids)


def _fresh(corpus):
    return prepare_corpus(corpus, min_count=1, cache_dir=False)


@pytest.mark.parametrize("damage", ["truncate ids", "garbage counts", "garbage bounds"])
def test_a_damaged_entry_is_rebuilt_with_a_notice(damage, corpus, tmp_path, caplog):
    prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    if damage == "truncate ids":
        [path] = tmp_path.glob("*.ids.npy")
        path.write_bytes(path.read_bytes()[:-100])     # before: mmap length is greater ...
    elif damage == "garbage counts":
        [path] = tmp_path.glob("*.counts.npz")
        path.write_bytes(b"\x80\x04garbage" * 10)     # before: numpy's pickled-data error
    else:
        [path] = tmp_path.glob("*.bounds.npy")
        path.write_bytes(b"\x93NUMPY" + b"\x00" * 50)
    with caplog.at_level(logging.WARNING):
        vocab, encoded = prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    notices = [r.getMessage() for r in caplog.records if "is damaged" in r.getMessage()]
    assert len(notices) == 1 and "building it again" in notices[0] and "\n" not in notices[0]
    fresh_vocab, fresh = _fresh(corpus)
    assert vocab.words == fresh_vocab.words and np.array_equal(encoded.ids, fresh.ids)
    caplog.clear()
    prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)     # healed: no more notices
    assert not [r for r in caplog.records if "is damaged" in r.getMessage()]


def test_an_unsealed_entry_is_rebuilt_silently(corpus, tmp_path, caplog):
    prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    for seal in tmp_path.glob("*.seal.json"):
        seal.unlink()                   # as an older wordvec, or a run killed before sealing
    [ids] = tmp_path.glob("*.ids.npy")
    ids.write_bytes(ids.read_bytes()[:-8])
    with caplog.at_level(logging.WARNING):
        _, encoded = prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    assert not caplog.records
    assert np.array_equal(encoded.ids, _fresh(corpus)[1].ids)


def test_cache_info_and_clear(corpus, tmp_path, capsys):
    cache = tmp_path / "cache"
    prepare_corpus(corpus, min_count=1, cache_dir=cache)
    assert main(["cache", "--cache-dir", str(cache)]) == 0
    out = capsys.readouterr().out
    assert "word counts" in out and "encoded corpus" in out and str(corpus) in out
    assert out.count(" ok\n") == 2
    [ids] = cache.glob("*.ids.npy")
    ids.write_bytes(ids.read_bytes()[:-4])
    assert main(["cache", "--info", "--cache-dir", str(cache)]) == 0
    assert "damaged: " in capsys.readouterr().out
    assert main(["cache", "--clear", "--cache-dir", str(cache)]) == 0
    assert "deleted 5 files" in capsys.readouterr().out
    assert not list(cache.iterdir())


# --- fuzzing the cache files -------------------------------------------------------------

import json  # noqa: E402
import os  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from w2v import SkipGram  # noqa: E402
from wordvec.cache.seal import seal as reseal  # noqa: E402

# As tests/test_fuzz_loaders.py: a few hundred in CI, more with WORDVEC_FUZZ_EXAMPLES=N.
EXAMPLES = int(os.environ.get("WORDVEC_FUZZ_EXAMPLES", "400"))


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          derandomize="WORDVEC_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(which=st.sampled_from(["counts", "ids", "bounds", "seal"]),
       keep=st.floats(0, 1), garbage=st.binary(max_size=64), resealed=st.booleans())
def test_no_cache_file_content_can_crash_a_run(tmp_path_factory, which, keep, garbage,
                                               resealed):
    folder = tmp_path_factory.mktemp("fuzz")
    corpus = folder / "c.txt"
    corpus.write_text("a b c a b a\nc c a\n" * 30)
    cache = folder / "cache"
    vocab, encoded = prepare_corpus(corpus, min_count=1, cache_dir=cache)
    # Copies: damaging a file in place under a live memory map would crash this very test.
    ids, bounds = np.array(encoded.ids), np.array(encoded.bounds)
    del encoded
    [target] = cache.glob({"counts": "*.counts.npz", "ids": "*.ids.npy",
                           "bounds": "*.bounds.npy", "seal": "*.encoded.seal.json"}[which])
    original = target.read_bytes()
    target.write_bytes(original[:int(keep * len(original))] + garbage)
    if resealed and which != "seal":   # damage the seal cannot see: the loader must
        stem = target.name.split(".")[0]
        seals = list(cache.glob(f"{stem}.*seal.json"))
        for seal_path in seals:
            files = [cache / name for name in json.loads(seal_path.read_text())["files"]]
            reseal(seal_path, "fuzzed", "test", files)
    again_vocab, again = prepare_corpus(corpus, min_count=1, cache_dir=cache)
    assert again_vocab.words == vocab.words
    if not resealed:   # the seal sees the damage: the entry is rebuilt as it was
        assert np.array_equal(again.ids, ids) and np.array_equal(again.bounds, bounds)
    else:              # no seal can: what comes back may differ, but is a corpus a kernel can read
        assert 0 <= again.ids.min() and again.ids.max() < len(again_vocab)
        assert again.bounds[0] == 0 and again.bounds[-1] == len(again.ids)
        assert (np.diff(again.bounds) >= 0).all()
        SkipGram(dim=4, min_count=1, epochs=1, verbose=False).fit_encoded(again, again_vocab)


def test_an_id_outside_the_vocabulary_in_a_resealed_cache_is_rebuilt(corpus, tmp_path, caplog):
    # Damage no seal sees (it was written after): the loader checks every id.
    vocab, encoded = prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    ids = np.array(encoded.ids)
    del encoded
    [ids_file] = tmp_path.glob("*.ids.npy")
    damaged = np.load(ids_file)
    damaged[len(damaged) // 2] = 16_777_216          # a high byte flipped, mid-file
    np.save(ids_file, damaged)
    [seal_path] = tmp_path.glob("*.encoded.seal.json")
    files = [tmp_path / name for name in json.loads(seal_path.read_text())["files"]]
    reseal(seal_path, "encoded corpus", "resealed over the damage", files)
    with caplog.at_level(logging.WARNING):
        model = SkipGram(dim=8, min_count=1, epochs=1, seed=3, verbose=False)
        model.fit(corpus, cache_dir=tmp_path)
    [notice] = [r.getMessage() for r in caplog.records if "is damaged" in r.getMessage()]
    assert "word id 16,777,216 at position" in notice and "building it again" in notice
    assert np.array_equal(model.corpus_.ids, ids)
    fresh = SkipGram(dim=8, min_count=1, epochs=1, seed=3, verbose=False).fit(corpus,
                                                                              cache_dir=False)
    assert np.array_equal(model.wv.vectors, fresh.wv.vectors)   # trained as if never damaged


def test_counts_below_one_in_a_resealed_cache_are_rebuilt(corpus, tmp_path, caplog):
    vocab, _ = prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    [counts_file] = tmp_path.glob("*.counts.npz")
    with np.load(counts_file) as data:
        arrays = dict(data)
    arrays["counts"] = -arrays["counts"]
    with open(counts_file, "wb") as out:
        np.savez(out, **arrays)
    [seal_path] = tmp_path.glob("*.counts.seal.json")
    reseal(seal_path, "word counts", "resealed over the damage", [counts_file])
    with caplog.at_level(logging.WARNING):
        again, _ = prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    assert any("counts from" in r.getMessage() for r in caplog.records)
    assert again.words == vocab.words and list(again.counts) == list(vocab.counts)


def test_a_changed_byte_in_the_middle_of_a_small_file_breaks_its_seal(tmp_path, caplog):
    corpus = tmp_path / "short-lines.txt"
    corpus.write_text("a b\nb c a\n" * 10_000)      # 20,001 bounds: 160 kB
    prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    [bounds_file] = tmp_path.glob("*.bounds.npy")
    data = bytearray(bounds_file.read_bytes())
    middle = len(data) // 2
    assert 65536 < middle < len(data) - 65536       # where the hash of the ends cannot see
    data[middle] ^= 1
    bounds_file.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        prepare_corpus(corpus, min_count=1, cache_dir=tmp_path)
    assert any("has changed since it was written" in r.getMessage() for r in caplog.records)
