"""GloVe on the command line: ``wordvec train glove`` and ``wordvec cooccur``.

Every run counts and trains on 1,500 synthetic sentences (about 400 words)
with 8 dimensions and two epochs: a fraction of a second each, once the
kernels are compiled (Numba caches them on disk).
"""
import contextlib
import inspect
import io
import lzma
import re

import numpy as np
import pytest

from corpora import registry, synthetic
from glove import GloVe
from wordvec.cli import build_parser, main
from wordvec.cli import cooccur as cli_cooccur
from wordvec.cli import train as cli_train
from wordvec.cli.algorithms import ALGORITHMS
from wordvec.cooccur.matrix import Cooccurrence
from wordvec.train.count_estimator import COUNTING as COUNTING_PARAMS
from wordvec.vectors.keyedvectors import KeyedVectors

SENTENCES = 1500
# Window 4 and min count 3, not the defaults: counting separately must pass them on.
COUNTING = ["--window", "4", "--min-count", "3"]
MODEL = ["--dim", "8", "--epochs", "2", "--seed", "7", "--workers", "1", "--quiet"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("glove-corpus") / "synthetic.txt"
    synthetic.write(path, n_sentences=SENTENCES, seed=1)
    return path


@pytest.fixture(scope="module")
def counted(corpus, tmp_path_factory):
    """`wordvec cooccur` run once: (matrix path, vocabulary path, what it printed)."""
    folder = tmp_path_factory.mktemp("counted")
    matrix = folder / "synthetic.npz"
    printed = io.StringIO()  # capsys serves one test only, this fixture a module
    with contextlib.redirect_stdout(printed):
        status = main(["cooccur", "--corpus", str(corpus), "--out", str(matrix), "--no-cache",
                       *COUNTING])
    assert status == 0
    return matrix, folder / "synthetic.vocab.txt", printed.getvalue()


def one_error_line(err):
    """The stderr of a failed command: exactly one `wordvec: error:` line, no traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("wordvec: error: ")
    return lines[0]


def usage_error(argv, capsys):
    """Run a command line argparse must refuse; its `error:` message."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    return " ".join(capsys.readouterr().err.split())


# ------------------------------------------------------------------- parsing

def test_train_glove_help_lists_its_hyperparameters(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "glove", "--help"])
    assert exit_info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    for flag in ("--x-max X_MAX", "--eta ETA", "--grad-clip", "--alpha", "--epochs",
                 "--symmetric, --no-symmetric", "--distance-weighting, --no-distance-weighting",
                 "--vectors {word+context,word,concat}", "--memory-mb", "--matrix FILE", "--vocab FILE",
                 "--corpus PATH|NAME", "--out FILE"):
        assert flag in out
    assert "--eta ETA AdaGrad's initial learning rate. (default: 0.05)" in out
    assert "(default: 100.0)" in out  # x_max, from GloVe's signature


def test_cooccur_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["cooccur", "--help"])
    assert exit_info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith("usage: wordvec cooccur")
    for flag in ("--corpus PATH|NAME", "--out MATRIX.npz", "--vocab-out VOCAB.txt",
                 "--symmetric, --no-symmetric", "--distance-weighting, --no-distance-weighting",
                 "--min-count", "--memory-mb MEMORY_MB", "--normalizer NAME",
                 "--data-dir", "--cache-dir", "--no-cache"):
        assert flag in out
    assert "--window WINDOW Context words on each side" in out and "(default: 10)" in out


def test_cooccur_defaults_are_glove_defaults():
    # cooccur and `train glove --corpus` must count alike.
    signature = inspect.signature(GloVe).parameters
    opts = build_parser().parse_args(["cooccur", "--corpus", "c", "--out", "m.npz"])
    assert set(cli_cooccur.COUNTING_ONLY) < set(COUNTING_PARAMS)
    assert cli_cooccur.counting_settings(opts) == \
        {name: signature[name].default for name in COUNTING_PARAMS}


def parse_glove(*flags):
    opts = build_parser().parse_args(["train", "glove", "--corpus", "c", "--out", "v.bin", *flags])
    return cli_train.chosen_hyperparameters(opts, ALGORITHMS["glove"])


