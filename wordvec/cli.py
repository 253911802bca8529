"""The ``wordvec`` command: train, evaluate and query word vectors from a shell.

Example session
---------------
::

    $ wordvec demo                          # no download: a synthetic corpus, ~5 s
    $ wordvec train sg --corpus wiki17m --data-dir ../shared/data --out vectors.bin
    $ wordvec presets                       # named hyperparameter sets, with their sources
    $ wordvec train cbow --corpus wiki17m --data-dir ../shared/data --out cbow.bin \
          --preset word2vec-c --epochs 3    # a flag given wins over the preset
    $ wordvec eval vectors.bin --data-dir ../shared/data
    $ wordvec neighbors vectors.bin paris king
    $ wordvec analogy vectors.bin paris france berlin      # paris : france :: berlin : ?
    $ wordvec fetch --list

Every command has ``--help``. A bad argument or input prints one line,
``wordvec: error: ...``, and exits with status 2; Ctrl-C exits with 130.

This is the only core module that imports an algorithm package (``w2v``),
and only inside the commands that train or list presets: the core never
depends on the algorithms, the command line merely dispatches to them.
"""
import argparse
import importlib
import inspect
import re
import sys
import time
from pathlib import Path

from corpora import registry, synthetic
from corpora.fetch import default_cache_dir, fetch

from . import __version__
from .corpus import MAX_SENTENCE_LENGTH, Corpus
from .datadir import ENV_VAR, data_dir, eval_dir
from .errors import UnknownWordError, VectorFileError, WordvecError
from .evaluate import ANALOGY_METHODS, benchmark_files, evaluate_suite, format_table
from .keyedvectors import KeyedVectors
from .normalize import NORMALIZERS
from .vectors_io import detect_format

# Command-line name -> (package, estimator class, one-line help). An estimator
# takes its hyperparameters as keyword arguments and has fit(corpus,
# cache_dir), .wv and SkipGram's training facts, so `train glove` will be one
# more line here. A package with a `presets` module (PRESETS, get_preset,
# preset_params, like w2v/presets.py) gets --preset too.
TRAINERS = {
    "sg": ("w2v", "SkipGram", "Word2Vec skip-gram: predict the neighbours from each word"),
    "cbow": ("w2v", "CBOW", "Word2Vec CBOW: predict each word from its neighbours"),
}
# Constructor parameters that are not flags: --quiet stands for verbose, and
# callbacks are Python objects.
_NOT_FLAGS = ("verbose", "callbacks")

# The demo's smallest corpus: below it some planted words come close to
# min_count=5. The demo itself is w2v/demo.py, but this stays here: the parser
# checks --sentences, and importing w2v would load Numba for `wordvec --help`.
DEMO_MIN_SENTENCES = 5_000

# A numpydoc parameter entry: "name[, name] : type", then its indented description.
_PARAM_ENTRY = re.compile(r"^(\w[\w, ]*?) : [^\n]*\n((?:    [^\n]*(?:\n|$))*)", re.MULTILINE)
# How a docstring hands its other parameters over to another class's: CBOW's
# "dim, window, ...  As for ``SkipGram``."
_SEE_CLASS = re.compile(r"As for ``(\w+)``")


# ------------------------------------------------------------------ helpers

def _at_least(minimum):
    """An argparse ``type``: a whole number >= ``minimum``, or a one-line error."""
    def whole_number(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum:,}, got {value:,}")
        return value
    return whole_number


_positive_int = _at_least(1)


def _table(rows, right=()):
    """Rows of cells as aligned text; columns in ``right`` are right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(width) if i in right else cell.ljust(width)
                               for i, (cell, width) in enumerate(zip(row, widths))).rstrip()
                     for row in rows)


def _ranked(results):
    """(word, score) pairs as a numbered table, best first."""
    return _table([(f"  {rank}", word, f"{score:.4f}")
                   for rank, (word, score) in enumerate(results, 1)], right={0, 2})


# -------------------------------------------------------------------- train

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
    a tuple named like the parameter in capitals (``w2v.base.VECTORS`` for
    ``vectors``). None if there is no such tuple: then any string goes.
    """
    for cls in inspect.getmro(estimator):
        declared = getattr(sys.modules.get(cls.__module__), name.upper(), None)
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


