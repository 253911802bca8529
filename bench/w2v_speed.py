"""Word2Vec speed, memory and quality: this project against gensim, side by side.

Usage, from the repository root::

    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz
    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz --algo cbow
    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz --hs
    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz --shared-negatives
    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --max-words 300000 --epochs 1                 # a quick trial of the script itself

One run benchmarks one variant: skip-gram (``--algo sg``, the default: our
``SkipGram``, gensim's ``sg=1``) or CBOW (``--algo cbow``: our
``CBOW(cbow_mean=True)``, gensim's ``sg=0, cbow_mean=1``), with negative
sampling (the default) or hierarchical softmax only (``--hs``: ``negative=0``,
``hs=True`` / ``hs=1``), or skip-gram with negatives shared by a window
(``--shared-negatives``: our ``SkipGram(shared_negatives=True)`` against
gensim's plain skip-gram, which has no such option). Both implementations train it on the same corpus with
the same settings (``variant_settings``; the learning rate is ``--alpha`` for
both, 0.025 by default, also for CBOW, whose own default here is word2vec.c's
0.05), at every worker count asked for, each run in a fresh process
(``harness.run_child``; the parent stays small, so the peak RSS is the run's).

Per run: prepare and train seconds (gensim: reading the corpus into memory +
``build_vocab``, then ``train``; ours: the corpus is encoded once up front and
cached, ``fit`` is split into loading that + initialising, and
``train_seconds_``; Numba compilation is never timed: the up-front step fills
the on-disk kernel cache and each child of ours runs a tiny warm-up fit);
words/s = raw corpus tokens (every token of the file, counted once) x epochs /
train seconds, the same formula for both; peak RSS when training ends; and
quality with this project's evaluation on both models' vectors (analogy@30k,
WS353, SimLex). The acceptance criteria for the variant (``TARGETS``) close
the report, one PASS/FAIL line each, or "info" for a figure with no target;
they are set for the full wiki17m corpus with 5 epochs.
"""
import argparse
import math
import sys
import time

import harness  # standard library only at the top: heavy imports happen in the children

# Training settings shared by both implementations, under our parameter names:
# those of skip-gram with negative sampling; ``variant_settings`` adapts them.
SETTINGS = {"dim": 100, "window": 5, "negative": 5, "hs": False, "sample": 1e-3,
            "min_count": 5, "alpha": 0.025, "min_alpha": 1e-4, "seed": 1}
# The algorithms: our estimator class, its Numba kernel, gensim's ``sg`` and a name.
ALGORITHMS = {"sg": {"ours": "SkipGram", "kernel": "skipgram_chunk", "gensim_sg": 1,
                     "name": "skip-gram"},
              "cbow": {"ours": "CBOW", "kernel": "cbow_chunk", "gensim_sg": 0,
                       "name": "CBOW"}}
IMPLEMENTATIONS = ("gensim", "ours")
METHOD = ["each run in a fresh process; ours after a tiny warm-up fit (Numba compilation not "
          "timed);",
          "gensim gets the corpus as an in-memory list of token lists cut at 10,000 tokens "
          "(built in its prepare s);",
          "train s excludes vocabulary building; words/s = raw tokens x epochs / train s, "
          "for both;",
          "peak RSS (MB = 2**20 bytes) read when training ends; scaling = words/s over the "
          "same impl at 1w"]

# The acceptance criteria, per variant (algo, hs). None: the figure is shown,
# with no target.
#   speedup   ours at 1 worker / gensim at 1 worker, in words/s, at least
#   scaling   ours at 2 workers / ours at 1 worker, at least
#   analogy   percentage points of analogy accuracy we may lose to gensim
#   ws353     WS353 Spearman we may lose to gensim
#   rss_mb    our peak RSS, in MB of 2**20 bytes, at most
#   speedup2  ours at 2 workers / gensim at 2 workers, in words/s, at least
HS_TARGETS = {"speedup": None, "scaling": None, "analogy": 1.5, "ws353": None, "rss_mb": None}
TARGETS = {("sg", False): {"speedup": 1.5, "scaling": 1.75, "speedup2": 3.0, "analogy": 1.0,
                           "ws353": 0.02, "rss_mb": 400},
           # Issue 19: skip-gram with shared negatives, against gensim's plain skip-gram;
           # its quality against our plain skip-gram is bench/shared_negatives_quality.py's.
           ("sg-shared", False): {"speedup": 5.0, "scaling": 1.85, "analogy": None,
                                  "ws353": None, "rss_mb": 400},
           ("cbow", False): {"speedup": 1.5, "scaling": None, "analogy": 1.0, "ws353": 0.02,
                             "rss_mb": None},
           ("sg", True): HS_TARGETS,
           ("cbow", True): HS_TARGETS}


