"""Word2Vec: skip-gram and CBOW, with negative sampling and/or hierarchical softmax.

Read ``reference.py`` (NumPy, one example, the paper's equations) first,
then ``reference_cbow.py`` and ``reference_hs.py`` (with ``huffman.py``),
then ``kernels.py`` (Numba, a whole corpus), then ``base.py`` (the driver).
``reference_shared.py`` and ``kernels_shared.py`` are the opt-in skip-gram
whose noise words are shared by a window (``SkipGram(shared_negatives=True)``).
"""
from wordvec.train import Algorithm

from .cbow import CBOW
from .presets import PRESETS
from .skipgram import SkipGram, SkipGramSharedNegatives

__all__ = ["ALGORITHMS", "CBOW", "SkipGram", "SkipGramSharedNegatives"]

# What the command line offers (wordvec train sg|cbow).
ALGORITHMS = (
    Algorithm("sg", SkipGram, "Word2Vec skip-gram: each context word predicts its centre "
                              "word, pair by pair", PRESETS),
    Algorithm("sg-shared", SkipGramSharedNegatives,
              "Word2Vec skip-gram with noise words shared by each window (pWord2Vec): the "
              "same as sg --shared-negatives", PRESETS),
    Algorithm("cbow", CBOW, "Word2Vec CBOW: the mean of a word's context words predicts it",
              PRESETS),
)
