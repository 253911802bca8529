"""The map of words in a browser: one self-contained HTML page to look around in vectors.

``explore`` writes a page that opens from disk, with no server and no network:
a search box that completes words, each word's nearest neighbours by exact
cosine, an analogy form (a : b :: c : ?, by 3CosAdd with the query words left
out, as the evaluation does), and one 2-D map per model, with pan, zoom and
hover labels. Several models sit side by side on the same words, and the
selection is linked: click a word in one map and every map and neighbour
list follows. The page's script (``explorer.js``) and style
(``explorer.css``) are plain files of this package, copied into the page.

What the page holds, per model: the vectors of the ``top`` most frequent
words that every model knows, unit-normalised, as little-endian float32 in
base64 (4 bytes a value, 4/3 of that in text: 20,000 words of 100 dimensions
make 10.7 MB), and the map's coordinates (PCA in Python by default; t-SNE
with the ``openTSNE`` package, ``map="tsne"``). The neighbours are computed in
the page from those vectors, so they are ``KeyedVectors.most_similar``'s
over the same words (the first model's order) in the same order, but for
near-ties within float32 rounding (the page sums in float64).

>>> import numpy as np
>>> from wordvec import KeyedVectors
>>> kv = KeyedVectors(np.array([[1, 0], [0.9, 0.1], [0, 1]], np.float32), ["a", "b", "c"])
>>> page = explore({"toy": kv})
>>> page.words, page.left_out
(['a', 'b', 'c'], 0)
>>> "<script>" in page.html and "src=" not in page.html   # everything inside the file
True
"""
import base64
import html
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import VocabularyError, WordvecError
from ..evaluation.analogy import section_words
from ..plot.word_maps import pca_2d
from ..util.atomic import atomic_write
from ..vectors.keyedvectors import KeyedVectors

HERE = Path(__file__).resolve().parent
DEFAULT_TOP = 20_000
MAPS = ("pca", "tsne")


@dataclass
class ExplorerPage:
    """A built page: its HTML, its words, and what was left out.

    In a notebook the page shows itself inline (an ``<iframe>`` holding it).
    """

    html: str
    words: list
    left_out: int            # among the models' top words, those not in every model
    group_words: int = 0     # words coloured by a group
    dropped: int = 0         # group words not on the page
    path: Path = None

    def save(self, path):
        """Write the page to ``path`` (atomically); return the path."""
        self.path = Path(path)
        with atomic_write(self.path, "w", encoding="utf-8") as out:
            out.write(self.html)
        return self.path

    def _repr_html_(self):
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                'style="width:100%;height:720px;border:1px solid #ccc"></iframe>')


def shared_words(models, top=DEFAULT_TOP):
    """The first ``top`` words, in the first model's order, that every model knows.

    Returns ``(words, left_out)``: ``left_out`` counts the words among each
    model's own first ``top`` that some other model does not know, so that a
    page can say how much of the vocabularies it leaves aside.
    """
    first, *others = models
    known = [set(kv.index_to_key) for kv in others]
    words = [w for w in first.index_to_key if all(w in k for k in known)][:top]
    tops = set().union(*(kv.index_to_key[:top] for kv in models))
    return words, sum(1 for w in tops if not all(w in kv for kv in models))


def read_word_groups(text, words):
    """Colour groups for the page's ``words``, from text.

    Two layouts, line by line: ``group word`` (one word per line), or, as
    ``wordvec compare --groups`` takes, ``group name: word word a->b``.
    Blank lines and ``#`` lines are skipped. A word not on the page is looked
    up in lower case too (Google's analogies write ``Athens``, models that
    lowercase their text know ``athens``). Returns ``(names, of, dropped)``:
    the group names in order, ``of[i]`` the group of ``words[i]`` (-1: none),
    and how many named words are not on the page (they are left out).

    >>> read_word_groups("fruit apple\\nfruit pear\\ncity paris", ["paris", "apple", "x"])
    (['fruit', 'city'], [1, 0, -1], 1)
    """
    index = {word: i for i, word in enumerate(words)}
    names, of, dropped = [], [-1] * len(words), 0
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if ":" in line:
            name, _, members = line.partition(":")
            members = [w for item in members.split() for w in item.split("->") if w]
        else:
            parts = line.split()
            if len(parts) != 2:
                raise ValueError(f"line {number}: expected 'group word' or 'group: word word "
                                 f"...', got {line!r}")
            name, members = parts[0], [parts[1]]
        name = name.strip()
        if name not in names:
            names.append(name)
        for word in members:
            at = index.get(word, index.get(word.lower()))
            if at is None:
                dropped += 1
            elif of[at] == -1:
                of[at] = names.index(name)
    return names, of, dropped


def map_2d(vectors, method="pca", seed=1):
    """(coords (n, 2) float32, a caption) of unit vectors: PCA, or t-SNE with openTSNE."""
    if method == "pca":
        coords, explained = pca_2d(vectors)
        return coords.astype(np.float32), (f"PCA: {explained[0]:.0%} and {explained[1]:.0%} "
                                           "of the variance")
    if method == "tsne":
        try:
            from openTSNE import TSNE
        except ImportError:
            raise WordvecError("map 'tsne' needs the openTSNE package: pip install "
                               "'wordvec[explore]' (or openTSNE), or use the default PCA map") \
                from None
        coords = np.asarray(TSNE(metric="cosine", random_state=seed, n_jobs=1).fit(vectors))
        return coords.astype(np.float32), "t-SNE (openTSNE, cosine)"
    raise WordvecError(f"unknown map {method!r}; expected one of {', '.join(MAPS)}")


