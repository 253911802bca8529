"""The ``wordvec`` command line, run in-process through ``main([...])``.

Every test trains on a few thousand synthetic sentences, so the whole file
takes seconds; one test runs the installed console script in a subprocess.
"""
import inspect
import lzma
import re
import runpy
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from corpora import registry, synthetic
from wordvec.cli import build_parser, main
from wordvec.cli import train as cli_train
from wordvec.cli.algorithms import ALGORITHMS
from wordvec.vectors.keyedvectors import KeyedVectors

# Enough text for the planted analogies with 30 dimensions and 10 epochs
# (about half a second of training), small enough to train in every test.
TINY_SENTENCES = 8000
TINY_MODEL = ["--dim", "30", "--epochs", "10", "--quiet", "--no-cache"]
# For the tests that only check what was trained with which hyperparameters.
SMALL_SENTENCES = 1500
SMALL_MODEL = ["--dim", "8", "--epochs", "1", "--quiet", "--no-cache"]


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "synthetic.txt"
    synthetic.write(path, n_sentences=TINY_SENTENCES, seed=0)
    return path


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "synthetic.txt"
    synthetic.write(path, n_sentences=SMALL_SENTENCES, seed=1)
    return path


@pytest.fixture(scope="module")
def vectors(corpus_file, tmp_path_factory):
    """A tiny model trained once through the CLI, for the query commands."""
    out = tmp_path_factory.mktemp("vectors") / "tiny.npz"
    assert main(["train", "sg", "--corpus", str(corpus_file), "--out", str(out)] + TINY_MODEL) == 0
    return out


@pytest.fixture
def no_data_dir(monkeypatch):
    monkeypatch.delenv("WORDVEC_DATA", raising=False)


