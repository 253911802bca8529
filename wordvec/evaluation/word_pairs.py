"""Word-pair benchmarks: does cosine similarity rank pairs as people do?

A word-pair file (WordSim-353, SimLex-999, MEN, ...) lists ``word1 word2
score`` lines, the score a human judgement of how similar or related the two
words are. The vectors are scored by the correlation between those judgements
and the cosine similarity of the two words' vectors: Spearman's (of ranks,
the usual headline figure) and Pearson's (of values).

The numbers equal gensim 4.4's ``KeyedVectors.evaluate_word_pairs``, and the
p-values scipy's, without depending on either.

How sure is the Spearman figure? WordSim-353 has 353 pairs, RG-65 only 65:
a difference of 0.03 between two models can be noise. Each result carries a
95% bootstrap confidence interval for Spearman (``spearman_ci``): the pairs
are resampled with replacement ``n_resamples`` times (seeded, so the same
run gives the same interval), Spearman is computed on each resample, and
the interval is the 2.5th and 97.5th percentiles of those values (the
percentile method; ``spearman_bootstrap_ci``).

Semantics (as gensim's)
-----------------------
Cosine similarity of the two words against the human score, Pearson and
Spearman (average ranks for ties), with the same vocabulary restriction and
case folding as the analogies (``benchmark.known_words``). Pairs with an
unknown word are skipped and counted (or, with ``dummy4unknown``, scored
0.0). Unlike gensim, a malformed line is an error naming the file and line,
not a silent skip, and a file whose pairs are all unknown gives NaN
correlations instead of raising.

With ``oov="ngrams"`` a subword model answers the pairs with an unknown word
through that word's n-grams, as Facebook's evaluation of rare words does
(``unseen.py``), and ``answered_from_ngrams`` says how many; the default,
``"skip"``, keeps the figure comparable with a word-level model's.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> import numpy as np
>>> from wordvec.vectors.keyedvectors import KeyedVectors
>>> kv = KeyedVectors(np.array([[1, 0], [2, 1], [0, 1]], np.float32), ["cat", "dog", "car"])
>>> path = Path(tempfile.mkdtemp()) / "pairs.tsv"
>>> _ = path.write_text("cat\\tdog\\t8.5\\ndog\\tcar\\t3\\ncat\\tcar\\t1\\ncat\\tmouse\\t7\\n")
>>> result = evaluate_word_pairs(kv, path)   # cosines 0.89, 0.45, 0.0: the humans' order
>>> round(result.spearman, 6), round(result.pearson, 2), result.oov, result.answered
(1.0, 0.97, 1, 3)
>>> result.spearman_ci   # every resample of perfectly ordered pairs is perfectly ordered too
(1.0, 1.0)
"""
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BenchmarkFileError
from ..vectors.keyedvectors import cosine
from .benchmark_files import find_benchmark, known_words, read_lines
from .stats import pearson, spearman, spearman_bootstrap_ci
from .unseen import DEFAULT_OOV, unseen_words


@dataclass
class WordPair:
    """One line of a word-pair file."""
    line_no: int
    word1: str
    word2: str
    gold: float
    model: float        # cosine similarity; None if a word is unknown
    from_ngrams: bool = False   # a word came from outside the known words (oov="ngrams")


@dataclass
class WordPairsResult:
    """Everything :func:`evaluate_word_pairs` measured."""
    path: str
    pearson: float
    pearson_pvalue: float
    spearman: float
    spearman_pvalue: float
    pairs: int          # well-formed pairs in the file
    used: int           # pairs in the correlation (with dummy4unknown, all of them)
    oov: int            # pairs with an unknown word
    restrict_vocab: int
    case_insensitive: bool
    dummy4unknown: bool
    records: list = field(default_factory=list)
    # 95% percentile-bootstrap interval of Spearman over the pairs used
    # (spearman_bootstrap_ci); (nan, nan) if not computed or undefined.
    spearman_ci: tuple = (math.nan, math.nan)
    n_resamples: int = None     # bootstrap resamples behind spearman_ci (None: not computed)
    oov_mode: str = DEFAULT_OOV     # "skip", or "ngrams" if a subword model answered unseen words
    answered_from_ngrams: int = 0   # answered pairs with a word from outside the known words

    def __str__(self):
        low, high = self.spearman_ci
        interval = "" if math.isnan(low) else f" [95% CI {low:.3f}, {high:.3f}]"
        ngrams = (f", {self.answered_from_ngrams:,} through n-grams"
                  if self.oov_mode == "ngrams" else "")
        return (f"{Path(self.path).name}: Spearman {self.spearman:.3f}{interval}, "
                f"Pearson {self.pearson:.3f}, over {self.used:,} of {self.pairs:,} pairs{ngrams}")

    @property
    def oov_ratio(self):
        """Fraction of pairs with an unknown word (gensim reports it x100)."""
        return self.oov / self.pairs if self.pairs else 0.0

    @property
    def answered(self):
        """Pairs whose two words have vectors (known, or from n-grams with oov="ngrams")."""
        return self.pairs - self.oov


