"""``wordvec train ALGORITHM`` and ``wordvec presets``: flags read off the estimator.

Each algorithm's parser is built from what its package declares
(``cli/algorithms.py``): one flag per constructor parameter, typed by its
default, with the help its estimator declares (``Estimator.params``). A
default or a help text changed in the estimator is the command line's at
once. A hyperparameter's value comes in three layers, the later winning:
the estimator's default, the ``--preset``'s value, the flag given::

    $ wordvec train cbow --help           # CBOW(dim=100, ...) -> --dim DIM ... (default: 100)
    $ wordvec train cbow --corpus text8 --out v.bin \\
          --preset text8-demo --epochs 3  # dim 200 from the preset; epochs 3 from the flag
    $ wordvec presets                     # the presets, as the flags they stand for

Training is the estimator's business; this module checks everything it can
before starting (the output extension, the corpus, the benchmark folder), so
that a typo does not surface after an hour, and prints a summary after. An
estimator that can train on a co-occurrence matrix (``fit_cooccurrence``:
GloVe) also takes ``--matrix FILE --vocab FILE`` instead of ``--corpus``
(``cooccur.py``).
"""
import argparse
import time
from pathlib import Path

from wordvec.errors import VectorFileError, WordvecError
from wordvec.evaluation import evaluate_suite, format_table
from wordvec.train import RUN_PARAMS, Checkpoint
from wordvec.util import eval_dir, text_table
from wordvec.vectors import detect_format
from wordvec.vectors.formats import format_to_write

from .algorithms import ALGORITHMS
from .common import add_corpus_arguments, corpus_cache, flag_kind, open_corpus
from .cooccur import (add_matrix_arguments, check_input_flags, cooccurrence_rows, describe_counting,
                      load_counted, take_matrix_settings)
from .signals import interrupted_status, stopped_by_sigterm

# ---------------------------------------------------------------- the flags

def hyperparameters(estimator):
    """(name, default, Param) of each constructor parameter that becomes a flag."""
    helps = estimator.param_help()
    return [(name, default, helps[name]) for name, default in estimator.defaults().items()
            if name not in RUN_PARAMS]


def _takes_matrix(estimator):
    """True if ``estimator`` can also train on a counted co-occurrence matrix (GloVe)."""
    return hasattr(estimator, "fit_cooccurrence")


def add_train_parser(commands):
    """Add ``train`` (one subcommand per algorithm) and ``presets`` to ``commands``."""
    train = commands.add_parser("train", help="train word vectors on a corpus",
                                description="Train word vectors with one of the algorithms.")
    algorithms = train.add_subparsers(title="algorithms", dest="algorithm", required=True,
                                      metavar="ALGORITHM")
    for algorithm in ALGORITHMS.values():
        parser = algorithms.add_parser(
            algorithm.command, help=algorithm.summary,
            description=f"Train {algorithm.summary}.", epilog=_epilog(algorithm))
        add_train_flags(parser, algorithm)
        parser.set_defaults(run=train_command, parser=parser)

    presets = commands.add_parser(
        "presets", help="list the named hyperparameter sets for --preset",
        description="List the named hyperparameter sets that `wordvec train ALGORITHM "
                    "--preset NAME` takes: their flags and where each comes from.")
    presets.set_defaults(run=presets_command)


def _epilog(algorithm):
    epilog = (f"Example: wordvec train {algorithm.command} --corpus wiki17m --out vectors.bin "
              "--workers 2 --eval")
    if _takes_matrix(algorithm.estimator):
        epilog += (f". To count once and train many times: wordvec cooccur --corpus ... --out "
                   f"m.npz, then wordvec train {algorithm.command} --matrix m.npz --vocab "
                   "m.vocab.txt --out vectors.bin")
    return epilog


