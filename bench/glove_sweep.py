"""Sweep GloVe's hyperparameters on a small corpus, to choose the small-corpus preset.

The paper's x_max = 100 was tuned on billions of tokens. On 17 million it
weights almost every pair below 1, and the vectors come out weak. This
script counts the co-occurrences once per window, trains every (x_max, eta,
seed) combination on them, and evaluates the vectors (W + W̃) at a few epoch
counts along the way (AdaGrad has no schedule, so epoch 15 of a 40-epoch run
is exactly a 15-epoch run). Several ``--seeds`` show how much of a
difference between settings is noise.

Usage, from the repository root::

    python bench/glove_sweep.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --windows 10 --x-max 10 30 100 --eta 0.05 --checkpoints 15 25

Prints one table (and writes ``--json``): window, x_max, eta, seed, epochs,
analogy@30k (3CosAdd over the questions answered), WS353, SimLex-999.
"""
import argparse
import itertools
import json
import time
from pathlib import Path

from glove import GloVe
from glove.cooccur import count_cooccurrences
from wordvec.cache import prepare_corpus
from wordvec.evaluate import evaluate_analogies, evaluate_word_pairs


def quality(kv, eval_dir):
    """(analogy@30k, WS353 Spearman, SimLex-999 Spearman) of some vectors."""
    analogy = evaluate_analogies(kv, eval_dir / "questions-words.txt", restrict_vocab=30_000)
    return (analogy.total.correct / max(analogy.total.answered, 1),
            evaluate_word_pairs(kv, eval_dir / "wordsim353.tsv").spearman,
            evaluate_word_pairs(kv, eval_dir / "simlex999.txt").spearman)


def sweep(args):
    eval_dir = Path(args.data_dir) / "eval"
    vocab, encoded = prepare_corpus(args.corpus, min_count=args.min_count)
    rows = []
    for window in args.windows:
        started = time.perf_counter()
        matrix = count_cooccurrences(encoded, len(vocab), window=window, vocab_words=vocab.words)
        print(f"window {window}: {matrix.full_nnz:,} entries counted in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        for x_max, eta, seed in itertools.product(args.x_max, args.eta, args.seeds):
            def checkpoint(model, epoch, window=window, x_max=x_max, eta=eta, seed=seed):
                if epoch in args.checkpoints:
                    analogy, ws353, simlex = quality(model.wv, eval_dir)
                    rows.append({"window": window, "x_max": x_max, "eta": eta, "seed": seed,
                                 "epochs": epoch, "analogy": analogy, "ws353": ws353,
                                 "simlex": simlex})
                    print(f"  window {window:>2}  x_max {x_max:>5g}  eta {eta:<5g}  seed {seed}  "
                          f"epochs {epoch:>3}  analogy {analogy:.4f}  WS353 {ws353:.3f}  "
                          f"SimLex {simlex:.3f}", flush=True)
            GloVe(dim=args.dim, window=window, x_max=x_max, eta=eta, epochs=max(args.checkpoints),
                  workers=args.workers, seed=seed, verbose=False,
                  callbacks=[checkpoint]).fit_cooccurrence(matrix, vocab)
    return rows


def print_table(rows):
    print(f"\n{'window':>6}  {'x_max':>6}  {'eta':>5}  {'seed':>4}  {'epochs':>6}  "
          f"{'analogy@30k':>11}  {'WS353':>5}  {'SimLex':>6}")
    for row in sorted(rows, key=lambda row: -row["analogy"]):
        print(f"{row['window']:>6}  {row['x_max']:>6g}  {row['eta']:>5g}  {row['seed']:>4}  "
              f"{row['epochs']:>6}  {row['analogy']:>11.2%}  {row['ws353']:>5.3f}  "
              f"{row['simlex']:>6.3f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--data-dir", help="holds eval/ (default: the corpus's ../..)")
    parser.add_argument("--windows", type=int, nargs="+", default=[10])
    parser.add_argument("--x-max", type=float, nargs="+", default=[10.0, 30.0, 100.0])
    parser.add_argument("--eta", type=float, nargs="+", default=[0.05])
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[15, 25])
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1],
                        help="one run per seed: how much of a difference is noise")
    parser.add_argument("--json", help="write the rows to this file")
    args = parser.parse_args(argv)
    args.data_dir = args.data_dir or Path(args.corpus).resolve().parent.parent
    rows = sweep(args)
    print_table(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
