"""Named hyperparameter sets for PPMI-SVD, each with its source.

>>> preset_params("levy2015")["window"]
2
>>> get_preset("levy2015").source.startswith("Levy")
True

* ``levy2015``: Levy, Goldberg & Dagan (2015), "Improving Distributional
  Similarity with Lessons Learned from Word Embeddings", TACL 3:211-225,
  their practical recommendations (section 7) as they bear on SVD: always
  smooth the context distribution (cds = 0.75); do not shift the PPMI matrix
  for SVD (neg = 1); do not use the "correct" SVD (eig = 1) but a symmetric
  variant (eig = 0.5); use short windows with PPMI and SVD (2). They
  measured on a full English Wikipedia; on wiki17m's 17 million tokens,
  window 2 sees too few pairs: analogy@30k 0.270, WS353 0.549, SimLex 0.245,
  against 0.319, 0.671, 0.267 with the estimator's defaults (window 5,
  eig 0).
"""
from wordvec.train import Preset, find_preset

_PRESET_LIST = [
    Preset(
        name="levy2015",
        algorithm="svd",
        description="Levy et al.'s recommendations for SVD: window 2, cds 0.75, no shift, "
                    "eig 0.5",
        source="Levy, Goldberg & Dagan (2015), Improving Distributional Similarity with "
               "Lessons Learned from Word Embeddings, TACL 3:211-225, sections 3.3 and 7",
        params={"window": 2, "cds": 0.75, "neg": 1.0, "eig": 0.5},
    ),
]

PRESETS = {preset.name: preset for preset in _PRESET_LIST}


def get_preset(name):
    """The ``Preset`` called ``name``; a ValueError naming the presets if there is none."""
    return find_preset(PRESETS, name)


def preset_params(name, algorithm="svd"):
    """Keyword arguments of preset ``name`` for ``PPMISVD`` (a new dict each call)."""
    return get_preset(name).params_for(algorithm)
