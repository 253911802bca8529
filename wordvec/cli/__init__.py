"""The ``wordvec`` command: train, evaluate and query word vectors from a shell.

Example session
---------------
::

    $ wordvec demo                          # no download: a synthetic corpus, ~30 s
    $ wordvec fetch text8                   # or: export WORDVEC_DATA=DIR (corpora/, eval/)
    $ wordvec train sg --corpus text8 --out vectors.bin
    $ wordvec presets                       # named hyperparameter sets, with their sources
    $ wordvec train cbow --corpus text8 --out cbow.bin --preset word2vec-c --epochs 3
    $ wordvec train glove --corpus text8 --out glove.bin
    $ wordvec cooccur --corpus text8 --out text8.npz
    $ wordvec train glove --matrix text8.npz --vocab text8.vocab.txt --out glove50.bin --dim 50
    $ wordvec eval vectors.bin
    $ wordvec neighbors vectors.bin paris king
    $ wordvec analogy vectors.bin paris france berlin      # paris : france :: berlin : ?

Every command has ``--help``. A bad argument or input prints one line,
``wordvec: error: ...``, and exits with status 2; Ctrl-C exits with 130, SIGTERM
with 143 (training keeps what it trained in both cases).

This package is the face of the project: the only place that imports the
algorithm packages (through ``algorithms.py``) and ``corpora``. One module
per command group: ``train.py`` (train, presets), ``cooccur.py``,
``query.py`` (eval, neighbors, analogy), ``compare.py``, ``export.py``,
``explore.py``, ``fetch.py``,
``cache.py``,
``demo.py``; what
they share is in ``common.py``.
"""
import argparse
import os
import sys

from wordvec import __version__
from wordvec.errors import WordvecError

from . import signals
from .cache import add_cache_parser
from .compare import add_compare_parser
from .cooccur import add_cooccur_parser
from .demo import add_demo_parser
from .explore import add_explore_parser
from .export import add_export_parser
from .fetch import add_fetch_parser
from .query import add_query_parsers
from .train import add_train_parser


def build_parser():
    """The ``wordvec`` parser; each subcommand stores its function as ``run``."""
    parser = argparse.ArgumentParser(
        prog="wordvec", description="Train, evaluate and query word embeddings.",
        epilog="Run `wordvec COMMAND --help` for a command's options; start with `wordvec demo`.")
    parser.add_argument("--version", action="version", version=f"wordvec {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    add_train_parser(commands)
    add_cooccur_parser(commands)
    add_query_parsers(commands)
    add_compare_parser(commands)
    add_export_parser(commands)
    add_explore_parser(commands)
    add_fetch_parser(commands)
    add_cache_parser(commands)
    add_demo_parser(commands)
    return parser


def main(argv=None):
    """Run the command line ``argv`` (default: sys.argv[1:]); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:            # `wordvec` alone: what can I do?
        parser.print_help()
        return 0
    signals.install()
    try:
        return args.run(args)
    except KeyboardInterrupt:
        how = "terminated (SIGTERM)" if signals.stopped_by_sigterm() else "interrupted"
        print(f"wordvec: {how}", file=sys.stderr)
        return signals.interrupted_status()
    except BrokenPipeError:             # `wordvec presets | head`: the reader is gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except (WordvecError, OSError, ValueError) as exc:  # OSError: a file we could not open
        print(f"wordvec: error: {exc}", file=sys.stderr)
        return 2
