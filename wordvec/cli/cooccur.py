"""The co-occurrence matrix on the command line: ``cooccur``, ``train glove|svd --matrix``.

GloVe works in two stages: count how often each pair of words occurs
together (the matrix X, one pass over the corpus), then fit vectors to X
(many passes over X, none over the corpus). ``wordvec train glove --corpus``
does both; ``wordvec cooccur`` does the first alone and saves X with its
vocabulary, so that several trainings (other dimensions, learning rates,
epochs, seeds) reuse one count::

    $ wordvec cooccur --corpus wiki17m --out wiki17m.npz --window 10
    $ wordvec train glove --matrix wiki17m.npz --out glove.bin \\
          --dim 50 --epochs 50

With the same seed and one worker, the second command gives the same
vectors, bit for bit, as ``train glove --corpus wiki17m --window 10 ...``.

The matrix records the counting settings (window, symmetric,
distance_weighting) and a hash of its vocabulary; the vocabulary file is
plain text, one ``word count`` per line. A vocabulary file from another
count is refused before training, and so is a flag that contradicts the
matrix: training from a matrix takes its counting settings from it.

``cooccur``'s flags are ``GloVe``'s counting parameters, with their
defaults and help, so that ``cooccur`` and ``train glove --corpus`` count
alike.
"""
import time
from pathlib import Path

from glove import GloVe
from wordvec.cache import cached_cooccurrences, prepare_corpus
from wordvec.cooccur import Cooccurrence
from wordvec.errors import CooccurrenceError, WordvecError
from wordvec.text import Vocabulary
from wordvec.train import COUNTING
from wordvec.util import text_table

from .algorithms import ALGORITHMS
from .common import add_corpus_arguments, corpus_cache, flag_kind, open_corpus

# The counting settings a saved matrix records: training from it takes them.
MATRIX_SETTINGS = ("window", "symmetric", "distance_weighting")
# The others shape the vocabulary or the counting's memory: with --matrix
# they are already spent, and a flag setting one would be silently ignored.
COUNTING_ONLY = tuple(name for name in COUNTING if name not in MATRIX_SETTINGS)


# The presets of the algorithms that train on counts, by name: their counting settings.
COUNT_PRESETS = {name: (algorithm.command, preset)
                 for algorithm in ALGORITHMS.values() if algorithm.command in ("glove", "svd")
                 for name, preset in algorithm.presets.items()}


def counting_settings(args):
    """The counting keyword arguments: GloVe's defaults, then the preset's, then the flags."""
    settings = {name: GloVe.defaults()[name] for name in COUNTING}
    if args.preset is not None:
        command, preset = COUNT_PRESETS[args.preset]
        estimator = ALGORITHMS[command].estimator
        chosen = {**estimator.defaults(), **preset.params_for(estimator.algorithm)}
        settings.update({name: chosen[name] for name in COUNTING if name in chosen})
    settings.update({name: getattr(args, name) for name in COUNTING
                     if getattr(args, name) is not None})
    return settings


def default_vocab_path(matrix_path):
    """Where ``cooccur`` saves the vocabulary of MATRIX.npz: MATRIX.vocab.txt."""
    return Path(matrix_path).with_suffix(".vocab.txt")


def describe_counting(matrix):
    """A matrix's counting settings in words: "window 10, both sides, weights 1/d"."""
    sides = "both sides" if matrix.symmetric else "left side only"
    weights = "weights 1/d" if matrix.distance_weighting else "weights 1"
    return f"window {matrix.window}, {sides}, {weights}"


def describe_entries(matrix):
    """The nonzero entries, as stored and in the full V x V matrix."""
    size = f"{matrix.nnz * 12 / 1e6:,.0f} MB"   # int32 row, int32 column, float32 value
    if not matrix.symmetric:
        return f"{matrix.nnz:,} nonzero (stored as counted: not symmetric), {size}"
    return (f"{matrix.nnz:,} stored (upper triangle), {matrix.full_nnz:,} counting both "
            f"directions, {size}")


# ------------------------------------------------------------ wordvec cooccur