def variant_settings(algo, hs, alpha, shared=False):
    """``SETTINGS`` for one variant, under our parameter names.

    ``hs``: hierarchical softmax only (negative sampling off). CBOW adds
    ``cbow_mean`` (averaged context vectors, as gensim's ``cbow_mean=1``).
    """
    settings = {**SETTINGS, "alpha": alpha}
    if shared:
        settings["shared_negatives"] = True
    if hs:
        settings.update(negative=0, hs=True)
    if algo == "cbow":
        settings["cbow_mean"] = True
    return settings


def describe_variant(algo, hs, settings):
    """The variant for the report: its name and what each implementation is called with."""
    output = "hierarchical softmax" if hs else "negative sampling"
    ours_class, gensim_sg = ALGORITHMS[algo]["ours"], ALGORITHMS[algo]["gensim_sg"]
    mean = algo == "cbow"
    ours_args = (["cbow_mean=True"] if mean else []) + [
        f"hs={settings['hs']}", f"negative={settings['negative']}"] + (
        ["shared_negatives=True"] if settings.get("shared_negatives") else [])
    if settings.get("shared_negatives"):
        output = "negatives shared by each window (ours) and plain negative sampling (gensim)"
    gensim_args = [f"sg={gensim_sg}"] + (["cbow_mean=1"] if mean else []) + [
        f"hs={int(settings['hs'])}", f"negative={settings['negative']}"]
    return {"algo": algo, "hs": hs, "name": f"{ALGORITHMS[algo]['name']} with {output}",
            "ours_class": ours_class,
            "ours": f"{ours_class}({', '.join(ours_args)})",
            "gensim": f"Word2Vec({', '.join(gensim_args)})"}


# ===================================================================== child processes

def our_class(algo):
    """Our estimator class for ``algo`` ("sg" or "cbow")."""
    import w2v

    return getattr(w2v, ALGORITHMS[algo]["ours"])


def warm_up_ours(algo, settings, workers):
    """A tiny fit of the same estimator with the same settings (so the same
    kernel, output layers and argument types) as the timed fit, on a tiny file
    corpus: a later fit in this process compiles nothing. Returns its seconds."""
    def fit(folder, corpus):
        our_class(algo)(**{**settings, "min_count": 1}, epochs=1, workers=workers,
                        verbose=False).fit(corpus, cache_dir=folder / "cache")

    return harness.warm_up("w2v_speed_warmup_", fit)


def run_ours(job):
    """Train our SkipGram or CBOW as ``job`` says; return its figures."""
    from w2v import kernels

    algo, settings = job["algo"], job["settings"]
    kernel = [getattr(kernels, ALGORITHMS[algo]["kernel"])]
    if settings.get("shared_negatives"):
        from w2v import kernels_shared
        kernel = [kernels_shared.skipgram_shared_chunk]
    warmup_seconds = warm_up_ours(algo, settings, job["workers"])
    signatures = harness.signature_count(kernel)

    model = our_class(algo)(**settings, epochs=job["epochs"], workers=job["workers"],
                            verbose=False)
    started = time.perf_counter()
    model.fit(job["corpus"], cache_dir=job["cache_dir"])
    fit_seconds = time.perf_counter() - started
    figures = {"prepare_seconds": fit_seconds - model.train_seconds_,
               "train_seconds": model.train_seconds_, "fit_seconds": fit_seconds,
               **harness.memory_figures(),   # when training ends
               "warmup_seconds": warmup_seconds,
               "compiled_during_timed_fit": harness.signature_count(kernel) > signatures,
               "raw_tokens": model.vocab_.total_words, "vocabulary_size": len(model.vocab_),
               "words_trained": model.words_trained_,          # in-vocabulary words
               "own_words_per_second": model.words_per_second_}  # ours counts those only
    return evaluated(figures, model.wv, job["eval_paths"])