def train_parser(algorithm, estimator):
    """The parser of ``wordvec train ALGORITHM``, with one flag per hyperparameter."""
    parser = argparse.ArgumentParser(
        prog=f"wordvec train {algorithm}", description=f"Train {TRAINERS[algorithm][2]}.",
        epilog=f"Example: wordvec train {algorithm} --corpus wiki17m --data-dir ../shared/data "
               "--out vectors.bin --workers 4 --eval")
    data = parser.add_argument_group("corpus and output")
    data.add_argument("--corpus", required=True, metavar="PATH|NAME",
                      help="a text file or folder, or a registry corpus name (wiki17m, text8, "
                           "brown, ...) looked up in the data directory")
    data.add_argument("--out", required=True, metavar="FILE",
                      help="where to save the vectors; the extension sets the format: .bin "
                           "(word2vec binary), .txt or .vec (word2vec text), .npz (native)")
    data.add_argument("--normalizer", choices=sorted(NORMALIZERS),
                      help="how a line becomes tokens (default: none; for a registry name, the "
                           "registry's choice)")
    data.add_argument("--max-sentence-length", type=_positive_int, default=MAX_SENTENCE_LENGTH,
                      metavar="N", help="cut longer lines into pieces (default: %(default)s)")
    data.add_argument("--data-dir", metavar="DIR",
                      help=f"data directory holding corpora/ and eval/ (default: ${ENV_VAR})")
    cache = data.add_mutually_exclusive_group()
    cache.add_argument("--cache-dir", metavar="DIR",
                       help="where the encoded corpus is cached (default: "
                            "$WORDVEC_CACHE/encoded or ~/.cache/wordvec/encoded)")
    cache.add_argument("--no-cache", action="store_true", help="do not cache the encoded corpus")
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


def _resolve_corpus(value, data_dir_arg):
    """--corpus as (path, the registry's normalizer or None); a path wins over a name."""
    if Path(value).exists():
        return Path(value), None
    if value not in registry.DATASETS:
        raise WordvecError(f"--corpus {value!r}: no such file or folder, and not a registry "
                           f"corpus name ({', '.join(registry.names('corpus'))})")
    dataset = registry.get(value)
    if dataset.kind != "corpus":
        raise WordvecError(f"--corpus {value!r} is a {dataset.kind} benchmark set, not a corpus")
    try:
        base = data_dir(data_dir_arg)
    except WordvecError as exc:
        raise WordvecError(f"--corpus {value!r} is looked up in the data directory, but {exc}") \
            from None
    path = registry.local_path(dataset, base)
    if not path.exists():
        hint = (f"run `wordvec fetch {value}` and pass --data-dir {default_cache_dir()}"
                if dataset.downloadable else f"it cannot be downloaded; put {dataset.filename} "
                "there (see `wordvec fetch --list`)")
        raise WordvecError(f"corpus {value!r} is not in the data directory: {path} does not "
                           f"exist; {hint}")
    return path, dataset.normalizer


