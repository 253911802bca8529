"""fastText speed, memory and quality: this project against gensim, side by side.

Usage, from the repository root::

    python bench/fasttext_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz
    python bench/fasttext_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz --algo cbow
    python bench/fasttext_speed.py --corpus ../shared/data/corpora/brown.txt.xz  # Brown's criteria
    python bench/fasttext_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --max-words 300000 --epochs 1 --workers 1   # a quick trial of the script itself (~30 s)

Our ``subword.FastText`` (or ``FastTextCBOW``, ``--algo cbow``) against gensim's
``FastText`` (``sg=1``, or ``sg=0, cbow_mean=1``), both with the fastText tool's
settings (``SETTINGS``: the rate decays to 0, which gensim accepts), on the same
corpus at each worker count; and our word-level ``w2v.SkipGram`` (its own
defaults) at 1 worker, to compare the syntactic halves. Each run is a fresh
process and Numba compilation is never timed, as in ``w2v_speed.py``; the
report says what the measured runs' warm-ups compiled (0: the on-disk cache
was warm). Quality is this project's evaluation (gensim's vectors wrapped in
our ``SubwordVectors``): analogy@30k, its semantic and syntactic halves (the
Google sections not starting / starting with ``gram``), WS353, SimLex, and
Stanford Rare Words, where a subword model answers unseen words from their
n-grams (``oov="ngrams"``, counted). The report is saved in bench/results/
(for a ``--max-words`` slice only with ``--output``).
"""
import argparse
import datetime
import functools
import sys
import time
from pathlib import Path

import harness  # standard library only at the top: heavy imports happen in the children

# The fastText tool's settings, under our names (gensim's in run_gensim), for ours and gensim.
SETTINGS = {"dim": 100, "window": 5, "negative": 5, "minn": 3, "maxn": 6, "bucket": 2_000_000,
            "sample": 1e-4, "alpha": 0.05, "min_alpha": 0.0, "ns_exponent": 0.5,
            "min_count": 5, "seed": 1}
BASELINE = {"dim": 100, "window": 5, "negative": 5, "min_count": 5}  # w2v.SkipGram, else defaults
ALGORITHMS = {"sg": {"ours": "FastText", "gensim": "sg=1", "name": "fastText skip-gram"},
              "cbow": {"ours": "FastTextCBOW", "gensim": "sg=0, cbow_mean=1",
                       "name": "fastText CBOW"}}
NAMES = {"gensim": "gensim", "ours": "ours", "sg": "our skip-gram"}
GENSIM_NAMES = {"dim": "vector_size", "minn": "min_n", "maxn": "max_n"}  # the others agree
RW_FILE = "EN-RW-STANFORD.txt"
WARMUP_BUCKET = 1000  # the warm-up's n-gram rows: the same kernels, no 800 MB matrix
RESULTS = Path(__file__).resolve().parent / "results"

# The acceptance criteria, per set (--criteria). None: the figure is shown, with no target.
#   speedup: ours 1w / gensim 1w (words/s), at least;  scaling: ours 2w / ours 1w, at least;
#   analogy: analogy@30k points we may lose to gensim; syntactic: points over our skip-gram;
#   rw: RW Spearman (unseen words via n-grams) we may lose to gensim;
#   rss: our peak RSS at most gensim's at each worker count.
TARGETS = {"wiki17m": {"speedup": 3.0, "scaling": 1.8, "analogy": 1.0, "syntactic": 8.0,
                       "rw": 0.01, "rss": True},
           "brown": {"speedup": None, "scaling": None, "analogy": None, "syntactic": 25.0,
                     "rw": None, "rss": None}}
METHOD = ["each run a fresh process, ours after a tiny warm-up fit; gensim's corpus an "
          "in-memory list (read in its prepare s);",
          "words/s = raw tokens x epochs / train s, for all; peak RSS (MB = 2**20 bytes) when "
          "training ends"]


# ===================================================================== child processes

def make_model(kind, algo, epochs, workers, **override):
    """Our fastText ("ours") or word-level skip-gram ("sg"), with its benchmark settings."""
    if kind == "sg":
        import w2v

        override.pop("bucket", None)
        return w2v.SkipGram(**{**BASELINE, **override}, epochs=epochs, workers=workers,
                            verbose=False)
    import subword

    return getattr(subword, ALGORITHMS[algo]["ours"])(**{**SETTINGS, **override}, epochs=epochs,
                                                      workers=workers, verbose=False)


