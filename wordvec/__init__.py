"""wordvec: the shared core of a from-scratch word-embedding trainer.

The core reads and encodes corpora, builds vocabularies, counts
co-occurrences, runs the training loop every algorithm shares, holds and
saves the trained vectors, and evaluates them. The algorithms (``w2v``,
``glove``) build on it; the command line (``wordvec.cli``) on both.

>>> from wordvec import KeyedVectors, Vocabulary
>>> vocab = Vocabulary.build([["a", "rose", "is", "a", "rose"]], min_count=2)
>>> vocab.words
['a', 'rose']
"""
from .cache import prepare_corpus
from .cooccur import count_cooccurrences
from .cooccurrence import Cooccurrence
from .corpus import Corpus
from .encode import EncodedCorpus, encode
from .errors import (BenchmarkFileError, CooccurrenceError, CorpusError, TrainingError,
                     UnknownWordError, VectorFileError, VocabularyError, WordvecError)
from .evaluate import evaluate_analogies, evaluate_suite, evaluate_word_pairs, format_table
from .keyedvectors import KeyedVectors
from .vocab import Vocabulary

__version__ = "0.1.0"

__all__ = ["BenchmarkFileError", "CooccurrenceError", "Corpus", "CorpusError", "Cooccurrence",
           "EncodedCorpus", "KeyedVectors", "TrainingError", "UnknownWordError",
           "VectorFileError", "Vocabulary", "VocabularyError", "WordvecError",
           "count_cooccurrences", "encode", "evaluate_analogies", "evaluate_suite",
           "evaluate_word_pairs", "format_table", "prepare_corpus"]
