"""Checkpoints: a long run saved between epochs, and continued later.

A checkpoint is everything training needs to go on exactly where it
stopped: every weight matrix (W_in and W_out; GloVe's W, W̃, biases and
AdaGrad sums), the epochs done, the loss history, the hyperparameters and
seed, and a hash of the vocabulary. It is one ``.npz`` (no pickles; the
facts as a JSON blob), written atomically, so a run killed while saving
leaves the previous checkpoint whole.

With one worker, a run resumed from a checkpoint gives bit-identical vectors
to one that never stopped: the random draws of each chunk come from (seed,
epoch, chunk) and the learning rate from the epoch, not from anything that
happened before, and GloVe's shuffles are replayed.

>>> every = Checkpoint("run.ckpt.npz", every_epochs=2)
>>> [every.due(epoch, seconds=0) for epoch in (1, 2, 3, 4)]
[False, True, False, True]
"""
import json
import time
import zipfile
from pathlib import Path

import numpy as np

from ..errors import WordvecError
from ..text.vocab import vocabulary_hash
from ..util.atomic import atomic_write
from ..util.safe_npz import read_arrays

FORMAT_VERSION = 1
# Parameters that may differ between the run and its resumption: they do not
# change the arithmetic (workers changes the order of updates, which one
# worker makes reproducible, but a user may well resume on a bigger machine).
FREE_PARAMS = ("workers", "verbose", "callbacks")


class CheckpointError(WordvecError):
    """A checkpoint that cannot be read, or does not belong to this run."""


class Checkpoint:
    """A callback that saves a checkpoint every few epochs or minutes.

    Parameters
    ----------
    path : str or Path
        The checkpoint file (``.npz``); each save replaces the previous one.
    every_epochs : int, optional
        Save after every this many epochs.
    every_minutes : float, optional
        Save after an epoch that ends this long after the last save.
    """

    def __init__(self, path, every_epochs=None, every_minutes=None):
        if every_epochs is None and every_minutes is None:
            every_epochs = 1
        self.path = Path(path)
        self.every_epochs = every_epochs
        self.every_minutes = every_minutes
        self._last = time.monotonic()

    def due(self, epoch, seconds=None):
        """Whether a checkpoint is due after ``epoch`` epochs (``seconds`` since the last)."""
        seconds = time.monotonic() - self._last if seconds is None else seconds
        by_epochs = self.every_epochs is not None and epoch % self.every_epochs == 0
        by_time = self.every_minutes is not None and seconds >= 60 * self.every_minutes
        return by_epochs or by_time

    def __call__(self, model, epoch):
        if epoch < model.epochs and self.due(epoch):
            save_checkpoint(model, self.path)
            self._last = time.monotonic()


def save_checkpoint(model, path):
    """Write ``model``'s training state after its last finished epoch to ``path``."""
    facts = {"format": FORMAT_VERSION, "algorithm": model.algorithm,
             "params": _comparable(model.get_params()),
             "epoch": int(model.epochs_trained_), "loss_history": list(model.loss_history_),
             "vocabulary": vocabulary_hash(model.vocab_.words), "words": len(model.vocab_)}
    blob = np.frombuffer(json.dumps(facts).encode("utf-8"), dtype=np.uint8)
    with atomic_write(path, "wb") as out:
        np.savez(out, facts=blob, **model._training_state())


def load_checkpoint(path, names=None):
    """``(facts, arrays)`` of a checkpoint file, checked for its format.

    ``names``: the arrays to read (all of them if None). The file is read
    through ``safe_npz`` (no pickle, sizes checked before allocating, each
    member's CRC checked), and every array must be finite: a NaN resumed
    into the weights would spread to every vector the first epoch touches.
    """
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"{path}: no such checkpoint file")
    if names is None:
        try:
            with zipfile.ZipFile(path) as archive:
                names = [info.filename[:-len(".npy")] for info in archive.infolist()]
        except (OSError, zipfile.BadZipFile):
            names = []   # read_arrays says what is wrong with the file
    try:
        data = read_arrays(path, ["facts", *names], CheckpointError)
    except CheckpointError as error:
        raise CheckpointError(f"not a wordvec checkpoint: {error}") from None
    try:
        facts = json.loads(data["facts"].tobytes().decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError) as error:
        raise CheckpointError(f"{path}: not a wordvec checkpoint (its facts: {error})") from None
    if not isinstance(facts, dict) or facts.get("format") != FORMAT_VERSION:
        raise CheckpointError(f"{path}: checkpoint format "
                              f"{facts.get('format') if isinstance(facts, dict) else None!r}, "
                              f"expected {FORMAT_VERSION}")
    arrays = {name: array for name, array in data.items() if name != "facts"}
    for name, array in arrays.items():
        if array.dtype.kind == "f" and not np.isfinite(array).all():
            at = np.unravel_index(int(np.argmin(np.isfinite(array))), array.shape)
            raise CheckpointError(f"{path}: array {name!r} holds {array[at]} at "
                                  f"{tuple(map(int, at))}; a checkpoint is finite, so this one "
                                  "is damaged")
    return facts, arrays


def restore(model, path):
    """Put the state saved in ``path`` into ``model`` (its weights already allocated).

    Returns the facts. The checkpoint must come from the same algorithm,
    hyperparameters (``workers`` aside) and vocabulary, and have epochs left.
    """
    facts, arrays = load_checkpoint(path, list(model._training_state()))
    if facts.get("algorithm") != model.algorithm:
        raise CheckpointError(f"{path} is a {facts.get('algorithm')} checkpoint, "
                              f"not {model.algorithm}")
    ours = _comparable(model.get_params())
    differ = sorted(name for name in ours if facts["params"].get(name) != ours[name])
    if differ:
        listed = ", ".join(f"{name}={facts['params'].get(name)!r} (now {ours[name]!r})"
                           for name in differ)
        raise CheckpointError(f"{path} was saved by a run with other settings: {listed}; "
                              "resume with the same settings")
    if facts.get("vocabulary") != vocabulary_hash(model.vocab_.words):
        raise CheckpointError(f"{path} was saved with another vocabulary "
                              f"({facts.get('words')} words, now {len(model.vocab_)}): "
                              "resume on the same corpus with the same vocabulary settings")
    if not 0 < facts["epoch"] < model.epochs:
        raise CheckpointError(f"{path} holds epoch {facts['epoch']} of {model.epochs}: "
                              "nothing is left to resume")
    for name, live in model._training_state().items():
        saved = arrays.get(name)
        if saved is None or saved.shape != live.shape or saved.dtype != live.dtype:
            raise CheckpointError(f"{path}: array {name!r} is missing or has the wrong shape")
        live[...] = saved
    return facts


def _comparable(params):
    """The parameters that must match for a resumption, JSON-ready."""
    return json.loads(json.dumps({k: v for k, v in params.items() if k not in FREE_PARAMS},
                                 default=str))
