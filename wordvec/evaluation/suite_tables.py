"""The suite's results as text: one model's table, or several models' side by side.

``format_table`` lays out one model's rows (``suite.evaluate_suite``),
``format_models_table`` several models' (``suite.evaluate_models``). Every
figure that has one shows its 95% interval, and every file its coverage: the
items answered of all. A line under each table says what became of the words
the vocabulary lacks (``unseen.py``): skipped, the default, in which models
can be compared, or answered from a subword model's n-grams, with a count of
the items answered that way ("from n-grams").

>>> from wordvec.evaluation.suite import SuiteRow
>>> rows = [SuiteRow("rw", "word-pairs", "spearman", 0.41, 30, 34, 4, ci=(0.1, 0.6),
...                  oov_mode="ngrams", from_ngrams=12)]
>>> print(format_table(rows))     # doctest: +NORMALIZE_WHITESPACE
benchmark  kind        metric     value          95% CI  answered        OOV  from n-grams
---------  ----------  --------  ------  --------------  --------  ---------  ------------
rw         word-pairs  spearman  0.4100  [0.100, 0.600]     30/34  4 (11.8%)            12
unseen words (--oov ngrams): answered from their n-grams; "from n-grams" counts the items
answered that way; OOV, those still left out (a word with no n-gram, or an analogy's answer
outside the vocabulary); not comparable with scores that skip them
"""
import math

from ..util.tables import text_table

FROM_NGRAMS = "from n-grams"
_SKIP_NOTE = ("unseen words: skipped, the default, comparable across models (--oov ngrams "
              "answers them from a subword model's n-grams)")
_NGRAMS_NOTE = ("\"from n-grams\" counts the items answered that way; OOV, those still left "
                "out (a word with no n-gram, or an analogy's answer outside the vocabulary); "
                "not comparable with scores that skip them")


def _value(value):
    return "nan" if value is None or math.isnan(value) else f"{value:.4f}"


def _interval(ci):
    """``[low, high]`` with 3 decimals: enough for the narrowest interval (~0.01, Google set)."""
    if ci is None or any(math.isnan(bound) for bound in ci):
        return ""
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def _same_file(row, other):
    """Whether two SuiteRows of one model come from the same benchmark file."""
    if row.result is None or other.result is None:  # rows made by hand: go by the name
        return row.name == other.name
    return row.result is other.result


def _answered_from_ngrams(rows):
    """Whether any of one model's rows answered unseen words from n-grams."""
    return any(row.oov_mode == "ngrams" for row in rows)


def oov_note(modes):
    """The line under a table: what became of unseen words, for each model.

    ``modes`` maps each model's name to whether it answered unseen words
    from n-grams (the only model of one table may be named ``None``).

    >>> print(oov_note({"ft": True, "sg": False}))   # doctest: +NORMALIZE_WHITESPACE
    unseen words (--oov ngrams): answered from their n-grams by ft, skipped by sg (no n-grams);
    "from n-grams" counts the items answered that way; OOV, those still left out (a word with
    no n-gram, or an analogy's answer outside the vocabulary); not comparable with scores that
    skip them
    """
    ngrams = [name for name, used in modes.items() if used]
    if not ngrams:
        return _SKIP_NOTE
    skipped = [name for name, used in modes.items() if not used]
    if skipped:
        which = (f"answered from their n-grams by {', '.join(ngrams)}, skipped by "
                 f"{', '.join(skipped)} (no n-grams)")
    else:
        which = "answered from their n-grams" + ("" if ngrams == [None] else " by every model")
    return f"unseen words (--oov ngrams): {which}; {_NGRAMS_NOTE}"


def format_table(rows):
    """One model's rows as one aligned text table (a string; print it).

    Under it, a line says whether unseen words were skipped or answered from
    n-grams; in the latter case a column counts the items answered that way.
    """
    ngrams = _answered_from_ngrams(rows)
    header = ("benchmark", "kind", "metric", "value", "95% CI", "answered", "OOV") + \
        ((FROM_NGRAMS,) if ngrams else ())
    body = []
    for row in rows:
        oov_pct = 100.0 * row.oov / row.total if row.total else 0.0
        cells = (row.name, row.kind, row.metric, _value(row.value), _interval(row.ci),
                 f"{row.answered}/{row.total}", f"{row.oov} ({oov_pct:.1f}%)")
        if ngrams:
            cells += (f"{row.from_ngrams:,}" if row.oov_mode == "ngrams" else "-",)
        body.append(cells)
    table = text_table(body, header=header, right={3, 4, 5, 6, 7})
    return table + "\n" + oov_note({None: ngrams})


def format_models_table(rows):
    """Several models' rows (:func:`evaluate_models`) as one table, a column per model.

    A cell is ``value [low, high]``, the 95% interval as in :func:`format_table`.
    After each file's rows, an ``answered`` row gives each model's coverage
    (known questions or pairs / all): models that know different words are
    scored on different questions, which the figures alone would hide. When
    some model answered unseen words from its n-grams, a ``from n-grams`` row
    follows, with ``-`` for the models that skipped them; the line under the
    table names which did.
    """
    if not rows:
        return ""
    models = list(rows[0].cells)
    modes = {model: _answered_from_ngrams([row.cells[model] for row in rows])
             for model in models}
    ngrams = any(modes.values())
    columns = []  # one list of cells per model, the `answered` lines included
    for model in models:
        cells = []
        for i, row in enumerate(rows):
            cell = row.cells[model]
            if i == 0 or not _same_file(rows[i - 1].cells[model], cell):
                first = cell  # a file's first row counts all its questions or pairs
            cells.append(f"{_value(cell.value)} {_interval(cell.ci)}".rstrip())
            if i + 1 == len(rows) or not _same_file(cell, rows[i + 1].cells[model]):
                cells.append(f"{first.answered:,}/{first.total:,}")
                if ngrams:
                    cells.append(f"{first.from_ngrams:,}" if first.oov_mode == "ngrams"
                                 else "-")
        if any(cell.startswith("-") and cell != "-" for cell in cells):
            # a space where others have a minus sign: the values line up
            cells = [cell if cell.startswith("-") else " " + cell for cell in cells]
        columns.append(cells)
    labels = []
    for i, row in enumerate(rows):
        labels.append((row.name, row.metric))
        if i + 1 == len(rows) or not _same_file(row.cells[models[0]],
                                                rows[i + 1].cells[models[0]]):
            labels.append((row.name, "answered"))
            if ngrams:
                labels.append((row.name, FROM_NGRAMS))
    body = [label + tuple(column[j] for column in columns) for j, label in enumerate(labels)]
    return text_table(body, header=("benchmark", "metric", *models)) + "\n" + oov_note(modes)