def one_error_line(err):
    """The stderr of a failed command: exactly one `wordvec: error:` line, no traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("wordvec: error: ")
    return lines[0]


# ------------------------------------------------------------------- parsing

@pytest.mark.parametrize("command", [[], ["train"], ["train", "sg"], ["train", "cbow"],
                                     ["train", "glove"], ["cooccur"], ["eval"], ["neighbors"],
                                     ["analogy"], ["fetch"], ["demo"], ["presets"], ["export"]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(command + ["--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("usage: " + " ".join(["wordvec"] + command))


def test_train_sg_help_lists_hyperparameters_with_their_defaults(capsys):
    with pytest.raises(SystemExit):
        main(["train", "sg", "--help"])
    out = " ".join(capsys.readouterr().out.split())  # undo argparse's line wrapping
    for flag in ("--dim", "--window", "--negative", "--ns-exponent", "--sample", "--alpha",
                 "--min-alpha", "--epochs", "--min-count", "--max-vocab-size",
                 "--max-final-vocab", "--workers", "--seed", "--normalizer NAME", "words: lowercase words", "text8: lowercase a-z only",
                 "--max-sentence-length", "--cache-dir", "--no-cache", "--quiet", "--data-dir",
                 "--eval"):
        assert flag in out
    assert "--dim DIM Size of the vectors. (default: 100)" in out  # the declared help


def test_train_cbow_help_lists_its_own_flags(capsys):
    with pytest.raises(SystemExit):
        main(["train", "cbow", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for flag in ("--cbow-mean, --no-cbow-mean", "--hs, --no-hs", "--vectors {word,word+context,concat}",
                 "--preset {word2vec-c,gensim,text8-demo,levy2015}"):
        assert flag in out
    # CBOW's own default and help, and the help it shares with SkipGram.
    assert "--alpha ALPHA Initial learning rate of SGD" in out and "(default: 0.05)" in out
    assert "word2vec.c's 0.05" in out
    assert "--dim DIM Size of the vectors. (default: 100)" in out


def parse_train(algorithm, *flags):
    """The estimator, and its keyword arguments and preset as `wordvec train` would choose."""
    opts = build_parser().parse_args(["train", algorithm, "--corpus", "c", "--out", "v.bin",
                                      *flags])
    params, preset = cli_train.chosen_hyperparameters(opts, ALGORITHMS[algorithm])
    return ALGORITHMS[algorithm].estimator, params, preset


@pytest.mark.parametrize("algorithm", ["sg", "cbow", "glove"])
def test_train_defaults_are_the_estimators(algorithm):
    estimator, params, preset = parse_train(algorithm)
    signature = inspect.signature(estimator).parameters
    assert set(params) == set(signature) - {"verbose", "callbacks"}
    assert params == {name: signature[name].default for name in params}
    assert preset is None
    helps = estimator.param_help()
    assert all(helps[name].help for name in params), "a parameter lacks its help"
    assert all(f"\n{name} : " in estimator.__doc__ for name in params), "numpydoc section"


def test_flags_take_the_type_of_the_default():
    _, params, _ = parse_train("cbow", "--hs", "--no-cbow-mean", "--vectors", "word+context",
                               "--sample", "1e-4", "--max-vocab-size", "100", "--negative", "0")
    assert params["hs"] is True and params["cbow_mean"] is False
    assert params["vectors"] == "word+context" and params["sample"] == 1e-4
    assert params["max_vocab_size"] == 100 and params["negative"] == 0
    assert parse_train("sg", "--no-hs")[1]["hs"] is False


def test_preset_then_flags_given():
    _, params, preset = parse_train("cbow", "--preset", "text8-demo")
    assert preset.name == "text8-demo"
    assert {key: params[key] for key in ("dim", "window", "negative", "sample", "epochs",
                                         "alpha")} == {"dim": 200, "window": 8, "negative": 25,
                                                       "sample": 1e-4, "epochs": 15,
                                                       "alpha": 0.05}
    # A flag given wins, even one equal to the estimator's default (--window 5).
    _, params, _ = parse_train("cbow", "--preset", "text8-demo", "--epochs", "1", "--dim", "10",
                               "--window", "5", "--cbow-mean")
    assert (params["epochs"], params["dim"], params["window"]) == (1, 10, 5)
    assert (params["negative"], params["sample"]) == (25, 1e-4)
    # Skip-gram gets the preset's skip-gram learning rate, and no cbow_mean.
    _, params, _ = parse_train("sg", "--preset", "text8-demo")
    assert params["alpha"] == 0.025 and "cbow_mean" not in params


def test_bad_vectors_or_preset_exits_2(capsys):
    for flags in (["--vectors", "out"], ["--preset", "word2vek"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["train", "cbow", "--corpus", "c", "--out", "v.bin", *flags])
        assert exit_info.value.code == 2
        assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["train"], ["train", "cbow"], ["train", "sg"],
                                  ["train", "sg", "--corpus", "c"], ["neighbors", "v.npz"],
                                  ["fetch"], ["fetch", "text8", "--list"],
                                  ["demo", "--sentences", "100"], ["analogy", "v.npz", "a", "b"]])
def test_bad_command_lines_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_presets_lists_every_preset(capsys):
    from w2v.presets import PRESETS
    assert main(["presets"]) == 0
    out = capsys.readouterr().out
    command = {"cbow": "train cbow", "skipgram": "train sg"}
    for name, preset in PRESETS.items():
        assert f"{name} (recommended: {command[preset.algorithm]}): {preset.description}" in out
        assert preset.source in out
    # The flags that would do the same, per algorithm where the preset says so.
    assert re.search(r"^  train cbow: +--dim 200 --window 8 --negative 25 .*--cbow-mean$", out,
                     re.MULTILINE)
    assert re.search(r"^  train sg: +--dim 200 .*--alpha 0.025 --min-alpha 2.5e-06$", out,
                     re.MULTILINE)
    assert re.search(r"^  flags: +--negative 15 .*--vectors word\+context$", out, re.MULTILINE)


def test_console_script_runs():
    script = Path(sys.executable).with_name("wordvec")
    if not script.exists():
        pytest.skip("the wordvec console script is not installed next to this Python")
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0
    assert all(command in done.stdout for command in ("train", "eval", "neighbors", "analogy",
                                                      "fetch", "demo"))


def test_python_dash_m_wordvec(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["wordvec", "fetch", "--list"])
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_module("wordvec", run_name="__main__")
    assert exit_info.value.code == 0
    assert "text8" in capsys.readouterr().out


# --------------------------------------------------------------------- train

@pytest.mark.parametrize("suffix", [".bin", ".txt", ".npz"])
def test_train_saves_in_the_format_of_the_extension(suffix, corpus_file, tmp_path, capsys):
    out = tmp_path / f"vectors{suffix}"
    status = main(["train", "sg", "--corpus", str(corpus_file), "--out", str(out), "--dim", "12",
                   "--epochs", "1", "--quiet", "--cache-dir", str(tmp_path / "cache")])
    assert status == 0
    kv = KeyedVectors.load(out)
    assert kv.vector_size == 12 and "paris" in kv
    printed = capsys.readouterr().out
    assert f"{len(kv):,} words x 12 dimensions" in printed
    assert re.search(r"words trained +[\d,]+ \([\d,]+ words/s\)", printed)
    assert re.search(r"final loss +\d+\.\d+ \(epoch 1 of 1\)", printed)
    assert f"saved to       {out}" in printed
    assert list((tmp_path / "cache").iterdir()), "--cache-dir was not used"


def train_small(algorithm, small_corpus, out, *flags):
    """Train on the small corpus through the CLI; the saved metadata's params."""
    assert main(["train", algorithm, "--corpus", str(small_corpus), "--out", str(out),
                 *SMALL_MODEL, *flags]) == 0
    kv = KeyedVectors.load(out)
    assert len(kv) > 0
    return kv.metadata