def add_train_flags(parser, algorithm):
    """The flags of ``wordvec train ALGORITHM``: input, output, one per hyperparameter."""
    estimator = algorithm.estimator
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
    if "epochs" in estimator.defaults():
        add_checkpoint_flags(parser.add_argument_group(
            "stopping and resuming", "Ctrl-C or SIGTERM (kill, a scheduler, a closed terminal) "
            "saves the vectors trained so far. A checkpoint also keeps what is needed to go "
            "on: --resume continues the run, bit for bit with one worker."))
    hyper = parser.add_argument_group(
        "hyperparameters", "Each defaults to the estimator's own value, or to the preset's "
                           "with --preset; a flag given always wins.")
    if algorithm.presets:
        hyper.add_argument("--preset", choices=list(algorithm.presets),
                           help="start from a named set of hyperparameters: `wordvec presets` "
                                "lists them with their sources (default: none)")
    for name, default, param in hyperparameters(estimator):
        # default=None: a flag not given stays None, so that a preset can
        # fill it in (chosen_hyperparameters). The help shows the
        # estimator's default instead of argparse's %(default)s.
        text = f"{param.help} (default: {default})".replace("%", "%%")
        hyper.add_argument("--" + name.replace("_", "-"), dest=name, default=None, help=text,
                           **flag_kind(default, param))


def checkpoint_interval(text):
    """``--checkpoint-every``: "N" epochs, or "Nm" minutes, as (epochs, minutes).

    >>> checkpoint_interval("2"), checkpoint_interval("30m")
    ((2, None), (None, 30.0))
    """
    try:
        if text.endswith("m"):
            minutes = float(text[:-1])
            if minutes > 0:
                return None, minutes
        elif int(text) >= 1:
            return int(text), None
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected N (epochs) or Nm (minutes), e.g. 1 or 30m; "
                                     f"got {text!r}")


def add_checkpoint_flags(group):
    """``--checkpoint-every``, ``--checkpoint`` and ``--resume``."""
    group.add_argument("--checkpoint-every", type=checkpoint_interval, metavar="N|Nm",
                       help="save a checkpoint every N epochs, or after the epoch that ends Nm "
                            "minutes after the last one (e.g. 1 or 30m)")
    group.add_argument("--checkpoint", metavar="FILE",
                       help="where checkpoints go (default: the --out file's name plus "
                            ".checkpoint.npz); each replaces the last, atomically")
    group.add_argument("--resume", metavar="FILE",
                       help="go on from a checkpoint of this same run: the same corpus and "
                            "flags (--workers may differ)")


def checkpoint_callbacks(args):
    """The estimator callbacks that --checkpoint-every asks for."""
    if getattr(args, "checkpoint_every", None) is None:
        if getattr(args, "checkpoint", None) is not None:
            raise WordvecError("--checkpoint FILE goes with --checkpoint-every N|Nm")
        return []
    path = args.checkpoint or f"{args.out}.checkpoint.npz"
    epochs, minutes = args.checkpoint_every
    return [Checkpoint(path, every_epochs=epochs, every_minutes=minutes)]


# ------------------------------------------------------------------ presets

def chosen_hyperparameters(opts, algorithm):
    """(keyword arguments for the estimator, the Preset used or None), from parsed flags.

    Three layers, the later winning: the estimator's defaults, the preset's
    values for this algorithm, the flags given on the command line. A flag
    not given parses to None (see ``add_train_flags``), which is how it is
    told apart from one given with the default's value.
    """
    estimator = algorithm.estimator
    params = {name: default for name, default, _ in hyperparameters(estimator)}
    preset = None
    if getattr(opts, "preset", None) is not None:
        preset = algorithm.presets[opts.preset]
        params.update(preset.params_for(estimator.algorithm))
    params.update({name: getattr(opts, name) for name in list(params)
                   if getattr(opts, name, None) is not None})
    return params, preset