def add_cooccur_parser(commands):
    """Add the ``cooccur`` command to ``commands``, the main parser's subparsers."""
    parser = commands.add_parser(
        "cooccur", help="count GloVe's word-word co-occurrences once, to train on many times",
        description="Build the vocabulary of a corpus and count its weighted co-occurrences; "
                    "save both, for `wordvec train glove --matrix FILE --vocab FILE`.",
        epilog="Example: wordvec cooccur --corpus text8 --out text8.npz   (also writes "
               "text8.vocab.txt; `wordvec fetch text8` first)")
    data = parser.add_argument_group("corpus and output")
    add_corpus_arguments(data)
    data.add_argument("--out", required=True, metavar="MATRIX.npz",
                      help="where to save the co-occurrence matrix")
    data.add_argument("--vocab-out", metavar="VOCAB.txt",
                      help="where to save the vocabulary, one `word count` per line (default: "
                           "MATRIX with .vocab.txt in place of .npz)")
    counting = parser.add_argument_group(
        "counting", "The same settings, with the same defaults, as `wordvec train glove`'s; "
                    "with --preset, the preset's; a flag given always wins.")
    counting.add_argument("--preset", choices=list(COUNT_PRESETS),
                          help="count as a training preset will train, e.g. small-corpus's "
                               "window 50: " + ", ".join(
                                   f"{name} (train {algorithm})"
                                   for name, (algorithm, _) in COUNT_PRESETS.items()))
    defaults, helps = GloVe.defaults(), GloVe.param_help()
    for name in COUNTING:
        # default=None: a flag not given stays None, so that a preset can fill it in.
        text = f"{helps[name].help} (default: {defaults[name]})".replace("%", "%%")
        counting.add_argument("--" + name.replace("_", "-"), dest=name, default=None,
                              help=text, **flag_kind(defaults[name], helps[name]))
    parser.set_defaults(run=cooccur_command)
    return parser


def cooccur_command(args):
    """``wordvec cooccur``: count, save the matrix and its vocabulary, summarise."""
    # Checked before counting, which may take minutes.
    out = Path(args.out)
    if out.suffix != ".npz":
        raise WordvecError(f"--out {args.out}: a co-occurrence matrix is saved as .npz; "
                           "name the file MATRIX.npz")
    vocab_out = Path(args.vocab_out) if args.vocab_out else default_vocab_path(out)
    if vocab_out.resolve() == out.resolve():
        raise WordvecError(f"--vocab-out {vocab_out} is the matrix's own file (--out)")
    settings = counting_settings(args)
    GloVe(**settings)._validate()
    corpus, path, normalizer = open_corpus(args)

    print(f"counting co-occurrences in {path} (normalizer {normalizer}"
          + (f", preset {args.preset})" if args.preset else ")"))
    started = time.perf_counter()
    vocab, encoded = prepare_corpus(corpus, settings["min_count"], settings["max_vocab_size"],
                                    settings["max_final_vocab"], corpus_cache(args),
                                    verbose=True)
    counting_started = time.perf_counter()
    counted = {name: settings[name]
               for name in ("window", "symmetric", "distance_weighting", "memory_mb")}
    matrix, from_cache = cached_cooccurrences(corpus, vocab, encoded, counted,
                                              corpus_cache(args), verbose=True)
    counting = time.perf_counter() - counting_started
    matrix.save(out)
    vocab.save(vocab_out)
    elapsed = time.perf_counter() - started

    print(text_table([
        ("vocabulary", f"{len(vocab):,} words, of {vocab.total_words:,} tokens"),
        ("counted", describe_counting(matrix)),
        ("entries", describe_entries(matrix)),
        ("time", f"{elapsed:.1f} s, of which {counting:.1f} s "
                 + ("loading the counts from the cache" if from_cache else "counting")),
        ("saved to", f"{out} (matrix), {vocab_out} (vocabulary)"),
    ]))
    vocab_flag = "" if vocab_out == default_vocab_path(out) else f" --vocab {vocab_out}"
    print(f"train on it: wordvec train glove --matrix {out}{vocab_flag} --out vectors.bin "
          "(or train svd, on counts made with --no-distance-weighting)")
    return 0


