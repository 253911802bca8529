"""``wordvec fetch``: download a registered corpus or benchmark set, verified."""
import sys
from pathlib import Path

from corpora import registry
from corpora.fetch import fetch
from wordvec.errors import FetchError, WordvecError
from wordvec.util import text_table
from wordvec.util.datadir import ENV_VAR, cache_root


def list_command():
    """``wordvec fetch --list``: the registry, and how each file without a URL was made."""
    rows = [(ds.name, ds.kind, f"{ds.size:,}" if ds.size is not None else "?",
             "yes" if ds.downloadable else "no", ds.licence)
            for ds in registry.DATASETS.values()]
    print(text_table(rows, header=("name", "kind", "bytes", "download", "licence"), right={2}))
    print("\n`wordvec fetch NAME` downloads a 'yes' set; `wordvec fetch eval` every benchmark "
          "set at once.\nThe others have no public download; make them as described, then "
          f"point --data-dir (or ${ENV_VAR}) at a folder holding them:")
    for ds in registry.DATASETS.values():
        if not ds.downloadable:
            print(f"  {ds.name} ({ds.filename}): {ds.made}")
    return 0


def fetch_command(args):
    """``wordvec fetch NAME|eval`` or ``wordvec fetch --list``."""
    if args.list:
        return list_command()
    cache = Path(args.cache_dir).expanduser() if args.cache_dir else cache_root()
    names = registry.group(args.name) if args.name in registry.GROUPS else [args.name]
    kinds, failed = set(), []
    for name in names:
        dataset = registry.get(name)
        if not dataset.downloadable and len(names) > 1:
            print(f"{name}: skipped, no public download ({dataset.made})")
            continue
        try:
            path = fetch(name, cache_dir=cache, force=args.force, progress=True)
        except FetchError as error:
            if len(names) == 1:
                raise
            print(f"{name}: failed: {error}", file=sys.stderr)
            failed.append(name)
            continue
        kinds.add(dataset.kind)
        print(f"{name}: {path}")
    default_cache = args.cache_dir is None
    where = "" if default_cache else f" --data-dir {cache}"
    if "corpus" in kinds:
        print(f"train on it: wordvec train sg --corpus {names[0]}{where} --out vectors.bin")
    if kinds & {"analogy", "similarity"}:
        print(f"evaluate vectors on every benchmark set: wordvec eval VECTORS{where}")
    if failed:
        raise WordvecError(f"{len(failed)} of {len(names)} downloads failed "
                           f"({', '.join(failed)}); run the command again to retry them")
    return 0


def add_fetch_parser(commands):
    """Add ``fetch`` to ``commands``."""
    parser = commands.add_parser(
        "fetch", help="download a corpus or the benchmark sets",
        description="Download a registered dataset, verified by its size and checksum, into "
                    "the cache, where every command finds it. `eval` downloads every "
                    "benchmark set at once.",
        epilog="Examples: wordvec fetch text8 | wordvec fetch eval | wordvec fetch --list")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("name", nargs="?", metavar="NAME",
                      help="a dataset name, e.g. text8, or eval for every benchmark set")
    what.add_argument("--list", action="store_true",
                      help="list the datasets, their sizes and licences")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="download folder (default: $WORDVEC_CACHE or ~/.cache/wordvec)")
    parser.add_argument("--force", action="store_true", help="download again even if cached")
    parser.set_defaults(run=fetch_command)