def test_glove_flags_take_the_type_of_the_default():
    assert ALGORITHMS["glove"].estimator is GloVe
    params, preset = parse_glove("--x-max", "10", "--no-symmetric", "--eta", "1e-2",
                                 "--memory-mb", "64", "--vectors", "word", "--no-bias-eta")
    assert params["x_max"] == 10.0 and isinstance(params["x_max"], float)
    assert params["symmetric"] is False and params["distance_weighting"] is True
    assert params["eta"] == 0.01 and params["memory_mb"] == 64 and params["vectors"] == "word"
    assert params["bias_eta"] is False
    assert preset is None


def test_glove_preset_then_flags_given():
    from glove import presets
    for name in presets.PRESETS:
        params, preset = parse_glove("--preset", name)
        assert preset.name == name
        expected = presets.preset_params(name, "glove")
        assert {key: params[key] for key in expected} == expected
    # A flag given wins over the preset.
    params, _ = parse_glove("--preset", "small-corpus", "--epochs", "3", "--x-max", "7.5")
    assert (params["epochs"], params["x_max"]) == (3, 7.5)


# --------------------------------------------------------------------- train

def test_train_glove_to_npz_and_reload(corpus, tmp_path, capsys):
    out = tmp_path / "glove.npz"
    assert main(["train", "glove", "--corpus", str(corpus), "--out", str(out), "--no-cache",
                 *COUNTING, *MODEL, "--x-max", "10"]) == 0
    kv = KeyedVectors.load(out)
    assert kv.vector_size == 8 and "paris" in kv
    assert kv.metadata["algorithm"] == "glove"
    params = kv.metadata["params"]
    assert (params["dim"], params["window"], params["x_max"], params["vectors"]) == \
        (8, 4, 10.0, "word+context")
    printed = capsys.readouterr().out
    assert f"training GloVe on {corpus} (normalizer words)" in printed
    assert f"{len(kv):,} words x 8 dimensions" in printed
    entries = re.search(r"^co-occurrences +([\d,]+) stored \(upper triangle\), ([\d,]+) "
                        r"counting both directions, [\d,]+ MB; window 4, both sides, "
                        r"weights 1/d$",
                        printed, re.MULTILINE)
    assert entries and kv.metadata["cooccurrence_nnz"] == int(entries[1].replace(",", ""))
    assert int(entries[2].replace(",", "")) > int(entries[1].replace(",", ""))
    assert re.search(r"^counting +\d+\.\d s$", printed, re.MULTILINE)
    assert re.search(r"^seconds/epoch +\d+\.\d\d s \(mean of 2\)$", printed, re.MULTILINE)
    assert re.search(r"^final loss +\d+\.\d+ \(epoch 2 of 2\)$", printed, re.MULTILINE)
    assert "words trained" not in printed  # Word2Vec's row


def test_vectors_concat_doubles_the_dimension(corpus, tmp_path):
    out = tmp_path / "concat.txt"
    assert main(["train", "glove", "--corpus", str(corpus), "--out", str(out), "--no-cache",
                 *MODEL, "--vectors", "concat"]) == 0
    assert KeyedVectors.load(out).vector_size == 16


def test_bad_vectors_choice_is_refused(capsys):
    assert "invalid choice: 'both'" in usage_error(
        ["train", "glove", "--corpus", "c", "--out", "v.bin", "--vectors", "both"], capsys)


# ------------------------------------------------------------------- cooccur

def test_cooccur_saves_the_matrix_and_its_vocabulary(counted):
    from wordvec.text.vocab import Vocabulary
    matrix_path, vocab_path, printed = counted
    vocab = Vocabulary.load(vocab_path)  # the default path: .vocab.txt for .npz
    matrix = Cooccurrence.load(matrix_path, vocab=vocab).check()
    assert (matrix.window, matrix.symmetric, matrix.distance_weighting) == (4, True, True)
    assert min(vocab.counts) >= 3  # --min-count 3
    assert re.search(rf"^vocabulary +{len(vocab):,} words, of [\d,]+ tokens$", printed,
                     re.MULTILINE)
    assert (f"entries     {matrix.nnz:,} stored (upper triangle), {matrix.full_nnz:,} "
            "counting both directions") in printed
    assert re.search(r"^time +\d+\.\d s, of which \d+\.\d s counting$", printed, re.MULTILINE)
    # The vocabulary is where --matrix looks by default: the hint needs no --vocab.
    assert f"train on it: wordvec train glove --matrix {matrix_path} --out" in printed


