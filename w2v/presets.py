"""Named hyperparameter sets for Word2Vec, each from a published source.

Every estimator parameter has a default, but "the defaults" differ between
implementations: word2vec.c trains CBOW with alpha 0.05, gensim with 0.025;
the C tool's text8 demo uses 200 dimensions and 25 noise words. A preset
names one such set and says where it comes from, so that a comparison with
another tool, or a recipe from a paper, is one word on the command line
(``wordvec train cbow --preset word2vec-c``) or one call here:

>>> preset_params("text8-demo", "cbow")["window"]
8
>>> get_preset("levy2015").algorithm
'skipgram'
>>> preset_params("gensim", "cbow")["alpha"], preset_params("word2vec-c", "cbow")["alpha"]
(0.025, 0.05)
>>> model = CBOW(**preset_params("gensim", "cbow"))     # doctest: +SKIP

A preset has common ``params`` and ``per_algorithm`` overrides: the learning
rate of the C tool depends on the algorithm, and ``cbow_mean`` exists only
for CBOW. What a preset leaves out keeps the estimator's default. No preset
sets ``workers``, ``verbose`` or ``callbacks`` (how to run, not what to
learn), nor ``seed``, except gensim's, which is 1 like ours.

The presets and their sources:

* ``word2vec-c``: what word2vec.c (Mikolov et al.'s C tool) does when given
  no flags: CBOW, 100 dimensions, window 5, 5 noise words, subsampling
  1e-3, 5 epochs, alpha 0.05 for CBOW and 0.025 for skip-gram.
* ``gensim``: the defaults of gensim 4's ``Word2Vec``; the same, except that
  CBOW starts at alpha 0.025 too.
* ``text8-demo``: the C tool's ``demo-word.sh`` recipe for text8: CBOW with
  200 dimensions, window 8, 25 noise words, subsampling 1e-4, 15 epochs.
* ``levy2015``: Levy, Goldberg & Dagan (2015), "Improving Distributional
  Similarity with Lessons Learned from Word Embeddings", TACL 3:211-225.
  Their practical advice for skip-gram with negative sampling, in short:
  draw many negative samples (15, the most they tried, rather than 5);
  always smooth the noise (context) distribution with the exponent 0.75;
  subsample frequent words (t = 1e-5); use dynamic context windows, whose
  size is drawn anew for each word (our kernels always do), here of up to
  5 words; and try adding each word's context vector to its word vector,
  their "w+c", our ``vectors="word+context"``.

"""
from dataclasses import dataclass

from wordvec.train import Preset as _Preset
from wordvec.train import find_preset

# The values of the estimators' ``algorithm`` attribute.
_ALGORITHMS = ("cbow", "skipgram")
# Skip-gram with shared negatives takes skip-gram's settings.
_SAME_SETTINGS = {"skipgram-shared": "skipgram"}


def _c_learning_rates():
    """word2vec.c's learning rates, which hang on the algorithm, and its CBOW mean.

    "-alpha: default is 0.025 for skip-gram and 0.05 for CBOW". The C tool
    then never lets the rate fall below starting_alpha * 1e-4; our linear
    decay to min_alpha = alpha * 1e-4 ends at the same floor (written out,
    as 0.05 * 1e-4 is 5.000000000000001e-06 in floating point). Its CBOW
    always averages the context vectors (neu1 /= cw). A new dict for each
    preset, so that none shares a dict another could change.
    """
    return {"cbow": {"alpha": 0.05, "min_alpha": 5e-6, "cbow_mean": True},
            "skipgram": {"alpha": 0.025, "min_alpha": 2.5e-6}}


@dataclass(frozen=True)
class Preset(_Preset):
    """A Word2Vec preset (``wordvec.train.presets.Preset``) whose algorithm is
    "cbow" or "skipgram", checked when the module is imported."""

    def __post_init__(self):
        # Caught when the module is imported, not when someone trains.
        unknown = ({self.algorithm} | set(self.per_algorithm)) - set(_ALGORITHMS)
        if unknown:
            raise ValueError(f"preset {self.name!r}: unknown algorithm(s) {sorted(unknown)}; "
                             f"expected {_ALGORITHMS}")
        if "cbow_mean" in self.params or "cbow_mean" in self.per_algorithm.get("skipgram", {}):
            raise ValueError(f"preset {self.name!r}: cbow_mean belongs to per_algorithm['cbow'] "
                             "(SkipGram has no such parameter)")

    def params_for(self, algorithm):
        """The keyword arguments for ``algorithm``: ``params`` updated by its overrides."""
        algorithm = _SAME_SETTINGS.get(algorithm, algorithm)
        if algorithm not in _ALGORITHMS:
            raise ValueError(f"unknown algorithm {algorithm!r}; expected one of {_ALGORITHMS}")
        return super().params_for(algorithm)


