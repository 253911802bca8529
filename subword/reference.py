"""fastText's skip-gram with negative sampling, one example at a time, in plain NumPy.

Read this first. Bojanowski, Grave, Joulin & Mikolov (2017), "Enriching Word
Vectors with Subword Information", TACL 5:135-146, section 3.

A word w is a bag of character n-grams G_w: the n-grams of ``<w>`` for
3 <= n <= 6, plus w itself (``wordvec/text/subwords.py`` finds them and
hashes each to a row). Each g in G_w has an input vector z_g, each word c an
output vector v_c. The score of a word w and a context word c is

    s(w, c) = Σ_{g ∈ G_w} z_gᵀ v_c                                  (paper, eq. 1)

and the loss of one pair, with noise words n_1..n_k drawn from the unigram
distribution, is negative sampling's, with ℓ(x) = log(1 + e^-x):

    J = ℓ(s(w, c)) + Σ_i ℓ(-s(w, n_i))

How the input vector is formed: the tool (and this package) uses the *mean*
of the rows, h_w = (1/|G_w|) Σ_{g ∈ G_w} z_g, and s(w, c) = h_wᵀ v_c: a word
with many n-grams then does not get a larger score. (gensim's skip-gram sums
the n + 1 rows but divides by n, the n-gram count: a slightly larger h.)
With σ' = σ (1 - σ), and g_c = σ(s(w, c)) - 1, g_i = σ(s(w, n_i)):

    ∂J/∂h_w  = g_c v_c + Σ_i g_i v_{n_i}
    ∂J/∂v_c  = g_c h_w,     ∂J/∂v_{n_i} = g_i h_w
    ∂J/∂z_g  = (1/|G_w|) ∂J/∂h_w     for each occurrence of g in G_w

One step (``sg_step``). The output rows move by -alpha times their
gradient. The input rows do not: the tool moves *every* z_g by the whole
-alpha ∂J/∂h_w, not by its 1/|G_w| share, so each row learns at the rate a
word2vec row would. We follow the tool, not the exact gradient, for two
reasons: its learning rate (0.05) and every recipe built on it were tuned
with this rule, and models read from or written to its ``.bin`` files then
mean the same thing. (The finite-difference test checks the exact gradient
above; the step is that gradient times |G_w| for the input rows.)

Which word is the input. Unlike word2vec.c, the tool predicts each context
word c from the centre word's n-grams (its input is the centre w), as the
paper writes it. We do the same, so the n-grams that learn are the centre
word's.

CBOW (``cbow_step``): the input is every context word's n-grams together,
h = the mean of z_g over the concatenated lists G_{c_1} + ... + G_{c_m}, and
the target is the centre word. Again every row in the lists moves by the
whole -alpha ∂J/∂h.

>>> rng = np.random.default_rng(0)
>>> Z, V = rng.normal(size=(8, 3)), rng.normal(size=(4, 3))
>>> rows = np.array([0, 5, 6])                    # G_w: the word's own row, two n-grams
>>> before = pair_loss(hidden(Z, rows), V[1], V[[2, 3]])
>>> loss = sg_step(Z, V, rows, context=1, noise=[2, 3], alpha=0.1)
>>> bool(np.isclose(loss, before)), bool(pair_loss(hidden(Z, rows), V[1], V[[2, 3]]) < before)
(True, True)
"""
import numpy as np


def sigmoid(x):
    """The logistic function σ(x) = 1 / (1 + e^-x)."""
    return 1.0 / (1.0 + np.exp(-x))


def hidden(Z, rows):
    """h_w = the mean of the rows ``Z[rows]`` (repeats counted as often as they occur)."""
    return Z[rows].mean(axis=0)


def pair_loss(h, v_c, V_noise):
    """J = ℓ(h·v_c) + Σ_i ℓ(-h·v_{n_i}), with ℓ(x) = log(1 + e^-x) = -log σ(x)."""
    return -np.log(sigmoid(v_c @ h)) - np.sum(np.log(sigmoid(-(V_noise @ h))))


def pair_gradients(Z, V, rows, context, noise):
    """Return ``(J, ∂J/∂Z, ∂J/∂v_c, ∂J/∂V_noise)``: the exact gradients of one pair.

    ∂J/∂Z has Z's shape: (1/|G_w|) ∂J/∂h_w added once per occurrence of a row.
    """
    noise = np.asarray(noise, dtype=int)
    h = hidden(Z, rows)
    g_c = sigmoid(V[context] @ h) - 1.0          # how far σ is below its label 1
    g_noise = sigmoid(V[noise] @ h)              # (k,) how far each σ is above 0
    grad_h = g_c * V[context] + g_noise @ V[noise]
    grad_Z = np.zeros_like(Z)
    np.add.at(grad_Z, rows, grad_h / len(rows))
    return pair_loss(h, V[context], V[noise]), grad_Z, g_c * h, np.outer(g_noise, h)


def train_targets(h, V, targets, labels, alpha):
    """Train the output rows V[targets] on input h, in place; return ``(J, ∂J/∂h)``.

    One SGD step: every term's gradient is taken before any output row moves
    (a noise word drawn twice moves twice); ∂J/∂h is only returned. The
    tool's ``Loss::forward`` moves each row at once instead, so a repeated
    noise word sees its first update the second time; with distinct targets
    the two are the same (``wordvec/engine/logistic.py`` says why we differ).
    """
    targets = np.asarray(targets, dtype=int)
    labels = np.asarray(labels, dtype=float)
    U = V[targets]                                    # the rows before the step
    scores = U @ h
    loss = -np.sum(labels * np.log(sigmoid(scores)) + (1 - labels) * np.log(sigmoid(-scores)))
    g = sigmoid(scores) - labels                      # (t,) ∂J/∂score
    np.subtract.at(V, targets, alpha * np.outer(g, h))
    return loss, g @ U


def sg_step(Z, V, rows, context, noise, alpha):
    """One SGD step of fastText's skip-gram: the centre word's n-grams ``rows``
    predict ``context`` against ``noise``; in place. Returns J before the step."""
    loss, grad_h = train_targets(hidden(Z, rows), V, [context, *noise],
                                 [1.0] + [0.0] * len(noise), alpha)
    np.subtract.at(Z, rows, alpha * grad_h)      # every occurrence, the whole step
    return loss


def cbow_step(Z, V, context_rows, center, noise, alpha):
    """One SGD step of fastText's CBOW: the n-grams of all the context words
    (``context_rows``, one array per context word) predict ``center``; in place."""
    rows = np.concatenate(context_rows)
    loss, grad_h = train_targets(hidden(Z, rows), V, [center, *noise],
                                 [1.0] + [0.0] * len(noise), alpha)
    np.subtract.at(Z, rows, alpha * grad_h)
    return loss