def warm_up(kind, algo, workers):
    """A tiny fit of the same model (same kernels and argument types) on a tiny file corpus."""
    def fit(folder, corpus):
        make_model(kind, algo, 1, workers, min_count=1, bucket=WARMUP_BUCKET).fit(
            corpus, cache_dir=folder / "cache")

    return harness.warm_up("fasttext_speed_warmup_", fit)


def quality(kv, eval_paths):
    """Analogy@30k and its halves, WS353, SimLex, RW (unseen words from n-grams, and not)."""
    from wordvec.evaluation import evaluate_analogies, evaluate_word_pairs

    analogies = evaluate_analogies(kv, eval_paths["analogy"],
                                   restrict_vocab=harness.ANALOGY_RESTRICT_VOCAB)
    figures = {"analogy_points": 100 * analogies.accuracy, "analogy_answered": analogies.answered,
               "analogy_questions": analogies.total.questions}
    for half in ("semantic", "syntactic"):
        part = getattr(analogies, half)   # None if the file lacked that kind of section
        figures.update({f"{half}_points": part and 100 * part.accuracy,
                        f"{half}_answered": part and part.answered,
                        f"{half}_questions": part and part.questions})
    for name in ("ws353", "simlex"):
        pairs = evaluate_word_pairs(kv, eval_paths[name], n_resamples=None)
        figures[f"{name}_spearman"] = harness.finite_or_none(pairs.spearman)
    for name, oov in (("rw", "ngrams"), ("rw_seen", "skip")):
        pairs = evaluate_word_pairs(kv, eval_paths["rw"], n_resamples=None, oov=oov)
        figures.update({f"{name}_spearman": harness.finite_or_none(pairs.spearman),
                        f"{name}_answered": pairs.answered, "rw_pairs": pairs.pairs})
        if oov == "ngrams":   # a word-level model applies "skip" even so
            figures.update(rw_oov_mode=pairs.oov_mode, rw_from_ngrams=pairs.answered_from_ngrams)
    return {**figures, "peak_rss_mb_after_evaluation": harness.peak_rss_mb()}


def run_ours(job):
    """Train our fastText (job task "ours") or skip-gram ("sg"); return its figures."""
    warmup_seconds = warm_up(job["task"], job["algo"], job["workers"])
    warm = harness.kernel_state()
    model = make_model(job["task"], job["algo"], job["epochs"], job["workers"])
    started = time.perf_counter()
    model.fit(job["corpus"], cache_dir=job["cache_dir"])
    fit_seconds = time.perf_counter() - started
    figures = {"prepare_seconds": fit_seconds - model.train_seconds_,
               "train_seconds": model.train_seconds_, "fit_seconds": fit_seconds,
               **harness.memory_figures(),   # when training ends
               "warmup_seconds": warmup_seconds,
               "warmup_cache_misses": warm["cache_misses"],  # 0: the on-disk cache was warm
               "compiled_during_timed_fit":
                   harness.kernel_state()["signatures"] > warm["signatures"],
               "raw_tokens": model.vocab_.total_words, "vocabulary_size": len(model.vocab_),
               "words_trained": model.words_trained_}
    return {**figures, **quality(model.wv, job["eval_paths"])}


def run_gensim(job):
    """Train gensim's FastText with the same settings; return its figures."""
    import gensim
    import numpy as np
    from gensim.models import FastText

    from wordvec.vectors import SubwordVectors

    started = time.perf_counter()
    sentences = harness.read_sentences(job["corpus"])
    read_seconds = time.perf_counter() - started
    s, epochs = SETTINGS, job["epochs"]
    model = FastText(**{GENSIM_NAMES.get(key, key): value for key, value in s.items()},
                     sg=int(job["algo"] == "sg"), cbow_mean=1, hs=0, workers=job["workers"],
                     epochs=epochs)
    started = time.perf_counter()
    model.build_vocab(sentences)
    build_vocab_seconds = time.perf_counter() - started
    started = time.perf_counter()
    trained_words, _ = model.train(sentences, total_examples=model.corpus_count, epochs=epochs)
    train_seconds = time.perf_counter() - started
    figures = {"prepare_seconds": read_seconds + build_vocab_seconds,
               "read_seconds": read_seconds, "build_vocab_seconds": build_vocab_seconds,
               "train_seconds": train_seconds,
               **harness.memory_figures(),   # when training ends
               "raw_tokens": model.corpus_total_words, "vocabulary_size": len(model.wv),
               "words_trained": trained_words, "gensim_version": gensim.__version__}
    wv = model.wv
    kv = SubwordVectors(np.vstack([wv.vectors_vocab, wv.vectors_ngrams]), wv.index_to_key,
                        s["minn"], s["maxn"], s["bucket"])
    return {**figures, **quality(kv, job["eval_paths"])}


