"""Checks of notebook 05 (evaluating word embeddings).

Each check computes the truth from what the notebook passes (the lists, the
trained vectors), never prints it, and recognises the usual slips.
"""
import numpy as np

from exercise_checks import close, right, unanswered, wrong
from wordvec.evaluation.stats import pearson, spearman
from wordvec.vectors.keyedvectors import COSMUL_EPSILON


def exercise_1(answer, human, model):
    """Spearman's rho of two short lists."""
    if unanswered(answer):
        return None
    expected = spearman(human, model)[0]
    if close(answer, expected):
        return right("the ranks agree but for a few swaps; ρ ignores how far apart the values "
                     "are")
    if close(answer, pearson(human, model)[0]):
        return wrong("that is Pearson's r of the raw values: rank each list first")
    n = len(human)
    if close(answer, 1 - expected):
        return wrong("ρ = 1 - 6 Σd² / (n(n² - 1)): did you stop before the subtraction?")
    if close(answer, (1 - expected) * n * (n * n - 1) / 6):
        return wrong("that is Σd²; now ρ = 1 - 6 Σd² / (n(n² - 1))")
    return wrong("rank HUMAN and MODEL separately (1 = smallest), subtract the ranks pair by "
                 "pair, square and sum, then ρ = 1 - 6 Σd² / (n(n² - 1))")


def exercise_2(answer, kv):
    """The 3CosMul score of "queen" for man : king :: woman : ?."""
    if unanswered(answer):
        return None
    cos = {w: kv.similarity("queen", w) for w in ("man", "king", "woman")}
    shifted = {w: (1 + c) / 2 for w, c in cos.items()}
    expected = shifted["king"] * shifted["woman"] / (shifted["man"] + COSMUL_EPSILON)
    if close(answer, expected):
        return right("it is the number most_similar_cosmul ranks the candidates by")
    if close(answer, cos["king"] * cos["woman"] / (cos["man"] + COSMUL_EPSILON)):
        return wrong("shift each cosine to [0, 1] first: cos' = (1 + cos) / 2")
    if close(answer, cos["king"] - cos["man"] + cos["woman"]):
        return wrong("that is the 3CosAdd score: 3CosMul multiplies and divides")
    if close(answer, shifted["man"] * shifted["woman"] / (shifted["king"] + COSMUL_EPSILON)):
        return wrong("king and woman (b and c) go in the numerator, man (a) in the denominator")
    return wrong("score = cos'(queen, king) · cos'(queen, woman) / (cos'(queen, man) + 1e-6), "
                 "with cos' = (1 + cos) / 2")


def exercise_3(answer, kv, a):
    """SIF's weight of "the": a / (a + p(the))."""
    if unanswered(answer):
        return None
    p = kv.counts[kv.key_to_index["the"]] / kv.counts.sum()
    expected = a / (a + p)
    if close(answer, expected):
        return right("a few hundredths: 'the' barely counts, while a word seen 100 times "
                     "weighs nearly 1")
    if close(answer, p):
        return wrong("that is p(the), the word's frequency; the weight is a / (a + p)")
    if close(answer, a / p):
        return wrong("add a to p in the denominator: a / (a + p), which is never above 1")
    if close(answer, 1 - expected):
        return wrong("the weight is a / (a + p), not p / (a + p)")
    return wrong("p(the) = its count / kv.counts.sum(), then the weight is a / (a + p)")


def exercise_4(answer):
    """A function (X, centroids) -> the index of each row's nearest centroid."""
    if unanswered(answer):
        return None
    if not callable(answer):
        return wrong("define a function: def answer_4(X, centroids): ...")
    rng = np.random.default_rng(4)
    for n, k, dim in [(7, 2, 2), (50, 5, 3), (200, 8, 10)]:
        X = rng.normal(size=(n, dim)) * rng.uniform(0.5, 3, size=(n, 1))   # unequal lengths
        centroids = rng.normal(size=(k, dim)) * rng.uniform(0.2, 3, size=(k, 1))
        expected = ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
        try:
            got = np.asarray(answer(X.copy(), centroids.copy()))
        except Exception as error:  # the student's code: say what broke, do not crash
            return wrong(f"your function raised {type(error).__name__}: {error}")
        if got.shape != (n,):
            return wrong(f"with {n} points and {k} centroids, return {n} labels (shape ({n},)), "
                         f"not shape {got.shape}")
        if np.array_equal(got, (X @ centroids.T).argmax(axis=1)) and \
                not np.array_equal(got, expected):
            return wrong("the largest dot product is not the nearest centroid when the "
                         "vectors have different lengths: use squared distances")
        if np.array_equal(got, ((X[:, None, :] - centroids[None]) ** 2).sum(axis=2)
                          .argmax(axis=1)):
            return wrong("that is the furthest centroid: take the smallest distance")
        if not np.array_equal(got, expected):
            return wrong("label i should be argmin_j ||X[i] - centroids[j]||²")
    return right("that is k-means' assignment step; the update step is a mean per label")
