"""What every figure shares: a headless figure, one colour per model, saving.

Two decisions shape all the figures (the package ``wordvec.plot`` lists them):

* matplotlib is imported inside the functions, never at the top of a module,
  so that ``import wordvec`` (and ``import wordvec.plot``) stays light: a run
  that trains and never draws does not pay for loading matplotlib.
* A figure is a bare ``matplotlib.figure.Figure``, never one from pyplot.
  pyplot keeps every figure it makes in a global list until it is closed (a
  leak, in a loop that draws hundreds) and picks an interactive backend, which
  fails on a server with no display. A bare Figure needs neither: ``savefig``
  draws it with Agg, and it is garbage collected like any object.

Example
-------
>>> fig, (ax,) = new_figure()
>>> _ = ax.plot([1, 2, 3])
>>> png_bytes(fig)[:4]
b'\\x89PNG'
"""
import base64
import io
import math
from pathlib import Path

from ..util.atomic import atomic_write

DPI = 100
# Size of one panel in inches (at 100 dpi, 400 x 320 pixels).
PANEL_SIZE = (4.0, 3.2)
# matplotlib's "tab10" palette, written out so that the colours do not depend
# on the user's matplotlib style (rcParams' colour cycle can be changed).
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
           "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
MUTED = "0.45"  # grey for reference lines and notes, darker than tab10's grey
# Hollow markers, one shape per line: lines with equal values still show each one.
MARKERS = "osD^vPX"
MIME_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
              "jpg": "image/jpeg", "jpeg": "image/jpeg"}


def marker(index):
    """The marker shape of the ``index``-th line (they repeat after ``len(MARKERS)``)."""
    return MARKERS[index % len(MARKERS)]


def model_colors(names, colors=None):
    """A colour per name: ``colors[name]`` if given, else the palette in order.

    Pass the same ``colors`` (for example ``model_colors(all_models)``) to every
    figure of a report and a model keeps its colour even in a figure that shows
    only some of the models.

    >>> model_colors(["sg", "glove"])
    {'sg': '#1f77b4', 'glove': '#ff7f0e'}
    """
    colors = colors or {}
    return {name: colors.get(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(names)}


def require(mapping, what):
    """Raise ValueError if ``mapping`` is empty: an empty figure helps nobody."""
    if not mapping:
        raise ValueError(f"nothing to plot: no {what} given")


def new_figure(n_panels=1, max_cols=3, panel_size=PANEL_SIZE, sharex=False, sharey=False):
    """A figure with ``n_panels`` panels in rows of ``max_cols``: ``(fig, [axes, ...])``.

    Constrained layout moves titles, tick labels and legends apart, so they do
    not overlap. Grid cells beyond ``n_panels`` are removed, and the panel
    above a removed cell gets its x tick labels back (sharing an x axis hides
    them everywhere but in the bottom row).
    """
    from matplotlib.figure import Figure
    ncols = max(1, min(n_panels, max_cols))
    nrows = math.ceil(n_panels / ncols)
    fig = Figure(figsize=(panel_size[0] * ncols, panel_size[1] * nrows), dpi=DPI,
                 layout="constrained")
    grid = fig.subplots(nrows, ncols, squeeze=False, sharex=sharex, sharey=sharey)
    axes = list(grid.flat)
    for ax in axes[n_panels:]:
        ax.remove()
    for i in range(max(0, n_panels - ncols), n_panels):
        axes[i].xaxis.set_tick_params(labelbottom=True)
    return fig, axes[:n_panels]


def is_bottom(index, n_panels, max_cols=3):
    """True if panel ``index`` of a ``new_figure`` grid has no panel below it."""
    return index + min(n_panels, max_cols) >= n_panels


def is_left(index, n_panels, max_cols=3):
    """True if panel ``index`` of a ``new_figure`` grid is in the first column."""
    return index % max(1, min(n_panels, max_cols)) == 0


def note(ax, text):
    """Write ``text`` in the middle of an empty panel (and say why it is empty)."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center",
            color=MUTED, fontsize=10, wrap=True)


def save(fig, path, dpi=DPI):
    """Write ``fig`` to ``path``, atomically; the format follows the extension.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    path : str or Path
        ``.png`` (also the format of a name without extension), ``.svg``,
        ``.pdf``, ...: whatever matplotlib writes.
    dpi : int
        Pixels per inch of a raster format.

    Returns
    -------
    Path
        ``path``; a crash half way leaves the previous file, never half a one.

    Examples
    --------
    >>> import tempfile
    >>> fig, _ = new_figure()
    >>> save(fig, Path(tempfile.mkdtemp()) / "empty.png").read_bytes()[:4]
    b'\\x89PNG'
    """
    path = Path(path)
    fmt = path.suffix[1:].lower() or "png"
    with atomic_write(path, "wb") as f:
        fig.savefig(f, format=fmt, dpi=dpi)
    return path


def png_bytes(fig, dpi=DPI):
    """The figure as the bytes of a PNG file (to embed, send or compare)."""
    return figure_bytes(fig, "png", dpi)


def figure_bytes(fig, fmt="png", dpi=DPI):
    """The figure as the bytes of a file in format ``fmt`` ("png", "svg", ...)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi)
    return buffer.getvalue()


def data_uri(fig, fmt="png", dpi=DPI):
    """The figure as a ``data:`` URI, for ``<img src="...">`` in a self-contained HTML page.

    >>> fig, _ = new_figure()
    >>> data_uri(fig)[:22]
    'data:image/png;base64,'
    """
    encoded = base64.b64encode(figure_bytes(fig, fmt, dpi)).decode("ascii")
    return f"data:{MIME_TYPES.get(fmt, 'application/octet-stream')};base64,{encoded}"
