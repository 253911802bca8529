"""PPMI + truncated SVD, the whole pipeline in plain dense NumPy: read this first.

Levy & Goldberg (2014) showed that skip-gram with negative sampling
implicitly factorises a shifted PMI matrix; Levy, Goldberg & Dagan (2015,
"Improving Distributional Similarity with Lessons Learned from Word
Embeddings", TACL) factorise it explicitly, with the SVD, and carry
word2vec's tricks over. In their notation, with #(w,c) the number of times
context word c occurs within ``window`` words of word w:

    #w = Σ_c #(w,c)      #c = Σ_w #(w,c)      |D| = Σ_w Σ_c #(w,c)

    P̂(w,c) = #(w,c) / |D|      P̂(w) = #w / |D|      P̂_α(c) = #c^α / Σ_c' #c'^α

    PMI_α(w,c) = log P̂(w,c) / (P̂(w) P̂_α(c))

    M(w,c) = SPPMI(w,c) = max(PMI_α(w,c) - log k, 0)      (0 where #(w,c) = 0)

* ``cds`` is α, context distribution smoothing: raising the context counts
  to 0.75 (word2vec's noise distribution) lifts rare contexts' probability,
  which tempers PMI's bias towards them;
* ``neg`` is k: word2vec's k negative samples shift its implicit PMI matrix
  by log k; k = 1 means no shift (plain PPMI).

Then the truncated SVD of rank d, M ≈ U_d Σ_d V_dᵀ, and the vectors

    W = U_d Σ_d^p          C = V_d Σ_d^p          (p = ``eig``)

W holds the word vectors and C the context vectors ("word"; "word+context"
is W + C, their w+c; "concat" is [W, C]). p = 1 is the textbook choice;
p = 0 or 0.5 work better on similarity tasks (Levy et al. 2015, section 3.3).

A singular vector is defined only up to its sign; ``truncated_svd`` fixes it
(the entry of largest magnitude of each column of U is positive), and the
fast path (``randomized.py``) uses the same rule, so the two can be compared
entry by entry.

Where we depart from Levy et al.'s code (hyperwords), and why:

* Their w+c adds W and C after scaling each row to unit length; we add them
  as they are, W + C, as GloVe's and Word2Vec's "word+context" do. On
  wiki17m the two scored within 0.002 of each other (4 or more power
  iterations).
* They count with optional dynamic windows and subsampling ("dyn", "sub");
  we count every word in the window once (``distance_weighting=False``), or
  1/d with GloVe's weighting, not word2vec's dynamic one.
* Their SVD is exact (SVDLIBC); ours is randomised (``randomized.py``),
  with settings that matched an exact SVD's scores on wiki17m.

>>> X = window_counts([[0, 1, 0, 2], [1, 0]], vocab_size=3, window=2)
>>> X
array([[2., 3., 1.],
       [3., 0., 1.],
       [1., 1., 0.]])
>>> ppmi(X, cds=1.0).round(3)   # |D| = 12, #a = 6, #b = 4, #c = 2: PMI(a,b) = log(3·12 / (6·4))
array([[0.   , 0.405, 0.   ],
       [0.405, 0.   , 0.405],
       [0.   , 0.405, 0.   ]])
>>> ppmi_svd(X, dim=2, cds=0.75, eig=0.5, vectors="word").round(3)
array([[ 0.392, -0.349],
       [ 0.457,  0.569],
       [ 0.459, -0.268]])
"""
import numpy as np


def window_counts(sentences, vocab_size, window):
    """#(w,c): how often c occurs 1..window positions from w, either side, unweighted.

    ``sentences`` are lists of word ids. X is symmetric, and a word next to
    itself counts twice on its diagonal cell (once from each side), as in
    ``wordvec.cooccur.counting.count_cooccurrences(..., distance_weighting=False)``.
    """
    X = np.zeros((vocab_size, vocab_size))
    for sentence in sentences:
        for position, w in enumerate(sentence):
            for c in sentence[max(0, position - window):position]:
                X[w, c] += 1
                X[c, w] += 1
    return X


def ppmi(X, cds=0.75, neg=1.0):
    """M(w,c) = max(PMI_α(w,c) - log k, 0) of a dense count matrix X, with α = cds, k = neg."""
    P_wc = X / X.sum()
    P_w = X.sum(axis=1) / X.sum()
    smoothed = X.sum(axis=0) ** cds
    P_c = smoothed / smoothed.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(P_wc / np.outer(P_w, P_c))
    pmi = np.where(X > 0, pmi, 0.0)          # log 0 = -inf: those cells stay 0
    return np.maximum(pmi - np.log(neg), 0.0)


def flip_signs(U, V):
    """Make each column of U have its largest-magnitude entry positive; V follows.

    Flipping a pair (u_i, v_i) together leaves U Σ Vᵀ unchanged.
    """
    signs = np.sign(U[np.argmax(np.abs(U), axis=0), np.arange(U.shape[1])])
    signs[signs == 0] = 1.0
    return U * signs, V * signs


def truncated_svd(M, dim):
    """(U_d, Σ_d, V_d) of M: its top ``dim`` singular triplets, exactly, signs fixed."""
    U, S, Vt = np.linalg.svd(M)
    U, V = flip_signs(U[:, :dim], Vt[:dim].T)
    return U, S[:dim], V


def svd_vectors(U, S, V, eig, vectors):
    """W = U Σ^p, C = V Σ^p (p = eig), combined as ``vectors`` says."""
    W, C = U * S ** eig, V * S ** eig
    if vectors == "word":
        return W
    if vectors == "word+context":
        return W + C
    return np.hstack([W, C])


def ppmi_svd(X, dim, cds=0.75, neg=1.0, eig=0.0, vectors="word+context"):
    """The whole pipeline: counts -> SPPMI -> truncated SVD -> vectors (V, dim or 2 dim)."""
    U, S, V = truncated_svd(ppmi(X, cds, neg), dim)
    return svd_vectors(U, S, V, eig, vectors)
