"""The ``wordvec train`` command, whose flags are read off the estimator class.

Each algorithm's parser is built from its estimator (``w2v.SkipGram``,
``w2v.CBOW``, ``glove.GloVe``): one flag per constructor parameter, typed by
its default, with the help text taken from the class's numpydoc docstring. A
default or a docstring changed in the estimator is the command line's at
once, with no second copy here to forget. A hyperparameter's value comes in
three layers, the later winning: the estimator's default, the ``--preset``'s
value, the flag given on the command line::

    $ wordvec train cbow --help           # CBOW(dim=100, ...) -> --dim DIM ... (default: 100)
    $ wordvec train cbow --corpus text8 --data-dir DIR --out v.bin \\
          --preset text8-demo --epochs 3  # dim 200 from the preset; epochs 3 from the flag
    $ wordvec presets                     # the presets, as the flags they stand for
    $ wordvec train glove --corpus text8 --data-dir DIR --out g.npz --x-max 10 --output concat

Training itself is the estimator's business; this module checks everything it
can before starting (the output extension, the corpus, the benchmark folder),
so that a typo does not surface after an hour, and prints a summary after.
An estimator that can train on a co-occurrence matrix (``fit_cooccurrence``:
GloVe) also takes ``--matrix FILE --vocab FILE`` instead of ``--corpus``;
that part, and ``wordvec cooccur`` which writes such files, are in
``cli_cooccur.py``.

The algorithm packages are imported here only inside the functions, when
training or listing presets: the core never depends on them at module level,
and ``wordvec --help`` does not wait for Numba to load.
"""
import argparse
import importlib
import inspect
import re
import sys
import time

from .cli_common import add_corpus_arguments, corpus_cache, open_corpus, table
from .cli_cooccur import (add_matrix_arguments, check_input_flags, cooccurrence_rows,
                          describe_counting, load_counted, take_matrix_settings)
from .datadir import eval_dir
from .errors import VectorFileError, WordvecError
from .evaluate import evaluate_suite, format_table
from .vectors_io import detect_format

# Command-line name -> (package, estimator class, one-line help). An estimator
# takes its hyperparameters as keyword arguments and has fit(corpus,
# cache_dir), .wv, loss_history_, train_seconds_, interrupted_, and either
# words_trained_ (Word2Vec) or fit_cooccurrence(matrix, vocab) and
# cooccurrence_ (GloVe; see _takes_matrix). A package with a `presets` module
# (PRESETS, get_preset, preset_params, like w2v/presets.py) gets --preset too.
TRAINERS = {
    "sg": ("w2v", "SkipGram", "Word2Vec skip-gram: predict the neighbours from each word"),
    "cbow": ("w2v", "CBOW", "Word2Vec CBOW: predict each word from its neighbours"),
    "glove": ("glove", "GloVe", "GloVe: fit vectors to the logs of word co-occurrence counts"),
}
# Constructor parameters that are not flags: --quiet stands for verbose, and
# callbacks are Python objects.
_NOT_FLAGS = ("verbose", "callbacks")

# A numpydoc parameter entry: "name[, name] : type", then its indented description.
_PARAM_ENTRY = re.compile(r"^(\w[\w, ]*?) : [^\n]*\n((?:    [^\n]*(?:\n|$))*)", re.MULTILINE)
# How a docstring hands its other parameters over to another class's: CBOW's
# "dim, window, ...  As for ``SkipGram``."
_SEE_CLASS = re.compile(r"As for ``(\w+)``")


# ---------------------------------------------------------------- the flags

def _hyperparameters(estimator):
    """(name, default) of each constructor parameter that becomes a flag.

    Read from the signature, so a default changed in the estimator is the
    command line's default too.
    """
    return [(name, param.default)
            for name, param in inspect.signature(estimator).parameters.items()
            if name not in _NOT_FLAGS]


def _parameter_help(estimator):
    """Parameter name -> description, from the estimator's numpydoc docstring."""
    doc = inspect.getdoc(estimator) or ""
    section = doc.partition("Parameters\n----------\n")[2].partition("\n\n")[0]
    helps = {}
    for names, text in _PARAM_ENTRY.findall(section):
        for name in names.split(","):
            helps[name.strip()] = " ".join(text.replace("``", "").split()).replace("%", "%%")
    # Entries that only say "As for ``SkipGram``" take SkipGram's words, looked
    # up in the estimator's own package; the estimator's own entries win.
    package = sys.modules[estimator.__module__.partition(".")[0]]
    for class_name in _SEE_CLASS.findall(section):
        other = getattr(package, class_name, None)
        if isinstance(other, type) and other is not estimator:
            for name, text in _parameter_help(other).items():
                helps.setdefault(name, text)
    return helps


