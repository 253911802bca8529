"""GloVe: fit vectors to the logs of word co-occurrence counts, with AdaGrad.

Read ``reference.py`` (NumPy, the paper's loss and one AdaGrad step) first,
then ``kernels.py`` (the fast AdaGrad pass) and ``estimator.py`` (the
driver). The counting itself is shared with other count-based methods and
lives in the core: ``wordvec/cooccur/counting.py``.
"""
from wordvec.train import Algorithm

from .estimator import GloVe
from .presets import BY_CORPUS_SIZE, PRESETS

__all__ = ["ALGORITHMS", "GloVe"]

# What the command line offers (wordvec train glove).
ALGORITHMS = (
    Algorithm("glove", GloVe, "GloVe: fit vectors to the logs of word co-occurrence counts",
              PRESETS, by_corpus_size=BY_CORPUS_SIZE),
)
