"""The skip-gram estimator: predict each word's neighbours from the word.

>>> from corpora.synthetic import generate
>>> model = SkipGram(dim=30, epochs=2, verbose=False).fit(generate(20_000))
>>> model.wv.most_similar("paris", topn=1)       # doctest: +SKIP
[('france', 0.93)]
"""
from .base import Word2VecBase
from .kernels import skipgram_chunk


class SkipGram(Word2VecBase):
    """Skip-gram with negative sampling (Mikolov et al. 2013), trained with SGD.

    ``__init__`` only stores the parameters; ``fit(corpus)`` learns.

    Parameters
    ----------
    dim : int
        Size of the vectors.
    window : int
        Maximum distance between a word and its context. Each centre word
        uses a random reduced window in 1..window (word2vec.c's rule).
    negative : int
        Noise words per positive example (negative sampling); 0 turns
        negative sampling off, which needs ``hs=True``.
    hs : bool
        Also (or, with ``negative=0``, only) train hierarchical softmax over
        a Huffman tree of the vocabulary, as word2vec.c's ``-hs 1``.
    ns_exponent : float
        Noise distribution P(w) ∝ count(w) ** ns_exponent.
    sample : float
        Subsampling threshold (see ``Vocabulary.keep_probabilities``);
        0 keeps every word.
    alpha, min_alpha : float
        Learning rate, decaying linearly from ``alpha`` to ``min_alpha``
        over all epochs.
    epochs : int
        Passes over the corpus.
    min_count : int
        Words seen fewer times are dropped before training.
    max_vocab_size : int, optional
        Prune rare words while counting to keep at most about this many
        (bounded memory on huge corpora; counts become approximate).
    max_final_vocab : int, optional
        Raise ``min_count`` until at most this many words remain.
    vectors : {"in", "in+out"}
        What ``wv`` holds: the input vectors W_in (word2vec's output), or
        W_in + W_out (Levy, Goldberg & Dagan 2015's "w+c"; needs negative > 0).
    seed : int
        Seeds initialisation and all sampling. With ``workers=1`` the same
        seed gives bit-identical vectors.
    workers : int
        Threads. More than one trains lock-free (Hogwild): faster, but
        thread timing changes the result, so runs are not reproducible.
    verbose : bool
        Show a progress bar (epoch, words/s, alpha, loss).
    callbacks : sequence of callables
        Each is called as ``callback(model, epoch)`` after every epoch,
        with ``model.wv`` holding the current vectors.

    Attributes
    ----------
    wv : KeyedVectors
        The learned vectors (rows of ``W_in_``), for queries and saving.
    vocab_ : Vocabulary
    W_in_, W_out_ : ndarray of shape (V, dim), float32
    loss_history_ : list of float
        Mean loss per training example, per epoch.
    loss_curve_ : list of (float, float)
        (epochs done, mean loss) after each chunk of ~1/50 epoch.
    words_per_second_ : float
        Corpus words (in-vocabulary, before subsampling) trained per second.
    interrupted_ : bool
        True if Ctrl-C stopped training early; the vectors so far are kept.
    """

    algorithm = "skipgram"

    def _train_chunk(self, first_sentence, end_sentence, alpha_start, alpha_end, state):
        return skipgram_chunk(
            self.corpus_.ids, self.corpus_.bounds, first_sentence, end_sentence,
            self._W_in_rows, self.dim, self._keep_prob, self.window, *self._output_arrays(),
            alpha_start, alpha_end, state)
