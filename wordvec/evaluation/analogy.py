"""The analogy benchmark: a is to b as c is to what?

A questions-words file (Mikolov et al. 2013) holds ``: section`` header lines,
each followed by questions ``a b c d``: "a is to b as c is to d". The vectors
answer with the word nearest to ``b - a + c`` (3CosAdd) or its multiplicative
cousin (3CosMul); the score is the fraction answered with ``d``.

Each accuracy comes with a 95% Wilson score interval (``accuracy_ci``, see
:func:`wilson_interval`): 300 questions answered 70% right leave the true
accuracy anywhere between about 65% and 75%.

The numbers equal gensim 4.4's ``KeyedVectors.evaluate_word_analogies`` on the
same vectors, question for question, but the questions are answered in
batches (one matrix product per 256 questions), so the full Google set
(19,544 questions) on 30,000 x 100 vectors takes about a second instead of a
minute.

Semantics (as gensim's)
-----------------------
* Only the first ``restrict_vocab`` words of the vocabulary (the most frequent
  ones) are known; with ``case_insensitive`` every word is uppercased, and a
  word with several case variants takes the vector of its first (most
  frequent) variant (``benchmark.known_words``).
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
* Sections whose names start with ``gram`` are syntactic, the others semantic,
  and ``semantic`` and ``syntactic`` total each half, as word2vec's
  compute-accuracy reports them for the Google set (compute-accuracy counts
  the first five sections as semantic: the same split for that file). Only a
  file with both kinds of section is split: the MSR set's sections are
  named by part of speech (``JJ_JJR``, ...) and are all syntactic in fact,
  so reading them as "semantic" would mislead; there, and in any file with
  sections of one kind only, ``semantic`` and ``syntactic`` are None and
  ``total`` is the only summary.
* A BATS set (a folder of category files, or a file whose sections carry
  BATS's names, ``: I01 [noun - plural_reg]``) is grouped by its four parts
  instead (``parts``; see ``bats.py``), and its questions may accept several
  answers, written ``d1/d2``: any of them is right.
* Unlike gensim, a question line without exactly 4 words is an error naming
  the file and line (gensim skips it silently); blank and ``#`` lines are skipped.
* A question word with a zero vector: gensim's scores all become NaN and its
  answer is arbitrary; here the zero unit vector is used. Zero or NaN
  candidate vectors rank last in both.

Unseen words (``oov="ngrams"``, a subword model; see ``unseen.py``): a
question whose query words a, b, c are outside the known words is answered
with their n-gram vectors, and counted in ``answered_from_ngrams``. The
candidates stay the known words, and a query word from n-grams is none of
them, so nothing is excluded for it. The expected answer must still be a
known word: a question whose answer is not among the candidates could only
be wrong, and is skipped (or, with ``dummy4unknown``, counted as wrong) as
in the default mode, so that ``answered`` keeps one meaning in both.

Example
-------
>>> import tempfile
>>> from pathlib import Path
>>> from wordvec.vectors.keyedvectors import KeyedVectors
>>> words = ["man", "king", "woman", "queen", "apple"]
>>> kv = KeyedVectors(np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1], [-1, 0, -1]],
...                            np.float32), words)
>>> path = Path(tempfile.mkdtemp()) / "questions.txt"
>>> _ = path.write_text(": family\\nman king woman queen\\nking man queen pear\\n")
>>> result = evaluate_analogies(kv, path)
>>> result.questions[0].predicted, result.accuracy, result.skipped
('queen', 1.0, 1)
>>> [round(bound, 4) for bound in result.accuracy_ci]   # 1 right out of 1: not much known
[0.2065, 1.0]
"""
from pathlib import Path

import numpy as np

from ..errors import BenchmarkFileError
from .analogy_results import AnalogyQuestion, AnalogyResult, SectionResult
from .bats import PARTS, part_of, read_bats_folder
from .benchmark_files import find_benchmark, known_words, read_lines
from .unseen import DEFAULT_OOV, unseen_words

__all__ = ["ANALOGY_METHODS", "AnalogyQuestion", "AnalogyResult", "SectionResult",
           "evaluate_analogies", "section_words"]

ANALOGY_METHODS = ("3cosadd", "3cosmul")
_CANDIDATES = 5          # gensim asks most_similar for topn=5 ...
_QUESTION_WORDS = 3      # ... plus one extra per query word, to drop them
_CHUNK_CELLS = 1 << 23   # scores held at once: questions per chunk x restricted vocabulary
_MAX_CHUNK = 256


def section_words(path):
    """``{section: [word, ...]}``: the words of each section of an analogy file, in order.

    Each word is listed once, in the first section it appears in (a map that
    colours words by section, for one).
    """
    path = find_benchmark(path, "analogy")
    sections, questions = read_bats_folder(path) if Path(path).is_dir() else \
        _parse_analogies(path)
    found, seen = {name: [] for name in sections}, set()
    for index, _, (a, b, c, d) in questions:
        for word in (a, b, c, *d.split("/")):
            if word not in seen:
                seen.add(word)
                found[sections[index]].append(word)
    return found


