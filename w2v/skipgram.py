"""The skip-gram estimator: learn vectors that predict which words occur near each word.

Each context word predicts the centre word, pair by pair (word2vec.c's
direction; ``reference.py`` says why).

>>> sentences = [["the", "king", "rules"], ["the", "queen", "rules"]] * 200
>>> model = SkipGram(dim=8, window=2, epochs=2, min_count=1, verbose=False).fit(sentences)
>>> model.wv.vector_size, len(model.wv), model.epochs_trained_
(8, 4, 2)
"""
from wordvec.train import Param, check_bool

from .base import Word2VecBase
from .kernels import skipgram_chunk
from .kernels_shared import skipgram_shared_chunk


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
    params = {
        "shared_negatives": Param(
            "Draw the noise words once per window and train the window's pairs together, "
            "as a small matrix product (Ji et al. 2016's pWord2Vec): faster, and each hot "
            "output row is written once per window. A different estimator, with the same "
            "objective in expectation: the noise words are shared within a window, and every "
            "pair's gradient is taken before the window's updates. Needs negative > 0 and "
            "hs off."),
    }

    def __init__(self, dim=100, window=5, negative=5, hs=False, ns_exponent=0.75, sample=1e-3,
                 alpha=0.025, min_alpha=1e-4, epochs=5, min_count=5, max_vocab_size=None,
                 max_final_vocab=None, vectors="word", shared_negatives=False, seed=1,
                 workers=1, verbose=True, callbacks=()):
        super().__init__(dim=dim, window=window, negative=negative, hs=hs,
                         ns_exponent=ns_exponent, sample=sample, alpha=alpha,
                         min_alpha=min_alpha, epochs=epochs, min_count=min_count,
                         max_vocab_size=max_vocab_size, max_final_vocab=max_final_vocab,
                         vectors=vectors, seed=seed, workers=workers, verbose=verbose,
                         callbacks=callbacks)
        self.shared_negatives = shared_negatives

    def _validate(self):
        super()._validate()
        check_bool("shared_negatives", self.shared_negatives)
        if self.shared_negatives and (self.hs or self.negative == 0):
            raise ValueError("shared_negatives=True shares negative sampling's noise words: it "
                             "needs negative > 0 and hs=False")

    def _train_chunk(self, chunk, state):
        if self.shared_negatives:
            return skipgram_shared_chunk(self._corpus, chunk, self._W_in_rows, self.dim,
                                         self.window, self._ns, state)
        return skipgram_chunk(self._corpus, chunk, self._W_in_rows, self.dim, self.window,
                              self._ns, self._hs, state)


class SkipGramSharedNegatives(SkipGram):
    """Skip-gram with noise words shared by each window (``SkipGram(shared_negatives=True)``).

    Its own class only so that ``wordvec train sg-shared`` and ``wordvec compare
    --algorithms sg,sg-shared`` can name it; see ``SkipGram`` for the rest.

    >>> SkipGramSharedNegatives().shared_negatives
    True
    """

    algorithm = "skipgram-shared"

    def __init__(self, dim=100, window=5, negative=5, hs=False, ns_exponent=0.75, sample=1e-3,
                 alpha=0.025, min_alpha=1e-4, epochs=5, min_count=5, max_vocab_size=None,
                 max_final_vocab=None, vectors="word", shared_negatives=True, seed=1,
                 workers=1, verbose=True, callbacks=()):
        super().__init__(dim=dim, window=window, negative=negative, hs=hs,
                         ns_exponent=ns_exponent, sample=sample, alpha=alpha,
                         min_alpha=min_alpha, epochs=epochs, min_count=min_count,
                         max_vocab_size=max_vocab_size, max_final_vocab=max_final_vocab,
                         vectors=vectors, shared_negatives=shared_negatives, seed=seed,
                         workers=workers, verbose=verbose, callbacks=callbacks)
