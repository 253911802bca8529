"""PPMI-SVD speed, memory and quality, beside skip-gram's (ours, and gensim's when installed).

Usage, from the repository root::

    python bench/svd_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz
    python bench/svd_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz --no-gensim
    python bench/svd_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --max-words 300000 --epochs 1                 # a quick trial of the script itself

Every job is a fresh process (``harness.run_child``; the parent stays on the
standard library, so a child's peak RSS is its own):

* *prepare*: the vocabulary and the encoded corpus, into the cache (the
  targets are for a fit that starts from the cached encoding), and the
  on-disk Numba cache filled by tiny fits of both estimators;
* *svd*, at each worker count: ``PPMISVD(...).fit(corpus)``, timed whole
  (loading the cached encoding, counting, PPMI, SVD), after a tiny warm-up
  fit so that no compilation is timed;
* *sg*: our ``SkipGram`` on the same vocabulary (dim, window and min_count
  as the SVD's; negative 5, sample 1e-3, ``--epochs``), timed whole too;
* *gensim*, if it imports: gensim's ``Word2Vec(sg=1)`` with the same
  settings, the corpus read into memory first (not timed: ``fit s`` is
  ``build_vocab`` + ``train``).

Each row: fit seconds, and for ours the part spent counting co-occurrences
(SVD) or the training loop (skip-gram); peak RSS when the fit ends; the
quality of the vectors (``harness.evaluate_quality``: analogy@30k, WS353,
SimLex); and seconds and peak RSS as ratios to gensim's skip-gram at the
same worker count. The issue's acceptance criteria for PPMI-SVD (``TARGETS``)
close the report.
"""
import argparse
import sys
import time

import harness  # standard library only at the top: heavy imports happen in the children

# Shared by every row (our parameter names): the setting.
SHARED = {"dim": 100, "window": 5, "min_count": 5, "seed": 1}
SKIPGRAM = {"negative": 5, "sample": 1e-3, "alpha": 0.025, "min_alpha": 1e-4}
TARGETS = {"analogy": 0.30, "ws353": 0.65, "fit_seconds_2w": 45, "peak_rss_mb": 1536}
KERNELS = {"svd": ("svd.kernels", ("marginals", "ppmi_times")),
           "sg": ("w2v.kernels", ("skipgram_chunk",))}
METHOD = ["each run in a fresh process, after a tiny warm-up fit (Numba compilation not timed);",
          "the corpus is encoded once up front and cached: our fits start from that cache;",
          "fit s: ours, the whole fit (loading the encoding included); gensim, build_vocab + "
          "train (reading the corpus into memory before is not counted);",
          "peak RSS (MB = 2**20 bytes) read when the fit ends; ratios are to gensim's "
          "skip-gram at the same worker count"]


# ===================================================================== child processes

def svd_settings(job):
    return {**job["shared"], **job["svd"]}


def sg_settings(job):
    return {**job["shared"], **SKIPGRAM, "epochs": job["epochs"]}


def estimator(kind):
    """Our estimator class for a row kind ("svd" or "sg")."""
    if kind == "svd":
        from svd import PPMISVD
        return PPMISVD
    from w2v import SkipGram
    return SkipGram


def warm_up(kind, settings, workers):
    """A tiny fit with the same estimator and settings (so the same kernels and
    argument types) as the timed one; returns its seconds."""
    def fit(folder, corpus):
        tiny = {**settings, "min_count": 1, "dim": min(settings["dim"], 8)}
        if kind == "sg":
            tiny["epochs"] = 1
        estimator(kind)(**tiny, workers=workers, verbose=False).fit(corpus,
                                                                    cache_dir=folder / "cache")

    return harness.warm_up(f"svd_speed_warmup_{kind}_", fit)


def run_prepare(job):
    """Encode the corpus (or its --max-words slice) into the cache; fill the Numba cache."""
    from wordvec.cache import prepare_corpus

    corpus, cache_dir = harness.corpus_slice(job["corpus"], job["max_words"], job["scratch"])
    started = time.perf_counter()
    vocab, _ = prepare_corpus(corpus, job["shared"]["min_count"], cache_dir=cache_dir)
    prepare_seconds = time.perf_counter() - started
    for kind, settings in (("svd", svd_settings(job)), ("sg", sg_settings(job))):
        warm_up(kind, settings, workers=1)
    from svd import PPMISVD
    defaults = {name: value for name, value in PPMISVD.defaults().items()
                if name not in ("workers", "verbose", "callbacks", "seed")}
    return {"corpus_for_training": corpus, "cache_dir": cache_dir,
            "raw_tokens": vocab.total_words, "vocabulary_size": len(vocab),
            "prepare_seconds": prepare_seconds, "svd_defaults": defaults,
            "versions": harness.versions("gensim", "scipy")}


