"""What every estimator shares: declared hyperparameters, their checks, and the vectors.

The conventions are scikit-learn's: ``__init__`` only stores its arguments,
``fit`` checks them, learns, and returns the estimator, and what was learnt
ends in ``_`` (``W_in_``, ``loss_history_``). ``get_params`` / ``set_params``
/ ``__repr__`` are read off the signature, so ``sklearn.base.clone`` works.

Each hyperparameter is described once, where the estimator is defined, in
its class attribute ``params``: a ``Param`` per name, with one help text.
The class's docstring gets its numpydoc "Parameters" section from them (see
``help(SkipGram)``), and the command line its ``--help``, so the two never
disagree. A subclass's ``params`` adds to (or overrides) its bases'.

>>> class Toy(Estimator):
...     '''A toy estimator.'''
...     algorithm = "toy"
...     params = {"dim": Param("Size of the vectors."),
...               "mode": Param("How to learn.", choices=("fast", "slow"))}
...     def __init__(self, dim=10, mode="fast"):
...         self.dim, self.mode = dim, mode
>>> Toy(dim=3)
Toy(dim=3)
>>> Toy().set_params(mode="slow").get_params()
{'dim': 10, 'mode': 'slow'}
>>> print(Toy.__doc__)
A toy estimator.
<BLANKLINE>
Parameters
----------
dim : int, default 10
    Size of the vectors.
mode : {'fast', 'slow'}, default 'fast'
    How to learn.
"""
import inspect
import math
from dataclasses import dataclass

import numpy as np

from ..vectors.keyedvectors import KeyedVectors
from .checkpoint import restore
from .loop import train_epochs

# Constructor parameters that say how to run, not what to learn: they are
# not saved with the vectors (and the command line has its own flags for them).
RUN_PARAMS = ("verbose", "callbacks")


@dataclass(frozen=True)
class Param:
    """How one hyperparameter is described, for ``help()``, the docs and ``--help``.

    Parameters
    ----------
    help : str
        What it does, in a sentence or a few; the first sentence should
        stand alone.
    choices : tuple of str, optional
        The values a string parameter takes.
    type : type, optional
        The type of a parameter whose default is None (``int`` or ``float``);
        otherwise the default's type is the parameter's.
    """

    help: str
    choices: tuple = None
    type: type = None


# How the vocabulary is built, the same for every algorithm, so that their
# vectors can be compared word for word (``wordvec compare``).
VOCABULARY_PARAMS = {
    "min_count": Param("Words seen fewer times in the corpus are dropped before training. "
                       "Every algorithm builds its vocabulary the same way, so that their "
                       "vectors can be compared word for word."),
    "max_vocab_size": Param("Prune rare words while counting words, to keep at most about this "
                            "many (bounded memory on huge corpora; counts become approximate). "
                            "None: no limit.", type=int),
    "max_final_vocab": Param("Raise min_count until at most this many words remain. None: no "
                             "limit.", type=int),
}


@dataclass(frozen=True)
class Algorithm:
    """How an algorithm package offers one estimator to the command line.

    Each package lists its own in a tuple ``ALGORITHMS``, which the command
    line reads; nothing else about the package needs to be known there.

    Parameters
    ----------
    command : str
        The name after ``wordvec train`` (``sg``, ``cbow``, ``glove``).
    estimator : type
        The ``Estimator`` subclass that trains it.
    summary : str
        One line for ``wordvec train --help``.
    presets : dict
        Preset name -> ``wordvec.train.presets.Preset``: the named settings
        ``--preset`` takes (one dict may serve several algorithms).
    by_corpus_size : tuple of (int, str)
        ``(below this many tokens, preset name)`` pairs, smallest first: the
        settings ``wordvec compare`` picks for a corpus of that size when no
        ``--preset`` is given (``presets.preset_for_corpus``). Empty: the
        estimator's defaults suit every size that was measured.
    """

    command: str
    estimator: type
    summary: str
    presets: dict
    by_corpus_size: tuple = ()


def _type_name(default, param):
    if param.choices:
        return "{" + ", ".join(repr(choice) for choice in param.choices) + "}"
    kind = param.type or type(default)
    name = {bool: "bool", int: "int", float: "float", str: "str"}.get(kind, kind.__name__)
    return name + (", optional" if default is None else "")


