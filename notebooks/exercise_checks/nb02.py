"""Checks of notebook 02 (skip-gram with negative sampling, from scratch).

The truth comes from the NumPy reference (``w2v.reference``), computed here
from the inputs the notebook passes, never printed.
"""
import numpy as np

from exercise_checks import close, right, unanswered, wrong
from w2v.reference import sgns_gradients, sgns_loss, sigmoid


def exercise_1(answer, v, u_out, U_noise):
    """The loss J of the hand-made example."""
    if unanswered(answer):
        return None
    expected = float(sgns_loss(v, u_out, U_noise))
    if close(answer, expected):
        return right("a real pair scored 1.5 and a noise pair scored -1: both already "
                     "lean the right way, so J is small")
    noise_scores = U_noise @ v
    if close(answer, -np.log(sigmoid(u_out @ v)) - np.sum(np.log(sigmoid(noise_scores)))):
        return wrong("the noise term is log σ(-u_i·v): mind the minus sign inside σ")
    if close(answer, -expected):
        return wrong("J is minus the log-likelihoods: it is positive")
    if close(answer, -np.log(sigmoid(u_out @ v))):
        return wrong("add the noise word's term too")
    return wrong("J = -log σ(u_O·v) - Σ_i log σ(-u_i·v), with dot products of the vectors")


def exercise_2(answer):
    """A function (v, u_out, U_noise) -> ∂J/∂U_noise, shape (k, dim)."""
    if unanswered(answer):
        return None
    if not callable(answer):
        return wrong("define a function: def answer_2(v, u_out, U_noise): ...")
    rng = np.random.default_rng(2)
    for dim, k in [(4, 1), (7, 3), (5, 6)]:
        v, u_out, U_noise = rng.normal(size=dim), rng.normal(size=dim), rng.normal(size=(k, dim))
        expected = sgns_gradients(v, u_out, U_noise)[3]
        try:
            got = np.asarray(answer(v.copy(), u_out.copy(), U_noise.copy()), dtype=float)
        except Exception as error:  # the student's code: say what broke, do not crash
            return wrong(f"your function raised {type(error).__name__}: {error}")
        if got.shape != expected.shape:
            return wrong(f"with k={k} noise vectors of size {dim}, return shape {expected.shape}, "
                         f"not {got.shape}")
        if np.allclose(got, -expected, atol=1e-8):
            return wrong("the sign is flipped: the gradient points where J grows")
        if np.allclose(got, np.outer(sigmoid(U_noise @ v) - 1, v), atol=1e-8):
            return wrong("a noise word's label is 0, not 1: its error is σ(s_i) - 0")
        if not np.allclose(got, expected, rtol=1e-6, atol=1e-9):
            return wrong("row i should be the noise word's error σ(u_i·v) times v")
    return right("each noise vector is pushed along v, as hard as the model believes the "
                 "noise pair")


def exercise_3(answer, window):
    """The mean number of (context, centre) pairs per word with a reduced window."""
    if unanswered(answer):
        return None
    expected = 2 * np.mean(np.arange(1, window + 1))
    if close(answer, expected):
        return right("so a kernel at 1M words/s trains several million pairs/s")
    if close(answer, 2 * window):
        return wrong("that is with the full window every time; the size is drawn in 1..window")
    if close(answer, expected / 2):
        return wrong("the window reaches to both sides of the centre word")
    return wrong("the mean of a uniform draw from 1..window, on each side")
