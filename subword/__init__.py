"""fastText: Word2Vec whose words are the mean of their character n-grams.

Read ``reference.py`` (NumPy, one example, the paper's equations) first,
then ``kernels.py`` (Numba, a whole corpus), then ``estimator.py`` (the
driver). The n-grams and their hashing, and the vectors that answer unseen
words, are in the core (``wordvec/text/subwords.py``,
``wordvec/vectors/subword_vectors.py``), because loading a fastText file
needs them too. Not called ``fasttext``: that is the import name of
Facebook's own Python module.
"""
from wordvec.train import Algorithm

from .estimator import FastText, FastTextCBOW
from .presets import PRESETS

__all__ = ["ALGORITHMS", "FastText", "FastTextCBOW"]

# What the command line offers (wordvec train fasttext|fasttext-cbow).
ALGORITHMS = (
    Algorithm("fasttext", FastText, "fastText skip-gram: each word is the mean of its "
                                    "character n-grams, so unseen words get vectors too",
              PRESETS),
    Algorithm("fasttext-cbow", FastTextCBOW, "fastText CBOW: the n-grams of the context "
                                             "words predict each word", PRESETS),
)