def test_train_from_the_matrix_is_bit_identical(corpus, counted, tmp_path, capsys):
    matrix_path, vocab_path, _ = counted
    from_corpus, from_matrix = tmp_path / "corpus.npz", tmp_path / "matrix.npz"
    assert main(["train", "glove", "--corpus", str(corpus), "--out", str(from_corpus),
                 "--no-cache", *COUNTING, *MODEL]) == 0
    capsys.readouterr()
    assert main(["train", "glove", "--matrix", str(matrix_path), "--vocab", str(vocab_path),
                 "--out", str(from_matrix), *MODEL]) == 0
    printed = capsys.readouterr().out
    assert (f"training GloVe on the co-occurrences in {matrix_path} (window 4, both sides, "
            f"weights 1/d, vocabulary {vocab_path})") in printed
    assert f"counting        none: loaded from {matrix_path}" in printed
    expected, got = KeyedVectors.load(from_corpus), KeyedVectors.load(from_matrix)
    assert list(got) == list(expected)
    assert np.array_equal(got.vectors, expected.vectors)
    assert got.metadata["loss_history"] == expected.metadata["loss_history"]
    # The counting settings recorded are the matrix's, not GloVe's defaults.
    assert got.metadata["params"]["window"] == 4


def test_cooccur_asymmetric(corpus, tmp_path, capsys):
    matrix = tmp_path / "left.npz"
    vocab = tmp_path / "left-words.txt"
    assert main(["cooccur", "--corpus", str(corpus), "--out", str(matrix), "--vocab-out",
                 str(vocab), "--no-symmetric", "--no-distance-weighting", "--window", "2",
                 "--no-cache"]) == 0
    assert vocab.exists() and not (tmp_path / "left.vocab.txt").exists()
    counts = Cooccurrence.load(matrix)
    assert (counts.symmetric, counts.distance_weighting, counts.window) == (False, False, 2)
    printed = capsys.readouterr().out
    assert "window 2, left side only, weights 1" in printed
    assert f"{counts.nnz:,} nonzero (stored as counted: not symmetric)" in printed


def test_cooccur_registry_name_uses_the_data_dir(tmp_path, capsys):
    # As `train`: brown is looked up in the data directory, with its normaliser.
    brown = tmp_path / "data" / registry.get("brown").relative_path
    brown.parent.mkdir(parents=True)
    brown.write_bytes(lzma.compress(b"The Cat sat on the Mat, said Mr. Smith .\n" * 50))
    assert main(["cooccur", "--corpus", "brown", "--data-dir", str(tmp_path / "data"),
                 "--out", str(tmp_path / "brown.npz"), "--no-cache"]) == 0
    assert "(normalizer text8)" in capsys.readouterr().out
    words = (tmp_path / "brown.vocab.txt").read_text().split()[::2]
    assert set(words) == {"the", "cat", "sat", "on", "mat", "said", "mr", "smith"}


def test_cooccur_out_must_be_npz(corpus, tmp_path, capsys):
    assert main(["cooccur", "--corpus", str(corpus), "--out", str(tmp_path / "m.bin")]) == 2
    assert ".npz" in one_error_line(capsys.readouterr().err)
    assert not any(tmp_path.iterdir())


# ------------------------------------------------ --matrix: what goes together

def test_mismatched_vocabulary_is_a_clear_error(corpus, counted, tmp_path, capsys):
    matrix_path, _, _ = counted
    other = tmp_path / "other.npz"
    assert main(["cooccur", "--corpus", str(corpus), "--out", str(other), "--no-cache",
                 "--min-count", "20"]) == 0
    capsys.readouterr()
    out = tmp_path / "v.npz"
    assert main(["train", "glove", "--matrix", str(matrix_path),
                 "--vocab", str(tmp_path / "other.vocab.txt"), "--out", str(out), *MODEL]) == 2
    captured = capsys.readouterr()
    line = one_error_line(captured.err)
    assert f"{matrix_path} was counted with another vocabulary" in line
    assert "training" not in captured.out and not out.exists()


