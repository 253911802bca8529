"""Exceptions raised by wordvec.

Every error that comes from bad input says *where* (a path, a line number, a
byte offset or a parameter name) and *what was expected*, so the user can fix
the input without reading our source.
"""


class WordvecError(Exception):
    """Base class for every error wordvec raises on purpose."""


class CorpusError(WordvecError, ValueError):
    """A corpus path is missing, empty, binary or not decodable."""


class VocabularyError(WordvecError, ValueError):
    """The vocabulary is empty, malformed, or does not fit the data."""


class VectorFileError(WordvecError, ValueError):
    """A vector file is truncated, garbled, or its header disagrees with its body."""


class CooccurrenceError(WordvecError, ValueError):
    """A co-occurrence matrix or its file is malformed (the message says how and where)."""


class TrainingError(WordvecError, RuntimeError):
    """Training diverged (NaN or inf loss) or was configured inconsistently."""


class BenchmarkFileError(WordvecError, ValueError):
    """A benchmark file is missing, empty or malformed (the message says where)."""


class FetchError(WordvecError):
    """A dataset could not be downloaded, verified or extracted."""


class DatasetNotFoundError(WordvecError, FileNotFoundError):
    """A dataset asked for by name is in no data folder (the message says how to get it)."""


class UnknownWordError(WordvecError, KeyError):
    """A word was asked for that is not in the vocabulary.

    Subclasses KeyError so ``except KeyError`` keeps working, but overrides
    ``__str__``: KeyError would otherwise print the message inside quotes.
    """

    def __init__(self, word, suggestions=()):
        self.word = word
        self.suggestions = list(suggestions)
        msg = f"word {word!r} is not in the vocabulary"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(msg)

    def __str__(self):
        return self.args[0]
