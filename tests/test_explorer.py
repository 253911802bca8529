"""The explorer page, as Python builds it: its words, groups, data and size (issue 20).

The page in a real browser is ``tests/test_explorer_browser.py``.
"""
import base64
import json
import re

import numpy as np
import pytest

from wordvec import KeyedVectors, explore
from wordvec.cli import main
from wordvec.errors import VocabularyError, WordvecError
from wordvec.report.explorer import read_word_groups, shared_words

WORDS = ["the", "paris", "france", "rome", "italy", "cat"]


def kv(words, seed=0, dim=4):
    return KeyedVectors(np.random.default_rng(seed).normal(size=(len(words), dim)), words)


def page_data(html):
    found = re.search(r'<script type="application/json" id="wordvec-data">(.*?)</script>',
                      html, re.S)
    return json.loads(found.group(1))


def floats(text):
    return np.frombuffer(base64.b64decode(text), dtype="<f4")


def test_the_page_holds_the_words_every_model_knows_and_counts_the_rest():
    first = kv(WORDS)
    second = kv(["paris", "the", "dog", "rome", "france", "italy"], seed=1)
    words, left_out = shared_words([first, second], top=4)
    assert words == ["the", "paris", "france", "rome"]      # the first model's order
    # Among each model's top 4, "dog" is not in the first model: left out.
    assert left_out == 1
    assert shared_words([first], top=3) == (["the", "paris", "france"], 0)
    # A word every model knows but that falls beyond the page's top is not "left out".
    a, b = kv(["a", "b", "c", "x"]), kv(["x", "a", "b", "c"], seed=1)
    assert shared_words([a, b], top=2) == (["a", "b"], 0)


def test_no_word_can_end_the_script_that_holds_the_data():
    words = ["</script><script>alert(1)</script>", "<!--", "plain"]
    page = explore(kv(words))
    assert page.html.count("</script>") == 2 and "<!--" not in page.html
    assert page_data(page.html)["words"] == words


def test_the_data_are_the_unit_vectors_of_the_page_words():
    first, second = kv(WORDS), kv(WORDS[::-1], seed=1, dim=3)
    page = explore({"a": first, "b": second}, top=5)
    data = page_data(page.html)
    assert data["words"] == WORDS[:5] and [m["name"] for m in data["models"]] == ["a", "b"]
    for model, vectors in zip(data["models"], (first, second)):
        unit = vectors.get_normed_vectors()[[vectors.key_to_index[w] for w in WORDS[:5]]]
        assert np.array_equal(floats(model["vectors"]).reshape(5, -1), unit)   # bit for bit
        assert floats(model["coords"]).shape == (10,) and model["map"].startswith("PCA")


def test_the_page_fetches_nothing():
    html = explore(kv(WORDS)).html
    assert not re.search(r"\b(src|href)\s*=|https?:|url\(|@import|fetch\(|XMLHttpRequest", html)
    assert html.count("<script") == 2 and "<style>" in html


def test_groups_in_both_layouts_and_unknown_words_counted():
    names, of, dropped = read_word_groups(
        "# countries\ncountry france\ncountry atlantis\ncities: paris rome->berlin\n", WORDS)
    assert names == ["country", "cities"] and dropped == 2       # atlantis, berlin
    assert of == [-1, 1, 0, 1, -1, -1]
    with pytest.raises(ValueError, match="line 1: expected 'group word'"):
        read_word_groups("just-one-word\n", WORDS)


def test_models_with_no_word_in_common_are_refused(tmp_path, capsys):
    with pytest.raises(VocabularyError, match="no word in common"):
        explore({"a": kv(["x", "y"]), "b": kv(["z"])})
    kv(["x", "y"]).save(tmp_path / "a.npz")
    kv(["z", "w"]).save(tmp_path / "b.npz")
    assert main(["explore", str(tmp_path / "a.npz"), str(tmp_path / "b.npz"), "--out",
                 str(tmp_path / "x.html")]) == 2
    err = capsys.readouterr().err
    assert "wordvec: error: the models a, b have no word in common" in err and "\n" == err[-1]
    assert not (tmp_path / "x.html").exists()


def test_the_command_writes_the_page_and_says_what_it_left_out(tmp_path, capsys):
    kv(WORDS).save(tmp_path / "sg.npz")
    kv(WORDS[:4] + ["zebra"], seed=2).save(tmp_path / "glove.npz")
    groups = tmp_path / "groups.txt"
    groups.write_text("europe france\neurope italy\neurope atlantis\n")
    assert main(["explore", str(tmp_path / "sg.npz"), str(tmp_path / "glove.npz"), "--top", "5",
                 "--groups", str(groups), "--out", str(tmp_path / "x.html")]) == 0
    out = capsys.readouterr().out
    assert "4 words shared by 2 models (2 of their top 5 left out" in out
    # italy is not on the page (glove lacks it), nor atlantis: both left out, and said so.
    assert "colours  1 word in groups; 2 words of" in out and "x.html" in out
    data = page_data((tmp_path / "x.html").read_text(encoding="utf-8"))
    assert data["groups"] == {"names": ["europe"], "of": [-1, -1, 0, -1], "dropped": 2}
    assert [m["name"] for m in data["models"]] == ["sg", "glove"]


def test_a_page_of_20000_words_of_100_dimensions_stays_under_12_mb_a_model():
    words = [f"w{i}" for i in range(20_000)]
    page = explore({"a": kv(words, dim=100), "b": kv(words, seed=1, dim=100)})
    size = len(page.html.encode("utf-8"))
    print(f"\nexplorer page, 2 models x 20,000 words x 100 dimensions: {size / 2**20:.1f} MB")
    assert size <= 2 * 12 * 2**20


def test_a_notebook_shows_the_page_inline():
    html = explore(kv(WORDS))._repr_html_()
    assert html.startswith("<iframe srcdoc=") and "&lt;script&gt;" in html


def test_a_tsne_map_through_the_extra_and_a_clear_error_without_it(monkeypatch):
    pytest.importorskip("openTSNE")
    words = [f"w{i}" for i in range(60)]
    data = page_data(explore(kv(words, dim=8), map="tsne").html)
    assert data["models"][0]["map"] == "t-SNE (openTSNE, cosine)"
    assert np.isfinite(floats(data["models"][0]["coords"])).all()
    monkeypatch.setitem(__import__("sys").modules, "openTSNE", None)   # as if not installed
    with pytest.raises(WordvecError, match=r"pip install 'wordvec\[explore\]'"):
        explore(kv(words, dim=8), map="tsne")