def as_flags(params):
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
    # A package's presets may serve several algorithms (w2v's: sg and cbow).
    groups = {}
    for algorithm in ALGORITHMS.values():
        groups.setdefault(id(algorithm.presets), (algorithm.presets, []))[1].append(algorithm)
    command = {a.estimator.algorithm: f"train {a.command}" for a in ALGORITHMS.values()}
    for presets, algorithms in groups.values():
        for preset in presets.values():
            rows = [(f"  train {a.command}:", as_flags(preset.params_for(a.estimator.algorithm)))
                    for a in algorithms]
            if not preset.per_algorithm:  # the same flags for every algorithm
                rows = [("  flags:", rows[0][1])]
            recommended = command.get(preset.algorithm, preset.algorithm)
            print(f"{preset.name} (recommended: {recommended}): {preset.description}")
            print(text_table(rows + [("  source:", preset.source)]))
            print()
    print(f"Train with one: wordvec train ALGORITHM --preset NAME ... ({', '.join(ALGORITHMS)}); "
          "a flag given as well wins over the preset's value.")
    return 0


# ----------------------------------------------------------------- training

def train_command(args):
    """``wordvec train ALGORITHM OPTIONS ...``: train, save, summarise; the exit status."""
    algorithm = ALGORITHMS[args.algorithm]
    estimator = algorithm.estimator
    from_matrix = _takes_matrix(estimator) and args.matrix is not None
    if _takes_matrix(estimator):
        check_input_flags(args.parser, args)
    # Everything that can be wrong is checked before training, not after an hour of it.
    try:
        detect_format(args.out)
    except VectorFileError:
        raise WordvecError(f"--out {args.out}: unknown extension; use .bin (word2vec binary), "
                           ".txt or .vec (word2vec text), or .npz (native)") from None
    params, preset = chosen_hyperparameters(args, algorithm)
    if from_matrix:
        matrix, vocab = load_counted(args)
        take_matrix_settings(params, args, matrix)
        source = (f"the co-occurrences in {args.matrix} ({describe_counting(matrix)}, "
                  f"vocabulary {args.vocab}")
    else:
        corpus, corpus_path, normalizer = open_corpus(args)
        source = f"{corpus_path} (normalizer {normalizer}"
    benchmarks = eval_dir(args.data_dir) if args.eval else None
    resume = getattr(args, "resume", None)
    if resume is not None and not Path(resume).is_file():
        raise WordvecError(f"--resume {resume}: no such checkpoint file")
    model = estimator(**params, verbose=not args.quiet, callbacks=checkpoint_callbacks(args))
    model._validate()  # a bad value is refused now, before the corpus is read

    print(f"training {estimator.__name__} on {source}"
          + (f", preset {preset.name})" if preset else ")"))
    started = time.perf_counter()
    fit_options = {"resume": resume} if resume is not None else {}
    if from_matrix:
        model.fit_cooccurrence(matrix, vocab, **fit_options)
    else:
        model.fit(corpus, cache_dir=corpus_cache(args), **fit_options)
    kv = model.wv
    out_format = format_to_write(kv, args.out)  # .bin: fastText's own for a subword model
    kv.save(args.out)
    elapsed = time.perf_counter() - started

    losses = model.loss_history_
    loss = (f"{losses[-1]:.4g} (epoch {model.epochs_trained_} of {model.epochs})" if losses
            else "none: stopped during the first epoch")
    iterative = "epochs" in model.get_params()  # PPMI-SVD has no epochs, and no loss
    rows = [("preset", f"{preset.name}, from {preset.source}")] if preset else []
    rows.append(("vocabulary", f"{len(kv):,} words x {kv.vector_size} dimensions"))
    if _takes_matrix(estimator):
        rows += cooccurrence_rows(model, args.matrix)
    else:
        rows.append(("words trained",
                     f"{model.words_trained_:,} ({model.words_per_second_:,.0f} words/s)"))
    rows.append(("time", f"{elapsed:.1f} s, of which {model.train_seconds_:.1f} s training"))
    if iterative:
        rows.append(("final loss", loss))
    print(text_table(rows + [("saved to", f"{args.out} ({out_format})")]))
    if model.interrupted_:
        how = "terminated (SIGTERM)" if stopped_by_sigterm() else "interrupted (Ctrl-C)"
        print(f"{how}: the vectors trained so far were saved")
        return interrupted_status()
    if benchmarks is not None:
        print()
        print(format_table(evaluate_suite(kv, benchmarks)))
    return 0