def _split_pair(line, delimiter):
    if delimiter is None:
        parts = line.split("\t") if "\t" in line else line.split()
    else:
        parts = line.split(delimiter)
    return [p.strip() for p in parts]


def _parse_pairs(path, delimiter):
    lines = read_lines(path, "word-pair")
    pairs = []
    for line_no, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = _split_pair(line, delimiter)
        if len(parts) != 3 or not parts[0] or not parts[1]:
            raise BenchmarkFileError(f"{path}: line {line_no}: expected 3 fields 'word1 word2 "
                                     f"score', got {len(parts)}: {line.strip()!r}")
        try:
            score = float(parts[2])
        except ValueError:
            raise BenchmarkFileError(f"{path}: line {line_no}: score {parts[2]!r} is not a "
                                     "number") from None
        pairs.append((line_no, parts[0], parts[1], score))
    if not pairs:
        raise BenchmarkFileError(f"{path}: no word pairs found (only comments or blank lines)")
    return pairs


def evaluate_word_pairs(kv, path, delimiter=None, restrict_vocab=300000, case_insensitive=True,
                        dummy4unknown=False, n_resamples=1000, seed=0, oov=DEFAULT_OOV):
    """Correlation of cosine similarity with human scores on a word-pair file.

    Lines are ``word1 word2 score``, tab-separated (or, with ``delimiter=None``
    and no tab on the line, whitespace-separated); ``#`` lines are comments.

    Parameters
    ----------
    kv : KeyedVectors
        Vectors with the vocabulary sorted by descending frequency.
    path : str or Path
        The benchmark file (``.gz`` allowed), or its name (``"wordsim353"``),
        found as ``evaluate_analogies`` finds one.
    delimiter : str or None
        The field separator; None: a tab if the line has one, else whitespace.
    restrict_vocab : int or None
        Only the first N words are known (gensim's default, 300,000).
    case_insensitive : bool
        Compare uppercased words (the most frequent case variant's vector is used).
    dummy4unknown : bool
        Give pairs with an unknown word similarity 0.0 instead of skipping them.
    n_resamples : int or None
        Bootstrap resamples for ``spearman_ci`` (:func:`spearman_bootstrap_ci`).
        Figures meant for a report should use at least the default 1,000;
        fewer only save time (a few hundredths of a second per set). None:
        no interval.
    seed : int
        Seeds the resampling: the same seed gives the same interval.
    oov : "skip" or "ngrams"
        A pair with a word outside the known words: skipped (the default,
        comparable with word-level models), or, for a subword model, scored
        with the vector its n-grams give (``unseen.py``; a word-level model
        skips it even so). A word with no n-gram leaves its pair out of
        vocabulary either way.

    Returns
    -------
    WordPairsResult
        Pearson and Spearman (and p-values, as scipy computes them), Spearman's
        95% bootstrap interval, the out-of-vocabulary count and ratio, the
        mode applied and the pairs answered through n-grams, and one record
        per pair.
    """
    path = find_benchmark(path, "word-pair")
    parsed = _parse_pairs(path, delimiter)
    fold = str.upper if case_insensitive else (lambda w: w)
    known, _ = known_words(kv, restrict_vocab, case_insensitive)
    mode, unseen = unseen_words(kv, oov, case_insensitive)
    vectors = kv.vectors

    def vector(word):
        row = known.get(fold(word))
        if row is not None:
            return vectors[row]
        return unseen.vector(word) if unseen is not None else None

    gold, model, records = [], [], []
    missing = from_ngrams = 0
    for line_no, w1, w2, score in parsed:
        v1, v2 = vector(w1), vector(w2)
        if v1 is None or v2 is None:
            missing += 1
            records.append(WordPair(line_no, w1, w2, score, None))
            if dummy4unknown:
                gold.append(score)
                model.append(0.0)
            continue
        sim = cosine(v1, v2)
        built = unseen is not None and (fold(w1) not in known or fold(w2) not in known)
        from_ngrams += built
        records.append(WordPair(line_no, w1, w2, score, sim, built))
        gold.append(score)
        model.append(sim)
    pearson_r, pearson_p = pearson(gold, model)
    spearman_r, spearman_p = spearman(gold, model)
    interval = (math.nan, math.nan)
    if n_resamples is not None:
        interval = spearman_bootstrap_ci(gold, model, n_resamples=n_resamples, seed=seed)
    return WordPairsResult(path=str(path), pearson=pearson_r, pearson_pvalue=pearson_p,
                           spearman=spearman_r, spearman_pvalue=spearman_p, pairs=len(parsed),
                           used=len(gold), oov=missing, restrict_vocab=restrict_vocab,
                           case_insensitive=case_insensitive, dummy4unknown=dummy4unknown,
                           records=records, spearman_ci=interval, n_resamples=n_resamples,
                           oov_mode=mode, answered_from_ngrams=from_ngrams)