def run_prepare(job):
    """Count and encode the corpus (or its slice) once into the cache, and bring the
    on-disk Numba cache up to date with a warm-up of each model of ours."""
    from wordvec.cache import prepare_corpus

    corpus, cache_dir = harness.corpus_slice(job["corpus"], job["max_words"], job["scratch"])
    started = time.perf_counter()
    vocab, _ = prepare_corpus(corpus, SETTINGS["min_count"], cache_dir=cache_dir)
    prepare_seconds = time.perf_counter() - started
    warmup_seconds = sum(warm_up(kind, job["algo"], 1) for kind in ("ours", "sg"))
    return {"corpus_for_training": corpus, "cache_dir": cache_dir,
            "raw_tokens": vocab.total_words, "vocabulary_size": len(vocab),
            "prepare_seconds": prepare_seconds, "numba_warmup_seconds": warmup_seconds,
            "numba_compiled_up_front": harness.kernel_state()["cache_misses"],
            "versions": harness.versions("gensim")}


RUNNERS = {"prepare": run_prepare, "ours": run_ours, "sg": run_ours, "gensim": run_gensim}


# ===================================================================== parent process

def add_derived_figures(runs, raw_tokens, epochs):
    """words/s (one formula for all), ratio to gensim, scaling from 1 worker."""
    by_key = {(run["impl"], run["workers"]): run for run in runs}
    for run in runs:
        run["words_per_second"] = (raw_tokens * epochs / run["train_seconds"]
                                   if "train_seconds" in run else None)
    for run in runs:
        gensim_run = by_key.get(("gensim", run["workers"]))
        run["vs_gensim"] = harness.ratio(run, gensim_run) if run["impl"] == "ours" else None
        run["scaling"] = (harness.ratio(run, by_key.get((run["impl"], 1)))
                          if run["workers"] != 1 else None)


def row(run, columns):
    """The cells ``columns`` ((key, template) pairs) of ``run``."""
    return tuple(harness.cell(run[key], template) for key, template in columns)


def format_tables(runs, algo):
    """Speed and memory, then quality: two aligned text tables."""
    label = {"gensim": "gensim FastText", "ours": f"ours {ALGORITHMS[algo]['ours']}",
             "sg": "ours SkipGram (word2vec)"}
    speed, scores = [], []
    for run in runs:
        name = (label[run["impl"]], str(run["workers"]))
        if "error" in run:  # the message is printed under the tables
            speed.append(name + ("failed",) * 6)
            scores.append(name + ("failed",) * 9)
            continue
        speed.append(name + row(run, (
            ("prepare_seconds", "{:.2f}"), ("train_seconds", "{:.2f}"),
            ("words_per_second", "{:,.0f}"), ("vs_gensim", "{:.2f}x"), ("scaling", "{:.2f}x"),
            ("peak_rss_mb", "{:.0f}"))))
        via = (f"{run['rw_from_ngrams']:,} n-grams" if run["rw_oov_mode"] == "ngrams"
               else "unseen skipped")
        scores.append(name + row(run, (
            ("analogy_points", "{:.2f}%"), ("analogy_answered", "{:,}"),
            ("semantic_points", "{:.2f}%"), ("syntactic_points", "{:.2f}%"),
            ("ws353_spearman", "{:.3f}"), ("simlex_spearman", "{:.3f}"),
            ("rw_spearman", "{:.3f}"))) + (
            f"{run['rw_answered']:,}/{run['rw_pairs']:,} ({via})",
            harness.cell(run["rw_seen_spearman"], "{:.3f}") + f" ({run['rw_seen_answered']:,})"))
    return ("Speed and memory\n" + harness.table(
                ("impl", "workers", "prepare s", "train s", "words/s", "vs gensim", "scaling",
                 "peak RSS MB"), speed) + "\n\nQuality\n" + harness.table(
                ("impl", "workers", "analogy@30k", "answered", "semantic", "syntactic", "WS353",
                 "SimLex", "RW", "RW answered", "RW seen only"), scores))


