"""From text to the integers training reads: sentences, words, the vocabulary, ids.

* ``normalize``: how a line of raw text becomes words;
* ``corpus``: streaming sentences from files, folders or memory;
* ``vocab``: word counts, ``min_count`` and subsampling's keep probabilities;
* ``encode``: the corpus as one int32 array of word ids and sentence bounds;
* ``subwords``: a word's character n-grams and their hashed rows (fastText's).
"""
from .corpus import Corpus, as_corpus
from .encode import EncodedCorpus, encode
from .normalize import NORMALIZERS
from .subwords import SubwordTable, char_ngrams, fnv1a, subword_table
from .vocab import Vocabulary, vocabulary_hash

__all__ = ["Corpus", "EncodedCorpus", "NORMALIZERS", "SubwordTable", "Vocabulary", "as_corpus",
           "char_ngrams", "encode", "fnv1a", "subword_table", "vocabulary_hash"]