def _declared_choices(name, estimator):
    """The allowed values of string parameter ``name``, if a module declares them.

    The convention: the module of the estimator, or of a base class, holds
    a tuple named like the parameter in capitals, as is or in the plural
    (``w2v.base.VECTORS`` for ``vectors``, ``glove.estimator.OUTPUTS`` for
    ``output``). None if there is no such tuple: then any string goes.
    """
    for cls in inspect.getmro(estimator):
        module = sys.modules.get(cls.__module__)
        for constant in (name.upper(), name.upper() + "S"):
            declared = getattr(module, constant, None)
            if isinstance(declared, tuple) and all(isinstance(value, str) for value in declared):
                return declared
    return None


def _flag_kind(name, default, estimator):
    """argparse keywords for a hyperparameter's flag, chosen by its default's type."""
    if isinstance(default, bool):  # before int: a bool is an int too
        return {"action": argparse.BooleanOptionalAction}
    if isinstance(default, str):
        return {"type": str, "choices": _declared_choices(name, estimator)}
    # Floats are floats; the parameters defaulting to None are optional
    # caps on word counts, hence int, like every other number.
    return {"type": float if isinstance(default, float) else int}


def _takes_matrix(estimator):
    """True if ``estimator`` can also train on a counted co-occurrence matrix (GloVe)."""
    return hasattr(estimator, "fit_cooccurrence")


def train_parser(algorithm, estimator):
    """The parser of ``wordvec train ALGORITHM``, with one flag per hyperparameter."""
    epilog = (f"Example: wordvec train {algorithm} --corpus wiki17m --data-dir ../shared/data "
              "--out vectors.bin --workers 4 --eval")
    if _takes_matrix(estimator):
        epilog += (f". To count once and train many times: wordvec cooccur --corpus ... --out "
                   f"m.npz, then wordvec train {algorithm} --matrix m.npz --vocab m.vocab.txt "
                   "--out vectors.bin")
    parser = argparse.ArgumentParser(
        prog=f"wordvec train {algorithm}", description=f"Train {TRAINERS[algorithm][2]}.",
        epilog=epilog)
    data = parser.add_argument_group("corpus and output")
    # With a matrix as the other input, --corpus is not required; then
    # train_command checks that exactly one of the two was given.
    add_corpus_arguments(data, required=not _takes_matrix(estimator))
    if _takes_matrix(estimator):
        add_matrix_arguments(data)
    data.add_argument("--out", required=True, metavar="FILE",
                      help="where to save the vectors; the extension sets the format: .bin "
                           "(word2vec binary), .txt or .vec (word2vec text), .npz (native)")
    data.add_argument("--eval", action="store_true",
                      help="after training, run the benchmarks of the data directory")
    data.add_argument("--quiet", action="store_true", help="no progress bar")
    hyper = parser.add_argument_group(
        "hyperparameters", "Each defaults to the estimator's own value, or to the preset's "
                           "with --preset; a flag given always wins.")
    presets = _presets_for(estimator)
    if presets is not None:
        hyper.add_argument("--preset", choices=list(presets.PRESETS),
                           help="start from a named set of hyperparameters: `wordvec presets` "
                                "lists them with their sources (default: none)")
    helps = _parameter_help(estimator)
    for name, default in _hyperparameters(estimator):
        # default=None: a flag not given stays None, so that a preset can
        # fill it in (_chosen_hyperparameters). The help shows the
        # estimator's default instead of argparse's %(default)s.
        shown = str(default).replace("%", "%%")
        hyper.add_argument("--" + name.replace("_", "-"), dest=name, default=None,
                           help=f"{helps.get(name, name)} (default: {shown})",
                           **_flag_kind(name, default, estimator))
    return parser


# ------------------------------------------------------------------ presets

def _presets_for(estimator):
    """The ``presets`` module of the estimator's package, or None if it has none."""
    module_name = estimator.__module__.partition(".")[0] + ".presets"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:  # the module exists but is broken: say so
            raise
        return None


def _chosen_hyperparameters(opts, estimator):
    """(keyword arguments for ``estimator``, the Preset used or None), from parsed flags.

    Three layers, the later winning: the estimator's defaults, the preset's
    values for this algorithm, the flags given on the command line. A flag
    not given parses to None (see ``train_parser``), which is how it is told
    apart from one given with the default's value.
    """
    params = dict(_hyperparameters(estimator))
    preset = None
    if getattr(opts, "preset", None) is not None:
        presets = _presets_for(estimator)
        preset = presets.get_preset(opts.preset)
        params.update(presets.preset_params(opts.preset, estimator.algorithm))
    params.update({name: getattr(opts, name) for name in list(params)
                   if getattr(opts, name, None) is not None})
    return params, preset


