"""``wordvec export``: vectors in a form other tools load.

For now one form: the two TSV files of the TensorFlow Embedding Projector
(``wordvec/vectors/projector.py`` writes them)::

    $ wordvec export vectors.npz --projector projector/ --top 10000

then, at projector.tensorflow.org, "Load": ``vectors.tsv``, then ``metadata.tsv``.
"""
from wordvec.vectors import KeyedVectors, write_projector_files

from .common import output_folder, positive_int
from .query import VECTORS_HELP


def export_command(args):
    """``wordvec export VECTORS --projector DIR [--top N]``."""
    folder = output_folder("--projector", args.projector, create=False)  # made once all is checked
    kv = KeyedVectors.load(args.vectors)
    vectors_path, metadata_path = write_projector_files(kv, folder, top=args.top)
    n = len(kv) if args.top is None else min(args.top, len(kv))
    print(f"{args.vectors}: {n:,} of {len(kv):,} words x {kv.vector_size} dimensions")
    print(f"vectors   {vectors_path}")
    print(f"metadata  {metadata_path}"
          + (" (word and count columns)" if kv.counts is not None else " (words)"))
    print("load both at https://projector.tensorflow.org (Load: the vectors, then the metadata)")
    return 0


def add_export_parser(commands):
    """Add ``export`` to ``commands``."""
    parser = commands.add_parser(
        "export", help="write vectors for another tool (the Embedding Projector)",
        description="Write the vectors as vectors.tsv (tab-separated floats, one row per word) "
                    "and metadata.tsv (the words, and their counts if the file holds them, "
                    "under a 'word<TAB>count' header) for the TensorFlow Embedding Projector. "
                    "A word holding a tab or a line break is refused.")
    parser.add_argument("vectors", metavar="VECTORS", help=VECTORS_HELP)
    parser.add_argument("--projector", required=True, metavar="DIR",
                        help="folder for vectors.tsv and metadata.tsv (created if missing; "
                             "files of those names are replaced)")
    parser.add_argument("--top", type=positive_int, metavar="N",
                        help="only the N most frequent words (default: all; t-SNE in the "
                             "Projector slows down past a few tens of thousands)")
    parser.set_defaults(run=export_command)
