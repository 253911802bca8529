"""Checks of notebook 07 (subword vectors: fastText).

The truth comes from the library (``wordvec.text.subwords``, the model's
``SubwordVectors``), computed here from the inputs the notebook passes, never
printed.
"""
import numpy as np

from exercise_checks import close, right, unanswered, wrong
from wordvec.text.subwords import char_ngrams, fnv1a

# Words whose n-grams and hashes tell the usual mistakes apart: ASCII, a word
# shorter than minn with its brackets, repeated n-grams, and bytes >= 0x80.
_ASCII = ["where", "a", "hi", "aaaa"]
_NON_ASCII = ["café", "naïve", "日本語"]
_SETTINGS = [(3, 6), (2, 4), (4, 5), (1, 3)]


def _call(function, *args):
    """(result, None) or (None, a hint naming the exception the student's code raised)."""
    try:
        return function(*args), None
    except Exception as error:  # the student's code: say what broke, do not crash
        return None, f"your function raised {type(error).__name__}: {error}"


def _no_lone_brackets(ngrams):
    return [g for g in ngrams if g not in ("<", ">")]


def exercise_1(answer):
    """A function (word, minn, maxn) -> the word's character n-grams, as char_ngrams."""
    if unanswered(answer):
        return None
    if not callable(answer):
        return wrong("define a function: def answer_1(word, minn, maxn): ...")
    for words in (_ASCII, _NON_ASCII):
        for word in words:
            for minn, maxn in _SETTINGS:
                expected = char_ngrams(word, minn, maxn)
                got, error = _call(answer, word, minn, maxn)
                if error:
                    return wrong(error)
                try:
                    got = [str(g) for g in got]
                except TypeError:
                    return wrong("return a list of strings, the n-grams")
                if minn == 1:   # a lone "<" or ">" is the tool's own detail, not the lesson
                    got = _no_lone_brackets(got)
                if sorted(got) == sorted(expected):
                    continue
                if not any(g.startswith("<") for g in got) and expected:
                    return wrong("put '<' and '>' around the word first: they mark its "
                                 "beginning and end, and count as characters")
                if sorted(set(got)) == sorted(set(expected)):
                    return wrong(f"{word!r} has an n-gram twice: keep repeats, as fastText does")
                if words is _NON_ASCII:   # every ASCII word was right
                    return wrong(f"right for ASCII words, not for {word!r}: n counts "
                                 "characters, not UTF-8 bytes")
                if all(len(g) < maxn for g in got) and any(len(g) == maxn for g in expected):
                    return wrong("both minn and maxn are included: n runs from minn to maxn")
                return wrong(f"{word!r} with minn={minn}, maxn={maxn} should give "
                             f"{len(expected)} n-grams, yours gives {len(got)}: every "
                             "substring of '<word>' of minn to maxn characters")
    return right("every substring of <word> from minn to maxn characters, repeats kept "
                 "(the order does not matter here; the tool's is by start, then length)")


def exercise_2(answer):
    """A function text -> fastText's FNV-1a hash of its UTF-8 bytes (bytes sign-extended)."""
    if unanswered(answer):
        return None
    if not callable(answer):
        return wrong("define a function: def answer_2(text): ...")
    for ascii_only, words in ((True, ["", "a", "<wh", "where", "<where>"]),
                              (False, _NON_ASCII + ["<café>"])):
        for word in words:
            got, error = _call(answer, word)
            if error:
                return wrong(error)
            try:
                got = int(got)
            except (TypeError, ValueError):
                return wrong("return the hash as an int")
            if got == fnv1a(word):
                continue
            if got >= 2 ** 32 or got < 0:
                return wrong("keep 32 bits: take the product modulo 2**32 at every step")
            if got == _fnv1(word):
                return wrong("that is FNV-1 (multiply, then xor); FNV-1a xors the byte first, "
                             "then multiplies")
            if not ascii_only:   # every ASCII word was right
                return wrong(f"right for ASCII, not for {word!r}: the tool's bytes are signed "
                             "chars, so a byte of 0x80 or more is sign-extended to 32 bits "
                             "(0xFFFFFF00 | byte) before the xor")
            return wrong("start from 2166136261; for each byte: h = (h xor byte) * 16777619, "
                         "modulo 2**32")
    return right("the same hash as the tool's and gensim's ft_hash_bytes, non-ASCII included")