def _parameters_section(cls):
    """The numpydoc "Parameters" section of ``cls``, from its declared ``params``."""
    lines = ["Parameters", "----------"]
    for name, default in cls.defaults().items():
        param = cls.param_help().get(name)
        if param is None:
            continue
        lines.append(f"{name} : {_type_name(default, param)}, default {default!r}")
        lines += ["    " + line for line in param.help.splitlines()]
    return "\n".join(lines)


class Estimator:
    """The base of every estimator: parameters, validation, vectors, training loop.

    A subclass sets ``algorithm`` (the name saved with its vectors) and
    ``params``, stores its arguments in ``__init__``, and implements ``fit``
    and ``_word_and_context`` (from which ``wv`` is made, as ``vectors`` says).
    """

    algorithm = None
    params = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__init__ is object.__init__:
            return  # a base that declares shared parameters for its subclasses' __init__
        undeclared = set(cls.param_help()) - set(cls.defaults())
        if undeclared:
            raise TypeError(f"{cls.__name__}.params describes {sorted(undeclared)}, "
                            "which __init__ does not take")
        doc = inspect.cleandoc(cls.__doc__ or "")
        head, attributes, tail = doc.partition("\nAttributes\n----------\n")
        section = _parameters_section(cls)
        cls.__doc__ = (head.rstrip() + "\n\n" + section
                       + ("\n\nAttributes\n----------\n" + tail if attributes else ""))

    # -- parameters ------------------------------------------------------------------------

    @classmethod
    def defaults(cls):
        """Constructor parameter -> default, in signature order."""
        signature = inspect.signature(cls.__init__)
        return {name: param.default for name, param in list(signature.parameters.items())[1:]}

    @classmethod
    def param_help(cls):
        """Parameter -> ``Param``, gathered from ``params`` along the class hierarchy."""
        merged = {}
        for klass in reversed(cls.__mro__):
            merged.update(klass.__dict__.get("params", {}))
        return merged

    def get_params(self, deep=True):
        """The constructor's parameters (scikit-learn's convention; ``deep`` is unused)."""
        return {name: getattr(self, name) for name in self.defaults()}

    def set_params(self, **params):
        """Set constructor parameters by name; return self."""
        known = self.defaults()
        for name, value in params.items():
            if name not in known:
                raise ValueError(f"{type(self).__name__} has no parameter {name!r}; "
                                 f"it has {', '.join(known)}")
            setattr(self, name, value)
        self._wv = None  # `vectors` may have changed: wv is rebuilt when next asked for
        return self

    def __repr__(self):
        defaults = self.defaults()
        changed = {name: value for name, value in self.get_params().items()
                   if not _same(value, defaults[name])}
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    def _validate(self):
        """Check the parameters every estimator has; subclasses add their own."""
        check_int("dim", self.dim)
        check_int("min_count", self.min_count)
        check_int("max_vocab_size", self.max_vocab_size, optional=True)
        check_int("max_final_vocab", self.max_final_vocab, optional=True)
        check_int("seed", self.seed, low=0)
        check_int("workers", self.workers)
        check_bool("verbose", self.verbose)
        check_choice("vectors", self.vectors, self.param_help()["vectors"].choices)

    # -- the learned vectors ---------------------------------------------------------------

    def _word_and_context(self):
        """The learned (V, d) word and context matrices (W_in and W_out, W and W̃, ...)."""
        raise NotImplementedError

    def _vectors(self):
        """The matrix that ``wv`` holds, as ``vectors`` chooses: W, W + C, or [W, C]."""
        word, context = self._word_and_context()
        if self.vectors == "word":
            return word
        if self.vectors == "word+context":
            return word + context
        return np.hstack([word, context])

    @property
    def wv(self):
        """The learned vectors as ``KeyedVectors``, for queries and saving."""
        if getattr(self, "_wv", None) is None:
            if not hasattr(self, "vocab_"):
                raise AttributeError(f"{type(self).__name__} has no vectors yet: call fit first")
            self._wv = KeyedVectors(self._vectors(), self.vocab_.words, self.vocab_.counts,
                                    metadata=self.metadata())
        return self._wv

    def metadata(self):
        """Hyperparameters and training facts, saved with the vectors."""
        params = {k: v for k, v in self.get_params().items() if k not in RUN_PARAMS}
        return {"algorithm": self.algorithm, "params": params,
                "epochs_trained": getattr(self, "epochs_trained_", 0),
                "corpus_words": getattr(self.vocab_, "total_words", None),
                "train_seconds": getattr(self, "train_seconds_", None),
                "loss_history": list(getattr(self, "loss_history_", []))}

    # -- training --------------------------------------------------------------------------

    def _train_epochs(self, work, tasks, unit, before_epoch=None, status=None, hint=None,
                      warmup=None):
        """Run ``wordvec.train.loop.train_epochs`` and keep its record in the ``_`` attributes.

        After every epoch (and at the end, or at Ctrl-C) ``loss_history_``,
        ``loss_curve_``, ``seconds_per_epoch_``, ``epochs_trained_``,
        ``train_seconds_`` and ``interrupted_`` are up to date and ``wv``
        shows the current vectors; then each callback is called as
        ``callback(self, epoch)``. Returns the training log.
        """
        def on_epoch(log):
            self._keep(log)
            for callback in self.callbacks:
                callback(self, log.epochs_done)

        self._keep(None)
        resumed = getattr(self, "_resumed", None) or {}
        log = train_epochs(work, tasks, self.epochs, self.workers, on_epoch=on_epoch,
                           sync_epochs=bool(self.callbacks), before_epoch=before_epoch,
                           status=status, hint=hint, verbose=self.verbose,
                           desc=f"training {self.algorithm}", unit=unit, warmup=warmup,
                           start_epoch=resumed.get("epoch", 0),
                           history=resumed.get("loss_history", ()))
        self._keep(log)
        return log

    def _training_state(self):
        """Every array training updates, by name: what a checkpoint saves and restores."""
        raise NotImplementedError

    def _resume_from(self, checkpoint):
        """Load a checkpoint (a path, or None) into the freshly initialised weights."""
        self._resumed = restore(self, checkpoint) if checkpoint is not None else None
        return self._resumed

    def _keep(self, log):
        """Copy the training log into the public attributes (None: before training)."""
        self.loss_history_ = list(log.loss_history) if log else []
        self.loss_curve_ = list(log.loss_curve) if log else []
        self.seconds_per_epoch_ = list(log.seconds_per_epoch) if log else []
        self.epochs_trained_ = log.epochs_done if log else 0
        self.train_seconds_ = log.seconds if log else 0.0
        self.interrupted_ = log.interrupted if log else False
        self._wv = None  # rebuilt from the weights when next asked for