def test_same_size_other_words_is_refused_too(counted, tmp_path, capsys):
    # Same number of words, two swapped: only the vocabulary hash tells.
    matrix_path, vocab_path, _ = counted
    lines = vocab_path.read_text().splitlines()
    lines[0], lines[1] = lines[1].split()[0] + " " + lines[0].split()[1], \
        lines[0].split()[0] + " " + lines[1].split()[1]
    swapped = tmp_path / "swapped.txt"
    swapped.write_text("\n".join(lines) + "\n")
    assert main(["train", "glove", "--matrix", str(matrix_path), "--vocab", str(swapped),
                 "--out", str(tmp_path / "v.npz"), *MODEL]) == 2
    assert "counted with another vocabulary" in one_error_line(capsys.readouterr().err)


def test_a_flag_contradicting_the_matrix_is_an_error(counted, tmp_path, capsys):
    matrix_path, vocab_path, _ = counted
    argv = ["train", "glove", "--matrix", str(matrix_path), "--vocab", str(vocab_path),
            "--out", str(tmp_path / "v.npz"), *MODEL]
    assert main(argv + ["--window", "5"]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "counted with window=4, but the flags ask for window=5" in line
    assert main(argv + ["--no-symmetric"]) == 2
    assert "symmetric=True" in one_error_line(capsys.readouterr().err)
    # The matrix's own values are accepted.
    assert main(argv + ["--window", "4", "--symmetric"]) == 0


@pytest.mark.parametrize("flags, message", [
    (["--matrix", "m.npz"], "its vocabulary is not beside it (m.vocab.txt does not exist)"),
    ([], "give either --corpus PATH|NAME"),
    (["--corpus", "c", "--matrix", "m.npz", "--vocab", "v.txt"], "give either --corpus"),
    (["--corpus", "c", "--vocab", "v.txt"], "--vocab goes with --matrix"),
    (["--matrix", "m.npz", "--vocab", "v.txt", "--min-count", "2", "--memory-mb", "9"],
     "pass --min-count, --memory-mb to `wordvec cooccur`"),
])
def test_input_flags_that_do_not_go_together(flags, message, capsys):
    assert message in usage_error(["train", "glove", "--out", "v.bin", *flags], capsys)


def test_matrix_flags_are_glove_only(capsys):
    assert "unrecognized arguments: --matrix" in usage_error(
        ["train", "sg", "--corpus", "c", "--out", "v.bin", "--matrix", "m.npz"], capsys)


def test_cooccur_takes_a_preset_and_flags_win(tmp_path, capsys):
    # Issue 11: cooccur had no --preset, so small-corpus's window 50 was counted as 10.
    opts = build_parser().parse_args(["cooccur", "--corpus", "c", "--out", "m.npz",
                                      "--preset", "small-corpus"])
    assert cli_cooccur.counting_settings(opts)["window"] == 50
    opts = build_parser().parse_args(["cooccur", "--corpus", "c", "--out", "m.npz",
                                      "--preset", "small-corpus", "--window", "7"])
    assert cli_cooccur.counting_settings(opts)["window"] == 7
    opts = build_parser().parse_args(["cooccur", "--corpus", "c", "--out", "m.npz",
                                      "--preset", "levy2015"])
    settings = cli_cooccur.counting_settings(opts)
    assert (settings["window"], settings["distance_weighting"]) == (2, False)


def test_matrix_finds_its_vocabulary_by_default(counted, tmp_path, capsys):
    matrix_path, vocab_path, _ = counted
    out = tmp_path / "from-matrix.npz"
    assert main(["train", "glove", "--matrix", str(matrix_path), "--out", str(out),
                 "--dim", "6", "--epochs", "1", "--quiet"]) == 0
    assert f"vocabulary {vocab_path}" in capsys.readouterr().out
    assert KeyedVectors.load(out).vector_size == 6


def test_counts_are_cached_like_the_encoded_corpus(corpus, tmp_path, capsys):
    # Issue 11: counting was redone on every run.
    cache = tmp_path / "cache"
    runs = []
    for dim in (6, 8):
        out = tmp_path / f"g{dim}.npz"
        assert main(["train", "glove", "--corpus", str(corpus), "--out", str(out),
                     "--cache-dir", str(cache), "--dim", str(dim), "--window", "3",
                     "--epochs", "1", "--min-count", "1"]) == 0
        runs.append(capsys.readouterr().out)
    assert re.search(r"^counting +\d+\.\d s$", runs[0], re.MULTILINE)
    assert re.search(r"^counting +none: loaded from the cache in \d+\.\d s$", runs[1],
                     re.MULTILINE)
    assert len(list(cache.glob("*.cooc.npz"))) == 1
    # Another window is another count; `wordvec cooccur` shares the cache.
    assert main(["cooccur", "--corpus", str(corpus), "--out", str(tmp_path / "m.npz"),
                 "--cache-dir", str(cache), "--window", "3", "--min-count", "1"]) == 0
    assert "s loading the counts from the cache" in capsys.readouterr().out
    assert main(["cooccur", "--corpus", str(corpus), "--out", str(tmp_path / "m5.npz"),
                 "--cache-dir", str(cache), "--window", "5", "--min-count", "1"]) == 0
    assert "s counting" in capsys.readouterr().out
    assert len(list(cache.glob("*.cooc.npz"))) == 2


def test_a_cached_count_equals_a_fresh_one(corpus, tmp_path):
    from glove import GloVe
    first = GloVe(dim=4, window=3, epochs=2, min_count=1, verbose=False).fit(
        corpus, cache_dir=tmp_path)
    again = GloVe(dim=4, window=3, epochs=2, min_count=1, verbose=False).fit(
        corpus, cache_dir=tmp_path)
    fresh = GloVe(dim=4, window=3, epochs=2, min_count=1, verbose=False).fit(
        corpus, cache_dir=False)
    assert (first.counts_cached_, again.counts_cached_) == (False, True)
    assert np.array_equal(again.W_, fresh.W_) and np.array_equal(first.W_, fresh.W_)


def test_a_damaged_cached_count_is_counted_again(corpus, tmp_path, caplog):
    from glove import GloVe
    GloVe(dim=4, window=3, epochs=1, min_count=1, verbose=False).fit(corpus, cache_dir=tmp_path)
    [cached] = tmp_path.glob("*.cooc.npz")
    cached.write_bytes(b"not a matrix")
    model = GloVe(dim=4, window=3, epochs=1, min_count=1, verbose=False).fit(
        corpus, cache_dir=tmp_path)
    assert model.counts_cached_ is False and "is damaged" in caplog.text


def test_outputs_get_the_usual_permissions(corpus, tmp_path, capsys):
    # Issue 11: temporary-file-then-rename left every output at 0600 whatever the umask.
    import os
    import stat
    old = os.umask(0o022)
    try:
        assert main(["cooccur", "--corpus", str(corpus), "--out", str(tmp_path / "m.npz"),
                     "--no-cache", "--window", "3", "--min-count", "1"]) == 0
        assert main(["train", "glove", "--matrix", str(tmp_path / "m.npz"), "--out",
                     str(tmp_path / "v.bin"), "--dim", "4", "--epochs", "1", "--quiet"]) == 0
    finally:
        os.umask(old)
    for name in ("m.npz", "m.vocab.txt", "v.bin"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


def test_memory_budget_says_what_it_bounds():
    help_text = " ".join(GloVe.param_help()["memory_mb"].help.split())
    assert "working structures" in help_text and "come on top" in help_text


def test_a_damaged_matrix_is_named_in_the_error(counted, tmp_path, capsys):
    matrix_path, vocab_path, _ = counted
    matrix = Cooccurrence.load(matrix_path)
    matrix.cols[0] = matrix.vocab_size + 5          # an id past the vocabulary
    bad = tmp_path / "bad.npz"
    matrix.save(bad)
    assert main(["train", "glove", "--matrix", str(bad), "--vocab", str(vocab_path),
                 "--out", str(tmp_path / "v.bin"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"wordvec: error: {bad}: ") and "\n" not in err