def _fnv1(text):
    """FNV-1 (multiply, then xor), with the tool's sign extension: a common slip."""
    h = 2166136261
    for byte in text.encode("utf-8"):
        h = (h * 16777619) & 0xFFFFFFFF
        h ^= byte if byte < 0x80 else byte | 0xFFFFFF00
    return h


def _shares(words, minn, maxn, bucket):
    """(share of the words with an n-gram whose row holds another n-gram, share of the n-grams)."""
    grams = sorted({g for w in words for g in char_ngrams(w, minn, maxn)})
    rows = np.array([fnv1a(g) for g in grams], dtype=np.int64) % bucket
    _, where, per_row = np.unique(rows, return_inverse=True, return_counts=True)
    shared = {g for g, n in zip(grams, per_row[where]) if n > 1}
    by_word = np.mean([any(g in shared for g in char_ngrams(w, minn, maxn)) for w in words])
    return float(by_word), len(shared) / len(grams) if grams else 0.0


def exercise_3(answer, words, minn, maxn, bucket):
    """The share of the vocabulary's words with at least one n-gram in a shared row."""
    if unanswered(answer):
        return None
    by_word, by_ngram = _shares(list(words), minn, maxn, bucket)
    if close(answer, by_word, rel=1e-3):
        return right(f"{by_ngram:.0%} of the n-grams share a row, but {by_word:.0%} of the "
                     "words have at least one such n-gram: a word has many n-grams")
    if close(answer, 100 * by_word, rel=1e-3):
        return wrong("give a share between 0 and 1, not a percentage")
    if close(answer, by_ngram, rel=1e-3):
        return wrong("that is the share of the n-grams; the question asks about the words")
    return wrong("find the rows (fnv1a(g) % bucket) that hold two or more distinct n-grams; "
                 "then count the words one of whose n-grams is in such a row")


def exercise_4(answer, wv, word):
    """The vector of an unseen ``word``, computed by hand from the model's rows."""
    if unanswered(answer):
        return None
    if not wv.built_from_ngrams(word):
        return wrong(f"{word!r} is in this model's vocabulary: the exercise needs an unseen word")
    expected = wv[word]
    try:
        got = np.asarray(answer, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        return wrong("give the vector as an array of numbers")
    if got.shape != expected.shape:
        return wrong(f"the vector has {expected.shape[0]} numbers (dim), yours {got.shape[0]}")
    if np.allclose(got, expected, rtol=1e-4, atol=1e-6):
        return right("the mean of its n-grams' rows: what wv[word] and the tool's "
                     "getWordVector return for an unseen word")
    grams = char_ngrams(word, wv.minn, wv.maxn)
    hashed = [fnv1a(g) % wv.bucket for g in grams]
    matrix = wv.input_matrix
    if np.allclose(got, matrix[hashed].mean(axis=0), rtol=1e-4, atol=1e-6):
        return wrong("the n-gram rows come after the words' rows: add the vocabulary size, "
                     "len(wv), to each hash % bucket")
    rows = [len(wv) + h for h in hashed]
    if np.allclose(got, matrix[rows].sum(axis=0), rtol=1e-4, atol=1e-6):
        return wrong("take the mean of the rows, not their sum")
    if np.allclose(got, matrix[sorted(set(rows))].mean(axis=0), rtol=1e-4, atol=1e-6):
        return wrong("keep every n-gram's row, repeats included, as the tool does")
    return wrong("rows len(wv) + fnv1a(g) % bucket for each n-gram g of the word (with its "
                 "< and >), then the mean of those rows of wv.input_matrix")