def test_train_cbow(small_corpus, tmp_path, capsys):
    metadata = train_small("cbow", small_corpus, tmp_path / "cbow.npz")
    assert metadata["algorithm"] == "cbow"
    assert metadata["params"]["dim"] == 8 and metadata["params"]["cbow_mean"] is True
    assert "training CBOW on" in capsys.readouterr().out


def test_train_hierarchical_softmax_only(small_corpus, tmp_path):
    metadata = train_small("sg", small_corpus, tmp_path / "hs.npz", "--hs", "--negative", "0")
    params = metadata["params"]
    assert params["hs"] is True and params["negative"] == 0


def test_train_vectors_in_plus_out(small_corpus, tmp_path):
    metadata = train_small("cbow", small_corpus, tmp_path / "wc.npz", "--vectors", "word+context")
    assert metadata["params"]["vectors"] == "word+context"


def test_train_with_a_preset(small_corpus, tmp_path, capsys):
    from w2v.presets import get_preset
    # SMALL_MODEL's --dim 8 --epochs 1 come first; these later ones win, as
    # argparse keeps the last, and both win over the preset.
    params = train_small("cbow", small_corpus, tmp_path / "demo.npz", "--preset", "text8-demo",
                         "--epochs", "1", "--dim", "10")["params"]
    assert (params["epochs"], params["dim"]) == (1, 10)
    assert (params["window"], params["negative"], params["sample"]) == (8, 25, 1e-4)
    out = capsys.readouterr().out
    assert "(normalizer words, preset text8-demo)" in out
    assert f"preset         text8-demo, from {get_preset('text8-demo').source}" in out


