"""``wordvec eval``, ``neighbors`` and ``analogy``: what trained vectors are asked.

A subword (fastText) model answers words outside its vocabulary from their
character n-grams: ``neighbors`` and ``analogy`` take them, and say once per
word that its vector was built that way; ``eval --oov ngrams`` scores the
benchmark items the default skips. Word-level vectors keep the unknown-word
message.

>>> import numpy as np
>>> from wordvec.vectors import KeyedVectors
>>> kv = KeyedVectors(np.array([[1, 0], [0.9, 0.1], [0, 1]], np.float32), ["cat", "dog", "sky"])
>>> print(ranked(kv.most_similar("cat", topn=2)))
  1  dog  0.9939
  2  sky  0.0000
"""
import sys
from pathlib import Path

from wordvec.errors import UnknownWordError, WordvecError
from wordvec.evaluation.suite import (ANALOGY_METHODS, OOV_MODES, benchmark_files,
                                      combine_suites, evaluate_suite, format_models_table,
                                      format_table)
from wordvec.evaluation.unseen import DEFAULT_OOV, is_subword
from wordvec.util import text_table
from wordvec.util.datadir import ENV_VAR, eval_dir
from wordvec.vectors import KeyedVectors, detect_format
from wordvec.vectors.subword_vectors import NoNgramsError

from .common import positive_int

VECTORS_HELP = "a .bin, .txt, .vec or .npz file"


def ranked(results):
    """(word, score) pairs as a numbered table, best first."""
    return text_table([(f"  {rank}", word, f"{score:.4f}")
                       for rank, (word, score) in enumerate(results, 1)], right={0, 2})


def model_names(paths):
    """Column headings for vector files: their stems, or the paths as given if stems repeat.

    >>> model_names(["runs/sg.bin", "runs/cbow.npz"])
    ['sg', 'cbow']
    >>> model_names(["a/vectors.bin", "b/vectors.bin", "b/vectors.bin"])
    ['a/vectors.bin', 'b/vectors.bin', 'b/vectors.bin (2)']
    """
    stems = [Path(path).name.split(".")[0] or str(path) for path in paths]
    names = stems if len(set(stems)) == len(stems) else [str(path) for path in paths]
    seen = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def eval_command(args):
    """``wordvec eval VECTORS ...``: every benchmark of the data directory and/or --benchmark."""
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
    for path in args.vectors:  # all of them before the first (slow) evaluation
        detect_format(path)
        if not Path(path).is_file():
            raise WordvecError(f"{path}: no such vector file")
    benchmarks = (benchmark_files(folder) if folder is not None else []) + args.benchmark
    names = model_names(args.vectors)
    suites = {}
    # One model in memory at a time: each is loaded, scored and dropped.
    for name, path in zip(names, args.vectors):
        kv = KeyedVectors.load(path)
        label = "" if len(names) == 1 or name == path else f"{name} = "
        print(f"{label}{path}: {len(kv):,} words x {kv.vector_size} dimensions"
              f"{model_kind(kv, args.oov)}")
        suites[name] = evaluate_suite(kv, benchmarks, restrict_vocab=args.restrict_vocab,
                                      method=args.method, n_resamples=args.resamples,
                                      seed=args.seed, oov=args.oov)
        del kv
    if len(names) == 1:
        print(format_table(suites[names[0]]))
    else:
        print()
        print(format_models_table(combine_suites(suites)))
    return 0


def model_kind(kv, oov):
    """What the line naming a model adds: a subword model's n-grams, and what ``--oov`` does."""
    if is_subword(kv):
        rows = f"n-grams of {kv.minn}-{kv.maxn} characters in {kv.bucket:,} rows"
        done = ("unseen words answered from them" if oov == "ngrams" else
                "unseen words skipped: --oov ngrams answers them")
        return f"; a subword model ({rows}; {done})"
    return "; word-level: unseen words skipped, there are no n-grams" if oov == "ngrams" else ""


# An unknown word is an answer, not a usage error: its own status, the same
# for every query command, so that scripts can tell it from a bad argument (2).
UNKNOWN_WORD_STATUS = 1


def no_ngrams_error(kv, word):
    """The error for a word that neither the vocabulary nor a subword model's n-grams cover."""
    return NoNgramsError(word, kv.suggest(word), kv.minn, kv.maxn)


def known_form(kv, word, said=None):
    """``word`` as the vectors will take it: as typed, else lowercased (and said so), else,
    for a subword model, built from its n-grams (and said so).

    A vocabulary trained on lowercased text has ``france``, not ``France``;
    a user typing the latter means the former. ``said`` holds the words
    already reported, so that each note is printed once.
    """
    said = set() if said is None else said
    if word in kv:
        return word
    if word.lower() in kv:
        if word not in said:
            print(f"wordvec: {word!r} is not in the vocabulary; using {word.lower()!r}",
                  file=sys.stderr)
        said.add(word)
        return word.lower()
    if not is_subword(kv):
        kv.get_index(word)      # raises UnknownWordError, with suggestions
    count = len(kv.ngram_rows(word))
    if count == 0:
        raise no_ngrams_error(kv, word)
    if word not in said:
        print(f"wordvec: {word!r} is not in the vocabulary: its vector is the mean of its "
              f"{count} n-grams", file=sys.stderr)
    said.add(word)
    return word


