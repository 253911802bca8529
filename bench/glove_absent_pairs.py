"""Why GloVe misses the synthetic corpus's planted analogies: the pairs that never occur.

GloVe fits log X_ij for the pairs that co-occur and leaves out the others
(log 0 is undefined; the paper's weighting f(0) = 0). Word2vec sees those
absences through its noise words, PPMI-SVD through the zeros of its matrix.
``wordvec compare``'s synthetic corpus is made of a few sentence templates, so
most pairs of its words never meet, and which ones never meet is its planted
structure. This script counts how many pairs co-occur, then trains GloVe on
the counts as they are and with a small pseudo-count added to every pair (a
test of the explanation, not a setting of the project), and prints the
planted-analogy accuracy every other epoch.

Usage, from the repository root (about a minute each)::

    python bench/glove_absent_pairs.py                       # GloVe's defaults
    python bench/glove_absent_pairs.py --window 50 --x-max 10 --epochs 15 --pseudo-counts 0 0.1
"""
import argparse
import dataclasses
import tempfile
from pathlib import Path

import harness


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=60_000,
                        help="the synthetic corpus's size (default: wordvec compare's)")
    parser.add_argument("--pseudo-counts", type=float, nargs="+", default=[0.0, 0.1, 1.0])
    parser.add_argument("--epochs", type=int, default=25)
    parser.add_argument("--window", type=int, default=10)
    parser.add_argument("--x-max", type=float, default=100.0)
    args = parser.parse_args(argv)

    import numpy as np

    from corpora import synthetic
    from glove import GloVe
    from wordvec import count_cooccurrences, evaluate_analogies, prepare_corpus

    with tempfile.TemporaryDirectory() as folder:
        corpus, questions = Path(folder) / "synthetic.txt", Path(folder) / "planted.txt"
        synthetic.write(corpus, n_sentences=args.sentences, seed=1)
        synthetic.write_questions(questions)
        vocab, encoded = prepare_corpus(corpus, min_count=5, cache_dir=False)
        counts = count_cooccurrences(encoded, len(vocab), window=args.window,
                                     vocab_words=vocab.words)
        size = len(vocab)
        cells = size * (size + 1) // 2
        print(f"machine    2 x {harness.cpu_name()}")
        print(f"corpus     synthetic, {args.sentences:,} sentences, {vocab.total_words:,} tokens, "
              f"{size} words")
        print(f"pairs      {counts.nnz:,} of the {cells:,} pairs of words (upper triangle with "
              f"the diagonal) co-occur within {args.window} words: {counts.nnz / cells:.1%}")
        print(f"GloVe      dim 100, window {args.window}, x_max {args.x_max:g}, eta 0.05, "
              f"{args.epochs} epochs, seed 1, 2 workers; planted analogies every other epoch")
        dense = np.zeros((size, size), np.float32)
        dense[counts.rows, counts.cols] = counts.values
        upper = np.triu_indices(size)
        for pseudo in args.pseudo_counts:
            values = (dense + np.float32(pseudo))[upper]
            kept = values > 0
            matrix = dataclasses.replace(counts, rows=upper[0][kept].astype(np.int32),
                                         cols=upper[1][kept].astype(np.int32),
                                         values=values[kept].astype(np.float32))
            scores = []
            GloVe(dim=100, window=args.window, x_max=args.x_max, epochs=args.epochs,
                  min_count=5, seed=1, workers=2, verbose=False,
                  callbacks=[lambda model, epoch: scores.append(
                      evaluate_analogies(model.wv, questions).accuracy)]
                  ).fit_cooccurrence(matrix, vocab)
            print(f"pseudo-count {pseudo:<4g} ({matrix.nnz:,} pairs fitted): "
                  + " ".join(f"{score:.2f}" for score in scores[::2]), flush=True)


if __name__ == "__main__":
    main()
