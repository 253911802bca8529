"""Checks of notebook 01 (the corpus and its vocabulary).

Each check computes the truth from the vocabulary it is given, so it holds
for any corpus size, and prints one line without giving the answer away.
"""
import numpy as np

from exercise_checks import close, right, unanswered, wrong


def _fraction_hint(answer, expected):
    """A hint for a fraction given as a percentage, or None."""
    if close(answer, 100 * expected):
        return "give a fraction between 0 and 1, not a percentage"
    return None


def exercise_1(answer, vocab):
    """The share of all tokens that are occurrences of the 100 most frequent words."""
    if unanswered(answer):
        return None
    counts = np.sort(np.asarray(vocab.counts))[::-1]
    expected = counts[:100].sum() / vocab.total_words
    if close(answer, expected):
        return right(f"the 100 most frequent of {len(vocab):,} words cover that share of "
                     "the text: Zipf's law")
    if close(answer, 100 / len(vocab)):
        return wrong("that is their share of the distinct words; count their occurrences")
    return wrong(_fraction_hint(answer, expected)
                 or "add up the counts of the first 100 words and divide by all tokens "
                    "(vocab.total_words)")


def exercise_2(answer, vocab):
    """How many words have a count of at least 20."""
    if unanswered(answer):
        return None
    counts = np.asarray(vocab.counts)
    expected = int((counts >= 20).sum())
    if close(answer, expected, rel=0, abs_tol=0.5):
        return right(f"{1 - expected / len(vocab):.0%} of the distinct words would go")
    if close(answer, (counts > 20).sum(), rel=0, abs_tol=0.5):
        return wrong("min_count keeps words seen at least min_count times: is 20 itself in?")
    if close(answer, counts[counts >= 20].sum(), rel=0, abs_tol=0.5):
        return wrong("that counts tokens; the question asks for distinct words")
    return wrong("count the entries of vocab.counts that are >= 20")


def exercise_3(answer, vocab5):
    """word2vec's probability of keeping an occurrence of 'the' at sample = 1e-4."""
    if unanswered(answer):
        return None
    sample = 1e-4
    expected = float(vocab5.keep_probabilities(sample)[vocab5["the"]])
    ratio = sample * vocab5.counts.sum() / vocab5.counts[vocab5["the"]]   # t / f
    if close(answer, expected):
        return right(f"roughly 1 in {round(1 / expected)} occurrences of 'the' is kept")
    if close(answer, 1 - expected):
        return wrong("that is the probability of dropping it; the question asks for keeping")
    if close(answer, np.sqrt(ratio)):
        return wrong("that is the paper's formula; word2vec's code (and wordvec) adds t / f")
    if close(answer, float(_keep_over_all_tokens(vocab5, sample))):
        return wrong("f is the count over the total count of vocab5 (its words only), "
                     "not over vocab5.total_words")
    return wrong(_fraction_hint(answer, expected)
                 or "p = sqrt(t / f) + t / f with t = 1e-4 and f = count('the') / "
                    "vocab5.counts.sum()")


def _keep_over_all_tokens(vocab5, sample):
    """The keep probability of 'the' with f taken over every token (a common slip)."""
    ratio = sample * vocab5.total_words / vocab5.counts[vocab5["the"]]
    return min(1.0, np.sqrt(ratio) + ratio)


def exercise_4(answer, vocab5):
    """The share of noise draws that are one of the 10 most frequent words, e = 3/4."""
    if unanswered(answer):
        return None
    top = np.argsort(-np.asarray(vocab5.counts), kind="stable")[:10]
    expected = float(vocab5.noise_distribution(0.75)[top].sum())
    unigram = float(vocab5.noise_distribution(1.0)[top].sum())
    if close(answer, expected):
        return right(f"down from {unigram:.0%} of the draws with e = 1: "
                     "the frequent words give up probability")
    if close(answer, unigram):
        return wrong("that is with e = 1 (the unigram distribution); raise the counts to 0.75")
    return wrong(_fraction_hint(answer, expected)
                 or "P(w) = c(w)**0.75 / sum of c(v)**0.75 over all words; add P over the "
                    "10 most frequent")
