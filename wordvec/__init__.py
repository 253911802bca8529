"""wordvec: the shared core of a from-scratch word-embedding trainer.

The core reads and encodes corpora, builds vocabularies, counts
co-occurrences, runs the training loop every algorithm shares, holds and
saves the trained vectors, and evaluates them. The algorithms (``w2v``,
``glove``, ``svd``) build on it; the command line (``wordvec.cli``) on both.

Its subpackages, each one concept, import only from themselves and from
those before them in this order (``tests/test_architecture.py`` checks it):
``util`` < ``engine`` < ``text`` < ``cooccur`` < ``cache`` < ``vectors`` <
``train`` < ``evaluation`` < ``plot`` < ``report``. ``errors`` sits below them all.

>>> from wordvec import KeyedVectors, Vocabulary
>>> vocab = Vocabulary.build([["a", "rose", "is", "a", "rose"]], min_count=2)
>>> vocab.words
['a', 'rose']
"""
from .cache.prepare import prepare_corpus
from .cooccur.counting import count_cooccurrences
from .cooccur.matrix import Cooccurrence
from .errors import (BenchmarkFileError, CooccurrenceError, CorpusError, TrainingError,
                     UnknownWordError, VectorFileError, VocabularyError, WordvecError)
from .evaluation.suite import evaluate_analogies, evaluate_suite, evaluate_word_pairs, format_table
from .report.explorer import explore
from .text.corpus import Corpus
from .text.encode import EncodedCorpus, encode
from .text.vocab import Vocabulary
from .vectors.keyedvectors import KeyedVectors

__version__ = "0.1.0"

__all__ = ["BenchmarkFileError", "CooccurrenceError", "Corpus", "CorpusError", "Cooccurrence",
           "EncodedCorpus", "KeyedVectors", "TrainingError", "UnknownWordError",
           "VectorFileError", "Vocabulary", "VocabularyError", "WordvecError",
           "count_cooccurrences", "encode", "evaluate_analogies", "evaluate_suite",
           "evaluate_word_pairs", "explore", "format_table", "prepare_corpus"]