def evaluated(figures, kv, eval_paths):
    """``figures`` with the quality of ``kv``, and the peak RSS after evaluating."""
    figures.update(harness.evaluate_quality(kv, eval_paths))
    return {**figures, "peak_rss_mb_after_evaluation": harness.peak_rss_mb()}


def read_sentences(path):
    """The corpus as a list of token lists, cut at 10,000 tokens (``Corpus(path)``).

    Each distinct word is stored once and shared by all its occurrences, so
    the list costs about 8 bytes per token instead of a string object each
    (gensim gets a compact in-memory corpus, not one of 1 GB for wiki17m).
    """
    from wordvec.text import Corpus

    shared = {}
    return [[shared.setdefault(token, token) for token in sentence]
            for sentence in Corpus(path)]


def run_gensim(job):
    """Train gensim's Word2Vec as ``job`` says; return its figures."""
    import gensim
    from gensim.models import Word2Vec

    from wordvec.vectors import KeyedVectors

    algo, settings, epochs = job["algo"], job["settings"], job["epochs"]
    started = time.perf_counter()
    sentences = read_sentences(job["corpus"])
    read_seconds = time.perf_counter() - started

    # Our settings under gensim's names; for CBOW, cbow_mean as ours.
    variant = {"cbow_mean": int(settings["cbow_mean"])} if algo == "cbow" else {}
    model = Word2Vec(sg=ALGORITHMS[algo]["gensim_sg"], hs=int(settings["hs"]),
                     negative=settings["negative"], **variant,
                     vector_size=settings["dim"], window=settings["window"],
                     sample=settings["sample"], min_count=settings["min_count"],
                     alpha=settings["alpha"], min_alpha=settings["min_alpha"],
                     seed=settings["seed"], workers=job["workers"], epochs=epochs)
    started = time.perf_counter()
    model.build_vocab(sentences)
    build_vocab_seconds = time.perf_counter() - started

    started = time.perf_counter()
    trained_words, raw_words = model.train(sentences, total_examples=model.corpus_count,
                                           epochs=epochs)
    train_seconds = time.perf_counter() - started
    figures = {"prepare_seconds": read_seconds + build_vocab_seconds,
               "read_seconds": read_seconds, "build_vocab_seconds": build_vocab_seconds,
               "train_seconds": train_seconds,
               **harness.memory_figures(),   # when training ends
               "raw_tokens": model.corpus_total_words, "vocabulary_size": len(model.wv),
               "words_trained": trained_words,    # after subsampling, all epochs
               "raw_words_reported": raw_words,   # gensim's count, all epochs
               "gensim_version": gensim.__version__}
    return evaluated(figures, KeyedVectors(model.wv.vectors, model.wv.index_to_key),
                     job["eval_paths"])


def run_prepare(job):
    """Count and encode the corpus (or its ``--max-words`` slice, which both
    implementations then read) once, before any timed run, into the cache
    where our training children find it."""
    import inspect

    from wordvec.cache import prepare_corpus

    corpus, cache_dir = harness.corpus_slice(job["corpus"], job["max_words"], job["scratch"])
    started = time.perf_counter()
    vocab, _ = prepare_corpus(corpus, job["settings"]["min_count"], cache_dir=cache_dir)
    prepare_seconds = time.perf_counter() - started
    # Bring the on-disk Numba cache up to date now, so that every measured child
    # of ours loads the kernels the same way, none compiling them (compiling
    # would also add some 20 MB to that child's peak RSS).
    warmup_seconds = warm_up_ours(job["algo"], job["settings"], workers=1)
    # Our estimator's own default learning rate, which the header compares with --alpha.
    default_alpha = inspect.signature(our_class(job["algo"])).parameters["alpha"].default
    return {"corpus_for_training": corpus, "cache_dir": cache_dir,
            "raw_tokens": vocab.total_words,  # every token of the file, counted once
            "vocabulary_size": len(vocab), "prepare_seconds": prepare_seconds,
            "numba_warmup_seconds": warmup_seconds, "ours_default_alpha": default_alpha,
            "versions": harness.versions("gensim")}  # gensim runs only if it imports