def _b64(array):
    return base64.b64encode(np.ascontiguousarray(array, dtype="<f4").tobytes()).decode("ascii")


def _as_models(models):
    """``{name: KeyedVectors}`` from a dict, a list of paths or vectors, or one of them."""
    if isinstance(models, dict):
        return {str(name): _as_kv(kv) for name, kv in models.items()}
    if isinstance(models, (KeyedVectors, str, Path)):
        models = [models]
    named = {}
    for item in models:
        name = Path(item).stem if isinstance(item, (str, Path)) else f"model {len(named) + 1}"
        while name in named:
            name += "'"
        named[name] = _as_kv(item)
    return named


def _as_kv(item):
    return item if isinstance(item, KeyedVectors) else KeyedVectors.load(item)


def explore(models, out=None, top=DEFAULT_TOP, groups=None, analogies=None, map="pca",
            title=None):
    """Build the explorer page of one or several models; write it to ``out`` if given.

    Parameters
    ----------
    models : KeyedVectors, path, list of them, or dict {name: KeyedVectors or path}
        Files are named by their stem on the page.
    out : str or Path, optional
        Where to write the page (``.html``).
    top : int
        How many of the most frequent shared words the page holds.
    groups : str, Path or dict, optional
        A file of colour groups (``read_word_groups``), or ``{group: [word, ...]}``.
    analogies : str or Path, optional
        An analogy benchmark (a name or a file) whose sections colour the
        words instead, when no ``groups`` are given.
    map : {"pca", "tsne"}
        How each model's map is drawn.

    Returns
    -------
    ExplorerPage
    """
    models = _as_models(models)
    if not models:
        raise WordvecError("explore needs at least one model")
    words, left_out = shared_words(list(models.values()), top)
    if not words:
        raise VocabularyError(f"the models {', '.join(models)} have no word in common: nothing "
                              "to put on one page (were they trained on the same language?)")
    names, of, dropped = [], [-1] * len(words), 0
    if isinstance(groups, dict):
        text = "\n".join(f"{name}: {' '.join(members)}" for name, members in groups.items())
        names, of, dropped = read_word_groups(text, words)
    elif groups is not None:
        try:
            names, of, dropped = read_word_groups(Path(groups).read_text(encoding="utf-8"), words)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise WordvecError(f"groups file {groups}: {error}") from None
    elif analogies is not None:
        by_section = section_words(analogies)
        text = "\n".join(f"{section}: {' '.join(members)}"
                         for section, members in by_section.items())
        names, of, dropped = read_word_groups(text, words)
        dropped = 0   # a benchmark's words beyond the page are expected, not a problem
    data = {"title": title or "wordvec explorer: " + ", ".join(models),
            "words": words, "top": top, "leftOut": left_out,
            "groups": {"names": names, "of": of, "dropped": dropped},
            "models": []}
    for name, kv in models.items():
        unit = kv.get_normed_vectors()[[kv.key_to_index[w] for w in words]]
        coords, caption = map_2d(unit, map)
        data["models"].append({"name": name, "dim": int(kv.vector_size), "vectors": _b64(unit),
                               "coords": _b64(coords), "map": caption})
    page = ExplorerPage(_page(data), words, left_out, sum(g >= 0 for g in of), dropped)
    if out is not None:
        page.save(out)
    return page


def _page(data):
    """The HTML: the style, the data as JSON, the script; nothing fetched from elsewhere."""
    # No "<" at all inside the script element: "</script" or "<!--" in a word cannot end it.
    payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False).replace("<", "\\u003c")
    style = (HERE / "explorer.css").read_text(encoding="utf-8")
    script = (HERE / "explorer.js").read_text(encoding="utf-8")
    title = html.escape(data["title"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head><body>
<header><h1>{title}</h1><p id="summary"></p></header>
<main>
<section aria-label="Look up words">
<form id="search-form" autocomplete="off">
<label for="word">Word</label>
<input id="word" name="word" list="completions" spellcheck="false" placeholder="e.g. paris">
<datalist id="completions"></datalist>
<button type="submit">Neighbours</button>
</form>
<form id="analogy-form" autocomplete="off">
<label for="analogy-a">a</label><input id="analogy-a" list="completions" spellcheck="false">
<label for="analogy-b">is to b</label><input id="analogy-b" list="completions" spellcheck="false">
<label for="analogy-c">as c</label><input id="analogy-c" list="completions" spellcheck="false">
<button type="submit">is to ?</button>
<output id="answer" for="analogy-a analogy-b analogy-c" aria-live="polite"></output>
</form>
<p id="message" role="status" aria-live="polite"></p>
<p id="legend"></p>
</section>
<div id="models"></div>
</main>
<script type="application/json" id="wordvec-data">{payload}</script>
<script>{script}</script>
</body></html>
"""
