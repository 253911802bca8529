"""Named settings for fastText, each from a published source.

* ``facebook``: the fastText tool's own defaults for ``./fasttext skipgram``
  and ``./fasttext cbow`` (its ``args.cc``): 100 dimensions, window 5,
  5 noise words drawn from count^0.5, subsampling 1e-4, learning rate 0.05
  decaying to 0, 5 epochs, min count 5, n-grams of 3 to 6 characters hashed
  into 2,000,000 buckets. Our estimators' defaults are the same.
* ``gensim``: the defaults of gensim 4's ``FastText``: learning rate 0.025
  to 0.0001, subsampling 1e-3 and noise from count^0.75 (word2vec's), the
  same n-grams and buckets.

No ``small-corpus`` preset yet: a sweep on wiki17m and Brown has not been
run for fastText, and a preset is only added where a measurement says it helps.

>>> preset_params("facebook", "fasttext")["ns_exponent"]
0.5
>>> preset_params("gensim", "fasttext-cbow")["alpha"]
0.025
"""
from wordvec.train import Preset, find_preset

_NGRAMS = {"minn": 3, "maxn": 6, "bucket": 2_000_000}

_PRESET_LIST = [
    Preset(
        name="facebook",
        algorithm="fasttext",
        description="the fastText tool's defaults (`./fasttext skipgram -input FILE -output M`)",
        source="fastText 0.9.2, src/args.cc (github.com/facebookresearch/fastText): dim 100, "
               "ws 5, neg 5, t 1e-4, lr 0.05, epoch 5, minCount 5, minn 3, maxn 6, "
               "bucket 2000000; negatives from a table of count^0.5 (dictionary.cc)",
        params={"dim": 100, "window": 5, "negative": 5, "ns_exponent": 0.5, "sample": 1e-4,
                "alpha": 0.05, "min_alpha": 0.0, "epochs": 5, "min_count": 5, **_NGRAMS},
    ),
    Preset(
        name="gensim",
        algorithm="fasttext",
        description="gensim 4's FastText defaults, to compare with gensim like for like",
        source="gensim 4.x, gensim.models.fasttext.FastText.__init__ defaults "
               "(radimrehurek.com/gensim/models/fasttext.html)",
        # gensim's names: vector_size=100, alpha=0.025, min_alpha=0.0001, window=5,
        # min_count=5, sample=1e-3, negative=5, ns_exponent=0.75, epochs=5, min_n=3,
        # max_n=6, bucket=2000000, seed=1.
        params={"dim": 100, "window": 5, "negative": 5, "ns_exponent": 0.75, "sample": 1e-3,
                "alpha": 0.025, "min_alpha": 1e-4, "epochs": 5, "min_count": 5, "seed": 1,
                **_NGRAMS},
    ),
]

PRESETS = {preset.name: preset for preset in _PRESET_LIST}


def preset_params(name, algorithm):
    """Keyword arguments of preset ``name`` for ``algorithm`` ("fasttext" or "fasttext-cbow")."""
    return find_preset(PRESETS, name).params_for(algorithm)
