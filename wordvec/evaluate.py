"""Benchmarks: word analogies, word-pair similarity, and a whole folder of them.

The numbers equal gensim 4.4's ``KeyedVectors.evaluate_word_analogies`` and
``evaluate_word_pairs`` on the same vectors, question for question, but the
analogies are answered in batches (one matrix product per 256 questions), so
the full Google set (19,544 questions) on 30,000 x 100 vectors takes about a
second instead of a minute.

Analogy semantics (as gensim's)
-------------------------------
* Only the first ``restrict_vocab`` words of the vocabulary (the most frequent
  ones) are known; with ``case_insensitive`` every word is uppercased, and a
  word with several case variants takes the vector of its first (most
  frequent) variant.
* A question with any of its four words unknown is skipped (or, with
  ``dummy4unknown``, counted as wrong).
* 3CosAdd scores every known word by cosine with unit(b - a + c) over unit
  vectors; 3CosMul (Levy & Goldberg 2014) by
  ``(1+cos(w,b))/2 * (1+cos(w,c))/2 / ((1+cos(w,a))/2 + 1e-6)``.
* The answer is taken as gensim takes it: the 8 best-scored words, minus the
  three question words' rows, give up to 5 candidates; the first whose
  (uppercased) spelling is not one of the question words is the answer (if
  none is, the last candidate stands). Exact score ties go to the more
  frequent word.
* Sections whose names start with ``gram`` are syntactic, the others semantic.
* Unlike gensim, a question line without exactly 4 words is an error naming
  the file and line (gensim skips it silently); blank and ``#`` lines are skipped.
* A question word with a zero vector: gensim's scores all become NaN and its
  answer is arbitrary; here the zero unit vector is used. Zero or NaN
  candidate vectors rank last in both.

Word-pair semantics (as gensim's)
---------------------------------
Cosine similarity of the two words against the human score, Pearson and
Spearman (average ranks for ties), with the same vocabulary restriction and
case folding. Pairs with an unknown word are skipped and counted (or, with
``dummy4unknown``, scored 0.0). Unlike gensim, a malformed line is an error
naming the file and line, not a silent skip, and a file whose pairs are all
unknown gives NaN correlations instead of raising.
"""
import gzip
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import BenchmarkFileError

ANALOGY_METHODS = ("3cosadd", "3cosmul")
_CANDIDATES = 5          # gensim asks most_similar for topn=5 ...
_QUESTION_WORDS = 3      # ... plus one extra per query word, to drop them
_CHUNK_CELLS = 1 << 23   # scores held at once: questions per chunk x restricted vocabulary
_MAX_CHUNK = 256
BENCHMARK_SUFFIXES = (".txt", ".tsv")


# ------------------------------------------------------------------- reading

def _read_lines(path, what):
    """All lines of a UTF-8 (optionally .gz) benchmark file, without line ends."""
    path = Path(path)
    if not path.exists():
        raise BenchmarkFileError(f"{path}: no such {what} file")
    if path.is_dir():
        raise BenchmarkFileError(f"{path}: is a directory, expected a {what} file")
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rb") as f:
        data = f.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    out = []
    for line_no, raw in enumerate(lines, 1):
        try:
            out.append(raw.decode("utf-8").rstrip("\r"))
        except UnicodeDecodeError as exc:
            raise BenchmarkFileError(f"{path}: line {line_no}: not valid UTF-8 "
                                     f"({exc.reason} at byte {exc.start})") from None
    if not any(line.strip() for line in out):
        raise BenchmarkFileError(f"{path}: empty {what} file")
    return out


def _known_words(kv, restrict_vocab, case_insensitive):
    """gensim's ``ok_vocab``: normalised spelling -> row, first (most frequent) variant wins."""
    count = len(kv) if restrict_vocab is None else max(0, min(int(restrict_vocab), len(kv)))
    keys = kv.index_to_key[:count]
    if case_insensitive:
        keys = [w.upper() for w in keys]
    known = {}
    for i in range(count - 1, -1, -1):
        known[keys[i]] = i
    return known, count


# ----------------------------------------------------------------- analogies

@dataclass
class AnalogyQuestion:
    """One question ``a : b :: c : expected`` and how it went."""
    section: str
    section_index: int  # position of its ": section" header among the headers
    line_no: int
    words: tuple        # (a, b, c, expected) as written in the file
    answered: bool      # False: a word is outside the (restricted) vocabulary
    predicted: str      # vocabulary word given as the answer (None if not answered)
    correct: bool