def _train(args):
    package, class_name, _ = TRAINERS[args.algorithm]
    # Imported here, not at the top: the core never depends on an algorithm
    # package, and `wordvec --help` does not wait for Numba to load.
    estimator = getattr(importlib.import_module(package), class_name)
    opts = train_parser(args.algorithm, estimator).parse_args(args.options)
    # Everything that can be wrong is checked before training, not after an hour of it.
    try:
        out_format = detect_format(opts.out)
    except VectorFileError:
        raise WordvecError(f"--out {opts.out}: unknown extension; use .bin (word2vec binary), "
                           ".txt or .vec (word2vec text), or .npz (native)") from None
    corpus_path, registry_normalizer = _resolve_corpus(opts.corpus, opts.data_dir)
    benchmarks = eval_dir(opts.data_dir) if opts.eval else None
    normalizer = opts.normalizer or registry_normalizer or "none"
    params, preset = _chosen_hyperparameters(opts, estimator)
    model = estimator(**params, verbose=not opts.quiet)

    print(f"training {class_name} on {corpus_path} (normalizer {normalizer}"
          + (f", preset {preset.name})" if preset else ")"))
    started = time.perf_counter()
    corpus = Corpus(corpus_path, normalizer=normalizer,
                    max_sentence_length=opts.max_sentence_length)
    model.fit(corpus, cache_dir=False if opts.no_cache else opts.cache_dir)
    kv = model.wv
    kv.save(opts.out)
    elapsed = time.perf_counter() - started

    losses = model.loss_history_
    loss = (f"{losses[-1]:.4f} (epoch {model.epochs_trained_} of {model.epochs})" if losses
            else "none: stopped during the first epoch")
    rows = [("preset", f"{preset.name}, from {preset.source}")] if preset else []
    print(_table(rows + [
        ("vocabulary", f"{len(kv):,} words x {kv.vector_size} dimensions"),
        ("words trained", f"{model.words_trained_:,} ({model.words_per_second_:,.0f} words/s)"),
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


def _presets(args):
    # Lazily, as in _train: only the algorithm packages know their presets.
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
            print(_table(rows + [("  source:", preset.source)]))
            print()
    print("Train with one: wordvec train cbow --preset NAME ... (or train sg); a flag given "
          "as well wins over the preset's value.")
    return 0


# --------------------------------------------------------------- evaluation

def _eval(args):
    # --benchmark alone runs just those files; the data directory's whole
    # folder runs (before them) when --data-dir is given, or by default from
    # $WORDVEC_DATA.
    folder = None
    if args.data_dir is not None or not args.benchmark:
        folder = eval_dir(args.data_dir, required=False)
        if folder is None:
            raise WordvecError(
                f"nothing to evaluate on: pass --benchmark FILE, or --data-dir DIR (a folder "
                f"holding eval/), or set the data directory once for every command: "
                f"export {ENV_VAR}=DIR")
    kv = KeyedVectors.load(args.vectors)
    benchmarks = (benchmark_files(folder) if folder is not None else []) + args.benchmark
    rows = evaluate_suite(kv, benchmarks, restrict_vocab=args.restrict_vocab, method=args.method)
    print(f"{args.vectors}: {len(kv):,} words x {kv.vector_size} dimensions")
    print(format_table(rows))
    return 0


# ------------------------------------------------------------------ queries

def _neighbors(args):
    kv = KeyedVectors.load(args.vectors)
    status = 0
    for number, word in enumerate(args.words):
        try:
            similar = kv.most_similar(word, topn=args.topn)
        except UnknownWordError as exc:
            # Report it and go on: the other words' answers are still wanted.
            print(f"wordvec: {exc}", file=sys.stderr)
            status = 1
            continue
        print(("\n" if number else "") + f"nearest to {word}:")
        print(_ranked(similar))
    return status


def _analogy(args):
    kv = KeyedVectors.load(args.vectors)
    query = kv.most_similar if args.method == "3cosadd" else kv.most_similar_cosmul
    answers = query(positive=[args.b, args.c], negative=[args.a], topn=args.topn)
    print(f"{args.a} : {args.b} :: {args.c} : ?   ({args.method})")
    print(_ranked(answers))
    return 0


# ---------------------------------------------------------------- datasets

def _fetch(args):
    if args.list:
        rows = [("name", "kind", "bytes", "download", "licence")]
        rows += [(ds.name, ds.kind, f"{ds.size:,}" if ds.size is not None else "?",
                  "yes" if ds.downloadable else "no", ds.licence)
                 for ds in registry.DATASETS.values()]
        print(_table(rows, right={2}))
        print("\n`wordvec fetch NAME` downloads a 'yes' set; the others must be in the data "
              f"directory (--data-dir or ${ENV_VAR}).")
        return 0
    cache = Path(args.cache_dir).expanduser() if args.cache_dir else default_cache_dir()
    path = fetch(args.name, cache_dir=cache, force=args.force, progress=True)
    print(f"{args.name}: {path}")
    if registry.get(args.name).kind == "corpus":
        print(f"train on it: wordvec train sg --corpus {args.name} --data-dir {cache} "
              "--out vectors.bin")
    else:
        print(f"evaluate on it: wordvec eval VECTORS --data-dir {cache}")
    return 0


# --------------------------------------------------------------------- demo

def _demo(args):
    from w2v.demo import run_demo  # lazily, as in _train

    figures = run_demo(n_sentences=args.sentences, workers=args.workers, seed=args.seed)
    return 130 if figures["interrupted"] else 0


# ---------------------------------------------------------------- the parser

def build_parser():
    """The ``wordvec`` parser; each subcommand stores its function as ``run``."""
    parser = argparse.ArgumentParser(
        prog="wordvec", description="Train, evaluate and query word embeddings.",
        epilog="Run `wordvec COMMAND --help` for a command's options; start with `wordvec demo`.")
    parser.add_argument("--version", action="version", version=f"wordvec {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", required=True,
                                     metavar="COMMAND")

    train = commands.add_parser("train", help="train word vectors on a corpus",
                                description="Train word vectors with one of the algorithms.")
    # The algorithm's own parser needs its class, which is imported only when
    # training: everything after the algorithm's name (--help too) goes to _train.
    train.add_argument("algorithm", choices=TRAINERS, metavar="ALGORITHM",
                       help="; ".join(f"{name}: {summary}"
                                      for name, (_, _, summary) in TRAINERS.items()))
    train.add_argument("options", nargs=argparse.REMAINDER, metavar="OPTIONS ...",
                       help="the algorithm's options, listed by `wordvec train ALGORITHM --help`")
    train.set_defaults(run=_train)

    presets = commands.add_parser(
        "presets", help="list the named hyperparameter sets for --preset",
        description="List the named hyperparameter sets that `wordvec train ALGORITHM "
                    "--preset NAME` takes: their flags and where each comes from.")
    presets.set_defaults(run=_presets)

    evaluate = commands.add_parser(
        "eval", help="score vectors on analogy and similarity benchmarks",
        description="Score vectors on every benchmark of the data directory's eval/ folder, "
                    "and/or on the files given with --benchmark.")
    evaluate.add_argument("vectors", metavar="VECTORS", help="a .bin, .txt, .vec or .npz file")
    evaluate.add_argument("--data-dir", metavar="DIR",
                          help=f"data directory whose eval/ folder is run (default: ${ENV_VAR})")
    evaluate.add_argument("--benchmark", action="append", default=[], metavar="FILE",
                          help="an analogy or word-pair file (repeatable); without --data-dir, "
                               "only these are run")
    evaluate.add_argument("--restrict-vocab", type=_positive_int, default=30000, metavar="N",
                          help="analogies: only the N most frequent words count "
                               "(default: %(default)s)")
    evaluate.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                          help="analogy scoring (default: %(default)s)")
    evaluate.set_defaults(run=_eval)

    neighbors = commands.add_parser("neighbors", help="nearest neighbours of words",
                                    description="Print the words closest (cosine) to each WORD.")
    neighbors.add_argument("vectors", metavar="VECTORS", help="a .bin, .txt, .vec or .npz file")
    neighbors.add_argument("words", nargs="+", metavar="WORD")
    neighbors.add_argument("--topn", type=_positive_int, default=10,
                           help="neighbours per word (default: %(default)s)")
    neighbors.set_defaults(run=_neighbors)

    analogy = commands.add_parser("analogy", help="solve a : b :: c : ?",
                                  description="A is to B as C is to ?: the words nearest to "
                                              "B - A + C.")
    analogy.add_argument("vectors", metavar="VECTORS", help="a .bin, .txt, .vec or .npz file")
    for word in ("a", "b", "c"):
        analogy.add_argument(word, metavar=word.upper())
    analogy.add_argument("--topn", type=_positive_int, default=5,
                         help="answers to show (default: %(default)s)")
    analogy.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                         help="3cosadd (vector offset) or 3cosmul (Levy & Goldberg 2014) "
                              "(default: %(default)s)")
    analogy.set_defaults(run=_analogy)

    fetch_cmd = commands.add_parser("fetch", help="download a corpus or benchmark set",
                                    description="Download a registered dataset, verified by "
                                                "its checksum, or list the registry.")
    what = fetch_cmd.add_mutually_exclusive_group(required=True)
    what.add_argument("name", nargs="?", metavar="NAME", help="a registry name, e.g. text8")
    what.add_argument("--list", action="store_true", help="list the registered datasets")
    fetch_cmd.add_argument("--cache-dir", metavar="DIR",
                           help="download folder (default: $WORDVEC_CACHE or ~/.cache/wordvec)")
    fetch_cmd.add_argument("--force", action="store_true", help="download again even if cached")
    fetch_cmd.set_defaults(run=_fetch)

    demo = commands.add_parser("demo", help="train on a synthetic corpus and show what it learnt",
                               description="Generate a corpus with planted analogies, train "
                                           "skip-gram on it, and query the vectors. No download.")
    demo.add_argument("--sentences", type=_at_least(DEMO_MIN_SENTENCES),
                      default=synthetic.DEFAULT_SENTENCES, metavar="N",
                      help=f"corpus size, at least {DEMO_MIN_SENTENCES:,} (default: %(default)s)")
    demo.add_argument("--workers", type=_positive_int, default=2,
                      help="training threads (default: %(default)s)")
    demo.add_argument("--seed", type=int, default=0,
                      help="seeds the corpus and the training (default: %(default)s)")
    demo.set_defaults(run=_demo)
    return parser


def main(argv=None):
    """Run the command line ``argv`` (default: sys.argv[1:]); return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("wordvec: interrupted", file=sys.stderr)
        return 130
    except (WordvecError, FileNotFoundError, ValueError) as exc:
        print(f"wordvec: error: {exc}", file=sys.stderr)
        return 2