RUNNERS = {"prepare": run_prepare, "ours": run_ours, "gensim": run_gensim}


# ===================================================================== parent process

def add_derived_figures(runs, raw_tokens, epochs):
    """words/s (one formula for both), ratio to gensim, scaling from 1 worker,
    analogy accuracy in points."""
    by_key = {(run["impl"], run["workers"]): run for run in runs}
    for run in runs:
        run["words_per_second"] = (raw_tokens * epochs / run["train_seconds"]
                                   if "train_seconds" in run else None)
        if run.get("analogy_accuracy") is not None:
            run["analogy_points"] = 100 * run["analogy_accuracy"]
    for run in runs:
        gensim_run = by_key.get(("gensim", run["workers"]))
        one_worker = by_key.get((run["impl"], 1))
        run["vs_gensim"] = harness.ratio(run, gensim_run) if run["impl"] == "ours" else None
        run["scaling"] = harness.ratio(run, one_worker) if run["workers"] != 1 else None


def format_table(runs):
    """The results as one aligned text table."""
    header = ("impl", "workers", "prepare s", "train s", "words/s", "vs gensim",
              "scaling", "peak RSS MB", "analogy@30k", "answered", "WS353", "SimLex")
    rows = []
    for run in runs:
        if "error" in run:  # the message is printed under the table
            rows.append((run["impl"], str(run["workers"])) + ("failed",) * (len(header) - 2))
            continue
        rows.append((run["impl"], str(run["workers"]),
                     *(harness.cell(run[key], template) for key, template in (
                         ("prepare_seconds", "{:.2f}"), ("train_seconds", "{:.2f}"),
                         ("words_per_second", "{:,.0f}"), ("vs_gensim", "{:.2f}x"),
                         ("scaling", "{:.2f}x"), ("peak_rss_mb", "{:.0f}"))),
                     *harness.quality_cells(run, "analogy_points", "{:.2f}%")))
    return harness.table(header, rows)


def check_criteria(runs, targets):
    """The acceptance criteria of ``targets`` (one of ``TARGETS``), ``harness.criterion``s.

    n/a when the runs a criterion needs were not made (or failed); a figure
    with no target (None) gets an "info" line that only shows it.
    """
    by_key = {(run["impl"], run["workers"]): run for run in runs if "error" not in run}

    def ours(workers, key):
        run = by_key.get(("ours", workers))
        return None if run is None else run[key]

    def title(target, with_target, without):
        return without + ", no target" if target is None else with_target.format(target)

    speedup, scaling = targets["speedup"], targets["scaling"]
    criteria = [
        harness.threshold(title(speedup, "speed: ours 1w >= {}x gensim 1w (words/s)",
                                "speed: ours 1w vs gensim 1w (words/s)"),
                          ours(1, "vs_gensim"), speedup, "{:.2f}x",
                          missing="needs ours and gensim at 1 worker"),
        harness.threshold(title(scaling, "scaling: ours 2w >= {}x ours 1w (words/s)",
                                "scaling: ours 2w vs ours 1w (words/s)"),
                          ours(2, "scaling"), scaling, "{:.2f}x",
                          missing="needs ours at 1 and 2 workers")]
    if targets.get("speedup2") is not None:
        criteria.append(harness.threshold(
            f"speed: ours 2w >= {targets['speedup2']}x gensim 2w (words/s)",
            ours(2, "vs_gensim"), targets["speedup2"], "{:.2f}x",
            missing="needs ours and gensim at 2 workers"))

    # Quality, against gensim at each worker count both ran. The verdict is the
    # one at 1 worker (the minimum the target asks for); if another worker
    # count misses the target, the detail says so.
    def quality(name, key, tolerance, value_format, difference_format):
        unit = (" point" if tolerance == 1 else " points") if key == "analogy_points" else ""
        name = title(tolerance, f"quality: {name} ours >= gensim - {{:g}}{unit}",
                     f"quality: {name} ours vs gensim")
        passed, details = {}, []
        for workers in sorted({run["workers"] for run in runs}):
            mine, theirs = by_key.get(("ours", workers)), by_key.get(("gensim", workers))
            if mine is None or theirs is None or mine[key] is None or theirs[key] is None:
                continue
            passed[workers] = tolerance is None or mine[key] >= theirs[key] - tolerance
            details.append(f"{workers}w: ours {value_format.format(mine[key])} vs gensim "
                           f"{value_format.format(theirs[key])} "
                           f"({difference_format.format(mine[key] - theirs[key])})")
        if 1 not in passed:
            return harness.criterion(name, None, "needs ours and gensim at 1 worker", tolerance)
        detail = "; ".join(details)
        missed = [f"{workers}w" for workers, ok in passed.items() if not ok]
        if passed[1] and missed:
            detail = f"holds at 1w, not at {', '.join(missed)}: {detail}"
        return harness.criterion(name, passed[1], detail, tolerance)

    criteria.append(quality("analogy@30k", "analogy_points", targets["analogy"], "{:.2f}%",
                            "{:+.2f} points"))
    criteria.append(quality("WS353", "ws353_spearman", targets["ws353"], "{:.3f}", "{:+.3f}"))

    # Memory: our largest peak RSS over all worker counts.
    ours_runs = [run for (impl, _), run in by_key.items() if impl == "ours"]
    largest = max(ours_runs, key=lambda run: run["peak_rss_mb"], default=None)
    criteria.append(harness.threshold(
        title(targets["rss_mb"], "memory: ours peak RSS <= {} MB", "memory: ours peak RSS"),
        largest and largest["peak_rss_mb"], targets["rss_mb"],
        largest and f"largest {{:.0f}} MB (at {largest['workers']}w)", at_most=True,
        missing="no run of ours"))
    return criteria