@dataclass
class SectionResult:
    """Counts for one section, or for a summary (semantic, syntactic, total)."""
    name: str
    questions: int = 0  # well-formed questions
    answered: int = 0   # questions whose four words are known
    correct: int = 0
    dummy4unknown: bool = False

    @property
    def skipped(self):
        """Questions with an unknown word."""
        return self.questions - self.answered

    @property
    def scored(self):
        """The denominator of ``accuracy``: answered, plus skipped if dummy4unknown."""
        return self.questions if self.dummy4unknown else self.answered

    @property
    def accuracy(self):
        """Correct / scored, as gensim reports it (0.0 when nothing was scored)."""
        return self.correct / self.scored if self.scored else 0.0

    @property
    def accuracy_all(self):
        """Correct / all questions: a skipped question counts as wrong."""
        return self.correct / self.questions if self.questions else 0.0

    def _add(self, question):
        self.questions += 1
        self.answered += question.answered
        self.correct += question.correct


@dataclass
class AnalogyResult:
    """Everything :func:`evaluate_analogies` measured."""
    path: str
    method: str
    restrict_vocab: int
    case_insensitive: bool
    dummy4unknown: bool
    sections: list = field(default_factory=list)    # SectionResult per ": section"
    semantic: SectionResult = None                  # sections not starting with "gram"
    syntactic: SectionResult = None                 # sections starting with "gram"
    total: SectionResult = None
    questions: list = field(default_factory=list)   # AnalogyQuestion, in file order

    @property
    def accuracy(self):
        """Accuracy over answered questions: gensim's score."""
        return self.total.accuracy

    @property
    def accuracy_all(self):
        """Accuracy over all questions, skipped ones counting as wrong."""
        return self.total.accuracy_all

    @property
    def answered(self):
        return self.total.answered

    @property
    def skipped(self):
        return self.total.skipped

    @property
    def correct(self):
        return self.total.correct

    @property
    def oov_ratio(self):
        """Fraction of questions with an unknown word."""
        return self.total.skipped / self.total.questions if self.total.questions else 0.0

    def as_gensim(self):
        """(score, sections) shaped like gensim's ``evaluate_word_analogies`` return value."""
        fold = str.upper if self.case_insensitive else str
        out = [{"section": s.name, "correct": [], "incorrect": []} for s in self.sections]
        for question in self.questions:
            if not question.answered and not self.dummy4unknown:
                continue
            key = "correct" if question.correct else "incorrect"
            out[question.section_index][key].append(tuple(fold(w) for w in question.words))
        out.append({"section": "Total accuracy",
                    "correct": [q for s in out for q in s["correct"]],
                    "incorrect": [q for s in out for q in s["incorrect"]]})
        return self.accuracy, out


def _parse_analogies(path):
    """Section names, and [(section index, line_no, (a, b, c, d))], from a questions-words file."""
    lines = _read_lines(path, "analogy")
    section = None
    sections, questions = [], []
    for line_no, line in enumerate(lines, 1):
        if line.startswith(": "):
            section = line.lstrip(": ").strip()  # exactly gensim's section naming
            sections.append(section)
            continue
        words = line.split()
        if not words or line.startswith("#"):
            continue  # blank lines and comments (gensim skips blanks; the format has no comments)
        if section is None:
            raise BenchmarkFileError(f"{path}: line {line_no}: question before any "
                                     "': section' header line")
        if len(words) != 4:
            raise BenchmarkFileError(f"{path}: line {line_no}: expected 4 words 'a b c d' "
                                     f"(a is to b as c is to d), got {len(words)}: "
                                     f"{line.strip()!r}")
        questions.append((len(sections) - 1, line_no, tuple(words)))
    if not questions:
        raise BenchmarkFileError(f"{path}: no analogy questions found (expected ': section' "
                                 "lines followed by 'a b c d' lines)")
    return sections, questions


def _score_chunk(method, vectors, safe_norms, unit, rows):
    """Scores (len(rows), R) of every candidate for questions ``rows`` = [[a, b, c], ...].

    Mirrors gensim's float32 arithmetic (scores = vectors @ query / norms) so
    that near-ties break the same way.
    """
    ua, ub, uc = unit[rows[:, 0]], unit[rows[:, 1]], unit[rows[:, 2]]
    if method == "3cosadd":
        mean = ((ub + uc) - ua).astype(np.float64) / 3.0
        length = np.linalg.norm(mean, axis=1, keepdims=True)
        mean *= 1.0 / np.where(length > 0, length, 1.0)
        scores = mean.astype(np.float32) @ vectors.T
        scores /= safe_norms
        return scores
    n = len(rows)
    half = np.concatenate([ua, ub, uc]) @ vectors.T
    half /= safe_norms
    half += np.float32(1)
    half /= np.float32(2)
    scores = half[n:2 * n] * half[2 * n:]
    scores /= half[:n] + np.float32(1e-6)
    return scores


