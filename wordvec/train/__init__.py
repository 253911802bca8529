"""What every estimator shares, and the one training loop they all run.

* ``estimator``: ``Estimator`` (declared hyperparameters, checks,
  ``get_params``/``set_params``, ``.wv``), ``Param``, and ``Algorithm``,
  the record an algorithm package offers the command line;
* ``count_estimator``: ``CountEstimator``, for methods that learn from
  co-occurrence counts (GloVe, PPMI-SVD);
* ``loop``: ``train_epochs``, epochs of chunks on worker threads, with the
  progress bar, loss history, divergence check, callbacks and Ctrl-C;
* ``window_sgd``: ``WindowSGD``, the driver of models trained by SGD over
  windows of the corpus (Word2Vec, fastText);
* ``checkpoint``: a run saved whole, to go on from bit for bit;
* ``presets``: named settings, ``Preset``.
"""
from .checkpoint import Checkpoint, CheckpointError
from .count_estimator import COUNTING, CountEstimator
from .estimator import (RUN_PARAMS, VOCABULARY_PARAMS, Algorithm, Estimator, Param, check_bool,
                        check_choice, check_int, check_number, uniform_rows)
from .loop import train_epochs
from .presets import Preset, corpus_rule, find_preset, preset_for_corpus, token_count
from .window_sgd import WindowSGD

__all__ = ["Algorithm", "COUNTING", "Checkpoint", "CheckpointError", "CountEstimator",
           "Estimator", "Param", "Preset", "RUN_PARAMS", "VOCABULARY_PARAMS", "check_bool",
           "check_choice", "check_int", "check_number", "corpus_rule", "find_preset",
           "WindowSGD", "preset_for_corpus", "token_count", "train_epochs", "uniform_rows"]
