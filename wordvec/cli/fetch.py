"""``wordvec fetch``: download a registered corpus or benchmark set, verified."""
from pathlib import Path

from corpora import registry
from corpora.fetch import fetch
from wordvec.datadir import ENV_VAR, cache_root
from wordvec.tables import text_table


def fetch_command(args):
    """``wordvec fetch NAME`` or ``wordvec fetch --list``."""
    if args.list:
        rows = [(ds.name, ds.kind, f"{ds.size:,}" if ds.size is not None else "?",
                 "yes" if ds.downloadable else "no", ds.licence)
                for ds in registry.DATASETS.values()]
        print(text_table(rows, header=("name", "kind", "bytes", "download", "licence"),
                         right={2}))
        print("\n`wordvec fetch NAME` downloads a 'yes' set; the others must be in the data "
              f"directory (--data-dir or ${ENV_VAR}).")
        return 0
    cache = Path(args.cache_dir).expanduser() if args.cache_dir else cache_root()
    path = fetch(args.name, cache_dir=cache, force=args.force, progress=True)
    print(f"{args.name}: {path}")
    if registry.get(args.name).kind == "corpus":
        print(f"train on it: wordvec train sg --corpus {args.name} --data-dir {cache} "
              "--out vectors.bin")
    else:
        print(f"evaluate on it: wordvec eval VECTORS --data-dir {cache}")
    return 0


def add_fetch_parser(commands):
    """Add ``fetch`` to ``commands``."""
    parser = commands.add_parser("fetch", help="download a corpus or benchmark set",
                                 description="Download a registered dataset, verified by its "
                                             "checksum, or list the registry.")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("name", nargs="?", metavar="NAME", help="a registry name, e.g. text8")
    what.add_argument("--list", action="store_true", help="list the registered datasets")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="download folder (default: $WORDVEC_CACHE or ~/.cache/wordvec)")
    parser.add_argument("--force", action="store_true", help="download again even if cached")
    parser.set_defaults(run=fetch_command)