def check_criteria(runs, t):
    """The acceptance criteria of ``t`` (one of ``TARGETS``), as ``harness.criterion``s."""
    by_key = {(run["impl"], run["workers"]): run for run in runs if "error" not in run}
    ours = {workers: run for (impl, workers), run in by_key.items() if impl == "ours"}

    def goal(target, text):
        return ", no target" if target is None else text.format(target)

    versus = functools.partial(harness.compare, by_key, names=NAMES)

    return [
        harness.threshold("speed: ours 1w / gensim 1w (words/s)" + goal(t["speedup"], " >= {}x"),
                          ours.get(1, {}).get("vs_gensim"), t["speedup"], "{:.2f}x",
                          missing="needs ours and gensim at 1 worker"),
        harness.threshold("scaling: ours 2w / ours 1w (words/s)" + goal(t["scaling"], " >= {}x"),
                          ours.get(2, {}).get("scaling"), t["scaling"], "{:.2f}x",
                          missing="needs ours at 1 and 2 workers"),
        versus("quality: analogy@30k, ours - gensim" + goal(t["analogy"], " >= -{:g} point"),
               "analogy_points", "gensim", t["analogy"] and -t["analogy"], "{:.2f}%",
               "{:+.2f} points"),
        versus("quality: syntactic half, ours - our skip-gram"
               + goal(t["syntactic"], " >= +{:g} points"), "syntactic_points", "sg",
               t["syntactic"], "{:.2f}%", "{:+.2f} points"),
        versus("quality: RW Spearman (unseen via n-grams), ours - gensim"
               + goal(t["rw"], " >= -{:g}"), "rw_spearman", "gensim", t["rw"] and -t["rw"],
               "{:.3f}", "{:+.3f}"),
        versus("memory: peak RSS, ours <= gensim at each worker count" if t["rss"] else
               "memory: peak RSS, ours vs gensim, no target", "peak_rss_mb", "gensim",
               0 if t["rss"] else None, "{:.0f} MB", "{:+.0f} MB", every=True, sign=-1)]


def print_report(report):
    """Print the header, the tables and the criteria, and save them (``--output``)."""
    harness.print_and_save(lambda: write_report(report), report["output"])
    if not report["output"]:
        print("\n(a --max-words slice: report not saved; --output FILE saves it)")


def write_report(report):
    s, algo, epochs = report["settings"], report["algo"], report["epochs"]
    name = ALGORITHMS[algo]["name"]
    fields = [("variant", f"{name}: ours {ALGORITHMS[algo]['ours']}, gensim FastText("
                          f"{ALGORITHMS[algo]['gensim']}, hs=0), alpha {s['alpha']:g} -> "
                          f"{s['min_alpha']:g} (linear, as the tool) for both"),
              ("corpus", harness.corpus_line(report["corpus"], report["max_words"],
                                             report["raw_tokens_per_epoch"])),
              ("tokens", f"{report['raw_tokens_per_epoch']:,} raw tokens per epoch x {epochs} "
                         f"epoch(s); vocabulary {report['vocabulary_size']:,} words"),
              ("settings", ", ".join(f"{key} {value:,}" if isinstance(value, int) else
                                     f"{key} {value:g}" for key, value in s.items())),
              ("skip-gram", "our word-level w2v.SkipGram at 1 worker, its defaults (dim 100, "
                            "window 5, negative 5, min_count 5, sample 1e-3, alpha 0.025)"),
              ("quality", ["analogy@30k: Google's, 3CosAdd, 30,000 most frequent words; "
                           "semantic/syntactic: its sections not starting/starting with 'gram';",
                           "RW: a subword model answers unseen words from n-grams, a "
                           "word-level one skips them; RW seen only: all skip them"]),
              *harness.environment_fields(report), ("method", METHOD),
              ("numba", f"{report['numba_compiled_up_front']} kernel(s) compiled up front; "
                        f"the measured runs' warm-ups compiled {report['warmup_compiled']} "
                        "(0: the on-disk cache was warm)"),
              *harness.repeats_field(report["runs"], NAMES)]
    if report["gensim_version"] is None and not report["no_gensim"]:
        fields.append(("note", "gensim cannot be imported here: ours only"))
    print(f"{name}: this project vs gensim")
    harness.print_fields(fields)
    harness.print_results(
        f"Results: {name}, {epochs} epoch(s)\n" + format_tables(report["runs"], algo),
        [(f"{run['impl']} at {run['workers']}w", run) for run in report["runs"]],
        "compiled_during_timed_fit", f"Acceptance criteria ({report['criteria_set']}) for "
        f"{name}", report, f"full {report['criteria_set']} x 5 epochs",
        between=[f"note: the criteria are set for 5 epochs; this run has {epochs}"]
        if epochs != 5 else [])


