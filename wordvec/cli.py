"""The ``wordvec`` command: train, evaluate and query word vectors from a shell.

Example session
---------------
::

    $ wordvec demo                          # no download: a synthetic corpus, ~5 s
    $ wordvec train sg --corpus wiki17m --data-dir ../shared/data --out vectors.bin
    $ wordvec presets                       # named hyperparameter sets, with their sources
    $ wordvec train cbow --corpus wiki17m --data-dir ../shared/data --out cbow.bin \\
          --preset word2vec-c --epochs 3    # a flag given wins over the preset
    $ wordvec train glove --corpus wiki17m --data-dir ../shared/data --out glove.bin
    $ wordvec cooccur --corpus wiki17m --data-dir ../shared/data --out wiki17m.npz
    $ wordvec train glove --matrix wiki17m.npz --vocab wiki17m.vocab.txt \\
          --out glove50.bin --dim 50       # counted once, trained as often as wanted
    $ wordvec eval vectors.bin --data-dir ../shared/data
    $ wordvec neighbors vectors.bin paris king
    $ wordvec analogy vectors.bin paris france berlin      # paris : france :: berlin : ?
    $ wordvec fetch --list

Every command has ``--help``. A bad argument or input prints one line,
``wordvec: error: ...``, and exits with status 2; Ctrl-C exits with 130.

This module holds the parser, ``main`` and the small commands; ``train``
and ``presets``, whose flags are read off the estimator classes, are in
``cli_train.py``; ``cooccur``, GloVe's counting alone, and training from its
files in ``cli_cooccur.py``; what they share (number arguments, aligned
tables, the corpus flags) in ``cli_common.py``. They are the only core modules
that import an algorithm package (``w2v``, ``glove``), and only inside the
commands that count, train, run the demo or list presets: the core never
depends on the algorithms, the command line merely dispatches to them.
"""
import argparse
import sys
from pathlib import Path

from corpora import registry, synthetic
from corpora.fetch import default_cache_dir, fetch

from . import __version__
from .cli_common import at_least, positive_int, table
from .cli_cooccur import add_cooccur_parser
from .cli_train import TRAINERS, presets_command, train_command
from .datadir import ENV_VAR, eval_dir
from .errors import UnknownWordError, WordvecError
from .evaluate import ANALOGY_METHODS, benchmark_files, evaluate_suite, format_table
from .keyedvectors import KeyedVectors

# The demo's smallest corpus: below it some planted words come close to
# min_count=5. The demo itself is w2v/demo.py, but this stays here: the parser
# checks --sentences, and importing w2v would load Numba for `wordvec --help`.
DEMO_MIN_SENTENCES = 5_000


# ------------------------------------------------------------------ helpers

def _ranked(results):
    """(word, score) pairs as a numbered table, best first."""
    return table([(f"  {rank}", word, f"{score:.4f}")
                  for rank, (word, score) in enumerate(results, 1)], right={0, 2})


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
        print(table(rows, right={2}))
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
    from w2v.demo import run_demo  # lazily, as in cli_train.train_command

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
    # training: everything after the algorithm's name (--help too) goes to train_command.
    train.add_argument("algorithm", choices=TRAINERS, metavar="ALGORITHM",
                       help="; ".join(f"{name}: {summary}"
                                      for name, (_, _, summary) in TRAINERS.items()))
    train.add_argument("options", nargs=argparse.REMAINDER, metavar="OPTIONS ...",
                       help="the algorithm's options, listed by `wordvec train ALGORITHM --help`")
    train.set_defaults(run=train_command)

    presets = commands.add_parser(
        "presets", help="list the named hyperparameter sets for --preset",
        description="List the named hyperparameter sets that `wordvec train ALGORITHM "
                    "--preset NAME` takes: their flags and where each comes from.")
    presets.set_defaults(run=presets_command)

    add_cooccur_parser(commands)  # its many flags live with the command, in cli_cooccur.py

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
    evaluate.add_argument("--restrict-vocab", type=positive_int, default=30000, metavar="N",
                          help="analogies: only the N most frequent words count "
                               "(default: %(default)s)")
    evaluate.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                          help="analogy scoring (default: %(default)s)")
    evaluate.set_defaults(run=_eval)

    neighbors = commands.add_parser("neighbors", help="nearest neighbours of words",
                                    description="Print the words closest (cosine) to each WORD.")
    neighbors.add_argument("vectors", metavar="VECTORS", help="a .bin, .txt, .vec or .npz file")
    neighbors.add_argument("words", nargs="+", metavar="WORD")
    neighbors.add_argument("--topn", type=positive_int, default=10,
                           help="neighbours per word (default: %(default)s)")
    neighbors.set_defaults(run=_neighbors)

    analogy = commands.add_parser("analogy", help="solve a : b :: c : ?",
                                  description="A is to B as C is to ?: the words nearest to "
                                              "B - A + C.")
    analogy.add_argument("vectors", metavar="VECTORS", help="a .bin, .txt, .vec or .npz file")
    for word in ("a", "b", "c"):
        analogy.add_argument(word, metavar=word.upper())
    analogy.add_argument("--topn", type=positive_int, default=5,
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
    demo.add_argument("--sentences", type=at_least(DEMO_MIN_SENTENCES),
                      default=synthetic.DEFAULT_SENTENCES, metavar="N",
                      help=f"corpus size, at least {DEMO_MIN_SENTENCES:,} (default: %(default)s)")
    demo.add_argument("--workers", type=positive_int, default=2,
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
