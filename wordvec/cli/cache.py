"""``wordvec cache``: what the cache of encoded corpora and counts holds, and emptying it."""
from pathlib import Path

from wordvec.cache import default_cache_dir
from wordvec.cache.seal import clear, entries
from wordvec.util import text_table


def _mb(size):
    return f"{size / 1e6:,.1f} MB"


def cache_command(args):
    """``wordvec cache --info`` (the default) or ``--clear``."""
    folder = Path(args.cache_dir) if args.cache_dir else default_cache_dir()
    if args.clear:
        count, freed = clear(folder)
        print(f"deleted {count} files ({_mb(freed)}) from {folder}; downloads (`wordvec fetch`) "
              "are kept")
        return 0
    sealed, loose = entries(folder)
    print(f"cache folder: {folder}")
    if not sealed and not loose:
        print("empty: corpora are encoded (and GloVe's counts counted) on their first run")
        return 0
    rows = [(entry.get("kind", "?"), entry.get("corpus", "?"), _mb(entry["bytes"]),
             entry.get("created", "?"), "ok" if entry["problem"] is None
             else f"damaged: {entry['problem']}")
            for entry in sealed]
    if rows:
        print(text_table(rows, header=("entry", "corpus", "size", "written", "state"),
                         right={2}))
    if loose:
        size = sum(path.stat().st_size for path in loose if path.exists())
        print(f"\n{len(loose)} files ({_mb(size)}) belong to no finished entry: being written "
              "now, or left by an interrupted run")
    total = sum(entry["bytes"] for entry in sealed)
    print(f"\ntotal {_mb(total)} in {len(sealed)} entries; `wordvec cache --clear` empties it "
          "(a damaged entry is rebuilt by itself on its next use)")
    return 0


def add_cache_parser(commands):
    """Add ``cache`` to ``commands``."""
    parser = commands.add_parser(
        "cache", help="show or empty the cache of encoded corpora and counts",
        description="The cache keeps each corpus's word counts, its encoded form and GloVe's "
                    "co-occurrence counts, so that the next run starts at once. Each entry is "
                    "checked before use; a damaged one is rebuilt with a notice.")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--info", action="store_true",
                      help="list the entries, their corpora, sizes and state (the default)")
    what.add_argument("--clear", action="store_true",
                      help="delete every entry (downloads made by `wordvec fetch` are kept)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="the cache folder (default: $WORDVEC_CACHE/encoded or "
                             "~/.cache/wordvec/encoded)")
    parser.set_defaults(run=cache_command)
