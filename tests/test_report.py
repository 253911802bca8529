"""The comparison report (wordvec/report/), from hand-made runs and scores."""
import json
import re

import numpy as np
import pytest

from wordvec.evaluation.suite import ModelsRow, SuiteRow
from wordvec.report import ModelRun, read_groups, results_table, write_report
from wordvec.report.comparison import figures
from wordvec.vectors.keyedvectors import KeyedVectors

WORDS = ["france", "paris", "italy", "rome", "man", "woman", "king", "queen"]


def tiny_kv(seed):
    return KeyedVectors(np.random.default_rng(seed).normal(size=(len(WORDS), 6)), WORDS)


def runs():
    return [ModelRun("sg", tiny_kv(0), "skipgram", {"dim": 6}, fit_seconds=1.5,
                     train_seconds=1.2, words_per_second=12345.0, peak_rss_mb=200.0,
                     loss_curve=[(0.5, 3.0), (1.0, 2.5)], epoch_scores=[0.2, 0.4]),
            ModelRun("svd", tiny_kv(1), "svd", {"dim": 6}, preset="levy2015", fit_seconds=0.5,
                     peak_rss_mb=None)]


def rows():
    def cell(value, ci):
        return SuiteRow("ws", "word-pairs", "spearman", value, 300, 353, 53, None, ci)
    return [ModelsRow("ws", "word-pairs", "spearman", {"sg": cell(0.65, (0.58, 0.71)),
                                                       "svd": cell(float("nan"), None)}),
            ModelsRow("ws", "word-pairs", "pearson", {"sg": cell(0.6, None)})]


def test_read_groups_and_its_errors():
    groups, arrows = read_groups("# a comment\n\ncapitals: france->paris rome\n"
                                 "capitals: italy->rome\n")
    assert groups == {"capitals": ["france", "paris", "rome", "italy"]}
    assert arrows == [("france", "paris"), ("italy", "rome")]
    for bad in ("no colon here", "name:", "g: a->b->c", "g: ->b"):
        with pytest.raises(ValueError, match="line 1"):
            read_groups(bad)


def test_the_table_has_a_row_per_score_then_the_costs():
    header, body = results_table(runs(), rows())
    assert header == ("benchmark", "sg", "svd")
    assert body[0] == ("ws", "0.650 [0.58, 0.71]", "-")  # pearson is not shown; NaN is "-"
    assert body[1:] == [("fit seconds", "1.5", "0.5"), ("words/s", "12,345", "-"),
                        ("peak memory MB", "200", "-")]


def test_write_report_writes_every_file(tmp_path):
    groups, arrows = read_groups("capitals: france->paris italy->rome\n"
                                 "people: man->woman king->queen")
    written = write_report(tmp_path / "out", runs(), rows(),
                           {"corpus": "tiny", "corpus_words": 100, "vocabulary": 8, "seed": 1},
                           groups, arrows, probes=["paris", "zebra"])
    names = sorted(path.name for path in written)
    assert names == ["epochs.png", "explore.html", "loss.png", "pca.png", "report.html",
                     "report.md", "results.json", "scores.png"]
    for path in written:
        if path.suffix == ".png":
            assert path.read_bytes()[:4] == b"\x89PNG"
    markdown = (tmp_path / "out" / "report.md").read_text()
    assert "[Explore the vectors](explore.html): search words" in markdown
    assert "<a href='explore.html'>Explore the vectors</a>" in \
        (tmp_path / "out" / "report.html").read_text()
    assert "| ws | 0.650 [0.58, 0.71] | - |" in markdown and "![" in markdown
    assert "| zebra | (not in vocabulary) | (not in vocabulary) |" in markdown
    page = (tmp_path / "out" / "report.html").read_text()
    # Self-contained: every image is embedded, nothing is fetched.
    sources = re.findall(r"src='([^']*)'", page)
    assert len(sources) == 4 and all(src.startswith("data:image/png;base64,") for src in sources)
    results = json.loads((tmp_path / "out" / "results.json").read_text(),
                         parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    models = {model["name"]: model for model in results["models"]}
    assert [model["name"] for model in results["models"]] == ["sg", "svd"]
    assert models["sg"]["epoch_scores"] == [0.2, 0.4] and models["svd"]["preset"] == "levy2015"
    assert results["scores"][0]["models"]["sg"]["ci"] == [0.58, 0.71]
    assert results["scores"][0]["models"]["svd"]["value"] is None  # NaN becomes null


def test_every_model_names_its_preset_and_the_rule_is_stated(tmp_path):
    # Issue 22: "-" hid defaults that are not the papers'; the rule that chose says so.
    made = runs()
    made[1].preset_reason = "--preset"
    made.append(ModelRun("glove", tiny_kv(2), "glove", {"x_max": 10.0}, preset="small-corpus",
                         preset_reason="0.57M tokens", loss_curve=[(1.0, 0.1)]))
    rule = "glove: small-corpus below 100M tokens, its defaults above"
    write_report(tmp_path, made, rows(), {"corpus": "tiny", "preset_rule": rule})
    markdown = (tmp_path / "report.md").read_text()
    assert "| sg | skipgram | defaults |" in markdown
    assert "| svd | svd | levy2015 (--preset) |" in markdown
    assert "| glove | glove | small-corpus (0.57M tokens) |" in markdown
    assert rule in markdown
    models = json.loads((tmp_path / "results.json").read_text())["models"]
    assert [(m["preset"], m["preset_reason"]) for m in models] == [
        ("defaults", None), ("levy2015", "--preset"), ("small-corpus", "0.57M tokens")]


def test_a_model_without_a_loss_gets_no_empty_panel_but_a_reason(tmp_path):
    made = runs()   # sg has a loss curve, svd none
    made_figures = {stem: (caption, fig)
                    for stem, caption, fig in figures(made, rows(), {}, [], {})}
    caption, fig = made_figures["loss"]
    assert [ax.get_title() for ax in fig.axes] == ["sg"]
    assert "svd is left out: not trained by iterations" in caption
