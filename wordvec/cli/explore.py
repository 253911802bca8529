"""``wordvec explore``: the vectors of one or several models as a map in a browser.

::

    $ wordvec explore sg.bin glove.bin --out explore.html
    $ wordvec explore sg.bin --analogies questions-words --top 5000 --out sg.html

It writes one self-contained HTML page (``wordvec/report/explorer.py``): open
it from disk, no server and no network needed.
"""
from pathlib import Path

from wordvec.errors import WordvecError
from wordvec.report.explorer import DEFAULT_TOP, MAPS, explore
from wordvec.vectors import KeyedVectors

from .common import positive_int
from .query import VECTORS_HELP


def explore_command(args):
    """``wordvec explore VECTORS [VECTORS ...] --out FILE``."""
    out = Path(args.out)
    if out.is_dir():
        raise WordvecError(f"--out {args.out}: is a folder; give the page's file name "
                           "(for example explore.html)")
    models = {}
    for path in args.vectors:
        name = Path(path).stem
        while name in models:
            name += "'"
        models[name] = KeyedVectors.load(path)
    page = explore(models, out, top=args.top, groups=args.groups, analogies=args.analogies,
                   map=args.map)
    size = out.stat().st_size
    shared = f" shared by {len(models)} models" if len(models) > 1 else ""
    print(f"{len(page.words):,} words{shared}"
          + (f" ({page.left_out:,} of their top {args.top:,} left out: not in every model)"
             if page.left_out else ""))
    if args.groups or args.analogies:
        print(f"colours  {_words(page.group_words)} in groups"
              + (f"; {_words(page.dropped)} of {args.groups} not on the page, left out"
                 if page.dropped else ""))
    print(f"wrote    {out} ({size / 2**20:.1f} MB): open it in a browser, no server needed")
    return 0


def _words(n):
    return f"{n:,} word" + ("" if n == 1 else "s")


def add_explore_parser(commands):
    """Add ``explore`` to ``commands``."""
    parser = commands.add_parser(
        "explore", help="write a page to look around in vectors: neighbours, analogies, maps",
        description="Write one self-contained HTML page (it opens from disk, with no server "
                    "and no network) to search words and see their nearest neighbours, solve "
                    "analogies, and pan and zoom over a 2-D map of each model, side by side, "
                    "the selection linked across the models.",
        epilog="Example: wordvec explore sg.bin glove.bin --out explore.html")
    parser.add_argument("vectors", nargs="+", metavar="VECTORS", help=VECTORS_HELP)
    parser.add_argument("--out", default="explore.html", metavar="FILE",
                        help="the page to write (default: %(default)s)")
    parser.add_argument("--top", type=positive_int, default=DEFAULT_TOP, metavar="N",
                        help="the N most frequent words every model knows (default: "
                             "%(default)s; about 0.53 MB per 1,000 words of 100 dimensions "
                             "per model)")
    parser.add_argument("--groups", metavar="FILE",
                        help="colour groups: lines of 'group word', or 'group name: word word' "
                             "(words not on the page are left out and counted)")
    parser.add_argument("--analogies", metavar="NAME|FILE",
                        help="colour the words by the sections of an analogy set "
                             "(questions-words, or a file), when no --groups is given")
    parser.add_argument("--map", choices=MAPS, default="pca",
                        help="how each model's map is made: pca (default, instant), or tsne "
                             "(pip install 'wordvec[explore]', which brings openTSNE; about 30 s "
                             "per model at 20,000 words)")
    parser.set_defaults(run=explore_command)