def make_parser():
    parser = argparse.ArgumentParser(
        description="Benchmark our fastText (skip-gram or CBOW) against gensim's: speed, "
                    "scaling, memory, quality; our word-level skip-gram beside.")
    harness.add_common_options(
        parser, "worker counts to run, for ours and gensim (default 1 2)", child=True)
    harness.add_repeats_option(parser)
    parser.add_argument("--algo", choices=sorted(ALGORITHMS), default="sg",
                        help="sg: fastText skip-gram (default); cbow: fastText CBOW")
    parser.add_argument("--epochs", type=int, default=5, help="training epochs (default 5)")
    parser.add_argument("--no-gensim", action="store_true", help="run only this project")
    parser.add_argument("--no-sg", action="store_true",
                        help="leave out our word-level skip-gram (no syntactic comparison)")
    parser.add_argument("--criteria", choices=sorted(TARGETS),
                        help="the criteria's set (default: brown if the corpus file's name "
                             "says so, else wiki17m)")
    parser.add_argument("--output", help="save the report here (default: bench/results/"
                                         "fasttext_speed_ALGO_CORPUS_DATE.txt; none for slices)")
    return parser


def check_options(parser, args):
    if args.epochs < 1:
        parser.error("--epochs must be >= 1")


def run_benchmark(args, corpus, eval_paths):
    """Prepare the corpus, then each model at each worker count in a child."""
    eval_paths["rw"] = str(Path(eval_paths["analogy"]).with_name(RW_FILE))
    if not Path(eval_paths["rw"]).is_file():
        sys.exit(f"error: benchmark file not found: {eval_paths['rw']}")
    stem = corpus.name.split(".")[0]
    criteria_set = args.criteria or ("brown" if "brown" in stem.lower() else "wiki17m")
    output = args.output or (None if args.max_words else str(
        RESULTS / f"fasttext_speed_{args.algo}_{stem}_{datetime.date.today().isoformat()}.txt"))

    with harness.scratch_folder("fasttext_speed_") as scratch:
        what = f"the first {args.max_words:,} tokens of the" if args.max_words else "the"
        harness.progress(f"preparing (counting and encoding) {what} corpus...")
        prepared = harness.run_child({"task": "prepare", "corpus": str(corpus),
                                      "max_words": args.max_words, "scratch": scratch,
                                      "algo": args.algo}, __file__)
        if "error" in prepared:
            sys.exit(f"error: preparing the corpus failed: {prepared['error']}")
        gensim_version = None if args.no_gensim else prepared["versions"].get("gensim")
        # Every repeat runs every job before the next starts, so a drift of the
        # machine's speed reaches all of them alike (--repeats).
        jobs = [(impl, workers) for workers in sorted(set(args.workers))
                for impl in (("gensim", "ours") if gensim_version else ("ours",))]
        jobs += [] if args.no_sg else [("sg", 1)]
        runs = []
        for impl, workers in jobs * args.repeats:
            harness.progress(f"training {NAMES[impl]} with {workers} worker(s)...")
            started = time.perf_counter()
            figures = harness.run_child(
                {"task": impl, "algo": args.algo, "workers": workers, "epochs": args.epochs,
                 "corpus": prepared["corpus_for_training"], "cache_dir": prepared["cache_dir"],
                 "eval_paths": eval_paths}, __file__)
            harness.progress(f"  child process done in {time.perf_counter() - started:.1f} s")
            runs.append({"impl": impl, "workers": workers, **figures,
                         "launcher_peak_rss_mb": harness.peak_rss_mb()})

    runs = harness.keep_median_runs(runs)
    add_derived_figures(runs, prepared["raw_tokens"], args.epochs)
    return {"algo": args.algo, "corpus": str(corpus), "max_words": args.max_words,
            "raw_tokens_per_epoch": prepared["raw_tokens"], "epochs": args.epochs,
            "vocabulary_size": prepared["vocabulary_size"], "settings": SETTINGS,
            "baseline_settings": BASELINE, "criteria_set": criteria_set,
            "targets": TARGETS[criteria_set], "eval_paths": eval_paths,
            "analogy_restrict_vocab": harness.ANALOGY_RESTRICT_VOCAB,
            "prepare_seconds_up_front": prepared["prepare_seconds"],
            "numba_warmup_seconds_up_front": prepared["numba_warmup_seconds"],
            "numba_compiled_up_front": prepared["numba_compiled_up_front"],
            "warmup_compiled": sum(run.get("warmup_cache_misses", 0) for run in runs),
            "versions": prepared["versions"], "gensim_version": gensim_version,
            "no_gensim": args.no_gensim, "machine": harness.machine(), "output": output,
            "runs": runs, "criteria": check_criteria(runs, TARGETS[criteria_set])}


if __name__ == "__main__":
    harness.main(make_parser(), RUNNERS, run_benchmark, print_report, check=check_options)