def _same(a, b):
    """Equal, for __repr__: NumPy arrays and NaN compare without raising."""
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return a is b


# -- checks, with messages that name the parameter ---------------------------------------

def check_int(name, value, low=1, high=None, optional=False):
    """``value`` must be a whole number in [low, high] (or None if ``optional``)."""
    if optional and value is None:
        return
    if (isinstance(value, bool) or not isinstance(value, (int, np.integer))
            or value < low or (high is not None and value > high)):
        span = f"at least {low}" if high is None else f"in [{low}, {high}]"
        raise ValueError(f"{name} must be a whole number {span}"
                         + (" (or None)" if optional else "") + f", got {value!r}")


def check_number(name, value, low=0.0, high=math.inf, low_open=False):
    """``value`` must be a real number in [low, high] (in (low, high] if ``low_open``)."""
    if (isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating))
            or not (low < value if low_open else low <= value) or not value <= high):
        span = f"{'(' if low_open else '['}{low}, {high}]"
        raise ValueError(f"{name} must be a number in {span}, got {value!r}")


def check_bool(name, value):
    """``value`` must be True or False."""
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False, got {value!r}")


def check_choice(name, value, choices):
    """``value`` must be one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}")


def uniform_rows(rng, shape, dim):
    """Uniform in [-0.5/dim, 0.5/dim), float32: word2vec.c's and the GloVe tool's init.

    >>> uniform_rows(np.random.default_rng(0), (2, 4), dim=4).round(3)
    array([[ 0.088,  0.034,  0.003, -0.058],
           [-0.048, -0.115, -0.106, -0.121]], dtype=float32)
    """
    return (rng.random(shape, dtype=np.float32) - np.float32(0.5)) / np.float32(dim)
