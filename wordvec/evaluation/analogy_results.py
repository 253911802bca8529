"""What an analogy benchmark measured: each question, each section, and the whole set.

``evaluate_analogies`` (``analogy.py``) answers the questions; these records
keep what it found, counted as gensim counts them: a question with a word
outside the (restricted) vocabulary is skipped, or with ``dummy4unknown``
counted as wrong. With ``oov="ngrams"`` a subword model answers the questions
whose query words it lacks through their n-grams, and every count says how
many of its answers came that way (``from_ngrams``).

>>> section = SectionResult("capitals", questions=4, answered=3, correct=2)
>>> round(section.accuracy, 4), section.skipped, round(section.accuracy_all, 2)
(0.6667, 1, 0.5)
"""
from dataclasses import dataclass, field

from .stats import wilson_interval
from .unseen import DEFAULT_OOV


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
    from_ngrams: bool = False   # a query word came from outside the known words (n-grams)


@dataclass
class SectionResult:
    """Counts for one section, or for a summary (semantic, syntactic, total)."""
    name: str
    questions: int = 0  # well-formed questions
    answered: int = 0   # questions whose four words are known (or built from n-grams)
    correct: int = 0
    dummy4unknown: bool = False
    from_ngrams: int = 0    # answered questions with a query word built from its n-grams

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
    def accuracy_ci(self):
        """95% Wilson score interval of ``accuracy`` (same denominator: ``scored``)."""
        return wilson_interval(self.correct, self.scored)

    @property
    def accuracy_all(self):
        """Correct / all questions: a skipped question counts as wrong."""
        return self.correct / self.questions if self.questions else 0.0

    def __str__(self):
        low, high = self.accuracy_ci
        return (f"{self.name}: {self.accuracy:.1%} correct [95% CI {low:.1%}, {high:.1%}] "
                f"of {self.scored:,} scored ({self.skipped:,} of {self.questions:,} questions "
                "skipped: a word outside the vocabulary)")

    def _add(self, question):
        self.questions += 1
        self.answered += question.answered
        self.correct += question.correct
        self.from_ngrams += question.from_ngrams


@dataclass
class AnalogyResult:
    """Everything :func:`evaluate_analogies` measured."""
    path: str
    method: str
    restrict_vocab: int
    case_insensitive: bool
    dummy4unknown: bool
    sections: list = field(default_factory=list)    # SectionResult per ": section"
    # The halves, if the file has both kinds of section (else None: see the module doc)
    semantic: SectionResult = None                  # sections not starting with "gram"
    syntactic: SectionResult = None                 # sections starting with "gram"
    # The set's own parts: [semantic, syntactic] (Google's), BATS's four, or none
    parts: list = field(default_factory=list)
    total: SectionResult = None
    questions: list = field(default_factory=list)   # AnalogyQuestion, in file order
    oov_mode: str = DEFAULT_OOV     # "skip", or "ngrams" if a subword model answered unseen words

    @property
    def accuracy(self):
        """Accuracy over answered questions: gensim's score."""
        return self.total.accuracy

    @property
    def accuracy_ci(self):
        """95% Wilson score interval of ``accuracy``."""
        return self.total.accuracy_ci

    @property
    def accuracy_all(self):
        """Accuracy over all questions, skipped ones counting as wrong."""
        return self.total.accuracy_all

    @property
    def halves(self):
        """[semantic, syntactic] if the file has both kinds of section, else []."""
        return [self.semantic, self.syntactic] if self.semantic is not None else []

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
    def answered_from_ngrams(self):
        """Answered questions with a query word from outside the known words (oov="ngrams")."""
        return self.total.from_ngrams

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