def neighbors_command(args):
    """``wordvec neighbors VECTORS WORD ...``: the nearest words of each WORD."""
    kv = KeyedVectors.load(args.vectors)
    status = 0
    said = set()
    for number, word in enumerate(args.words):
        try:
            similar = kv.most_similar(known_form(kv, word, said), topn=args.topn)
        except UnknownWordError as exc:
            # Report it and go on: the other words' answers are still wanted.
            print(f"wordvec: {exc}", file=sys.stderr)
            status = UNKNOWN_WORD_STATUS
            continue
        print(("\n" if number else "") + f"nearest to {word}:")
        print(ranked(similar))
    return status


def analogy_command(args):
    """``wordvec analogy VECTORS A B C``: A is to B as C is to ?"""
    kv = KeyedVectors.load(args.vectors)
    said = set()
    try:
        a, b, c = (known_form(kv, word, said) for word in (args.a, args.b, args.c))
    except UnknownWordError as exc:
        print(f"wordvec: {exc}", file=sys.stderr)
        return UNKNOWN_WORD_STATUS
    query = kv.most_similar if args.method == "3cosadd" else kv.most_similar_cosmul
    answers = query(positive=[b, c], negative=[a], topn=args.topn)
    print(f"{a} : {b} :: {c} : ?   ({args.method})")
    print(ranked(answers))
    return 0


def add_query_parsers(commands):
    """Add ``eval``, ``neighbors`` and ``analogy`` to ``commands``."""
    evaluate = commands.add_parser(
        "eval", help="score vectors on similarity, analogy, categorization and outlier "
                     "benchmarks",
        description="Score vectors on every benchmark of the data directory's eval/ folder "
                    "(its categorization/ and outliers/ folders and any BATS folder included), "
                    "and/or on the files given with --benchmark. The task comes from the file: "
                    "word pairs give Spearman's rho, analogies an accuracy (Google's file by "
                    "its semantic and syntactic halves, BATS by its four parts), "
                    "categorization sets the purity of three clusterings (k-means first, the "
                    "default), outlier sets the accuracy and OPP. Several vector files give "
                    "one table with a column per model. Each figure comes with its 95% "
                    "confidence interval (Wilson's for an accuracy, a bootstrap percentile "
                    "interval for Spearman and purity; Pearson and OPP have none), and each "
                    "set with its coverage: the items answered of all.")
    evaluate.add_argument("vectors", metavar="VECTORS", nargs="+",
                          help=VECTORS_HELP + "; several compare models side by side")
    evaluate.add_argument("--data-dir", metavar="DIR",
                          help=f"data directory whose eval/ folder is run (default: ${ENV_VAR})")
    evaluate.add_argument("--benchmark", action="append", default=[], metavar="FILE",
                          help="a benchmark file or BATS folder (repeatable); without "
                               "--data-dir, only these are run")
    evaluate.add_argument("--restrict-vocab", type=positive_int, default=30000, metavar="N",
                          help="analogies: only the N most frequent words count "
                               "(default: %(default)s)")
    evaluate.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                          help="analogy scoring (default: %(default)s)")
    evaluate.add_argument("--resamples", type=positive_int, default=1000, metavar="N",
                          help="bootstrap resamples for each Spearman interval; fewer only save "
                               "time, use at least 1000 for figures you report "
                               "(default: %(default)s)")
    evaluate.add_argument("--seed", type=int, default=0,
                          help="seeds the bootstrap: the same seed gives the same intervals "
                               "(default: %(default)s)")
    evaluate.add_argument("--oov", choices=OOV_MODES, default=DEFAULT_OOV,
                          help="what becomes of a pair, question or word the vocabulary lacks. "
                               "skip leaves it out, which keeps the scores comparable with "
                               "word-level models; ngrams lets a subword (fastText) model "
                               "answer it from its character n-grams, as Facebook's "
                               "evaluation of rare words does, and the table counts the items "
                               "answered that way (word-level models skip them even so) "
                               "(default: %(default)s)")
    evaluate.set_defaults(run=eval_command)

    neighbors = commands.add_parser("neighbors", help="nearest neighbours of words",
                                    description="Print the words closest (cosine) to each "
                                                "WORD. A subword (fastText) model also takes "
                                                "a word outside its vocabulary, its vector the "
                                                "mean of its n-grams, and says so.")
    neighbors.add_argument("vectors", metavar="VECTORS", help=VECTORS_HELP)
    neighbors.add_argument("words", nargs="+", metavar="WORD")
    neighbors.add_argument("--topn", type=positive_int, default=10,
                           help="neighbours per word (default: %(default)s)")
    neighbors.set_defaults(run=neighbors_command)

    analogy = commands.add_parser("analogy", help="solve a : b :: c : ?",
                                  description="A is to B as C is to ?: the words nearest to "
                                              "B - A + C. A subword (fastText) model also "
                                              "takes words outside its vocabulary, built "
                                              "from their n-grams, and says so; the answers "
                                              "are vocabulary words.")
    analogy.add_argument("vectors", metavar="VECTORS", help=VECTORS_HELP)
    for word in ("a", "b", "c"):
        analogy.add_argument(word, metavar=word.upper())
    analogy.add_argument("--topn", type=positive_int, default=5,
                         help="answers to show (default: %(default)s)")
    analogy.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                         help="3cosadd (vector offset) or 3cosmul (Levy & Goldberg 2014) "
                              "(default: %(default)s)")
    analogy.set_defaults(run=analogy_command)