def _gensim_answer(row, q_rows, ignore, keys, fold):
    """gensim's choice from one row of scores, in full (the rare slow path).

    ``row`` has the question words' rows already at -inf. The 5 best rows
    other than the question words', best first (ties: lower row first); the
    first whose folded spelling is not a question word wins, else the last one
    stands; None if there is no candidate at all.
    """
    order = np.lexsort((np.arange(len(row)), -row))
    shown = [c for c in order[:_CANDIDATES + _QUESTION_WORDS].tolist()
             if c not in q_rows][:_CANDIDATES]
    answer = None
    for c in shown:
        answer = c
        if fold(keys[c]) not in ignore:
            break
    return answer


def evaluate_analogies(kv, path, restrict_vocab=30000, case_insensitive=True, method="3cosadd",
                       dummy4unknown=False):
    """Accuracy on a questions-words analogy file (``: section`` headers, ``a b c d`` lines).

    Parameters
    ----------
    kv : KeyedVectors
        Vectors with the vocabulary sorted by descending frequency.
    path : str or Path
        The benchmark file (``.gz`` allowed).
    restrict_vocab : int or None
        Only the first N words are known: as answers and as question words.
    case_insensitive : bool
        Compare uppercased words (the most frequent case variant's vector is used).
    method : "3cosadd" or "3cosmul"
    dummy4unknown : bool
        Count questions with unknown words as wrong instead of skipping them.

    Returns
    -------
    AnalogyResult
        ``.accuracy`` equals gensim's score; ``.questions`` has one record per question.
    """
    method = method.lower()
    if method not in ANALOGY_METHODS:
        raise ValueError(f"method must be one of {', '.join(ANALOGY_METHODS)}, got {method!r}")
    if restrict_vocab is not None and (not isinstance(restrict_vocab, (int, np.integer))
                                       or restrict_vocab < 0):
        raise ValueError(f"restrict_vocab must be a non-negative integer or None, "
                         f"got {restrict_vocab!r}")
    section_names, parsed = _parse_analogies(path)
    fold = str.upper if case_insensitive else (lambda w: w)
    known, count = _known_words(kv, restrict_vocab, case_insensitive)

    folded = [tuple(fold(w) for w in words) for _, _, words in parsed]
    answerable = [i for i, q in enumerate(folded) if all(w in known for w in q)]
    predicted = {}
    if answerable:
        idx = np.array([[known[w] for w in folded[i]] for i in answerable], dtype=np.int64)
        vectors = kv.vectors[:count]
        unit = kv.get_normed_vectors()
        norms = kv.norms[:count]
        zero = norms == 0
        safe_norms = np.where(zero, np.float32(1), norms)
        finite = bool(np.isfinite(vectors).all())
        chunk = int(max(16, min(_MAX_CHUNK, _CHUNK_CELLS // max(count, 1))))
        keys = kv.index_to_key
        for start in range(0, len(answerable), chunk):
            rows = idx[start:start + chunk]
            scores = _score_chunk(method, vectors, safe_norms, unit, rows)
            # gensim's scores are NaN for zero or non-finite rows, and NaN sorts last
            if zero.any():
                scores[:, zero] = -np.inf
            if not finite:
                scores[np.isnan(scores)] = -np.inf
            # Masking the three question rows and taking the maximum gives gensim's
            # first candidate (argmax keeps the lowest row on ties, as we rank ties).
            scores[np.arange(len(rows))[:, None], rows[:, :3]] = -np.inf
            best = scores.argmax(axis=1)
            for j, (q_rows, top) in enumerate(zip(rows[:, :3].tolist(), best.tolist())):
                qi = answerable[start + j]
                ignore = folded[qi][:3]
                if (count > _CANDIDATES + _QUESTION_WORDS and scores[j, top] > -np.inf
                        and fold(keys[top]) not in ignore):
                    predicted[qi] = top
                    continue
                # slow path: a case variant of a question word came first, or the
                # vocabulary is tiny, or no finite score: replay gensim's loop.
                predicted[qi] = _gensim_answer(scores[j], q_rows, ignore, keys, fold)

    result = AnalogyResult(path=str(path), method=method, restrict_vocab=restrict_vocab,
                           case_insensitive=case_insensitive, dummy4unknown=dummy4unknown)
    # one record per header line, as gensim keeps them (even if a name repeats)
    result.sections = [SectionResult(name, dummy4unknown=dummy4unknown) for name in section_names]
    result.semantic = SectionResult("semantic", dummy4unknown=dummy4unknown)
    result.syntactic = SectionResult("syntactic", dummy4unknown=dummy4unknown)
    result.total = SectionResult("total", dummy4unknown=dummy4unknown)
    for qi, (section_index, line_no, words) in enumerate(parsed):
        section = section_names[section_index]
        answered = qi in predicted
        answer = predicted.get(qi)
        word = kv.index_to_key[answer] if answer is not None else None
        correct = answered and word is not None and fold(word) == folded[qi][3]
        question = AnalogyQuestion(section, section_index, line_no, words, answered, word,
                                   correct)
        result.questions.append(question)
        result.sections[section_index]._add(question)
        (result.syntactic if section.startswith("gram") else result.semantic)._add(question)
        result.total._add(question)
    return result


# ---------------------------------------------------------------- word pairs

@dataclass
class WordPair:
    """One line of a word-pair file."""
    line_no: int
    word1: str
    word2: str
    gold: float
    model: float        # cosine similarity; None if a word is unknown


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

    @property
    def oov_ratio(self):
        """Fraction of pairs with an unknown word (gensim reports it x100)."""
        return self.oov / self.pairs if self.pairs else 0.0

    @property
    def answered(self):
        """Pairs whose two words are known."""
        return self.pairs - self.oov


def _split_pair(line, delimiter):
    if delimiter is None:
        parts = line.split("\t") if "\t" in line else line.split()
    else:
        parts = line.split(delimiter)
    return [p.strip() for p in parts]


def _parse_pairs(path, delimiter):
    lines = _read_lines(path, "word-pair")
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
                        dummy4unknown=False):
    """Correlation of cosine similarity with human scores on a word-pair file.

    Lines are ``word1 word2 score``, tab-separated (or, with ``delimiter=None``
    and no tab on the line, whitespace-separated); ``#`` lines are comments.
    Returns a WordPairsResult with Pearson and Spearman (and p-values, as scipy
    computes them) and the out-of-vocabulary count and ratio.
    """
    parsed = _parse_pairs(path, delimiter)
    fold = str.upper if case_insensitive else (lambda w: w)
    known, _ = _known_words(kv, restrict_vocab, case_insensitive)
    vectors = kv.vectors
    gold, model, records = [], [], []
    oov = 0
    for line_no, w1, w2, score in parsed:
        i1, i2 = known.get(fold(w1)), known.get(fold(w2))
        if i1 is None or i2 is None:
            oov += 1
            records.append(WordPair(line_no, w1, w2, score, None))
            if dummy4unknown:
                gold.append(score)
                model.append(0.0)
            continue
        sim = _cosine(vectors[i1], vectors[i2])
        records.append(WordPair(line_no, w1, w2, score, sim))
        gold.append(score)
        model.append(sim)
    pearson_r, pearson_p = pearson(gold, model)
    spearman_r, spearman_p = spearman(gold, model)
    return WordPairsResult(path=str(path), pearson=pearson_r, pearson_pvalue=pearson_p,
                           spearman=spearman_r, spearman_pvalue=spearman_p, pairs=len(parsed),
                           used=len(gold), oov=oov, restrict_vocab=restrict_vocab,
                           case_insensitive=case_insensitive, dummy4unknown=dummy4unknown,
                           records=records)


def _cosine(v1, v2):
    v1 = v1.astype(np.float64)
    v2 = v2.astype(np.float64)
    denom = np.linalg.norm(v1) * np.linalg.norm(v2)
    return float(np.dot(v1, v2) / denom) if denom > 0 else 0.0


# -------------------------------------------------------------- statistics

def rankdata(values):
    """Ranks 1..n, ties getting the average of their ranks (scipy's "average")."""
    values = np.asarray(values, dtype=np.float64)
    n = len(values)
    sorter = np.argsort(values, kind="mergesort")
    inverse = np.empty(n, dtype=np.intp)
    inverse[sorter] = np.arange(n)
    ordered = values[sorter]
    starts = np.r_[True, ordered[1:] != ordered[:-1]]
    dense = np.cumsum(starts)[inverse]
    bounds = np.r_[np.nonzero(starts)[0], n]
    return 0.5 * (bounds[dense] + bounds[dense - 1] + 1)


def pearson(x, y):
    """(r, two-sided p-value) of Pearson's correlation; NaNs if undefined."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(x)
    if n < 2:
        return math.nan, math.nan
    xm, ym = x - x.mean(), y - y.mean()
    nx, ny = np.linalg.norm(xm), np.linalg.norm(ym)
    if nx == 0 or ny == 0:
        return math.nan, math.nan
    r = float(np.clip(np.dot(xm / nx, ym / ny), -1.0, 1.0))
    return r, _correlation_pvalue(r, n)


def spearman(x, y):
    """(rho, two-sided p-value) of Spearman's rank correlation (average ranks for ties)."""
    if len(x) < 2:
        return math.nan, math.nan
    return pearson(rankdata(x), rankdata(y))


def _correlation_pvalue(r, n):
    """Two-sided p-value of a correlation r over n points (t-test, n - 2 df), as scipy."""
    df = n - 2
    if df <= 0:
        return 1.0
    if abs(r) >= 1.0:
        return 0.0
    t2 = r * r * df / (1.0 - r * r)
    return _betainc(df / 2.0, 0.5, df / (df + t2))


def _betainc(a, b, x):
    """Regularised incomplete beta I_x(a, b) (continued fraction, Numerical Recipes 6.4)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def _betacf(a, b, x):
    tiny, eps = 1e-300, 1e-16
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < eps:
            break
    return h


# --------------------------------------------------------------------- suite

@dataclass
class SuiteRow:
    """One line of the benchmark table."""
    name: str
    kind: str           # "analogy" or "word-pairs"
    metric: str         # "accuracy", "spearman" or "pearson"
    value: float
    answered: int
    total: int
    oov: int
    result: object = None  # the AnalogyResult or WordPairsResult behind it


def _is_analogy_file(path):
    for line in _read_lines(path, "benchmark"):
        if not line.strip() or line.startswith("#"):
            continue
        return line.startswith(": ")
    return False


def benchmark_files(folder):
    """The benchmark files in ``folder`` (.txt, .tsv, optionally .gz), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BenchmarkFileError(f"{folder}: no such benchmark folder")
    found = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        suffixes = [s.lower() for s in path.suffixes]
        if suffixes and suffixes[-1] == ".gz":
            suffixes = suffixes[:-1]
        if suffixes and suffixes[-1] in BENCHMARK_SUFFIXES:
            found.append(path)
    if not found:
        raise BenchmarkFileError(f"{folder}: no benchmark files "
                                 f"({', '.join(BENCHMARK_SUFFIXES)}) in this folder")
    return found


def _bench_name(path):
    name = path.name
    for suffix in (".gz",) + BENCHMARK_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[:-len(suffix)]
    return name


def evaluate_suite(kv, folder, restrict_vocab=30000, pairs_restrict_vocab=300000,
                   case_insensitive=True, method="3cosadd"):
    """Run every benchmark in ``folder``; returns a list of SuiteRow (see format_table).

    Files whose first line is a ``: section`` header are analogy sets
    (``restrict_vocab`` applies); the others are word-pair sets
    (``pairs_restrict_vocab`` applies, gensim's default 300,000).
    """
    rows = []
    for path in benchmark_files(folder):
        name = _bench_name(path)
        if _is_analogy_file(path):
            res = evaluate_analogies(kv, path, restrict_vocab=restrict_vocab,
                                     case_insensitive=case_insensitive, method=method)
            rows.append(SuiteRow(name, "analogy", f"accuracy ({method})", res.accuracy,
                                 res.answered, res.total.questions, res.skipped, res))
        else:
            res = evaluate_word_pairs(kv, path, restrict_vocab=pairs_restrict_vocab,
                                      case_insensitive=case_insensitive)
            for metric in ("spearman", "pearson"):
                rows.append(SuiteRow(name, "word-pairs", metric, getattr(res, metric),
                                     res.answered, res.pairs, res.oov, res))
    return rows


def format_table(rows):
    """The rows as one aligned text table (a string; print it)."""
    header = ("benchmark", "kind", "metric", "value", "answered", "OOV")
    body = []
    for row in rows:
        oov_pct = 100.0 * row.oov / row.total if row.total else 0.0
        value = "nan" if row.value is None or math.isnan(row.value) else f"{row.value:.4f}"
        body.append((row.name, row.kind, row.metric, value, f"{row.answered}/{row.total}",
                     f"{row.oov} ({oov_pct:.1f}%)"))
    widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
    right = {3, 4, 5}

    def fmt(cells):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    lines = [fmt(header), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in body]
    return "\n".join(lines)