def _parse_analogies(path):
    """Section names, and [(section index, line_no, (a, b, c, d))], from a questions-words file."""
    lines = read_lines(path, "analogy")
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

    ``rows`` index ``unit``: the R candidates' unit vectors, then any unseen
    query words' (``oov="ngrams"``).

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
                       dummy4unknown=False, oov=DEFAULT_OOV):
    """Accuracy on a questions-words analogy file (``: section`` headers, ``a b c d`` lines).

    Parameters
    ----------
    kv : KeyedVectors
        Vectors with the vocabulary sorted by descending frequency.
    path : str or Path
        The benchmark file (``.gz`` allowed), or a benchmark's name such as
        ``"questions-words"``, found in the data directory's ``eval/`` folder
        or among ``wordvec fetch eval``'s downloads.
    restrict_vocab : int or None
        Only the first N words are known: as answers and as question words.
    case_insensitive : bool
        Compare uppercased words (the most frequent case variant's vector is used).
    method : "3cosadd" or "3cosmul"
    dummy4unknown : bool
        Count questions with unknown words as wrong instead of skipping them.
    oov : "skip" or "ngrams"
        A query word outside the known words: its question is skipped (the
        default, comparable with word-level models), or, for a subword model,
        answered with the word's n-gram vector (a word-level model skips it
        even so). The answer must be a known word in both modes.

    Returns
    -------
    AnalogyResult
        ``.accuracy`` equals gensim's score (in the default mode);
        ``.questions`` has one record per question; ``.answered_from_ngrams``
        counts the questions answered through n-grams.
    """
    method = method.lower()
    if method not in ANALOGY_METHODS:
        raise ValueError(f"method must be one of {', '.join(ANALOGY_METHODS)}, got {method!r}")
    if restrict_vocab is not None and (not isinstance(restrict_vocab, (int, np.integer))
                                       or restrict_vocab < 0):
        raise ValueError(f"restrict_vocab must be a non-negative integer or None, "
                         f"got {restrict_vocab!r}")
    path = find_benchmark(path, "analogy")
    section_names, parsed = read_bats_folder(path) if Path(path).is_dir() else \
        _parse_analogies(path)
    fold = str.upper if case_insensitive else (lambda w: w)
    known, count = known_words(kv, restrict_vocab, case_insensitive)
    mode, unseen = unseen_words(kv, oov, case_insensitive)

    # (a, b, c, the right answers): a BATS section may accept several ("d1/d2").
    bats = [part_of(name) for name in section_names]
    folded = [(fold(a), fold(b), fold(c),
               tuple(fold(x) for x in (d.split("/") if bats[si] else [d])))
              for si, _, (a, b, c, d) in parsed]
    # An unseen query word's unit vector is a row after the candidates': count + its number.
    extra = {}
    if unseen is not None:
        for (_, _, (a, b, c, _)), q in zip(parsed, folded):
            if not any(w in known for w in q[3]):
                continue    # unanswerable whatever its query words
            for word, key in zip((a, b, c), q[:3]):
                if key not in known and key not in extra:
                    vector = unseen.unit_vector(word)
                    if vector is not None:
                        extra[key] = (count + len(extra), vector)
    rows_of = {**{key: row for key, (row, _) in extra.items()}, **known}
    answerable = [i for i, q in enumerate(folded)
                  if all(w in rows_of for w in q[:3]) and any(w in known for w in q[3])]
    predicted = {}
    if answerable:
        idx = np.array([[rows_of[w] for w in folded[i][:3]] for i in answerable],
                       dtype=np.int64)
        vectors = kv.vectors[:count]
        unit = kv.get_normed_vectors()
        if extra:
            unit = np.concatenate([unit[:count], np.array([vector for _, vector in
                                                           extra.values()], np.float32)])
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
            # An unseen query word (a row past the candidates) has no candidate to mask.
            held = rows[:, :3] < count
            scores[np.nonzero(held)[0], rows[:, :3][held]] = -np.inf
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
                           case_insensitive=case_insensitive, dummy4unknown=dummy4unknown,
                           oov_mode=mode)
    # one record per header line, as gensim keeps them (even if a name repeats)
    result.sections = [SectionResult(name, dummy4unknown=dummy4unknown) for name in section_names]
    result.total = SectionResult("total", dummy4unknown=dummy4unknown)
    # The set's own parts: BATS's four, or Google's semantic and syntactic halves.
    syntactic = [name.startswith("gram") for name in section_names]
    if all(bats):
        part_names = bats
        result.parts = [SectionResult(name, dummy4unknown=dummy4unknown)
                        for name in PARTS.values() if name in bats]
    elif any(syntactic) and not all(syntactic):
        part_names = ["syntactic" if s else "semantic" for s in syntactic]
        result.semantic = SectionResult("semantic", dummy4unknown=dummy4unknown)
        result.syntactic = SectionResult("syntactic", dummy4unknown=dummy4unknown)
        result.parts = [result.semantic, result.syntactic]
    else:
        part_names = [None] * len(section_names)
    parts = {part.name: part for part in result.parts}
    for qi, (section_index, line_no, words) in enumerate(parsed):
        section = section_names[section_index]
        answered = qi in predicted
        answer = predicted.get(qi)
        word = kv.index_to_key[answer] if answer is not None else None
        correct = answered and word is not None and fold(word) in folded[qi][3]
        built = answered and any(w not in known for w in folded[qi][:3])
        question = AnalogyQuestion(section, section_index, line_no, words, answered, word,
                                   correct, built)
        result.questions.append(question)
        result.sections[section_index]._add(question)
        if part_names[section_index]:
            parts[part_names[section_index]]._add(question)
        result.total._add(question)
    return result
