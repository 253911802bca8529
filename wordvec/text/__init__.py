"""From text to the integers training reads: sentences, words, the vocabulary, ids.

* ``normalize``: how a line of raw text becomes words;
* ``corpus``: streaming sentences from files, folders or memory;
* ``vocab``: word counts, ``min_count`` and subsampling's keep probabilities;
* ``encode``: the corpus as one int32 array of word ids and sentence bounds.
"""
from .corpus import Corpus, as_corpus
from .encode import EncodedCorpus, encode
from .normalize import NORMALIZERS
from .vocab import Vocabulary, vocabulary_hash

__all__ = ["Corpus", "EncodedCorpus", "NORMALIZERS", "Vocabulary", "as_corpus", "encode",
           "vocabulary_hash"]
