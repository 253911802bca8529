"""The CBOW estimator: predict each word from the mean of its neighbours.

>>> sentences = [["the", "king", "rules"], ["the", "queen", "rules"]] * 200
>>> model = CBOW(dim=8, window=2, epochs=2, min_count=1, verbose=False).fit(sentences)
>>> model.wv.vector_size, model.alpha
(8, 0.05)
"""
from wordvec.train import Param, check_bool

from .base import Word2VecBase
from .kernels import cbow_chunk

# word2vec.c's CBOW default, not gensim's 0.025: it scored higher on wiki17m
# for both tools (bench/results/cbow_alpha_2026-11-27.txt).
CBOW_ALPHA = 0.05


class CBOW(Word2VecBase):
    """Continuous bag of words (Mikolov et al. 2013a), trained with SGD.

    ``__init__`` only stores the parameters; ``fit(corpus)`` learns. One
    training example per word: the mean (or sum) of the W_in rows of the
    words around it predicts it, through negative sampling, hierarchical
    softmax or both. Much faster than skip-gram (one example per word
    instead of one per context word); skip-gram is usually better on rare
    words and semantic analogies.

    Attributes
    ----------
    As for ``SkipGram``: ``wv``, ``vocab_``, ``W_in_``, ``W_out_``, ``W_hs_``,
    ``loss_history_`` (mean loss per centre word), ``loss_curve_``,
    ``seconds_per_epoch_``, ``words_per_second_``, ``interrupted_``.
    """

    algorithm = "cbow"
    params = {
        "cbow_mean": Param("Average the context vectors (True, word2vec.c's and gensim's "
                           "choice) or sum them. Either way every context word receives the "
                           "whole update, not a share of it, as in word2vec.c."),
        "alpha": Param("Initial learning rate of SGD; it decays linearly to min_alpha. "
                       "CBOW's default is word2vec.c's 0.05, not gensim's 0.025 (it scored "
                       "higher for both). (GloVe's alpha is another thing: its weighting "
                       "exponent.)"),
    }

    def __init__(self, dim=100, window=5, negative=5, hs=False, cbow_mean=True,
                 ns_exponent=0.75, sample=1e-3, alpha=CBOW_ALPHA, min_alpha=1e-4, epochs=5,
                 min_count=5, max_vocab_size=None, max_final_vocab=None, vectors="word", seed=1,
                 workers=1, verbose=True, callbacks=()):
        super().__init__(dim=dim, window=window, negative=negative, hs=hs,
                         ns_exponent=ns_exponent, sample=sample, alpha=alpha,
                         min_alpha=min_alpha, epochs=epochs, min_count=min_count,
                         max_vocab_size=max_vocab_size, max_final_vocab=max_final_vocab,
                         vectors=vectors, seed=seed, workers=workers, verbose=verbose,
                         callbacks=callbacks)
        self.cbow_mean = cbow_mean

    def _validate(self):
        super()._validate()
        check_bool("cbow_mean", self.cbow_mean)

    def _train_chunk(self, chunk, state):
        return cbow_chunk(self._corpus, chunk, self._W_in_rows, self.dim, self.window,
                          self.cbow_mean, self._ns, self._hs, state)
