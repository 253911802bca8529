"""Aligned plain-text tables: what the command line and the benchmarks print.

>>> print(text_table([("skip-gram", "831,294"), ("cbow", "3,031,781")],
...                  header=("model", "words/s"), right={1}))
model        words/s
---------  ---------
skip-gram    831,294
cbow       3,031,781
>>> print(text_table([("words", "1,000"), ("dimensions", "100")], right={1}))
words       1,000
dimensions    100
"""


def text_table(rows, header=None, right=()):
    """Rows of cells (strings) as aligned text, one line per row.

    Columns whose index is in ``right`` are right-aligned (numbers), the
    others left-aligned. A ``header`` gets a rule of dashes under it.
    Trailing spaces are trimmed.
    """
    rows = [tuple(row) for row in rows]
    everything = ([tuple(header)] if header else []) + rows
    if not everything:
        return ""
    widths = [max(len(row[i]) for row in everything) for i in range(len(everything[0]))]

    def line(cells):
        return "  ".join(cell.rjust(width) if i in right else cell.ljust(width)
                         for i, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    lines = [line(row) for row in everything]
    if header:
        lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
