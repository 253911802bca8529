"""Checks of notebook 06 (comparing algorithms).

The truth comes from the sweep's points and the report's ``results.json``,
as the notebook passes them; it is never printed.
"""
from exercise_checks import close, right, unanswered, wrong


def _best_and_worst(points):
    """(best, worst) points (value, score, low, high) by score; ties: the first."""
    ranked = sorted(points, key=lambda point: -point[1])
    return ranked[0], ranked[-1]


def exercise_1(answer, points):
    """The window value with the best WordSim-353 score."""
    if unanswered(answer):
        return None
    best, worst = _best_and_worst(points)
    if close(answer, best[0]):
        return right(f"ρ = {best[1]:.3f} there; whether that beats the others is exercise 2")
    if close(answer, best[1]):
        return wrong("that is the score; give the window value that scored it")
    if close(answer, worst[0]):
        return wrong("that window scored lowest: look for the highest score")
    return wrong("look through the (value, score, low, high) tuples for the highest score")


def exercise_2(answer, points):
    """Whether the best and worst windows' intervals overlap."""
    if unanswered(answer):
        return None
    if not isinstance(answer, bool):
        return wrong("answer True or False")
    best, worst = _best_and_worst(points)
    if None in (best[2], best[3], worst[2], worst[3]):
        return wrong("these points have no interval; run the sweep with the default "
                     "evaluate_word_pairs, which computes them")
    overlap = best[2] <= worst[3] and worst[2] <= best[3]
    if answer == overlap:
        if overlap:
            return right("they overlap: on 353 pairs this difference could be noise")
        return right("they do not overlap: the window makes a difference on this set")
    return wrong("intervals [l1, h1] and [l2, h2] overlap when l1 <= h2 and l2 <= h1: "
                 "compare the best's low bound with the worst's high bound")


def exercise_3(answer, results):
    """Skip-gram's corpus words per second: corpus_words * epochs / train_seconds."""
    if unanswered(answer):
        return None
    sg = next(m for m in results["models"] if m["name"] == "sg")
    expected = results["corpus_words"] * sg["params"]["epochs"] / sg["train_seconds"]
    if close(answer, expected, rel=1e-2):
        return right(f"about {expected / 1e6:.2f} million words per second; quote it with "
                     "the number of workers and the machine")
    if close(answer, results["corpus_words"] / sg["train_seconds"], rel=1e-2):
        return wrong("each epoch reads the whole corpus: multiply by the epochs")
    if close(answer, results["corpus_words"] * sg["params"]["epochs"] / sg["fit_seconds"],
             rel=1e-2):
        return wrong("fit_seconds includes building the vocabulary: use train_seconds")
    if close(answer, sg["train_seconds"] / (results["corpus_words"] * sg["params"]["epochs"]),
             rel=1e-2):
        return wrong("that is seconds per word: turn it upside down")
    return wrong("words per second = corpus_words × epochs / train_seconds")
