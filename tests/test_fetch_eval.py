"""`wordvec fetch eval` and finding downloads without a data directory (issue 11, point 1)."""
import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from corpora import registry
from corpora.registry import Dataset
from wordvec.cli import main
from wordvec.vectors.keyedvectors import KeyedVectors

ANALOGIES = b": capital\nparis france berlin germany\nberlin germany paris france\n"
PAIRS = b"paris\tfrance\t8.0\nberlin\tgermany\t7.5\nparis\tgermany\t3.0\n"
CORPUS = b"paris is in france and berlin is in germany\n" * 20


def dataset(tmp_path, name, kind, filename, data, downloadable=True):
    upstream = tmp_path / "upstream" / filename
    upstream.parent.mkdir(parents=True, exist_ok=True)
    upstream.write_bytes(data)
    return Dataset(name, kind, upstream.as_uri() if downloadable else None, filename,
                   len(data), hashlib.sha256(data).hexdigest(), "test", "test",
                   "one line" if kind == "corpus" else "word pairs", "words",
                   made="" if downloadable else "typed by hand for this test")


@pytest.fixture
def offline_registry(tmp_path, monkeypatch):
    entries = [dataset(tmp_path, "tiny", "corpus", "corpora/tiny.txt", CORPUS),
               dataset(tmp_path, "capitals", "analogy", "eval/capitals.txt", ANALOGIES),
               dataset(tmp_path, "pairs", "similarity", "eval/pairs.txt", PAIRS),
               dataset(tmp_path, "private", "similarity", "eval/private.txt", PAIRS, False)]
    monkeypatch.setattr(registry, "DATASETS", {entry.name: entry for entry in entries})
    cache = tmp_path / "cache"
    monkeypatch.setenv("WORDVEC_CACHE", str(cache))
    monkeypatch.delenv("WORDVEC_DATA", raising=False)
    return cache


def test_fetch_eval_downloads_every_benchmark_set_in_one_go(offline_registry, capsys):
    assert main(["fetch", "eval"]) == 0
    out = capsys.readouterr().out
    assert (offline_registry / "eval" / "capitals.txt").read_bytes() == ANALOGIES
    assert (offline_registry / "eval" / "pairs.txt").read_bytes() == PAIRS
    assert not (offline_registry / "corpora").exists()          # benchmark sets only
    assert "private: skipped, no public download (typed by hand for this test)" in out
    assert "wordvec eval VECTORS\n" in out and "--data-dir" not in out


def test_eval_finds_fetched_sets_without_a_data_directory(offline_registry, tmp_path, capsys):
    assert main(["fetch", "eval"]) == 0
    vectors = np.array([[1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [-0.1, 1, 0]], np.float32)
    path = tmp_path / "v.txt"
    KeyedVectors(vectors, ["paris", "france", "berlin", "germany"]).save(str(path))
    capsys.readouterr()
    assert main(["eval", str(path), "--resamples", "50"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^capitals\b", out, re.M) and re.search(r"^pairs\b", out, re.M)


def test_a_corpus_name_is_found_among_downloads(offline_registry, tmp_path, capsys):
    assert main(["fetch", "tiny"]) == 0
    assert "wordvec train sg --corpus tiny --out vectors.bin" in capsys.readouterr().out
    out = tmp_path / "tiny.npz"
    assert main(["train", "sg", "--corpus", "tiny", "--out", str(out), "--dim", "4",
                 "--min-count", "1", "--epochs", "1", "--no-cache", "--quiet"]) == 0
    assert "germany" in KeyedVectors.load(str(out))


def test_a_missing_corpus_says_how_to_get_it(offline_registry, capsys):
    assert main(["train", "sg", "--corpus", "tiny", "--out", "x.bin"]) == 2
    err = capsys.readouterr().err
    assert "run `wordvec fetch tiny`" in err and "../shared" not in err


def test_every_file_without_a_download_says_how_it_was_made(capsys):
    for entry in registry.DATASETS.values():
        assert entry.downloadable or len(entry.made) > 40, entry.name
    assert main(["fetch", "--list"]) == 0
    out = capsys.readouterr().out
    assert "wiki17m (corpora/wiki17m.txt.xz): WikiExtractor" in out
    with pytest.raises(Exception, match="made="):
        Dataset("x", "corpus", None, "corpora/x.txt", None, None, "l", "d", "one line", "words")


def test_benchmark_names_resolve_like_the_command_line(offline_registry, tmp_path):
    from wordvec import evaluate_analogies, evaluate_word_pairs
    from wordvec.errors import BenchmarkFileError
    kv = KeyedVectors(np.array([[1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [0.1, 0.9, 0]], np.float32),
                      ["paris", "france", "berlin", "germany"])
    with pytest.raises(BenchmarkFileError, match="wordvec fetch eval"):
        evaluate_analogies(kv, "capitals")
    assert main(["fetch", "eval"]) == 0
    result = evaluate_analogies(kv, "capitals")          # by name, no data directory
    assert Path(result.path) == offline_registry / "eval" / "capitals.txt"
    assert str(result.total).startswith(f"total: {result.accuracy:.1%} correct [95% CI")
    pairs = evaluate_word_pairs(kv, "pairs.txt", n_resamples=50)
    assert str(pairs).startswith(f"pairs.txt: Spearman {pairs.spearman:.3f} [95% CI")