def run_ours(job):
    """Fit our PPMISVD or SkipGram as ``job`` says; return its figures."""
    import importlib

    kind, workers = job["kind"], job["workers"]
    settings = svd_settings(job) if kind == "svd" else sg_settings(job)
    warmup_seconds = warm_up(kind, settings, workers)
    module, names = KERNELS[kind]
    kernels = [getattr(importlib.import_module(module), name) for name in names]
    signatures = harness.signature_count(kernels)
    model = estimator(kind)(**settings, workers=workers, verbose=False)
    started = time.perf_counter()
    model.fit(job["corpus"], cache_dir=job["cache_dir"])
    figures = {"fit_seconds": time.perf_counter() - started,
               "train_seconds": model.train_seconds_, **harness.memory_figures(),
               "warmup_seconds": warmup_seconds,
               "compiled_during_timed_fit": harness.signature_count(kernels) > signatures,
               "vocabulary_size": len(model.vocab_)}
    if kind == "svd":
        figures.update(count_seconds=model.count_seconds_, nnz=model.cooccurrence_.nnz,
                       full_nnz=model.cooccurrence_.full_nnz,
                       top_singular_values=model.singular_values_[:5].tolist())
    figures.update(harness.evaluate_quality(model.wv, job["eval_paths"]))
    return figures


def run_gensim(job):
    """Fit gensim's skip-gram with the same settings; return its figures."""
    from gensim.models import Word2Vec

    from wordvec.text import Corpus
    from wordvec.vectors import KeyedVectors

    shared = {}  # one string per distinct word, shared by its occurrences
    sentences = [[shared.setdefault(token, token) for token in sentence]
                 for sentence in Corpus(job["corpus"])]
    settings = sg_settings(job)
    model = Word2Vec(sg=1, hs=0, negative=settings["negative"], vector_size=settings["dim"],
                     window=settings["window"], sample=settings["sample"],
                     min_count=settings["min_count"], alpha=settings["alpha"],
                     min_alpha=settings["min_alpha"], seed=settings["seed"],
                     workers=job["workers"], epochs=settings["epochs"])
    started = time.perf_counter()
    model.build_vocab(sentences)
    train_started = time.perf_counter()
    model.train(sentences, total_examples=model.corpus_count, epochs=settings["epochs"])
    finished = time.perf_counter()
    figures = {"fit_seconds": finished - started, "train_seconds": finished - train_started,
               **harness.memory_figures(), "vocabulary_size": len(model.wv)}
    figures.update(harness.evaluate_quality(KeyedVectors(model.wv.vectors, model.wv.index_to_key),
                                            job["eval_paths"]))
    return figures


RUNNERS = {"prepare": run_prepare, "ours": run_ours, "gensim": run_gensim}


# ===================================================================== parent process

ROW_NAMES = {"svd": "PPMI-SVD (ours)", "sg": "skip-gram (ours)", "gensim": "skip-gram (gensim)"}


def format_table(runs):
    """One aligned table: a row per (method, workers)."""
    header = ("method", "workers", "fit s", "count s", "train s", "s vs gensim", "peak RSS MB",
              "RSS vs gensim", "analogy@30k", "answered", "WS353", "SimLex")
    gensim = {run["workers"]: run for run in runs if run["kind"] == "gensim" and
              "error" not in run}
    rows = []
    for run in runs:
        name = ROW_NAMES[run["kind"]]
        if "error" in run:
            rows.append((name, str(run["workers"])) + ("failed",) * (len(header) - 2))
            continue
        peer = gensim.get(run["workers"]) if run["kind"] != "gensim" else None
        rows.append((name, str(run["workers"]),
                     harness.cell(run["fit_seconds"], "{:.1f}"),
                     harness.cell(run.get("count_seconds"), "{:.1f}"),
                     harness.cell(run["train_seconds"], "{:.1f}"),
                     harness.cell(harness.ratio(run, peer, "fit_seconds"), "{:.2f}x"),
                     harness.cell(run["peak_rss_mb"], "{:.0f}"),
                     harness.cell(harness.ratio(run, peer, "peak_rss_mb"), "{:.2f}x"),
                     *harness.quality_cells(run, "analogy_accuracy", "{:.3f}")))
    return harness.table(header, rows, left=1)


def check_criteria(runs):
    """The issue's acceptance criteria for PPMI-SVD, judged on its 2-worker run."""
    svd_runs = {run["workers"]: run for run in runs if run["kind"] == "svd" and "error" not in run}
    run = svd_runs.get(2)
    missing = "needs a PPMI-SVD run at 2 workers"

    def value(key):
        return None if run is None else run[key]

    return [
        harness.threshold(f"analogy@30k >= {TARGETS['analogy']}", value("analogy_accuracy"),
                          TARGETS["analogy"], "{:.3f}", missing=missing),
        harness.threshold(f"WS353 >= {TARGETS['ws353']}", value("ws353_spearman"),
                          TARGETS["ws353"], "{:.3f}", missing=missing),
        harness.threshold(f"whole fit at 2 workers <= {TARGETS['fit_seconds_2w']} s",
                          value("fit_seconds"), TARGETS["fit_seconds_2w"], "{:.1f} s",
                          at_most=True, missing=missing),
        harness.threshold(f"peak RSS of the fit <= {TARGETS['peak_rss_mb']} MB",
                          value("peak_rss_mb"), TARGETS["peak_rss_mb"], "{:.0f} MB",
                          at_most=True, missing=missing)]


