"""The README's figure of GloVe's settings on wiki17m, from two committed comparison reports.

The paper's settings (x_max 100, window 10, 25 epochs: GloVe's defaults, which
``wordvec compare`` used before its corpus-size rule) against ``small-corpus``
(x_max 10, window 50, 15 epochs, which the rule picks below 100M tokens),
with skip-gram for reference: the analogy accuracy after each epoch, as each
report measured it (Google's analogies, 30,000 most frequent words).

Usage, from the repository root::

    python bench/glove_settings_figure.py        # writes docs/glove_settings_wiki17m.png
"""
import json
from pathlib import Path

from wordvec import plot

RESULTS = Path(__file__).resolve().parent / "results"
OUT = Path(__file__).resolve().parents[1] / "docs" / "glove_settings_wiki17m.png"


def epoch_scores(report, name):
    models = json.loads((RESULTS / report / "results.json").read_text())["models"]
    return next(model["epoch_scores"] for model in models if model["name"] == name)


def main():
    history = {
        "GloVe, the paper's x_max 100, window 10": epoch_scores("compare_wiki17m_2026-11-30",
                                                                "glove"),
        "GloVe, small-corpus: x_max 10, window 50": epoch_scores("compare_wiki17m_2026-12-07",
                                                                 "glove"),
        "skip-gram, its defaults": epoch_scores("compare_wiki17m_2026-12-07", "sg"),
    }
    fig = plot.accuracy_by_epoch(history, ylabel="Google analogies, accuracy at 30k")
    fig.axes[0].set_title("GloVe on wiki17m (16.7M tokens)")
    plot.save(fig, OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
