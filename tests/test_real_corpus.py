"""Train on a real corpus from the data directory (skipped when WORDVEC_DATA is unset)."""
import os
from pathlib import Path

import pytest

from w2v import SkipGram
from wordvec.evaluation.suite import evaluate_word_pairs
from wordvec.text.corpus import Corpus

DATA = os.environ.get("WORDVEC_DATA")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not DATA, reason="set WORDVEC_DATA to the shared data folder")]


@pytest.fixture(scope="module")
def brown_model():
    corpus = Corpus(Path(DATA) / "corpora" / "brown.txt.xz", normalizer="text8")
    return SkipGram(dim=50, epochs=3, seed=1, workers=2, verbose=False).fit(corpus,
                                                                           cache_dir=False)


def test_brown_vocabulary_matches_the_data_readme(brown_model):
    # The README: 1,023,444 a-z words once normalised the text8 way.
    assert brown_model.vocab_.total_words == 1_023_444


@pytest.mark.parametrize("word,expected", [
    ("monday", {"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}),
    ("three", {"two", "four", "five", "six", "seven", "eight"}),
    ("husband", {"wife", "mother", "father", "brother", "son", "daughter"}),
])
def test_brown_finds_known_neighbours(brown_model, word, expected):
    neighbours = {w for w, _ in brown_model.wv.most_similar(word, topn=5)}
    assert len(neighbours & expected) >= 2, neighbours


def test_brown_wordsim_correlation_is_positive(brown_model):
    result = evaluate_word_pairs(brown_model.wv, Path(DATA) / "eval" / "wordsim353.tsv")
    assert result.spearman > 0.15