def _as_flags(params):
    """Keyword arguments as the flags that would set them: ``--dim 100 --no-hs``."""
    flags = []
    for name, value in params.items():
        flag = "--" + name.replace("_", "-")
        if isinstance(value, bool):
            flags.append(flag if value else "--no-" + flag[2:])
        else:
            flags.append(f"{flag} {value}")
    return " ".join(flags)


def presets_command(args):
    """``wordvec presets``: every preset as the flags it stands for, with its source."""
    # Lazily, as in train_command: only the algorithm packages know their presets.
    estimators = [getattr(importlib.import_module(package), class_name)
                  for package, class_name, _ in TRAINERS.values()]
    # The presets say "skipgram", the command line "train sg".
    command = {estimator.algorithm: f"train {name}"
               for name, estimator in zip(TRAINERS, estimators)}
    modules = []
    for estimator in estimators:
        presets = _presets_for(estimator)
        if presets is not None and presets not in modules:
            modules.append(presets)
    for presets in modules:
        for preset in presets.PRESETS.values():
            rows = [(f"  {command.get(algorithm, algorithm)}:",
                     _as_flags(presets.preset_params(preset.name, algorithm)))
                    for algorithm in presets.ALGORITHMS]
            if not preset.per_algorithm:  # the same flags for every algorithm
                rows = [("  flags:", rows[0][1])]
            recommended = command.get(preset.algorithm, preset.algorithm)
            print(f"{preset.name} (recommended: {recommended}): {preset.description}")
            print(table(rows + [("  source:", preset.source)]))
            print()
    print("Train with one: wordvec train ALGORITHM --preset NAME ... (cbow, sg, glove); a flag "
          "given as well wins over the preset's value.")
    return 0


# ----------------------------------------------------------------- training

def train_command(args):
    """``wordvec train ALGORITHM OPTIONS ...``: train, save, summarise; the exit status."""
    package, class_name, _ = TRAINERS[args.algorithm]
    # Imported here, not at the top: the core never depends on an algorithm
    # package, and `wordvec --help` does not wait for Numba to load.
    estimator = getattr(importlib.import_module(package), class_name)
    parser = train_parser(args.algorithm, estimator)
    opts = parser.parse_args(args.options)
    from_matrix = _takes_matrix(estimator) and opts.matrix is not None
    if _takes_matrix(estimator):
        check_input_flags(parser, opts)
    # Everything that can be wrong is checked before training, not after an hour of it.
    try:
        out_format = detect_format(opts.out)
    except VectorFileError:
        raise WordvecError(f"--out {opts.out}: unknown extension; use .bin (word2vec binary), "
                           ".txt or .vec (word2vec text), or .npz (native)") from None
    params, preset = _chosen_hyperparameters(opts, estimator)
    if from_matrix:
        matrix, vocab = load_counted(opts)
        take_matrix_settings(params, opts, matrix)
        source = (f"the co-occurrences in {opts.matrix} ({describe_counting(matrix)}, "
                  f"vocabulary {opts.vocab}")
    else:
        corpus, corpus_path, normalizer = open_corpus(opts)
        source = f"{corpus_path} (normalizer {normalizer}"
    benchmarks = eval_dir(opts.data_dir) if opts.eval else None
    model = estimator(**params, verbose=not opts.quiet)

    print(f"training {class_name} on {source}" + (f", preset {preset.name})" if preset else ")"))
    started = time.perf_counter()
    if from_matrix:
        model.fit_cooccurrence(matrix, vocab)
    else:
        model.fit(corpus, cache_dir=corpus_cache(opts))
    kv = model.wv
    kv.save(opts.out)
    elapsed = time.perf_counter() - started

    losses = model.loss_history_
    loss = (f"{losses[-1]:.4f} (epoch {model.epochs_trained_} of {model.epochs})" if losses
            else "none: stopped during the first epoch")
    rows = [("preset", f"{preset.name}, from {preset.source}")] if preset else []
    rows.append(("vocabulary", f"{len(kv):,} words x {kv.vector_size} dimensions"))
    if _takes_matrix(estimator):
        rows += cooccurrence_rows(model, opts.matrix)
    else:
        rows.append(("words trained",
                     f"{model.words_trained_:,} ({model.words_per_second_:,.0f} words/s)"))
    print(table(rows + [
        ("time", f"{elapsed:.1f} s, of which {model.train_seconds_:.1f} s training"),
        ("final loss", loss),
        ("saved to", f"{opts.out} ({out_format})"),
    ]))
    if model.interrupted_:
        print("interrupted (Ctrl-C): the vectors trained so far were saved")
    if benchmarks is not None:
        print()
        print(format_table(evaluate_suite(kv, benchmarks)))
    return 130 if model.interrupted_ else 0
