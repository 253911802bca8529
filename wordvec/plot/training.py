"""Figures of training as it goes: the loss, and a benchmark score after each epoch.

* ``loss_curves``: an estimator's ``loss_curve_``, one panel per model. Each
  algorithm minimises its own loss (skip-gram's negative-sampling loss is
  about 2-3 per example, GloVe's weighted squared error J/2 about 0.01), so
  the curves share the epoch axis but not the loss axis.
* ``accuracy_by_epoch``: a score measured after every epoch (for example by
  an estimator callback that runs ``evaluate_analogies``), all models on one
  axis, since scores share a scale.
"""
from .base import is_bottom, marker, model_colors, new_figure, note, require


def loss_curves(curves, colors=None):
    """Mean training loss against epochs done, one panel per model.

    Parameters
    ----------
    curves : dict
        ``{model_name: [(epochs_done, mean_loss), ...]}``, as an estimator's
        ``loss_curve_``. A model with an empty curve (one not trained by
        iterations, like PPMI-SVD) gets a panel that says "no loss (not
        iterative)"; a report leaves such models out and says why instead.
    colors : dict, optional
        ``{model_name: colour}``; by default the palette in the order given.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per model (three per row), titled with its name; the panels
        share the x axis (epochs), not the y axis (each algorithm's own loss).

    Examples
    --------
    >>> fig = loss_curves({"sg": [(0.5, 3.1), (1.0, 2.6)], "svd": []})
    >>> [ax.get_title() for ax in fig.axes], fig.axes[1].texts[0].get_text()
    (['sg', 'svd'], 'no loss (not iterative)')
    """
    require(curves, "loss curve")
    colors = model_colors(list(curves), colors)
    fig, axes = new_figure(len(curves), sharex=True)
    for i, (ax, (name, curve)) in enumerate(zip(axes, curves.items())):
        ax.set_title(name)
        if is_bottom(i, len(curves)):
            ax.set_xlabel("epochs")
        if len(curve) == 0:
            note(ax, "no loss (not iterative)")
            ax.tick_params(left=False, labelleft=False)
            continue
        epochs, losses = zip(*curve)
        ax.plot(epochs, losses, color=colors[name], lw=1.5)
        ax.set_ylabel("mean loss")
        ax.grid(True, alpha=0.3)
    return fig


def accuracy_by_epoch(history, colors=None, ylabel="accuracy"):
    """A score after each epoch, one line with markers per model.

    Parameters
    ----------
    history : dict
        ``{model_name: [score after epoch 1, after epoch 2, ...]}``, scores in
        [0, 1] (shown as percentages). A model with a single value (trained in
        one go, or evaluated only at the end) is a single point at epoch 1.
    colors : dict, optional
        ``{model_name: colour}``; by default the palette in the order given.
    ylabel : str
        What the score is ("analogy accuracy", ...).

    Returns
    -------
    matplotlib.figure.Figure
        One panel, integer epochs on x, a legend naming the models.

    Examples
    --------
    >>> fig = accuracy_by_epoch({"sg": [0.21, 0.30, 0.34], "svd": [0.25]})
    >>> [len(line.get_xdata()) for line in fig.axes[0].lines]
    [3, 1]
    """
    from matplotlib.ticker import MaxNLocator, PercentFormatter
    require(history, "accuracy history")
    colors = model_colors(list(history), colors)
    fig, (ax,) = new_figure(panel_size=(5.5, 4.0))
    for m, (name, values) in enumerate(history.items()):
        epochs = range(1, len(values) + 1)
        # A hollow marker of its own shape per model: equal scores still show both.
        ax.plot(epochs, values, marker=marker(m), ms=7, mfc="none", mew=1.5,
                lw=1.5, color=colors[name], label=name)
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    # Whole percents, unless every score is tiny.
    top = max((max(values) for values in history.values() if len(values)), default=1.0)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0 if top > 0.05 else None))
    ax.set_xlabel("epochs")
    ax.set_ylabel(ylabel)
    ax.set_title(f"{ylabel} after each epoch")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=9)
    return fig
