"""Trained vectors, their queries, and their files.

* ``keyedvectors``: ``KeyedVectors``, words and their vectors, with
  neighbours, similarities and analogies;
* ``formats``: saving and loading by file extension, which dispatches to
  ``text_format`` (word2vec text and GloVe), ``binary_format`` (word2vec
  binary) and ``npz_format`` (our own, with counts and metadata);
* ``nonfinite``: NaN and infinity found and refused;
* ``projector``: the two TSV files of the Embedding Projector.
"""
from .formats import FORMATS, detect_format
from .keyedvectors import KeyedVectors
from .projector import write_projector_files

__all__ = ["FORMATS", "KeyedVectors", "detect_format", "write_projector_files"]
