"""A comparison's report: ``results.json``, ``report.md``, ``report.html`` and the figures.

``wordvec compare`` trains the models and evaluates them; this module only
lays out what it is given, the same content three ways:

* ``results.json``: every figure and every setting, for other programs;
* ``report.md`` with the figures beside it as PNG files, for people;
* ``report.html``: the same, self-contained (the figures embedded), so it
  opens offline and can be mailed as one file.

The document is a list of blocks (headings, paragraphs, tables, figures),
rendered once as Markdown and once as HTML (``document.py``).

>>> groups, arrows = read_groups("capitals: france->paris italy->rome\\nfruit: apple pear")
>>> groups["capitals"], groups["fruit"], arrows
(['france', 'paris', 'italy', 'rome'], ['apple', 'pear'], [('france', 'paris'), ('italy', 'rome')])
"""
import math
from dataclasses import dataclass, field
from pathlib import Path

from .. import plot
from ..util.atomic import atomic_write
from ..vectors.npz_format import metadata_to_json
from .document import html_page, markdown
from .explorer import explore



@dataclass
class ModelRun:
    """One trained model of a comparison, and what was measured while it trained.

    Attributes
    ----------
    name : str
        The model's column in the report (the command's algorithm name).
    kv : KeyedVectors
    algorithm : str
        The estimator's name for itself ("skipgram", "glove", ...).
    params : dict
        Every hyperparameter it was trained with.
    preset, preset_reason : str or None
        The preset it was trained with (None: its defaults), and why that one:
        "--preset", or the corpus size that the size rule read.
    fit_seconds, train_seconds : float
        The whole fit (counting included), and its training part.
    words_per_second : float or None
        Corpus words trained per second, where the algorithm trains on words.
    peak_rss_mb : float or None
        Peak resident memory of the process during the fit.
    loss_curve : list of (float, float)
        (epochs done, mean loss); empty for a method without iterations.
    epoch_scores : list of float
        Analogy accuracy after each epoch.
    """

    name: str
    kv: object
    algorithm: str
    params: dict
    preset: str = None
    preset_reason: str = None
    fit_seconds: float = None
    train_seconds: float = None
    words_per_second: float = None
    peak_rss_mb: float = None
    loss_curve: list = field(default_factory=list)
    epoch_scores: list = field(default_factory=list)


def read_groups(text):
    """Word groups for the PCA map, from text: ``(groups, arrows)``.

    One group per line, ``name: word word ...``; ``a->b`` puts both words in
    the group and draws an arrow from a to b (an analogy offset). Blank
    lines and lines starting with ``#`` are skipped.
    """
    groups, arrows = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, colon, words = line.partition(":")
        if not colon or not name.strip() or not words.split():
            raise ValueError(f"line {number}: expected 'group name: word word a->b ...', "
                             f"got {line!r}")
        members = groups.setdefault(name.strip(), [])
        for item in words.split():
            pair = item.split("->")
            if len(pair) == 2 and all(pair):
                arrows.append((pair[0], pair[1]))
            elif len(pair) != 1:
                raise ValueError(f"line {number}: {item!r}: an arrow is written a->b")
            members.extend(word for word in pair if word not in members)
    return groups, arrows


# -- the figures and tables -----------------------------------------------------------------

def _fmt(value, digits=3):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def _with_interval(cell):
    if cell is None:
        return "-"
    text = _fmt(cell.value)
    if cell.ci is not None and not any(math.isnan(bound) for bound in cell.ci):
        text += f" [{_fmt(cell.ci[0], 2)}, {_fmt(cell.ci[1], 2)}]"
    return text


def score_rows(rows):
    """The rows the report's table shows: every score but Pearson's (Spearman's is the one)."""
    return [row for row in rows if row.metric != "pearson"]


# The figures of scores: each task's main score, a chart per task: (file stem, title,
# y label, caption, which rows, whether a bar is named by its set alone).
CHARTS = (
    ("scores", "benchmark scores", "score (Spearman's ρ or accuracy)",
     "Similarity (Spearman's rho, bootstrap intervals) and analogies (accuracy, Wilson "
     "intervals).",
     lambda row: row.kind in ("analogy", "word-pairs") and row.metric != "pearson", False),
    ("categorization", "categorization", "purity of the k-means clusters",
     "Categorization: purity of the k-means clusters (the default of three clusterings; the "
     "table has all), with bootstrap intervals over the words.",
     lambda row: row.kind == "categorization" and row.metric == "purity (kmeans)", True),
    ("outliers", "outlier detection", "outliers found (accuracy)",
     "Outlier detection: the share of outliers found (Wilson intervals); the table also gives "
     "OPP, the outliers' mean position.",
     lambda row: row.kind == "outliers" and row.metric == "accuracy", True),
)


