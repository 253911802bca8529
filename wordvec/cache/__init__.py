"""The on-disk cache: a corpus read, encoded and counted once, then reused.

* ``prepare``: ``prepare_corpus`` (vocabulary and encoded ids) and
  ``cached_cooccurrences``, keyed by the corpus files and the settings;
* ``seal``: the seal written last beside each entry, which says it is whole.
"""
from .prepare import cached_cooccurrences, default_cache_dir, prepare_corpus

__all__ = ["cached_cooccurrences", "default_cache_dir", "prepare_corpus"]
