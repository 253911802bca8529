"""Sweep GloVe's hyperparameters on a small corpus, to choose the small-corpus preset.

The paper's x_max = 100 was tuned on billions of tokens. On 17 million it
weights almost every pair below 1, and the vectors come out weak. This
script counts the co-occurrences once per window, trains every (x_max, eta,
seed) combination on them, and evaluates the vectors (``vectors=
"word+context"``, W + W̃) at a few epoch counts along the way (AdaGrad has no
schedule, so epoch 15 of a 40-epoch run is exactly a 15-epoch run). Several
``--seeds`` show how much of a difference between settings is noise.

Usage, from the repository root::

    python bench/glove_sweep.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --windows 10 --x-max 10 30 100 --eta 0.05 --checkpoints 15 25
    python bench/glove_sweep.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --max-words 300000 --x-max 10 --checkpoints 1 2   # a quick trial of the script itself

Everything runs in this one process (a sweep measures quality, not speed or
memory). Quality is ``harness.evaluate_quality``: analogy@30k (3CosAdd over
the questions answered), WS353, SimLex-999, with the benchmark files found
as by the speed scripts (``--data-dir``, else ``$WORDVEC_DATA``, else the
corpus file's ../..). Prints a line per checkpoint as it goes, then one
table sorted best first (and writes the rows to ``--json``): window, x_max,
eta, seed, epochs, analogy@30k, WS353, SimLex.
"""
import argparse
import itertools
import time

import harness


def sweep(args, corpus, cache_dir, eval_paths):
    """Count once per window, train every (x_max, eta, seed); a row per checkpoint."""
    from glove import GloVe
    from wordvec.cache import prepare_corpus
    from wordvec.cooccur import count_cooccurrences

    vocab, encoded = prepare_corpus(corpus, min_count=args.min_count, cache_dir=cache_dir)
    rows = []
    for window in args.windows:
        started = time.perf_counter()
        matrix = count_cooccurrences(encoded, len(vocab), window=window, vocab_words=vocab.words)
        print(f"window {window}: {matrix.full_nnz:,} entries counted in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        for x_max, eta, seed in itertools.product(args.x_max, args.eta, args.seeds):
            def checkpoint(model, epoch, window=window, x_max=x_max, eta=eta, seed=seed):
                if epoch not in args.checkpoints:
                    return
                quality = harness.evaluate_quality(model.wv, eval_paths)
                row = {"window": window, "x_max": x_max, "eta": eta, "seed": seed,
                       "epochs": epoch, "analogy": quality["analogy_accuracy"],
                       "ws353": quality["ws353_spearman"], "simlex": quality["simlex_spearman"]}
                rows.append(row)
                print(f"  window {window:>2}  x_max {x_max:>5g}  eta {eta:<5g}  seed {seed}  "
                      f"epochs {epoch:>3}  analogy {row['analogy']:.4f}  "
                      f"WS353 {harness.cell(row['ws353'], '{:.3f}')}  "
                      f"SimLex {harness.cell(row['simlex'], '{:.3f}')}", flush=True)
            GloVe(dim=args.dim, window=window, x_max=x_max, eta=eta, epochs=max(args.checkpoints),
                  workers=args.workers, seed=seed, verbose=False,
                  callbacks=[checkpoint]).fit_cooccurrence(matrix, vocab)
    return rows


def format_table(rows):
    """The rows, best analogy@30k first, as one aligned table."""
    header = ("window", "x_max", "eta", "seed", "epochs", "analogy@30k", "WS353", "SimLex")
    return harness.table(header, [
        (str(row["window"]), f"{row['x_max']:g}", f"{row['eta']:g}", str(row["seed"]),
         str(row["epochs"]), f"{row['analogy']:.2%}", harness.cell(row["ws353"], "{:.3f}"),
         harness.cell(row["simlex"], "{:.3f}"))
        for row in sorted(rows, key=lambda row: -row["analogy"])], left=0)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    harness.add_common_options(parser)
    parser.add_argument("--windows", type=int, nargs="+", default=[10])
    parser.add_argument("--x-max", type=float, nargs="+", default=[10.0, 30.0, 100.0])
    parser.add_argument("--eta", type=float, nargs="+", default=[0.05])
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[15, 25])
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="training threads (default 2)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1],
                        help="one run per seed: how much of a difference is noise")
    args, corpus, eval_paths = harness.start(parser, argv)
    with harness.scratch_folder("glove_sweep_") as scratch:
        rows = sweep(args, *harness.corpus_slice(corpus, args.max_words, scratch), eval_paths)
    print()
    print(format_table(rows))
    harness.write_json(rows, args.json)


if __name__ == "__main__":
    main()
