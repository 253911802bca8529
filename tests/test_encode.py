"""Encoding to int32 ids, and the on-disk cache that lets later runs skip it."""
import os

import numpy as np
import pytest

from wordvec.cache.prepare import prepare_corpus
from wordvec.text.corpus import Corpus
from wordvec.text.encode import encode
from wordvec.text.vocab import Vocabulary


def test_encode_drops_unknown_words_and_keeps_sentences():
    vocab = Vocabulary(["the", "cat", "sat"], [3, 2, 1])
    encoded = encode([["the", "dog", "sat"], ["dog"], ["cat", "the"]], vocab)
    assert encoded.ids.dtype == np.int32
    assert encoded.ids.tolist() == [0, 2, 1, 0]
    assert encoded.bounds.tolist() == [0, 2, 4]  # the all-unknown sentence is gone
    assert encoded.sentence(1).tolist() == [1, 0]


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text("a b a c\nb a\nc c a d\n" * 3)
    return path


def test_cache_reuses_counts_and_ids(tmp_path, corpus_file, monkeypatch):
    cache = tmp_path / "cache"
    vocab, encoded = prepare_corpus(corpus_file, min_count=2, cache_dir=cache)
    assert isinstance(encoded.ids, np.memmap)  # memory-mapped from the cache
    expected = encode(Corpus(corpus_file), vocab)
    assert encoded.ids.tolist() == expected.ids.tolist()
    assert encoded.bounds.tolist() == expected.bounds.tolist()
    assert len(list(cache.glob("*.ids.npy"))) == 1

    # A second run must not read the corpus at all.
    def fail(*args, **kwargs):
        raise AssertionError("the corpus was read again")
    monkeypatch.setattr("wordvec.text.corpus.iter_file_sentences", fail)
    vocab2, encoded2 = prepare_corpus(corpus_file, min_count=2, cache_dir=cache)
    assert vocab2.words == vocab.words and encoded2.ids.tolist() == encoded.ids.tolist()
    # Another min_count reuses the counts, but needs a new encoding -> reads the file.
    with pytest.raises(AssertionError, match="read again"):
        prepare_corpus(corpus_file, min_count=4, cache_dir=cache)  # drops "d"


def test_cache_notices_a_changed_file(tmp_path, corpus_file):
    cache = tmp_path / "cache"
    vocab, _ = prepare_corpus(corpus_file, min_count=1, cache_dir=cache)
    corpus_file.write_text("z z z z\n")
    stat = corpus_file.stat()
    os.utime(corpus_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    vocab2, encoded2 = prepare_corpus(corpus_file, min_count=1, cache_dir=cache)
    assert vocab2.words == ["z"] and encoded2.ids.tolist() == [0, 0, 0, 0]


def test_no_cache_for_in_memory_corpora_or_when_disabled(tmp_path, corpus_file):
    cache = tmp_path / "cache"
    _, encoded = prepare_corpus([["a", "a", "b"]], min_count=1, cache_dir=cache)
    assert not cache.exists() and encoded.ids.tolist() == [0, 0, 1]
    prepare_corpus(corpus_file, min_count=1, cache_dir=False)
    assert not cache.exists()