def test_unknown_extension_fails_before_training(corpus_file, tmp_path, capsys):
    out = tmp_path / "vectors.pkl"
    assert main(["train", "sg", "--corpus", str(corpus_file), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert "unknown extension" in one_error_line(captured.err)
    assert "training" not in captured.out and not out.exists()


def test_missing_corpus_is_a_one_line_error(tmp_path, capsys):
    missing = tmp_path / "no-such-corpus.txt"
    assert main(["train", "sg", "--corpus", str(missing), "--out", str(tmp_path / "v.bin")]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert str(missing) in line and "no such file or folder" in line


def test_bad_hyperparameter_is_a_one_line_error(corpus_file, tmp_path, capsys):
    argv = ["train", "sg", "--corpus", str(corpus_file), "--out", str(tmp_path / "v.bin")]
    assert main(argv + ["--dim", "0", "--no-cache"]) == 2
    assert "dim must be" in one_error_line(capsys.readouterr().err)


def test_registry_name_uses_the_data_dir_and_its_normalizer(tmp_path, capsys):
    # brown's registry normaliser is text8: lowercase a-z words only.
    text = "The Cat sat on the Mat, said Mr. Smith .\n" * 50
    brown = tmp_path / "data" / registry.get("brown").relative_path
    brown.parent.mkdir(parents=True)
    brown.write_bytes(lzma.compress(text.encode()))
    base = ["train", "sg", "--corpus", "brown", "--data-dir", str(tmp_path / "data"),
            "--dim", "8", "--epochs", "1", "--quiet", "--no-cache"]
    assert main(base + ["--out", str(tmp_path / "a.txt")]) == 0
    assert "(normalizer text8)" in capsys.readouterr().out
    assert set(KeyedVectors.load(tmp_path / "a.txt")) == {"the", "cat", "sat", "on", "mat",
                                                          "said", "mr", "smith"}
    # An explicit --normalizer wins over the registry's.
    assert main(base + ["--out", str(tmp_path / "b.txt"), "--normalizer", "none"]) == 0
    assert "Cat" in KeyedVectors.load(tmp_path / "b.txt")


def test_registry_name_without_data_dir_says_how_to_set_it(no_data_dir, tmp_path, capsys):
    assert main(["train", "sg", "--corpus", "wiki17m", "--out", str(tmp_path / "v.bin")]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "--data-dir" in line and "WORDVEC_DATA" in line


def test_interrupted_training_still_saves(corpus_file, tmp_path, monkeypatch, capsys):
    from w2v import SkipGram
    train_chunk = SkipGram._train_chunk
    calls = []

    def ctrl_c_on_third_chunk(self, *args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return train_chunk(self, *args)

    monkeypatch.setattr(SkipGram, "_train_chunk", ctrl_c_on_third_chunk)
    out = tmp_path / "partial.npz"
    assert main(["train", "sg", "--corpus", str(corpus_file), "--out", str(out)]
                + TINY_MODEL) == 130
    assert "interrupted" in capsys.readouterr().out
    assert "paris" in KeyedVectors.load(out)


def test_train_then_eval(corpus_file, tmp_path, capsys):
    synthetic.write_questions(tmp_path / "data" / "eval" / "planted.txt")
    assert main(["train", "sg", "--corpus", str(corpus_file), "--out", str(tmp_path / "v.bin"),
                 "--data-dir", str(tmp_path / "data"), "--eval"] + TINY_MODEL) == 0
    row = re.search(r"^planted +analogy +accuracy \(3cosadd\) +(\d\.\d+) +"
                    r"\[\d\.\d{3}, \d\.\d{3}\] +1020/1020",
                    capsys.readouterr().out, re.MULTILINE)
    assert row and float(row.group(1)) > 0.5


# ------------------------------------------------------------------- queries

def test_neighbors(vectors, capsys):
    assert main(["neighbors", str(vectors), "paris", "guitar", "--topn", "4"]) == 0
    out = capsys.readouterr().out
    assert "nearest to paris:" in out and "nearest to guitar:" in out
    ranks = re.findall(r"^ +(\d) +(\w+) +(-?\d\.\d{4})$", out, re.MULTILINE)
    assert [rank for rank, _, _ in ranks] == ["1", "2", "3", "4"] * 2
    music = set(synthetic.TOPICS["music"])
    assert {word for _, word, _ in ranks[4:]} <= music  # guitar's topic words


def test_neighbors_unknown_word_reports_and_goes_on(vectors, capsys):
    assert main(["neighbors", str(vectors), "kng", "paris"]) == 1
    captured = capsys.readouterr()
    assert "word 'kng' is not in the vocabulary; did you mean 'king'?" in captured.err
    assert "nearest to paris:" in captured.out


@pytest.mark.parametrize("method", ["3cosadd", "3cosmul"])
def test_analogy(method, vectors, capsys):
    assert main(["analogy", str(vectors), "paris", "france", "berlin", "--method", method]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("paris : france :: berlin : ?")
    assert len(lines) == 1 + 5
    assert lines[1].split()[:2] == ["1", "germany"]


def test_analogy_unknown_word(vectors, capsys):
    assert main(["analogy", str(vectors), "paris", "france", "xyzzy"]) == 1   # as neighbors
    err = capsys.readouterr().err.strip()
    assert err.startswith("wordvec: word 'xyzzy' is not in the vocabulary") and "\n" not in err


def test_keyboard_interrupt_exits_130(vectors, monkeypatch, capsys):
    def ctrl_c(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(KeyedVectors, "load", ctrl_c)
    assert main(["neighbors", str(vectors), "paris"]) == 130
    assert "interrupted" in capsys.readouterr().err


# ---------------------------------------------------------------------- eval

def test_eval_benchmark_files(vectors, tmp_path, no_data_dir, capsys):
    analogies = tmp_path / "handmade.txt"
    analogies.write_text(": capitals\nparis france berlin germany\ntokyo japan rome italy\n"
                         "athens greece nowhere land\n")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("paris\tfrance\t9\nguitar\tpiano\t8\nking\tsoup\t1\nbread\tstorm\t0.5\n")
    assert main(["eval", str(vectors), "--benchmark", str(analogies),
                 "--benchmark", str(pairs)]) == 0
    out = capsys.readouterr().out
    # 2 right out of 2 answered: Wilson's 95% interval is [0.342, 1.000]
    assert re.search(r"^handmade +analogy +accuracy \(3cosadd\) +1\.0000 +\[0\.342, 1\.000\] +"
                     r"2/3 +1 \(33\.3%\)$", out, re.MULTILINE)
    assert re.search(r"^pairs +word-pairs +spearman +-?\d\.\d{4} +\[-?\d\.\d{3}, -?\d\.\d{3}\] +"
                     r"4/4 +0 \(0\.0%\)$", out, re.MULTILINE)
    assert re.search(r"^pairs +word-pairs +pearson +-?\d\.\d{4} +4/4 +0 \(0\.0%\)$", out,
                     re.MULTILINE)


def test_eval_several_models_one_table(vectors, tmp_path, no_data_dir, capsys):
    analogies = tmp_path / "handmade.txt"
    analogies.write_text(": capitals\nparis france berlin germany\ntokyo japan rome italy\n")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("paris\tfrance\t9\nguitar\tpiano\t8\nking\tsoup\t1\nbread\tstorm\t0.5\n")
    copy = tmp_path / "copy.bin"
    KeyedVectors.load(vectors).save(copy)  # the same vectors: the same figures
    assert main(["eval", str(vectors), str(copy), "--benchmark", str(analogies),
                 "--benchmark", str(pairs), "--resamples", "200"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"tiny = {vectors}: ") and lines[0].endswith(" x 30 dimensions")
    assert lines[1].startswith(f"copy = {copy}: ")
    *table, note = lines[lines.index("") + 1:]
    assert table[0].split() == ["benchmark", "metric", "tiny", "copy"]
    assert note.startswith("unseen words: skipped, the default")
    cells = [re.split(" {2,}", line) for line in table[2:]]
    assert [row[:2] for row in cells] == [
        ["handmade", "accuracy (3cosadd)"], ["handmade", "answered"],
        ["pairs", "spearman"], ["pairs", "pearson"], ["pairs", "answered"]]
    assert cells[0][2:] == ["1.0000 [0.342, 1.000]"] * 2
    assert cells[1][2:] == ["2/2"] * 2 and cells[4][2:] == ["4/4"] * 2
    assert cells[2][2] == cells[2][3] and re.fullmatch(r"-?\d\.\d{4} \[.*\]", cells[2][2])


def test_eval_checks_every_vector_file_first(vectors, tmp_path, no_data_dir, capsys):
    missing = tmp_path / "missing.npz"
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("paris\tfrance\t9\nguitar\tpiano\t8\n")
    assert main(["eval", str(vectors), str(missing), "--benchmark", str(pairs)]) == 2
    captured = capsys.readouterr()
    assert f"{missing}: no such vector file" in one_error_line(captured.err)
    assert captured.out == ""  # the first model was not evaluated for nothing


def test_eval_data_dir_runs_its_eval_folder(vectors, tmp_path, no_data_dir, capsys):
    synthetic.write_questions(tmp_path / "eval" / "planted.txt")
    assert main(["eval", str(vectors), "--data-dir", str(tmp_path)]) == 0
    assert re.search(r"^planted +analogy .* 1020/1020", capsys.readouterr().out, re.MULTILINE)


def test_eval_without_benchmarks_says_how_to_set_them(vectors, no_data_dir, capsys):
    assert main(["eval", str(vectors)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert all(hint in line for hint in ("--benchmark", "--data-dir", "WORDVEC_DATA"))


# -------------------------------------------------------------------- export

def test_export_projector(vectors, tmp_path, capsys):
    folder = tmp_path / "projector"
    assert main(["export", str(vectors), "--projector", str(folder), "--top", "25"]) == 0
    kv = KeyedVectors.load(vectors)
    out = capsys.readouterr().out
    assert f"25 of {len(kv):,} words x 30 dimensions" in out
    assert "(word and count columns)" in out
    rows = (folder / "vectors.tsv").read_text().splitlines()
    assert len(rows) == 25
    floats = np.array([row.split("\t") for row in rows], dtype=np.float32)
    assert np.array_equal(floats, kv.vectors[:25])  # float32 values read back exactly
    metadata = (folder / "metadata.tsv").read_text().splitlines()
    assert metadata[0] == "word\tcount"
    assert metadata[1:] == [f"{w}\t{c}" for w, c in zip(kv.index_to_key[:25], kv.counts[:25])]
    assert sorted(p.name for p in folder.iterdir()) == ["metadata.tsv", "vectors.tsv"]


def test_export_without_counts_and_refused_words(vectors, tmp_path, capsys):
    kv = KeyedVectors.load(vectors)
    text = tmp_path / "tiny.txt"
    kv.save(text)  # word2vec text: no counts
    assert main(["export", str(text), "--projector", str(tmp_path / "p")]) == 0
    assert "(words)" in capsys.readouterr().out
    assert (tmp_path / "p" / "metadata.tsv").read_text().splitlines() == kv.index_to_key
    assert len((tmp_path / "p" / "vectors.tsv").read_text().splitlines()) == len(kv)
    tabbed = tmp_path / "tabbed.npz"
    KeyedVectors(kv.vectors[:3], ["a", "b\tc", "d"]).save(tabbed)
    assert main(["export", str(tabbed), "--projector", str(tmp_path / "q")]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "word 'b\\tc' (row 1 of the vocabulary) holds a tab or a line break" in line
    assert not (tmp_path / "q").exists()


def test_export_needs_projector_and_a_positive_top(vectors, capsys):
    for argv in (["export", str(vectors)], ["export", str(vectors), "--projector", "p",
                                             "--top", "0"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
        assert "error:" in capsys.readouterr().err


# --------------------------------------------------------------------- fetch

def test_fetch_list_shows_the_registry(capsys):
    assert main(["fetch", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "kind", "bytes", "download", "licence"]
    assert set(lines[1]) == {"-", " "}
    rows = {line.split()[0]: line.split() for line in lines[2:len(registry.DATASETS) + 2]}
    assert list(rows) == list(registry.DATASETS)
    assert rows["text8"][1:4] == ["corpus", "31,344,016", "yes"]
    assert rows["wiki17m"][3] == "no"


def test_fetch_without_url_is_a_clear_error(tmp_path, capsys):
    assert main(["fetch", "wiki17m", "--cache-dir", str(tmp_path)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "'wiki17m' is not downloadable" in line and "--data-dir" in line
    assert not any(tmp_path.iterdir())


def test_fetch_unknown_name(tmp_path, capsys):
    assert main(["fetch", "no-such-set", "--cache-dir", str(tmp_path)]) == 2
    assert "unknown dataset 'no-such-set'" in one_error_line(capsys.readouterr().err)


# ---------------------------------------------------------------------- demo

def test_demo_on_a_smaller_corpus(capsys):
    # The slowest test here (a second or two): it trains on 20,000 sentences.
    # What the demo prints is tested in test_demo.py; this is the command around it.
    assert main(["demo", "--sentences", "20000", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "20,000 sentences" in out
    assert re.search(r"^  ✓ +paris : france :: berlin : germany +0\.\d\d$", out, re.MULTILINE)