def print_report(report):
    """Print the header, the table and the criteria."""
    variant, settings = report["variant"], report["settings"]
    alpha, min_alpha = settings["alpha"], settings["min_alpha"]
    alpha_line = f"{alpha:g} -> {min_alpha:g} (linear), the same for both"
    if report["ours_default_alpha"] != alpha:
        alpha_line += (f" (our {variant['ours_class']}'s own default is "
                       f"{report['ours_default_alpha']:g})")
    fields = [("variant", f"ours {variant['ours']}, gensim {variant['gensim']}"),
              ("alpha", alpha_line),
              ("corpus", harness.corpus_line(report["corpus"], report["max_words"],
                                             report["raw_tokens_per_epoch"])),
              ("tokens", f"{report['raw_tokens_per_epoch']:,} raw tokens per epoch x "
                         f"{report['epochs']} epoch(s); vocabulary "
                         f"{report['vocabulary_size']:,} words"),
              ("settings", ", ".join(f"{key} {value}" if isinstance(value, bool) else
                                     f"{key} {value:g}" for key, value in settings.items())),
              *harness.environment_fields(report), ("method", METHOD),
              *harness.repeats_field(report["runs"])]
    if report["gensim_version"] is None and not report["no_gensim"]:
        fields.append(("note", "gensim cannot be imported here: ours only"))
    name = variant["name"]
    print(f"{name[0].upper()}{name[1:]}: this project vs gensim")
    harness.print_fields(fields)
    harness.print_results(f"Results: {name}, alpha {alpha:g}, {report['epochs']} epoch(s)\n"
                          + format_table(report["runs"]),
                          [(f"{run['impl']} at {run['workers']}w", run) for run in report["runs"]],
                          "compiled_during_timed_fit", f"Acceptance criteria for {name}", report,
                          "full wiki17m x 5 epochs")


