"""Named hyperparameter sets for GloVe, each with its source.

>>> preset_params("small-corpus", "glove")["x_max"]
10.0
>>> get_preset("paper").source.startswith("Pennington")
True

* ``paper``: Pennington, Socher & Manning (2014), section 4.2: x_max = 100,
  alpha = 3/4, AdaGrad from eta = 0.05, a symmetric window of 10 words
  weighted 1/d, W + W̃ as the vectors, 50 iterations below 300 dimensions.
  Tuned on corpora of billions of tokens.
* ``c-demo``: the C tool's ``demo.sh`` (its text8 example): 50 dimensions,
  a symmetric window of 15, x_max = 10, 15 iterations, min_count 5.
* ``small-corpus``: our choice for corpora of tens of millions of tokens,
  the best of a sweep of x_max, eta, window and epochs on wiki17m (16.7M
  tokens): ``bench/results/glove_sweep_2026-11-27.txt``. With x_max = 100,
  nearly every pair of such a corpus weighs far below 1 in the loss; x_max
  = 10 lets the vectors learn from the pairs the corpus actually has. A wide
  window (50) gathers more of them: analogy@30k rose steadily with the
  window, from 33% (window 10) to 42% (window 50), at about 2.7 times the
  entries (its cost: bench/results/design_measurements.md). 15 epochs: 25 added only 0.3-0.6 points.
"""
from wordvec.train import Preset, find_preset

_PRESET_LIST = [
    Preset(
        name="paper",
        algorithm="glove",
        description="the paper's settings (tuned on billions of tokens)",
        source="Pennington, Socher & Manning (2014), GloVe: Global Vectors for Word "
               "Representation, EMNLP, section 4.2",
        params={"x_max": 100.0, "alpha": 0.75, "eta": 0.05, "window": 10, "symmetric": True,
                "distance_weighting": True, "vectors": "word+context", "epochs": 50},
    ),
    Preset(
        name="c-demo",
        algorithm="glove",
        description="the GloVe C tool's demo script (text8)",
        source="demo.sh of github.com/stanfordnlp/GloVe: VOCAB_MIN_COUNT=5 VECTOR_SIZE=50 "
               "MAX_ITER=15 WINDOW_SIZE=15 X_MAX=10",
        params={"min_count": 5, "dim": 50, "epochs": 15, "window": 15, "x_max": 10.0},
    ),
    Preset(
        name="small-corpus",
        algorithm="glove",
        description="for corpora below ~100M tokens (best of sweeps on wiki17m and Brown)",
        source="a sweep of x_max (10-100), window (10-50), eta and epochs on wiki17m "
               "(16.7M tokens of Wikipedia), scored on the Google analogies: 42.3% against "
               "the paper settings' 21.6%",
        params={"x_max": 10.0, "alpha": 0.75, "eta": 0.05, "window": 50, "epochs": 15},
    ),
]

PRESETS = {preset.name: preset for preset in _PRESET_LIST}

# Which preset suits which corpus (``wordvec compare`` without --preset). The
# paper's x_max = 100 was tuned on 6 to 42 billion tokens. On real text of
# tens of millions and of one million tokens, small-corpus scored better on
# every benchmark: wiki17m (16.7M tokens), analogies 42.3% against 21.6%
# (bench/results/glove_sweep_2026-11-27.txt); Brown (1.0M), WS353 0.165
# against -0.001 to 0.034 (bench/results/glove_sweep_brown_2026-12-07.txt).
# Nothing between 65 million and 6 billion tokens was measured: above 100
# million, the defaults (the paper's x_max and window) are kept.
BY_CORPUS_SIZE = ((100_000_000, "small-corpus"),)


def get_preset(name):
    """The ``Preset`` called ``name``; a ValueError naming the presets if there is none."""
    return find_preset(PRESETS, name)


def preset_params(name, algorithm="glove"):
    """Keyword arguments of preset ``name`` for ``GloVe`` (a new dict each call)."""
    return get_preset(name).params_for(algorithm)
