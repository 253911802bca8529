"""The report of a comparison: what ``wordvec compare`` writes.

* ``comparison``: the runs, their tables and figures, and ``write_report``
  (``results.json``, ``report.md``, ``report.html`` and the PNG figures);
* ``document``: a list of blocks (headings, text, tables, figures) written as
  Markdown or as one self-contained HTML page;
* ``explorer``: the page to look around in vectors (neighbours, analogies,
  maps of several models, linked), with its script ``explorer.js``.

The top of the core: it may import any other part of it.
"""
from .comparison import ModelRun, read_groups, results_table, write_report
from .explorer import ExplorerPage, explore

__all__ = ["ExplorerPage", "ModelRun", "explore", "read_groups", "results_table",
           "write_report"]
