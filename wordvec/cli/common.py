"""What the ``wordvec`` commands share: number arguments and the corpus flags.

``train`` and ``cooccur`` both read a corpus: the same ``--corpus PATH|NAME``
(a registry name is looked up in the data directory), read and cached the
same way, so that counting with one and training with the other see the
same words.

Example
-------
>>> positive_int("12")
12
>>> positive_int("0")
Traceback (most recent call last):
    ...
argparse.ArgumentTypeError: must be at least 1, got 0
"""
import argparse
from pathlib import Path

from corpora import registry
from wordvec.errors import WordvecError
from wordvec.text.corpus import MAX_SENTENCE_LENGTH, Corpus
from wordvec.text.normalize import DEFAULT, NORMALIZERS, SUMMARIES
from wordvec.util.datadir import ENV_VAR


def at_least(minimum):
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


positive_int = at_least(1)


def output_folder(flag, value, create=True):
    """``value`` as a folder for a command's output, checked (and made, if ``create``) now:
    a bad ``--out`` is found before the work, not after it. A one-line error names the flag."""
    folder = Path(value)
    if folder.exists() and not folder.is_dir():
        raise WordvecError(f"{flag} {value}: is a file; give a folder (it is created if missing)")
    if not create:
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WordvecError(f"{flag} {value}: cannot create the folder ({error.strerror})") \
            from None
    return folder


def flag_kind(default, param):
    """argparse keywords for a hyperparameter's flag, from its declared type or default.

    ``param`` is the estimator's ``Param``: a bool default makes an on/off
    flag (``--hs`` / ``--no-hs``), a string one a choice, a number its type.
    """
    if isinstance(default, bool):  # before int: a bool is an int too
        return {"action": argparse.BooleanOptionalAction}
    if isinstance(default, str):
        return {"type": str, "choices": param.choices}
    return {"type": param.type or type(default)}


# ------------------------------------------------------------------ corpora

def add_corpus_arguments(group, required=True):
    """Add ``--corpus`` and the flags saying how to read and cache it to ``group``.

    ``required=False`` when the command can take its input another way
    (``train glove --matrix``); the command then checks that one was given.
    """
    group.add_argument("--corpus", required=required, metavar="PATH|NAME",
                       help="a text file or folder, or a corpus name (text8, wiki17m, brown, "
                            "...) looked up in the data directory, then among what `wordvec "
                            "fetch` downloaded")
    choices = "; ".join(f"{name}: {SUMMARIES[name]}" for name in NORMALIZERS)
    group.add_argument("--normalizer", choices=list(NORMALIZERS), metavar="NAME",
                       help=f"how a line of text becomes words. {choices}. Default: {DEFAULT}, "
                            "or for a registry corpus the registry's choice")
    group.add_argument("--max-sentence-length", type=positive_int, default=MAX_SENTENCE_LENGTH,
                       metavar="N", help="cut longer lines into pieces (default: %(default)s)")
    group.add_argument("--data-dir", metavar="DIR",
                       help=f"a folder holding corpora/ and eval/ (default: ${ENV_VAR}; "
                            "downloads are found without it)")
    cache = group.add_mutually_exclusive_group()
    cache.add_argument("--cache-dir", metavar="DIR",
                       help="where the encoded corpus is cached (default: "
                            "$WORDVEC_CACHE/encoded or ~/.cache/wordvec/encoded)")
    cache.add_argument("--no-cache", action="store_true", help="do not cache the encoded corpus")


def resolve_corpus(value, data_dir_arg):
    """--corpus as (path, the registry's normalizer or None); a path wins over a name."""
    if Path(value).exists():
        return Path(value), None
    if value not in registry.DATASETS:
        raise WordvecError(f"--corpus {value!r}: no such file or folder, and not a registry "
                           f"corpus name ({', '.join(registry.names('corpus'))})")
    dataset = registry.get(value)
    if dataset.kind != "corpus":
        raise WordvecError(f"--corpus {value!r} is a {dataset.kind} benchmark set, not a corpus")
    return registry.find(dataset, data_dir_arg), dataset.normalizer


def open_corpus(opts):
    """The ``Corpus`` that ``add_corpus_arguments``' parsed flags describe.

    Returns (corpus, its path, the normalizer's name). An explicit
    --normalizer wins over the registry's.
    """
    path, registry_normalizer = resolve_corpus(opts.corpus, opts.data_dir)
    normalizer = opts.normalizer or registry_normalizer or DEFAULT
    corpus = Corpus(path, normalizer=normalizer, max_sentence_length=opts.max_sentence_length)
    return corpus, path, normalizer


def corpus_cache(opts):
    """The ``cache_dir`` argument of ``fit`` / ``prepare_corpus``: a folder, None, or False."""
    return False if opts.no_cache else opts.cache_dir