def _label(row):
    main = row.metric == "spearman" or (row.kind == "analogy" and row.metric.startswith("accuracy"))
    metric = "" if main else row.metric
    return f"{row.name} {metric}".strip()


def results_table(runs, rows):
    """(header, body) of the main table: a row per score, then time and memory; a column per
    model."""
    names = [run.name for run in runs]
    body = [(_label(row), *(_with_interval(row.cells.get(name)) for name in names))
            for row in score_rows(rows)]
    body.append(("fit seconds", *(_fmt(run.fit_seconds, 1) for run in runs)))
    body.append(("words/s", *(f"{run.words_per_second:,.0f}" if run.words_per_second else "-"
                              for run in runs)))
    body.append(("peak memory MB", *(_fmt(run.peak_rss_mb, 0) for run in runs)))
    return ("benchmark", *names), body


def neighbours_table(runs, probes, topn=5):
    """(header, body): the nearest words of each probe word, a column per model."""
    body = []
    for word in probes:
        cells = []
        for run in runs:
            if word in run.kv:
                cells.append(", ".join(near for near, _ in run.kv.most_similar(word, topn=topn)))
            else:
                cells.append("(not in vocabulary)")
        body.append((word, *cells))
    return ("word", *(run.name for run in runs)), body


def figures(runs, rows, groups, arrows, similarity_results, epoch_benchmark=None):
    """The report's figures: [(file stem, caption, Figure)], skipping those with no data."""
    colors = plot.model_colors([run.name for run in runs])
    made = []
    for stem, title, ylabel, caption, wanted, by_set in CHARTS:
        table = {run.name: {(row.name if by_set else _label(row)):
                            (cell.value, *(cell.ci or (None, None)))
                            for row in rows if wanted(row) and (cell := row.cells.get(run.name))}
                 for run in runs}
        drawn = [value for scores in table.values() for value, *_ in scores.values()
                 if value is not None and not math.isnan(value)]
        if drawn:   # a chart of nothing but unanswered sets says nothing
            made.append((stem, caption, plot.scores(table, colors=colors, title=title,
                                                    ylabel=ylabel)))
    curves = {run.name: run.loss_curve for run in runs if run.loss_curve}
    if curves:
        left_out = [run.name for run in runs if not run.loss_curve]
        why = (f" {' and '.join(left_out)} {'is' if len(left_out) == 1 else 'are'} left out: "
               "not trained by iterations, so no loss to follow." if left_out else "")
        made.append(("loss", "Training loss against epochs (each algorithm has its own loss)."
                     + why, plot.loss_curves(curves, colors=colors)))
    if any(run.epoch_scores for run in runs):
        on = f" ({epoch_benchmark})" if epoch_benchmark else ""
        made.append(("epochs", f"Analogy accuracy after each epoch{on}.",
                     plot.accuracy_by_epoch({run.name: run.epoch_scores for run in runs},
                                            colors=colors)))
    if groups:
        made.append(("pca", "Word groups on their first two principal components; arrows are "
                     "analogy offsets.", plot.pca_map({run.name: run.kv for run in runs},
                                                      groups, arrows)))
    if similarity_results:
        made.append(("similarity", "Human similarity scores against the models' cosines.",
                     plot.similarity_scatter(similarity_results, colors=colors)))
    return made


