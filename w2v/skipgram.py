"""The skip-gram estimator: learn vectors that predict which words occur near each word.

Each context word predicts the centre word, pair by pair (word2vec.c's
direction; ``reference.py`` says why).

>>> sentences = [["the", "king", "rules"], ["the", "queen", "rules"]] * 200
>>> model = SkipGram(dim=8, window=2, epochs=2, min_count=1, verbose=False).fit(sentences)
>>> model.wv.vector_size, len(model.wv), model.epochs_trained_
(8, 4, 2)
"""
from .base import Word2VecBase
from .kernels import skipgram_chunk


class SkipGram(Word2VecBase):
    """Skip-gram (Mikolov et al. 2013), trained with SGD.

    ``__init__`` only stores the parameters; ``fit(corpus)`` learns. Every
    word and each context word in its window form one example, in which the
    context word's input vector predicts the word through negative sampling
    (the default), hierarchical softmax (``hs=True, negative=0``) or both.

    Attributes
    ----------
    wv : KeyedVectors
        The learned vectors (as chosen by ``vectors``), for queries and saving.
    vocab_ : Vocabulary
    W_in_, W_out_ : ndarray of shape (V, dim), float32
        Input and output (negative sampling) vectors; W_out_ is None without
        negative sampling.
    W_hs_ : ndarray of shape (V - 1, dim), float32, or None
        Hierarchical softmax's inner-node vectors, with ``huffman_`` its tree.
    loss_history_ : list of float
        Mean loss per training example, per epoch.
    loss_curve_ : list of (float, float)
        (epochs done, mean loss) after each chunk of ~1/50 epoch.
    seconds_per_epoch_ : list of float
    words_trained_, words_per_second_ : int, float
        Corpus words (in-vocabulary, before subsampling) trained, and per second.
    interrupted_ : bool
        True if Ctrl-C stopped training early; the vectors so far are kept.
    """

    algorithm = "skipgram"

    def _train_chunk(self, chunk, state):
        return skipgram_chunk(self._corpus, chunk, self._W_in_rows, self.dim, self.window,
                              self._ns, self._hs, state)
