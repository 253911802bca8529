"""What sharing negatives costs in quality: skip-gram against its pWord2Vec variant, over seeds.

Usage, from the repository root::

    python bench/shared_negatives_quality.py --corpus ../shared/data/corpora/wiki17m.txt.xz
    python bench/shared_negatives_quality.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --max-words 300000 --epochs 1 --seeds 1          # a quick trial of the script itself

Trains ``SkipGram()`` and ``SkipGram(shared_negatives=True)`` with the same
settings (our defaults: dim 100, window 5, 5 noise words, sample 1e-3,
alpha 0.025, ``--epochs`` epochs, ``--workers`` threads) for each seed, scores
both with the harness's evaluation (analogy@30k, WS353, SimLex), and prints
each seed's figures, the means and spreads (max - min) over seeds, and the
acceptance criteria of issue 19: the shared variant's mean within 1 point of
analogy@30k and 0.01 of WS353 of plain skip-gram's. Each run is a fresh
process (``harness.run_child``). Speed is ``w2v_speed.py --shared-negatives``'s.
"""
import argparse
import statistics
import time
from datetime import date
from pathlib import Path

import harness

SETTINGS = {"dim": 100, "window": 5, "negative": 5, "sample": 1e-3, "min_count": 5,
            "alpha": 0.025, "min_alpha": 1e-4}
VARIANTS = {"skip-gram": False, "shared negatives": True}
TOLERANCE = {"analogy_points": 1.0, "ws353_spearman": 0.01}


def run_fit(job):
    """Train one variant with one seed (a child process); return its figures."""
    from w2v import SkipGram

    model = SkipGram(**SETTINGS, shared_negatives=job["shared"], seed=job["seed"],
                     epochs=job["epochs"], workers=job["workers"], verbose=False)
    model.fit(job["corpus"], cache_dir=job["cache_dir"])
    figures = harness.evaluate_quality(model.wv, job["eval_paths"])
    figures["analogy_points"] = 100 * figures["analogy_accuracy"]
    return {**figures, "train_seconds": model.train_seconds_,
            "words_per_second": model.words_per_second_}


def run_prepare(job):
    """Encode the corpus (or its slice) once into the cache the fits read."""
    from wordvec.cache import prepare_corpus

    corpus, cache_dir = harness.corpus_slice(job["corpus"], job["max_words"], job["scratch"])
    vocab, _ = prepare_corpus(corpus, SETTINGS["min_count"], cache_dir=cache_dir)
    return {"corpus": corpus, "cache_dir": cache_dir, "tokens": vocab.total_words,
            "versions": harness.versions()}


RUNNERS = {"prepare": run_prepare, "fit": run_fit}
COLUMNS = (("analogy_points", "analogy@30k", "{:.2f}%"), ("ws353_spearman", "WS353", "{:.3f}"),
           ("simlex_spearman", "SimLex", "{:.3f}"), ("train_seconds", "train s", "{:.1f}"))


def summary_rows(runs):
    """Per variant: the mean and the spread (max - min) of each figure over seeds."""
    rows = []
    for variant in VARIANTS:
        mine = [run for run in runs if run["variant"] == variant]
        cells = []
        for key, _, template in COLUMNS:
            values = [run[key] for run in mine if run.get(key) is not None]
            cells.append("-" if not values else
                         f"{template.format(statistics.mean(values))} "
                         f"± {template.format((max(values) - min(values)) / 2).rstrip('%')}")
        rows.append((variant, "mean ± half-spread", *cells))
    return rows


def criteria(runs):
    """Issue 19: the shared variant's means within the tolerances of plain skip-gram's."""
    lines = []
    for key, tolerance in TOLERANCE.items():
        means = {variant: statistics.mean(run[key] for run in runs if run["variant"] == variant)
                 for variant in VARIANTS}
        difference = means["shared negatives"] - means["skip-gram"]
        verdict = "PASS" if difference >= -tolerance else "FAIL"
        name = "analogy@30k" if key == "analogy_points" else "WS353"
        lines.append(f"  {verdict}  {name}: shared - plain >= -{tolerance:g}   "
                     f"{difference:+.3f} (means {means['shared negatives']:.3f} vs "
                     f"{means['skip-gram']:.3f})")
    return lines


def benchmark(args, corpus, eval_paths):
    workers = args.workers if isinstance(args.workers, int) else args.workers[0]
    with harness.scratch_folder("shared_quality_") as scratch:
        prepared = harness.run_child({"task": "prepare", "corpus": str(corpus),
                                      "max_words": args.max_words, "scratch": scratch}, __file__)
        runs = []
        for seed in args.seeds:
            for variant, shared in VARIANTS.items():
                harness.progress(f"training {variant}, seed {seed}...")
                started = time.perf_counter()
                figures = harness.run_child(
                    {"task": "fit", "shared": shared, "seed": seed, "epochs": args.epochs,
                     "workers": workers, "corpus": prepared["corpus"],
                     "cache_dir": prepared["cache_dir"], "eval_paths": eval_paths}, __file__)
                harness.progress(f"  done in {time.perf_counter() - started:.0f} s")
                runs.append({"variant": variant, "seed": seed, **figures})
    return {"corpus": str(corpus), "max_words": args.max_words, "tokens": prepared["tokens"],
            "epochs": args.epochs, "workers": workers, "seeds": args.seeds,
            "versions": prepared["versions"], "machine": harness.machine(), "runs": runs}


def print_report(report):
    def write():
        print("Skip-gram against skip-gram with shared negatives (pWord2Vec): quality over seeds")
        harness.print_fields([
            ("corpus", harness.corpus_line(report["corpus"], report["max_words"],
                                           report["tokens"])),
            ("settings", ", ".join(f"{k} {v:g}" for k, v in SETTINGS.items())
             + f", epochs {report['epochs']}, workers {report['workers']} (Hogwild)"),
            ("seeds", ", ".join(map(str, report["seeds"]))),
            ("machine", f"{report['machine']['cpus']} x {report['machine']['cpu']}")])
        header = ("variant", "seed", *(title for _, title, _ in COLUMNS))
        rows = [(run["variant"], str(run["seed"]),
                 *(harness.cell(run.get(key), template) for key, _, template in COLUMNS))
                for run in report["runs"] if "error" not in run]
        print()
        print(harness.table(header, rows + summary_rows(
            [run for run in report["runs"] if "error" not in run])))
        print("\nAcceptance criteria (issue 19: 5 epochs on wiki17m, 3 seeds)")
        print("\n".join(criteria([run for run in report["runs"] if "error" not in run])))

    path = None if report["max_words"] else (
        Path(__file__).parent / "results" / f"shared_negatives_quality_{date.today()}.txt")
    harness.print_and_save(write, path)


def make_parser():
    parser = argparse.ArgumentParser(description="Quality of skip-gram with shared negatives "
                                                 "against plain skip-gram, over seeds.")
    harness.add_common_options(parser, "training threads of every fit (default 2; the "
                                       "first count given)", child=True)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.set_defaults(workers=2)
    return parser


if __name__ == "__main__":
    harness.main(make_parser(), RUNNERS, benchmark, print_report)