def print_report(report):
    svd = report["svd_settings"]
    print("PPMI-SVD beside skip-gram: speed, memory, quality")
    fields = [("corpus", harness.corpus_line(report["corpus"], report["max_words"],
                                             report["raw_tokens"])),
              ("tokens", f"{report['raw_tokens']:,} raw tokens; vocabulary "
                         f"{report['vocabulary_size']:,} words (min_count "
                         f"{report['shared']['min_count']}), the same for every row"),
              ("PPMI-SVD", ", ".join(f"{name} {value}" for name, value in svd.items())),
              ("skip-gram", ", ".join(f"{name} {value:g}" for name, value in
                                      {**report["shared"], **SKIPGRAM,
                                       "epochs": report["epochs"]}.items())),
              *harness.environment_fields(report), ("method", METHOD)]
    matrix = next((run for run in report["runs"] if run["kind"] == "svd" and "nnz" in run), None)
    if matrix:
        fields.insert(2, ("matrix", f"{matrix['nnz']:,} counts stored (upper triangle), "
                                    f"{matrix['full_nnz']:,} cells both directions"))
    harness.print_fields(fields)
    harness.print_results(format_table(report["runs"]),
                          [(f"{ROW_NAMES[run['kind']]} at {run['workers']}w", run)
                           for run in report["runs"]], "compiled_during_timed_fit",
                          "Acceptance criteria for PPMI-SVD", report, "full wiki17m")


def make_parser():
    parser = argparse.ArgumentParser(
        description="Benchmark PPMI-SVD beside skip-gram (ours, and gensim's): speed, memory, "
                    "quality.")
    harness.add_common_options(parser, "worker counts to run, each for every method "
                                       "(default 2)", child=True)
    parser.set_defaults(workers=[2])
    parser.add_argument("--epochs", type=int, default=5,
                        help="skip-gram's epochs (default 5)")
    for name in ("dim", "window"):
        parser.add_argument(f"--{name}", type=int, default=SHARED[name],
                            help=f"for every row (default {SHARED[name]})")
    parser.add_argument("--eig", type=float, help="PPMI-SVD's eig (default: the estimator's)")
    parser.add_argument("--vectors", help="PPMI-SVD's vectors (default: the estimator's)")
    parser.add_argument("--power-iterations", type=int, dest="power_iterations",
                        help="PPMI-SVD's power_iterations (default: the estimator's)")
    parser.add_argument("--oversampling", type=int,
                        help="PPMI-SVD's oversampling (default: the estimator's)")
    parser.add_argument("--no-sg", action="store_true", help="no skip-gram rows (ours, gensim)")
    parser.add_argument("--no-gensim", action="store_true", help="no gensim row")
    return parser


def run_benchmark(args, corpus, eval_paths):
    """Prepare the corpus, then each method at each worker count in a child; the report."""
    shared = {**SHARED, "dim": args.dim, "window": args.window}
    svd = {name: getattr(args, name) for name in ("eig", "vectors", "power_iterations",
                                                  "oversampling")
           if getattr(args, name) is not None}
    job = {"shared": shared, "svd": svd, "epochs": args.epochs, "eval_paths": eval_paths}

    with harness.scratch_folder("svd_speed_") as scratch:
        harness.progress("preparing (counting and encoding) the corpus, compiling kernels...")
        prepared = harness.run_child({**job, "task": "prepare", "corpus": str(corpus),
                                      "max_words": args.max_words, "scratch": scratch},
                                     __file__)
        if "error" in prepared:
            sys.exit(f"error: preparing the corpus failed: {prepared['error']}")
        kinds = ["svd"] + ([] if args.no_sg else ["sg"])
        if not (args.no_sg or args.no_gensim) and "gensim" in prepared["versions"]:
            kinds.append("gensim")
        runs = []
        for workers in sorted(set(args.workers)):
            for kind in kinds:
                harness.progress(f"{ROW_NAMES[kind]} with {workers} worker(s)...")
                began = time.perf_counter()
                figures = harness.run_child(
                    {**job, "task": "gensim" if kind == "gensim" else "ours", "kind": kind,
                     "workers": workers, "corpus": prepared["corpus_for_training"],
                     "cache_dir": prepared["cache_dir"]}, __file__)
                harness.progress(f"  done in {time.perf_counter() - began:.1f} s")
                runs.append({"kind": kind, "workers": workers, **figures})

    svd_settings_used = {**{name: value for name, value in prepared["svd_defaults"].items()},
                         **shared, **svd}
    report = {"corpus": str(corpus), "max_words": args.max_words,
              "raw_tokens": prepared["raw_tokens"], "vocabulary_size": prepared["vocabulary_size"],
              "shared": shared, "svd_settings": svd_settings_used, "epochs": args.epochs,
              "versions": prepared["versions"], "machine": harness.machine(),
              "targets": TARGETS, "eval_paths": eval_paths, "runs": runs}
    report["criteria"] = check_criteria(runs)
    return report


if __name__ == "__main__":
    harness.main(make_parser(), RUNNERS, run_benchmark, print_report)