_PRESET_LIST = [
    Preset(
        name="word2vec-c",
        algorithm="cbow",
        description="the word2vec C tool's defaults (what `./word2vec -train FILE` does)",
        source="word2vec.c, Mikolov et al.'s final release (github.com/tmikolov/word2vec): "
               "its global defaults and main()",
        # From the globals of word2vec.c: layer1_size 100, window 5,
        # sample 1e-3, hs 0, negative 5, iter 5, min_count 5, cbow 1, and the
        # unigram table's power 0.75.
        params={"dim": 100, "window": 5, "sample": 1e-3, "negative": 5, "hs": False,
                "ns_exponent": 0.75, "epochs": 5, "min_count": 5},
        per_algorithm=_c_learning_rates(),
    ),
    Preset(
        name="gensim",
        algorithm="cbow",
        description="gensim 4's Word2Vec defaults, to compare with gensim like for like",
        source="gensim 4.x, gensim.models.word2vec.Word2Vec.__init__ defaults "
               "(radimrehurek.com/gensim/models/word2vec.html)",
        # gensim's names: vector_size=100, alpha=0.025, min_alpha=0.0001,
        # window=5, min_count=5, sample=1e-3, sg=0 (CBOW), hs=0, negative=5,
        # ns_exponent=0.75, cbow_mean=1, epochs=5, seed=1. Unlike the C tool,
        # gensim starts CBOW at 0.025 too.
        params={"dim": 100, "alpha": 0.025, "min_alpha": 1e-4, "window": 5, "min_count": 5,
                "sample": 1e-3, "hs": False, "negative": 5, "ns_exponent": 0.75, "epochs": 5,
                "seed": 1},
        per_algorithm={"cbow": {"cbow_mean": True}},
    ),
    Preset(
        name="text8-demo",
        algorithm="cbow",
        description="the C tool's demo recipe for text8: bigger vectors, wider windows, "
                    "25 noise words, 15 epochs",
        source="demo-word.sh of word2vec's final release: ./word2vec -train text8 "
               "-output vectors.bin -cbow 1 -size 200 -window 8 -negative 25 -hs 0 "
               "-sample 1e-4 -threads 20 -binary 1 -iter 15 (earlier releases used "
               "-window 5 -negative 5 -sample 1e-3)",
        # -threads is how to run, not what to learn: left to --workers. What
        # the script does not pass is the C tool's default (min_count 5,
        # power 0.75, alpha by algorithm).
        params={"dim": 200, "window": 8, "negative": 25, "hs": False, "sample": 1e-4,
                "ns_exponent": 0.75, "epochs": 15, "min_count": 5},
        per_algorithm=_c_learning_rates(),
    ),
    Preset(
        name="levy2015",
        algorithm="skipgram",
        description="skip-gram with negative sampling as Levy, Goldberg & Dagan advise: "
                    "many noise words, smoothed noise, strong subsampling, w+c vectors",
        source="Levy, Goldberg & Dagan (2015), Improving Distributional Similarity with "
               "Lessons Learned from Word Embeddings, TACL 3:211-225 "
               "(aclanthology.org/Q15-1016)",
        # The advice is summed up in the module docstring. Dynamic windows
        # need no parameter: the kernels always shrink the window at random.
        # Our subsampling follows word2vec.c's formula, which at the same t
        # keeps a little more than the paper's 1 - sqrt(t / f).
        params={"negative": 15, "ns_exponent": 0.75, "sample": 1e-5, "window": 5,
                "vectors": "word+context"},
    ),
]

PRESETS = {preset.name: preset for preset in _PRESET_LIST}


def get_preset(name):
    """The ``Preset`` called ``name``; a ValueError naming the presets if there is none."""
    return find_preset(PRESETS, name)


def preset_params(name, algorithm):
    """Keyword arguments of preset ``name`` for ``algorithm`` ("cbow" or "skipgram").

    A new dict each call: changing it changes no preset.

    >>> sorted(preset_params("levy2015", "skipgram"))
    ['negative', 'ns_exponent', 'sample', 'vectors', 'window']
    """
    return get_preset(name).params_for(algorithm)