def write_report(folder, runs, rows, context, groups=None, arrows=(), probes=(),
                 similarity_results=None, explore_page=True):
    """Write the comparison's report into ``folder``; return the paths written.

    Parameters
    ----------
    folder : str or Path
        Created if needed; files in it of the same names are replaced.
    runs : list of ModelRun
    rows : list of wordvec.evaluation.suite.ModelsRow
        The models' scores (``evaluate_models``), in the report's order.
    context : dict
        What was compared on: ``corpus``, ``corpus_words``, ``vocabulary``,
        ``seed``, ``versions`` and whatever else should go in
        ``results.json`` (JSON-serialisable).
    groups, arrows, probes
        Word groups and arrows for the PCA map (``read_groups``); the
        words whose neighbours are listed.
    similarity_results : dict, optional
        ``{model name: WordPairsResult}`` for the human-against-model scatter.
    explore_page : bool
        Also write ``explore.html`` (``explorer.explore``: every model, the
        groups as colours), and link it from the report.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    explorer = None
    if explore_page:
        explorer = explore({run.name: run.kv for run in runs}, folder / "explore.html",
                           groups=groups or None).path
    made = figures(runs, rows, groups or {}, arrows, similarity_results or {},
                   context.get("epoch_benchmark"))
    written = [plot.save(fig, folder / f"{stem}.png") for stem, _, fig in made]
    written += [explorer] if explorer else []
    header, body = results_table(runs, rows)
    blocks = [("heading", 1, "Comparison of " + ", ".join(run.name for run in runs)),
              ("text", f"Corpus: {context.get('corpus')} ({context.get('corpus_words', 0):,} "
                       f"words; vocabulary {context.get('vocabulary', 0):,} words, the same "
                       f"for every model); seed {context.get('seed')}."),
              ("table", header, body),
              ("text", "Intervals are 95%: a bootstrap over the word pairs for Spearman's rho, "
                       "Wilson's for accuracies. Two models whose intervals overlap may not "
                       "really differ on that benchmark. Fit seconds include counting, not the "
                       "scoring after each epoch; peak memory is the process's while the model "
                       "fitted, the earlier models' vectors included.")]
    if explorer:
        blocks.append(("link", explorer.name, "Explore the vectors",
                       ": search words, see their neighbours in every model, solve analogies, "
                       "and pan over a map of each model, side by side (one page, opens from "
                       "disk)."))
    blocks += [("text", note) for note in context.get("notes", ())]
    blocks += [("figure", *item) for item in made]
    if probes:
        blocks += [("heading", 2, "Nearest neighbours"), ("table", *neighbours_table(runs, probes))]
    blocks += [("heading", 2, "Settings"),
               ("text", "Each family trains with its defaults, or with the preset that suits "
                        "the corpus's size (the settings of the papers were tuned on billions "
                        f"of tokens): {context.get('preset_rule') or 'defaults for all'}. No "
                        "setting is chosen by the scores of this report."),
               ("table", ("model", "algorithm", "preset", "hyperparameters"),
                [(run.name, run.algorithm, _preset_cell(run),
                  ", ".join(f"{k}={v}" for k, v in run.params.items())) for run in runs])]
    for name, text in (("report.md", markdown(blocks)),
                       ("report.html", html_page(blocks, blocks[0][2]))):
        with atomic_write(folder / name, "w", encoding="utf-8") as out:
            out.write(text)
        written.append(folder / name)
    with atomic_write(folder / "results.json", "w", encoding="utf-8") as out:
        out.write(metadata_to_json(_finite(_results(runs, rows, context))) + "\n")
    written.append(folder / "results.json")
    for _, _, fig in made:
        fig.clear()
    return written


def _preset_cell(run):
    if not run.preset:
        return "defaults"
    return f"{run.preset} ({run.preset_reason})" if run.preset_reason else run.preset


def _finite(value):
    """NaN and inf become None (null): JSON has no such numbers."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def _results(runs, rows, context):
    """Everything as plain JSON data."""
    def cell(row, name):
        found = row.cells.get(name)
        if found is None:
            return None
        return {"value": found.value, "ci": list(found.ci) if found.ci else None,
                "answered": found.answered, "total": found.total}

    return {**context,
            "models": [{"name": run.name, "algorithm": run.algorithm,
                        "preset": run.preset or "defaults", "preset_reason": run.preset_reason,
                        "params": run.params, "fit_seconds": run.fit_seconds,
                        "train_seconds": run.train_seconds,
                        "words_per_second": run.words_per_second,
                        "peak_rss_mb": run.peak_rss_mb,
                        "loss_curve": run.loss_curve, "epoch_scores": run.epoch_scores,
                        "vocabulary": len(run.kv), "dim": run.kv.vector_size}
                       for run in runs],
            "scores": [{"benchmark": row.name, "kind": row.kind, "metric": row.metric,
                        "models": {run.name: cell(row, run.name) for run in runs}}
                       for row in rows]}
