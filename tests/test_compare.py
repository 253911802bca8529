"""``wordvec compare``, run in-process on the built-in synthetic corpus."""
import json
import re

import pytest

from corpora import synthetic
from wordvec.cli import main


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare") / "report"
    return out, main(["compare", "--algorithms", "sg,cbow", "--out", str(out), "--quiet",
                      "--workers", "1"])


def test_compare_writes_the_report(compared, capsys):
    out, status = compared
    assert status == 0
    names = sorted(path.name for path in out.iterdir())
    assert names == ["epochs.png", "explore.html", "loss.png", "pca.png", "report.html",
                     "report.md", "results.json", "scores.png"]
    results = json.loads((out / "results.json").read_text())
    assert [model["name"] for model in results["models"]] == ["sg", "cbow"]
    models = {model["name"]: model for model in results["models"]}
    assert models["sg"]["params"]["workers"] == 1
    assert results["benchmarks"] == ["planted-analogies.txt"]
    # One vocabulary for both, and each model followed epoch by epoch.
    assert models["sg"]["vocabulary"] == models["cbow"]["vocabulary"]
    assert len(models["cbow"]["epoch_scores"]) == 5
    # Both learn the planted analogies (the demo's corpus, a little smaller).
    scores = results["scores"][0]["models"]
    assert scores["sg"]["value"] > 0.9 and scores["cbow"]["value"] > 0.9
    assert scores["sg"]["ci"][0] < scores["sg"]["value"] <= scores["sg"]["ci"][1]
    markdown = (out / "report.md").read_text()
    assert re.search(r"^\| planted-analogies \| [01]\.\d{3} \[", markdown, re.MULTILINE)
    assert "## Nearest neighbours" in markdown and "| paris |" in markdown


def test_compare_prints_the_expected_time_first(tmp_path, capsys):
    assert main(["compare", "--algorithms", "cbow", "--out", str(tmp_path), "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.match(r"comparing cbow on the synthetic corpus .*expected time about \d+ s",
                    lines[0])
    assert lines[1].startswith("[1/1] cbow:") and lines[-1].startswith("report: ")


@pytest.mark.parametrize("flags, message", [
    (["--algorithms", "sg,word2vec"], "--algorithms 'sg,word2vec': expected names from"),
    (["--algorithms", "sg", "--preset", "small-corpus"], "--preset small-corpus: none of sg"),
])
def test_bad_choices_are_one_line_errors(flags, message, tmp_path, capsys):
    assert main(["compare", "--out", str(tmp_path), *flags]) == 2
    assert message in capsys.readouterr().err


def test_groups_file(tmp_path, capsys):
    groups = tmp_path / "groups.txt"
    groups.write_text("music: guitar piano drums\nbad line without colon\n")
    assert main(["compare", "--algorithms", "cbow", "--groups", str(groups),
                 "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert f"--groups {groups}: line 2: expected 'group name: word word a->b ...'" in \
        capsys.readouterr().err


@pytest.mark.parametrize("command", [["compare", "--algorithms", "cbow", "--out"],
                                     ["export", "v.npz", "--projector"]])
def test_an_output_folder_that_is_a_file_is_refused_before_any_work(command, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert main(command + [str(blocker)]) == 2
    assert f"wordvec: error: {command[-1]} {blocker}: is a file; give a folder" in \
        capsys.readouterr().err


def test_the_report_names_the_corpus_as_it_was_given(tmp_path, monkeypatch, capsys):
    # A path inside someone's data folder says nothing to a reader: the report keeps the
    # name or the path as typed (issue 17).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texts").mkdir()
    synthetic.write(tmp_path / "texts" / "small.txt", n_sentences=3000)
    assert main(["compare", "--corpus", "texts/small.txt", "--algorithms", "cbow",
                 "--workers", "1", "--out", "out", "--quiet"]) == 0
    first_lines = (tmp_path / "out" / "report.md").read_text().splitlines()[:3]
    assert any(line.startswith("Corpus: texts/small.txt (normalizer") for line in first_lines)
    assert str(tmp_path) not in (tmp_path / "out" / "report.md").read_text()
    assert json.loads((tmp_path / "out" / "results.json").read_text())["corpus"].startswith(
        "texts/small.txt")


def test_each_family_takes_the_settings_of_its_corpus_size_and_the_report_says_why(tmp_path):
    # Issue 22: GloVe at the paper's settings on 0.57M tokens; now the size rule, stated.
    assert main(["compare", "--algorithms", "glove,svd", "--out", str(tmp_path / "rule"),
                 "--quiet", "--workers", "1"]) == 0
    results = json.loads((tmp_path / "rule" / "results.json").read_text())
    glove, svd = results["models"]
    assert (glove["preset"], glove["preset_reason"]) == ("small-corpus", "0.569M tokens")
    assert glove["params"]["x_max"] == 10.0 and glove["params"]["window"] == 50
    assert (svd["preset"], svd["preset_reason"]) == ("defaults", None)
    assert "glove: small-corpus below 100M tokens, its defaults above" in results["preset_rule"]
    markdown = (tmp_path / "rule" / "report.md").read_text()
    assert "| glove | glove | small-corpus (0.569M tokens) |" in markdown
    # GloVe misses the planted analogies here, and the report says why in words.
    assert results["scores"][0]["models"]["glove"]["value"] < 0.9
    assert re.search(r"\d+% of its pairs of words never meet within 50 words", markdown)
    assert len(results["notes"]) == 1 and "not tuned on these questions" in results["notes"][0]

    assert main(["compare", "--algorithms", "glove", "--preset", "paper", "--out",
                 str(tmp_path / "paper"), "--quiet", "--workers", "1"]) == 0
    results = json.loads((tmp_path / "paper" / "results.json").read_text())
    [paper] = results["models"]
    assert (paper["preset"], paper["preset_reason"], paper["params"]["x_max"]) == \
        ("paper", "--preset", 100.0)
    assert results["notes"][0].endswith("they come from the --preset given.")
