"""Trained vectors, their queries, and their files.

* ``keyedvectors``: ``KeyedVectors``, words and their vectors, with
  neighbours, similarities and analogies;
* ``formats``: saving and loading by file extension, which dispatches to
  ``text_format`` (word2vec text and GloVe), ``binary_format`` (word2vec
  binary), ``fasttext_format`` (Facebook fastText's ``.bin``, a whole
  subword model; told from word2vec's by its first bytes) and ``npz_format``
  (our own, with counts and metadata, and a subword model's n-gram rows);
* ``subword_vectors``: ``SubwordVectors``, a subword model's vectors, which
  answer words outside the vocabulary from their n-grams;
* ``nonfinite``: NaN and infinity found and refused;
* ``projector``: the two TSV files of the Embedding Projector.
"""
from .formats import FORMATS, detect_format
from .keyedvectors import KeyedVectors
from .projector import write_projector_files
from .subword_vectors import SubwordVectors

__all__ = ["FORMATS", "KeyedVectors", "SubwordVectors", "detect_format",
           "write_projector_files"]
