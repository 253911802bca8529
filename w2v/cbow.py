"""The CBOW estimator: predict each word from the mean of its neighbours.

>>> from corpora.synthetic import generate
>>> model = CBOW(dim=30, epochs=3, verbose=False).fit(generate(20_000))
>>> model.wv.most_similar("paris", topn=1)       # doctest: +SKIP
[('french', 0.81)]
"""
from .base import Word2VecBase
from .kernels import cbow_chunk

# word2vec.c's CBOW default, not gensim's 0.025. On wiki17m (dim 100, window 5,
# negative 5, 5 epochs) it gave 35.0% analogy@30k and WS353 0.633, against 30.4%
# and 0.589 at 0.025; gensim gains the same (bench/results/cbow_alpha_2026-11-27.txt).
CBOW_ALPHA = 0.05


class CBOW(Word2VecBase):
    """Continuous bag of words (Mikolov et al. 2013a), trained with SGD.

    ``__init__`` only stores the parameters; ``fit(corpus)`` learns. One
    training example per word: the mean (or sum) of the W_in rows of the
    words around it predicts it, through negative sampling, hierarchical
    softmax or both. Much faster than skip-gram (one example per word
    instead of one per context word); skip-gram is usually better on rare
    words and semantic analogies.

    Parameters
    ----------
    cbow_mean : bool
        Average the context vectors (True, word2vec.c and gensim's default)
        or sum them. Either way every context word receives the whole error;
        see ``reference_cbow.py`` for why it is not divided by their number.
    alpha : float
        Initial learning rate. The default is word2vec.c's CBOW default,
        0.05, not gensim's 0.025: on wiki17m it scored 35.0% analogy@30k
        against 30.4% (see ``CBOW_ALPHA``).
    dim, window, negative, hs, ns_exponent, sample, min_alpha, epochs, min_count,
    max_vocab_size, max_final_vocab, vectors, seed, workers, verbose, callbacks
        As for ``SkipGram``.

    Attributes
    ----------
    As for ``SkipGram``: ``wv``, ``vocab_``, ``W_in_``, ``W_out_``, ``W_hs_``,
    ``loss_history_`` (mean loss per centre word), ``loss_curve_``,
    ``words_per_second_``, ``interrupted_``.
    """

    algorithm = "cbow"

    def __init__(self, dim=100, window=5, negative=5, hs=False, cbow_mean=True,
                 ns_exponent=0.75, sample=1e-3, alpha=CBOW_ALPHA, min_alpha=1e-4, epochs=5,
                 min_count=5, max_vocab_size=None, max_final_vocab=None, vectors="in", seed=1,
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
        if not isinstance(self.cbow_mean, bool):
            raise ValueError(f"cbow_mean must be True or False, got {self.cbow_mean!r}")

    def _train_chunk(self, first_sentence, end_sentence, alpha_start, alpha_end, state):
        return cbow_chunk(
            self.corpus_.ids, self.corpus_.bounds, first_sentence, end_sentence,
            self._W_in_rows, self.dim, self._keep_prob, self.window, self.cbow_mean,
            *self._output_arrays(), alpha_start, alpha_end, state)