# --------------------------------------------------- train glove --matrix FILE

def add_matrix_arguments(group):
    """Add ``--matrix`` and ``--vocab``, the other input of ``train glove``, to ``group``."""
    group.add_argument("--matrix", metavar="FILE",
                       help="train on a co-occurrence matrix saved by `wordvec cooccur` instead "
                            "of counting a --corpus")
    group.add_argument("--vocab", metavar="FILE",
                       help="with --matrix: the vocabulary file `wordvec cooccur` saved with it "
                            "(default: MATRIX with .vocab.txt in place of .npz, where "
                            "`wordvec cooccur` puts it)")


def check_input_flags(parser, opts):
    """Exactly one input, --corpus or --matrix with --vocab; else a usage error (exit 2).

    Checked here rather than by argparse groups, to say what goes with what.
    """
    if (opts.corpus is None) == (opts.matrix is None):
        parser.error("give either --corpus PATH|NAME (count, then train) or --matrix FILE "
                     "--vocab FILE (train on what `wordvec cooccur` counted)")
    if opts.matrix is None:
        if opts.vocab is not None:
            parser.error("--vocab goes with --matrix; a --corpus builds its own vocabulary")
        return
    if opts.vocab is None:
        opts.vocab = str(default_vocab_path(opts.matrix))
        if not Path(opts.vocab).exists():
            parser.error(f"--matrix {opts.matrix}: its vocabulary is not beside it "
                         f"({opts.vocab} does not exist); pass --vocab FILE, the vocabulary "
                         "`wordvec cooccur` saved with it")
    given = ["--" + name.replace("_", "-") for name in COUNTING_ONLY
             if getattr(opts, name) is not None]
    if given:
        parser.error(f"the --matrix is counted already: pass {', '.join(given)} to "
                     "`wordvec cooccur` instead")


def load_counted(opts):
    """(matrix, vocabulary) from --matrix and --vocab, checked to belong together."""
    vocab = Vocabulary.load(opts.vocab)
    # check(): the training kernels trust the ids, so a damaged file must
    # fail here, not write outside the arrays. Its messages know the arrays,
    # not the file: say which file.
    matrix = Cooccurrence.load(opts.matrix, vocab=vocab)
    try:
        return matrix.check(), vocab
    except CooccurrenceError as error:
        raise CooccurrenceError(f"{opts.matrix}: {error}") from None


def take_matrix_settings(params, opts, matrix):
    """Set the counting settings in ``params`` to the matrix's; a contrary flag is an error.

    A preset's window, say, is overridden without a word: it was meant for
    counting, which is done. The matrix's settings then go into the saved
    vectors' metadata, which so says how they were really counted.
    """
    for name in MATRIX_SETTINGS:
        counted, given = getattr(matrix, name), getattr(opts, name)
        if given is not None and given != counted:
            raise WordvecError(
                f"{opts.matrix} was counted with {name}={counted}, but the flags ask for "
                f"{name}={given}; drop the flag, or recount with `wordvec cooccur`")
        params[name] = counted


def cooccurrence_rows(model, matrix_file=None):
    """The summary rows of a training on counts: the matrix, counting, then the epochs'
    time (GloVe) or, for a method without epochs (PPMI-SVD), the factorisation's."""
    matrix = model.cooccurrence_
    if matrix_file is not None:
        counting = f"none: loaded from {matrix_file}"
    elif getattr(model, "counts_cached_", False):
        counting = f"none: loaded from the cache in {model.count_seconds_:.1f} s"
    else:
        counting = f"{model.count_seconds_:.1f} s"
    rows = [("co-occurrences", f"{describe_entries(matrix)}; {describe_counting(matrix)}"),
            ("counting", counting)]
    if "epochs" not in model.get_params():
        return rows + [("factorising", f"{model.train_seconds_:.1f} s")]
    epochs = model.seconds_per_epoch_
    per_epoch = (f"{sum(epochs) / len(epochs):.2f} s (mean of {len(epochs)})" if epochs
                 else "none: stopped during the first epoch")
    return rows + [("seconds/epoch", per_epoch)]