def make_parser():
    parser = argparse.ArgumentParser(
        description="Benchmark our skip-gram or CBOW against gensim's: speed, scaling, "
                    "memory, quality.")
    harness.add_common_options(
        parser, "worker counts to run, each for both implementations (default 1 2)",
        child=True)
    harness.add_repeats_option(parser)
    parser.add_argument("--algo", choices=sorted(ALGORITHMS), default="sg",
                        help="sg: skip-gram (default); cbow: CBOW with averaged context vectors")
    parser.add_argument("--shared-negatives", action="store_true",
                        help="ours with SkipGram(shared_negatives=True) (pWord2Vec), against "
                             "gensim's plain skip-gram")
    parser.add_argument("--hs", action="store_true",
                        help="hierarchical softmax only (negative=0) instead of negative sampling")
    parser.add_argument("--alpha", type=float, default=SETTINGS["alpha"],
                        help=f"initial learning rate, the same for both implementations "
                             f"(default {SETTINGS['alpha']:g}, for CBOW too)")
    parser.add_argument("--epochs", type=int, default=5, help="training epochs (default 5)")
    parser.add_argument("--no-gensim", action="store_true", help="run only this project")
    return parser


def check_options(parser, args):
    if args.epochs < 1:
        parser.error("--epochs must be >= 1")
    if not SETTINGS["min_alpha"] <= args.alpha < math.inf:
        parser.error(f"--alpha must be >= min_alpha ({SETTINGS['min_alpha']:g})")
    if args.shared_negatives and (args.algo != "sg" or args.hs):
        parser.error("--shared-negatives is a skip-gram with negative sampling: drop --algo "
                     "cbow and --hs")


def run_benchmark(args, corpus, eval_paths):
    """Prepare the corpus, then each implementation at each worker count in a child."""
    settings = variant_settings(args.algo, args.hs, args.alpha, args.shared_negatives)

    with harness.scratch_folder("w2v_speed_") as scratch:
        what = f"the first {args.max_words:,} tokens of the" if args.max_words else "the"
        harness.progress(f"preparing (counting and encoding) {what} corpus...")
        prepared = harness.run_child({"task": "prepare", "corpus": str(corpus),
                                      "max_words": args.max_words, "scratch": scratch,
                                      "algo": args.algo, "settings": settings}, __file__)
        if "error" in prepared:
            sys.exit(f"error: preparing the corpus failed: {prepared['error']}")
        gensim_version = None if args.no_gensim else prepared["versions"].get("gensim")
        runs = []
        # Every repeat runs every job before the next repeat starts, so a drift of
        # the machine's speed reaches all of them alike.
        jobs = [(workers, impl) for _ in range(args.repeats) for workers in sorted(set(args.workers))
                for impl in (IMPLEMENTATIONS if gensim_version else ("ours",))]
        for workers, impl in jobs:
            harness.progress(f"training {impl} with {workers} worker(s)...")
            started = time.perf_counter()
            figures = harness.run_child(
                {"task": impl, "algo": args.algo, "workers": workers, "epochs": args.epochs,
                 "settings": settings, "corpus": prepared["corpus_for_training"],
                 "cache_dir": prepared["cache_dir"], "eval_paths": eval_paths}, __file__)
            harness.progress(f"  child process done in {time.perf_counter() - started:.1f} s")
            # The parent's own peak, which a child's ru_maxrss cannot go below.
            runs.append({"impl": impl, "workers": workers, **figures,
                         "launcher_peak_rss_mb": harness.peak_rss_mb()})

    runs = harness.keep_median_runs(runs)
    add_derived_figures(runs, prepared["raw_tokens"], args.epochs)
    targets = TARGETS[("sg-shared" if args.shared_negatives else args.algo, args.hs)]
    report = {"variant": describe_variant(args.algo, args.hs, settings), "corpus": str(corpus),
              "max_words": args.max_words, "raw_tokens_per_epoch": prepared["raw_tokens"],
              "epochs": args.epochs, "vocabulary_size": prepared["vocabulary_size"],
              "settings": settings, "ours_default_alpha": prepared["ours_default_alpha"],
              "targets": targets, "analogy_restrict_vocab": harness.ANALOGY_RESTRICT_VOCAB,
              "eval_paths": eval_paths, "prepare_seconds_up_front": prepared["prepare_seconds"],
              "numba_warmup_seconds_up_front": prepared["numba_warmup_seconds"],
              "versions": prepared["versions"], "gensim_version": gensim_version,
              "no_gensim": args.no_gensim, "machine": harness.machine(),
              "runs": runs, "criteria": check_criteria(runs, targets)}
    return report


if __name__ == "__main__":
    harness.main(make_parser(), RUNNERS, run_benchmark, print_report, check=check_options)
