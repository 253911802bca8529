"""Normalisers: how a line of raw text becomes a list of tokens.

Four are built in, chosen by name (``Corpus(..., normalizer="lower")``):

``"words"`` (the default for files)
    What a reader calls words: lowercase, runs of Unicode letters and
    digits, with an apostrophe or hyphen kept between two of them
    (``isn't``, ``state-of-the-art``, ``café``), all other punctuation
    dropped. Text already in text8's format comes out unchanged.
``"none"``
    Split on whitespace (Python's ``str.split()``: spaces, tabs, ``\\r``,
    and the other Unicode whitespace). Tokens are kept exactly as written,
    punctuation and case included. Right for text that is already tokenised
    the way you want it (text8, wiki17m).
``"lower"``
    Lowercase the line (``str.lower()``, Unicode-aware), then split on
    whitespace. Punctuation stays attached as written.
``"text8"``
    The recipe behind Matt Mahoney's text8: lowercase, then every character
    that is not an ASCII letter a-z becomes a space, then split. Digits,
    punctuation, apostrophes, hyphens and accented letters all become word
    breaks, so ``"Atlanta's 1962 hard-fought café"`` gives
    ``['atlanta', 's', 'hard', 'fought', 'caf']``. Unlike text8 we drop
    digits instead of spelling them out ("1962" is not "one nine six two").

>>> normalize_words("Paris is the capital of France, isn't it? Yes: France.")
['paris', 'is', 'the', 'capital', 'of', 'france', "isn't", 'it', 'yes', 'france']
>>> normalize_words("A state-of-the-art café -- see '--out' (1962).")
['a', 'state-of-the-art', 'café', 'see', 'out', '1962']
>>> normalize_text8("Atlanta's 1962 hard-fought café")
['atlanta', 's', 'hard', 'fought', 'caf']
>>> normalize_lower("The Jury said:  `` no ''")
['the', 'jury', 'said:', '``', 'no', "''"]

A normaliser is any callable ``str -> list[str]``; pass your own function to
``Corpus`` to use it.
"""
import re

# A word: letters or digits (\w without "_"), then any number of
# apostrophe-or-hyphen + letters-or-digits. A lone "'" or "-" never matches,
# so quotes, dashes and "--flags" lose their punctuation.
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
# Typographic apostrophes become ASCII ones, so "isn’t" and "isn't" are one word.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def normalize_words(line):
    """Lowercase words of letters and digits, inner apostrophes and hyphens kept."""
    return _WORD.findall(line.lower().translate(_APOSTROPHES))



def normalize_none(line):
    """Split on whitespace, keep tokens exactly as written."""
    return line.split()


def normalize_lower(line):
    """Lowercase, then split on whitespace."""
    return line.lower().split()


# A byte -> byte table: a-z stay, A-Z become a-z, every other byte a space.
# Working on bytes is much faster than a regex on str (bench/results/design_measurements.md).
# Non-ASCII characters are first replaced by "?" (see below), so they turn
# into spaces too.
_TEXT8_TABLE = bytes(
    byte if ord("a") <= byte <= ord("z")
    else byte + 32 if ord("A") <= byte <= ord("Z")
    else ord(" ")
    for byte in range(256)
)


def normalize_text8(line):
    """Lowercase and keep only the letters a-z; everything else separates words."""
    ascii_bytes = line.encode("ascii", errors="replace")  # é -> ?, then ? -> space
    return ascii_bytes.translate(_TEXT8_TABLE).decode("ascii").split()


NORMALIZERS = {
    "words": normalize_words,
    "none": normalize_none,
    "lower": normalize_lower,
    "text8": normalize_text8,
}


# One line each, for --help: what it does, shown on the same example.
SUMMARIES = {
    "words": "lowercase words, inner ' and - kept: \"Isn't it?\" -> isn't it",
    "none": "split on whitespace only: \"Isn't it?\" -> Isn't it?",
    "lower": "lowercase, split on whitespace: \"Isn't it?\" -> isn't it?",
    "text8": "lowercase a-z only, all else breaks words: \"Isn't it?\" -> isn t it",
}
DEFAULT = "words"


def get_normalizer(name_or_callable):
    """Return the normaliser function for a name, or the callable itself."""
    if callable(name_or_callable):
        return name_or_callable
    try:
        return NORMALIZERS[name_or_callable]
    except KeyError:
        raise ValueError(
            f"normalizer={name_or_callable!r} is not one of {sorted(NORMALIZERS)} "
            "nor a callable str -> list[str]"
        ) from None
