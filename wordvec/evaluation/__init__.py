"""How good are the vectors: benchmark sets, scored with intervals.

* ``analogy``: a is to b as c is to what? (``evaluate_analogies``: 3CosAdd, 3CosMul;
  ``analogy_results`` holds what it found);
* ``word_pairs``: do cosines rank word pairs as people do? (``evaluate_word_pairs``);
* ``benchmark_files``: what both kinds share: finding and reading the file,
  and the vocabulary the questions are asked in;
* ``categorization``: do the vectors cluster words into their categories?
  (``evaluate_categorization``: purity of k-means, Ward and average linkage);
* ``outliers``: which word does not belong? (``evaluate_outliers``: OPP, accuracy);
* ``bats``: BATS's folders and its four parts;
* ``suite``: a folder of benchmark files run into one table, one model or several
  (``suite_tables`` prints them);
* ``unseen``: words outside the vocabulary, skipped (the default) or answered
  from a subword model's n-grams (``oov="ngrams"``);
* ``stats``: Spearman, Pearson, bootstrap and Wilson intervals, in NumPy.
"""
from .analogy import evaluate_analogies
from .categorization import evaluate_categorization
from .outliers import evaluate_outliers
from .suite import (benchmark_files, benchmark_kind, evaluate_models, evaluate_suite,
                    format_models_table, format_table)
from .unseen import OOV_MODES
from .word_pairs import evaluate_word_pairs

__all__ = ["OOV_MODES", "benchmark_files", "benchmark_kind", "evaluate_analogies",
           "evaluate_categorization", "evaluate_models", "evaluate_outliers", "evaluate_suite",
           "evaluate_word_pairs", "format_models_table", "format_table"]
