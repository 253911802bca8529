"""Checks of notebook 4 (GloVe and counting): each computes the truth itself."""
import math

import numpy as np

from wordvec import count_cooccurrences, prepare_corpus

from . import close, right, unanswered, wrong


def exercise_1(answer, x, x_max, alpha):
    """GloVe's weight f(x) = min(1, (x / x_max) ** alpha)."""
    if unanswered(answer):
        return None
    expected = min(1.0, (x / x_max) ** alpha)
    if close(answer, expected, rel=1e-4):
        return right("a pair seen a quarter as often as x_max weighs about a third")
    if close(answer, x / x_max, rel=1e-4):
        return wrong("you forgot the exponent alpha")
    return wrong("f(x) = min(1, (x / x_max) ** alpha)")


def _full_marginals(X):
    """Row sums of the full symmetric matrix stored as one triangle (the diagonal once)."""
    V = X.vocab_size
    sums = np.bincount(X.rows, X.values.astype(np.float64), V)
    if X.symmetric:
        off = X.rows != X.cols
        sums += np.bincount(X.cols[off], X.values[off].astype(np.float64), V)
    return sums


def exercise_2(answer, X, vocab, a, b):
    """PMI(a, b) = log(#(a,b) |D| / (#a #b)) from the counts of X, no smoothing, no shift."""
    if unanswered(answer):
        return None
    i, j = sorted((vocab[a], vocab[b]))
    hit = np.flatnonzero((X.rows == i) & (X.cols == j))
    if not len(hit):
        return wrong(f"'{a}' and '{b}' never co-occur in these counts: their PMI is -infinity")
    n_ab = float(X.values[hit[0]])
    sums = _full_marginals(X)
    total = sums.sum()
    expected = math.log(n_ab * total / (sums[vocab[a]] * sums[vocab[b]]))
    if close(answer, expected, rel=1e-3):
        return right("they meet far more often than chance would have them meet")
    if close(answer, math.log(n_ab), rel=1e-3):
        return wrong("that is log #(w,c) alone; divide by what chance predicts, #w #c / |D|")
    if close(answer, math.log2(n_ab * total / (sums[vocab[a]] * sums[vocab[b]])), rel=1e-3):
        return wrong("use the natural logarithm (np.log), as the rest of the notebook")
    return wrong("PMI = log(#(w,c) * |D| / (#w * #c)), with #w the row sums of the full matrix "
                 "(marginals) and |D| their total")


def exercise_3(answer, sentence, window, pair):
    """X[pair] in ``sentence`` with a symmetric window and 1/d weights."""
    if unanswered(answer):
        return None
    vocab, encoded = prepare_corpus([list(sentence)], min_count=1)
    dense = count_cooccurrences(encoded, len(vocab), window=window).to_dense()
    expected = float(dense[vocab[pair[0]], vocab[pair[1]]])
    unweighted = count_cooccurrences(encoded, len(vocab), window=window,
                                     distance_weighting=False).to_dense()
    if close(answer, expected, rel=1e-3):
        return right("each meeting counts 1/d, and both occurrences of 'the' are in reach")
    if close(answer, unweighted[vocab[pair[0]], vocab[pair[1]]], rel=1e-3):
        return wrong("that counts every meeting as 1; GloVe counts a pair d words apart as 1/d")
    return wrong(f"find every occurrence of '{pair[1]}' within {window} words of '{pair[0]}', "
                 "on either side, and add 1/d for each")
