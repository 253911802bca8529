"""Word2Vec speed, memory and quality: this project against gensim, side by side.

Usage, from the repository root::

    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz
    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz --algo cbow
    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz --hs
    python bench/w2v_speed.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --max-words 300000 --epochs 1                 # a quick trial of the script itself

One run of the script benchmarks one variant: skip-gram (``--algo sg``, the
default: our ``SkipGram``, gensim's ``sg=1``) or CBOW (``--algo cbow``: our
``CBOW(cbow_mean=True)``, gensim's ``sg=0, cbow_mean=1``), trained with
negative sampling (the default) or with hierarchical softmax only (``--hs``:
``negative=0`` and ``hs=True`` / ``hs=1``). Both implementations train it on
the same corpus with the same settings (``SETTINGS``, adjusted by
``variant_settings``; the learning rate is ``--alpha`` for both, 0.025 by
default, also for CBOW, whose own default in this project is word2vec.c's
0.05), at every worker count asked for. Each
(implementation, workers) run happens in a fresh Python process: this script,
re-invoked with the hidden ``--_child`` option. So no run inherits another's
memory high-water mark, threads or compiled code; the child prints its
figures as one JSON line on stdout and the parent gathers them.

The parent itself stays small (standard library only; even the up-front
corpus preparation runs in a child) for a reason: on Linux a new program
inherits its parent's ``ru_maxrss`` (the kernel keeps the larger of the two
across exec), so a child's figure is really max(parent's peak, child's peak).
With a parent of ~10 MB it is the child's own peak. Where available the child
also reads its ``VmHWM`` (peak RSS of its own address space only) as a check.

What is measured, per run
-------------------------
* Prepare and train seconds. Training time excludes building the vocabulary.
  For gensim, reading the corpus into memory plus ``build_vocab`` is
  "prepare", ``train`` alone is "train". For us, the corpus is encoded once up
  front, before any timed run (``prepare_corpus`` caches it), and each child's
  ``fit`` is split into prepare (loading that cache, initialising the weights)
  and train (``train_seconds_``). Compiling or loading the Numba kernels is
  not in the timed fit: the up-front step brings the on-disk kernel cache up to
  date, and each of our children runs a tiny warm-up fit before the timed one.
* words/s = raw corpus tokens per epoch x epochs / training seconds, the same
  formula for both. Raw tokens are all the tokens of the corpus file, rare
  words included, before subsampling, counted once.
* Peak RSS: the child's ``ru_maxrss``, read as soon as training ends (the
  evaluation that follows is not counted).
* Quality, with this project's evaluation functions on both models' vectors:
  Google analogies (3CosAdd, vocabulary restricted to the 30,000 most frequent
  words, accuracy over the questions answered), and the Spearman correlation
  on WordSim-353 and SimLex-999.

The project's acceptance criteria for the variant (``TARGETS``,
``check_criteria``) close the report, one PASS/FAIL line each; the figures a
variant has no target for are shown on "info" lines. They are set for the
full wiki17m corpus with 5 epochs; on a ``--max-words`` slice they are only
indicative.
"""
import argparse
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Heavy imports (NumPy, Numba, gensim, the project) happen inside the functions
# that need them, i.e. only in child processes: each child loads only its own
# implementation, and the parent stays small (see the module docstring).

# Training settings shared by both implementations, under our parameter names:
# those of skip-gram with negative sampling; ``variant_settings`` adapts them.
SETTINGS = {"dim": 100, "window": 5, "negative": 5, "hs": False, "sample": 1e-3,
            "min_count": 5, "alpha": 0.025, "min_alpha": 1e-4, "seed": 1}
# The algorithms: our estimator class, its Numba kernel, gensim's ``sg`` and a name.
ALGORITHMS = {"sg": {"ours": "SkipGram", "kernel": "skipgram_chunk", "gensim_sg": 1,
                     "name": "skip-gram"},
              "cbow": {"ours": "CBOW", "kernel": "cbow_chunk", "gensim_sg": 0,
                       "name": "CBOW"}}
ANALOGY_RESTRICT_VOCAB = 30_000
EVAL_FILES = {"analogy": "questions-words.txt", "ws353": "wordsim353.tsv",
              "simlex": "simlex999.txt"}
IMPLEMENTATIONS = ("gensim", "ours")

# The acceptance criteria, per variant (algo, hs). None: the figure is shown,
# with no target.
#   speedup   ours at 1 worker / gensim at 1 worker, in words/s, at least
#   scaling   ours at 2 workers / ours at 1 worker, at least
#   analogy   percentage points of analogy accuracy we may lose to gensim
#   ws353     WS353 Spearman we may lose to gensim
#   rss_mb    our peak RSS, in MB of 2**20 bytes, at most
HS_TARGETS = {"speedup": None, "scaling": None, "analogy": 1.5, "ws353": None, "rss_mb": None}
TARGETS = {("sg", False): {"speedup": 1.5, "scaling": 1.7, "analogy": 1.0, "ws353": 0.02,
                           "rss_mb": 400},
           ("cbow", False): {"speedup": 1.5, "scaling": None, "analogy": 1.0, "ws353": 0.02,
                             "rss_mb": None},
           ("sg", True): HS_TARGETS,
           ("cbow", True): HS_TARGETS}


def variant_settings(algo, hs, alpha):
    """``SETTINGS`` for one variant, under our parameter names.

    ``hs``: hierarchical softmax only (negative sampling off). CBOW adds
    ``cbow_mean`` (averaged context vectors, as gensim's ``cbow_mean=1``).
    """
    settings = {**SETTINGS, "alpha": alpha}
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
        f"hs={settings['hs']}", f"negative={settings['negative']}"]
    gensim_args = [f"sg={gensim_sg}"] + (["cbow_mean=1"] if mean else []) + [
        f"hs={int(settings['hs'])}", f"negative={settings['negative']}"]
    return {"algo": algo, "hs": hs, "name": f"{ALGORITHMS[algo]['name']} with {output}",
            "ours_class": ours_class,
            "ours": f"{ours_class}({', '.join(ours_args)})",
            "gensim": f"Word2Vec({', '.join(gensim_args)})"}


# ===================================================================== child processes

def peak_rss_mb():
    """This process's peak resident set size so far, in MB (2**20 bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # macOS: bytes; Linux: KiB


def own_peak_rss_mb():
    """Peak RSS of this process's own address space (Linux ``VmHWM``), or None.

    Unlike ``ru_maxrss`` it does not include the parent's peak; used as a check.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10  # kB
    except OSError:
        pass
    return None


def finite_or_none(value):
    """A float for JSON: NaN (e.g. a correlation over no pairs) becomes None."""
    value = float(value)
    return value if math.isfinite(value) else None


def evaluate_quality(kv, eval_paths):
    """Analogy accuracy and word-pair Spearman of ``kv`` (our KeyedVectors)."""
    from wordvec.evaluate import evaluate_analogies, evaluate_word_pairs

    analogies = evaluate_analogies(kv, eval_paths["analogy"],
                                   restrict_vocab=ANALOGY_RESTRICT_VOCAB)
    ws353 = evaluate_word_pairs(kv, eval_paths["ws353"])
    simlex = evaluate_word_pairs(kv, eval_paths["simlex"])
    return {"analogy_accuracy": analogies.accuracy,   # over answered questions
            "analogy_answered": analogies.answered,
            "analogy_questions": analogies.total.questions,
            "ws353_spearman": finite_or_none(ws353.spearman),
            "ws353_pairs_used": ws353.answered,
            "simlex_spearman": finite_or_none(simlex.spearman),
            "simlex_pairs_used": simlex.answered}


def our_class(algo):
    """Our estimator class for ``algo`` ("sg" or "cbow")."""
    import w2v

    return getattr(w2v, ALGORITHMS[algo]["ours"])


def our_kernel(algo):
    """The Numba kernel that our estimator for ``algo`` trains with."""
    from w2v import kernels

    return getattr(kernels, ALGORITHMS[algo]["kernel"])


def warm_up_ours(algo, settings, workers):
    """A tiny fit, so that a later fit in this process compiles nothing.

    The first fit in a process compiles the Numba kernels, or loads them from
    the on-disk cache (``__pycache__``) if it is up to date. The tiny fit trains
    on a small *file* corpus, as the real one does: a cached corpus comes back
    memory-mapped read-only, and Numba compiles for a read-only array
    separately from a writable one (an in-memory corpus would warm up the wrong
    variant). It fits the same estimator with the same settings (so the same
    kernel, output layers and argument types) as the timed fit. Returns the
    seconds it took.
    """
    from corpora.synthetic import write as write_synthetic

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="w2v_speed_warmup_") as scratch:
        tiny_corpus = Path(scratch) / "tiny.txt"
        write_synthetic(tiny_corpus, n_sentences=300)
        warmup = our_class(algo)(**{**settings, "min_count": 1}, epochs=1, workers=workers,
                                 verbose=False)
        warmup.fit(tiny_corpus, cache_dir=Path(scratch) / "cache")
    return time.perf_counter() - started


def run_ours(job):
    """Train our SkipGram or CBOW as ``job`` says; return its figures."""
    algo, settings = job["algo"], job["settings"]
    workers, epochs = job["workers"], job["epochs"]
    kernel = our_kernel(algo)

    # Compiling (or loading) the kernels is not part of the timed fit.
    warmup_seconds = warm_up_ours(algo, settings, workers)
    # Each new argument type signature is a new compilation: if the count grows
    # during the timed fit, the warm-up missed one and compile time was timed.
    signatures_before = len(getattr(kernel, "signatures", ()))

    model = our_class(algo)(**settings, epochs=epochs, workers=workers, verbose=False)
    started = time.perf_counter()
    model.fit(job["corpus"], cache_dir=job["cache_dir"])
    fit_seconds = time.perf_counter() - started
    rss_after_training, own_rss_after_training = peak_rss_mb(), own_peak_rss_mb()

    figures = {"prepare_seconds": fit_seconds - model.train_seconds_,
               "train_seconds": model.train_seconds_,
               "fit_seconds": fit_seconds,
               "warmup_seconds": warmup_seconds,
               "compiled_during_timed_fit":
                   len(getattr(kernel, "signatures", ())) > signatures_before,
               "raw_tokens": model.vocab_.total_words,
               "vocabulary_size": len(model.vocab_),
               "words_trained": model.words_trained_,          # in-vocabulary words
               "own_words_per_second": model.words_per_second_,  # ours counts those only
               "peak_rss_mb": rss_after_training,
               "vm_hwm_mb": own_rss_after_training}
    figures.update(evaluate_quality(model.wv, job["eval_paths"]))
    figures["peak_rss_mb_after_evaluation"] = peak_rss_mb()
    return figures


def read_sentences(path):
    """The corpus as a list of token lists, cut at 10,000 tokens (``Corpus(path)``).

    Each distinct word is stored once and shared by all its occurrences, so
    the list costs about 8 bytes per token instead of a string object each
    (gensim gets a compact in-memory corpus, not one of 1 GB for wiki17m).
    """
    from wordvec.corpus import Corpus

    shared = {}
    return [[shared.setdefault(token, token) for token in sentence]
            for sentence in Corpus(path)]


def run_gensim(job):
    """Train gensim's Word2Vec as ``job`` says; return its figures."""
    import gensim
    from gensim.models import Word2Vec

    from wordvec.keyedvectors import KeyedVectors

    algo, settings = job["algo"], job["settings"]
    workers, epochs = job["workers"], job["epochs"]

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
                     seed=settings["seed"], workers=workers, epochs=epochs)
    started = time.perf_counter()
    model.build_vocab(sentences)
    build_vocab_seconds = time.perf_counter() - started

    started = time.perf_counter()
    trained_words, raw_words = model.train(sentences, total_examples=model.corpus_count,
                                           epochs=epochs)
    train_seconds = time.perf_counter() - started
    rss_after_training, own_rss_after_training = peak_rss_mb(), own_peak_rss_mb()

    figures = {"prepare_seconds": read_seconds + build_vocab_seconds,
               "read_seconds": read_seconds,
               "build_vocab_seconds": build_vocab_seconds,
               "train_seconds": train_seconds,
               "raw_tokens": model.corpus_total_words,
               "vocabulary_size": len(model.wv),
               "words_trained": trained_words,    # after subsampling, all epochs
               "raw_words_reported": raw_words,   # gensim's count, all epochs
               "gensim_version": gensim.__version__,
               "peak_rss_mb": rss_after_training,
               "vm_hwm_mb": own_rss_after_training}
    vectors = KeyedVectors(model.wv.vectors, model.wv.index_to_key)
    figures.update(evaluate_quality(vectors, job["eval_paths"]))
    figures["peak_rss_mb_after_evaluation"] = peak_rss_mb()
    return figures


def truncate_corpus(source, max_words, folder):
    """Write the first ``max_words`` tokens of ``source`` to a text file in ``folder``.

    One sentence of ``Corpus(source)`` per line: read back with ``Corpus``,
    the file gives the same sentences. Returns the file's path.
    """
    from wordvec.corpus import Corpus

    path = Path(folder) / f"first-{max_words}-tokens.txt"
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for sentence in Corpus(source):
            sentence = sentence[:max_words - written]
            out.write(" ".join(sentence) + "\n")
            written += len(sentence)
            if written >= max_words:
                break
    return path


def run_prepare(job):
    """Count and encode the corpus once, before any timed run.

    The encoding lands in the cache, where our training children find it. A
    ``--max-words`` slice is first written to a scratch file that both
    implementations then read; its encoding is cached in the scratch folder,
    so the user's cache is not littered with slices.
    """
    import importlib.metadata
    import inspect

    import numpy

    from wordvec.cache import prepare_corpus

    corpus, cache_dir = job["corpus"], None
    if job["max_words"]:
        corpus = str(truncate_corpus(corpus, job["max_words"], job["scratch"]))
        cache_dir = str(Path(job["scratch"]) / "cache")
    started = time.perf_counter()
    vocab, _ = prepare_corpus(corpus, job["settings"]["min_count"], cache_dir=cache_dir)
    prepare_seconds = time.perf_counter() - started
    # Bring the on-disk Numba cache up to date now, so that every measured child
    # of ours loads the kernels the same way, none compiling them (compiling
    # would also add some 20 MB to that child's peak RSS).
    warmup_seconds = warm_up_ours(job["algo"], job["settings"], workers=1)
    # Our estimator's own default learning rate, which the header compares with --alpha.
    default_alpha = inspect.signature(our_class(job["algo"])).parameters["alpha"].default

    versions = {"python": platform.python_version(), "numpy": numpy.__version__,
                "numba": importlib.metadata.version("numba")}
    try:  # gensim runs only if it can be imported
        import gensim
        versions["gensim"] = gensim.__version__
    except ImportError:
        pass
    return {"corpus_for_training": corpus, "cache_dir": cache_dir,
            "raw_tokens": vocab.total_words,  # every token of the file, counted once
            "vocabulary_size": len(vocab), "prepare_seconds": prepare_seconds,
            "numba_warmup_seconds": warmup_seconds, "ours_default_alpha": default_alpha,
            "versions": versions}


def child_main(job_json):
    """Entry point of a child process: run one job, print its figures as JSON."""
    job = json.loads(job_json)
    runners = {"prepare": run_prepare, "ours": run_ours, "gensim": run_gensim}
    print(json.dumps(runners[job["task"]](job)), flush=True)


# ===================================================================== parent process

def run_child(job, script=__file__):
    """Run ``job`` in a fresh interpreter running ``script`` (this file, or
    another benchmark that imports this function) with ``--_child``; return
    its figures (a dict, with "error" on failure)."""
    command = [sys.executable, os.path.abspath(script), "--_child", json.dumps(job)]
    # stderr passes through (warnings, tracebacks); stdout carries the JSON.
    finished = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if finished.returncode != 0:
        return {"error": f"child process exited with status {finished.returncode}"}
    lines = [line for line in finished.stdout.splitlines() if line.strip()]
    try:
        return json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": f"no JSON figures in the child's output: {finished.stdout[-300:]!r}"}


def find_eval_paths(data_dir):
    """The three benchmark files, from DATA/eval (or DATA itself)."""
    folder = data_dir / "eval" if (data_dir / "eval").is_dir() else data_dir
    paths = {name: folder / filename for name, filename in EVAL_FILES.items()}
    missing = [str(path) for path in paths.values() if not path.is_file()]
    if missing:
        sys.exit(f"error: benchmark file(s) not found: {', '.join(missing)} "
                 "(set --data-dir or WORDVEC_DATA to the folder holding eval/)")
    return {name: str(path) for name, path in paths.items()}


def add_derived_figures(runs, raw_tokens, epochs):
    """words/s (one formula for both), ratio to gensim, scaling from 1 worker."""
    by_key = {(run["impl"], run["workers"]): run for run in runs}
    for run in runs:
        run["words_per_second"] = (raw_tokens * epochs / run["train_seconds"]
                                   if "train_seconds" in run else None)
    for run in runs:
        gensim_run = by_key.get(("gensim", run["workers"]))
        one_worker = by_key.get((run["impl"], 1))
        run["vs_gensim"] = ratio(run, gensim_run) if run["impl"] == "ours" else None
        run["scaling"] = ratio(run, one_worker) if run["workers"] != 1 else None


def ratio(run, baseline):
    """words/s of ``run`` over those of ``baseline`` (None if either is missing)."""
    if baseline is None or not run.get("words_per_second") \
            or not baseline.get("words_per_second"):
        return None
    return run["words_per_second"] / baseline["words_per_second"]


# ------------------------------------------------------------------------ report

def cell(value, template):
    """``value`` formatted with ``template``, or "-" when it is missing."""
    return "-" if value is None else template.format(value)


def format_table(runs):
    """The results as one aligned text table."""
    header = ("impl", "workers", "prepare s", "train s", "words/s", "vs gensim",
              "scaling", "peak RSS MB", "analogy@30k", "answered", "WS353", "SimLex")
    rows = []
    for run in runs:
        if "error" in run:  # the message is printed under the table
            rows.append((run["impl"], str(run["workers"])) + ("failed",) * (len(header) - 2))
            continue
        accuracy = run["analogy_accuracy"]
        rows.append((run["impl"], str(run["workers"]),
                     cell(run["prepare_seconds"], "{:.2f}"),
                     cell(run["train_seconds"], "{:.2f}"),
                     cell(run["words_per_second"], "{:,.0f}"),
                     cell(run["vs_gensim"], "{:.2f}x"),
                     cell(run["scaling"], "{:.2f}x"),
                     cell(run["peak_rss_mb"], "{:.0f}"),
                     cell(None if accuracy is None else 100 * accuracy, "{:.2f}%"),
                     f"{run['analogy_answered']:,}",
                     cell(run["ws353_spearman"], "{:.3f}"),
                     cell(run["simlex_spearman"], "{:.3f}")))
    widths = [max(len(row[column]) for row in [header] + rows) for column in range(len(header))]

    def line(cells):
        # text columns (impl) to the left, numbers to the right
        return "  ".join(text.ljust(width) if column == 0 else text.rjust(width)
                         for column, (text, width) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([line(header), "  ".join("-" * width for width in widths)]
                     + [line(row) for row in rows])


def check_criteria(runs, targets):
    """The acceptance criteria of ``targets`` as a list of {"criterion", "status", "detail"}.

    ``targets``: one of ``TARGETS``. status is PASS, FAIL, or n/a when the runs
    a criterion needs were not made (or failed); a figure with no target
    (None) gets an "info" line that only shows it.
    """
    by_key = {(run["impl"], run["workers"]): run for run in runs if "error" not in run}
    worker_counts = sorted({run["workers"] for run in runs})
    criteria = []

    def add(criterion, passed, detail, target=True):
        if target is None:
            status = "info"
        else:
            status = "n/a" if passed is None else "PASS" if passed else "FAIL"
        criteria.append({"criterion": criterion, "status": status, "detail": detail})

    def ours_figure(workers, key):
        run = by_key.get(("ours", workers))
        return None if run is None else run[key]

    # Speed: ours at 1 worker against gensim at 1 worker.
    target = targets["speedup"]
    criterion = ("speed: ours 1w vs gensim 1w (words/s), no target" if target is None
                 else f"speed: ours 1w >= {target}x gensim 1w (words/s)")
    speedup = ours_figure(1, "vs_gensim")
    if speedup is None:
        add(criterion, None, "needs ours and gensim at 1 worker", target)
    else:
        add(criterion, target is not None and speedup >= target, f"{speedup:.2f}x", target)

    # Scaling: ours at 2 workers against ours at 1 worker.
    target = targets["scaling"]
    criterion = ("scaling: ours 2w vs ours 1w (words/s), no target" if target is None
                 else f"scaling: ours 2w >= {target}x ours 1w (words/s)")
    scaling = ours_figure(2, "scaling")
    if scaling is None:
        add(criterion, None, "needs ours at 1 and 2 workers", target)
    else:
        add(criterion, target is not None and scaling >= target, f"{scaling:.2f}x", target)

    # Quality, against gensim at each worker count both ran. The verdict is the
    # one at 1 worker (the minimum the target asks for); if another worker
    # count misses the target, the detail says so.
    def quality(name, key, tolerance, value_format, difference_format):
        criterion = (f"quality: {name} ours vs gensim, no target" if tolerance is None
                     else f"quality: {name} ours >= gensim - {tolerance:g}"
                          + ((" point" if tolerance == 1 else " points")
                             if key == "analogy_points" else ""))
        passed, details = {}, []
        for workers in worker_counts:
            ours, theirs = by_key.get(("ours", workers)), by_key.get(("gensim", workers))
            if ours is None or theirs is None or ours[key] is None or theirs[key] is None:
                continue
            passed[workers] = tolerance is None or ours[key] >= theirs[key] - tolerance
            details.append(f"{workers}w: ours {value_format.format(ours[key])} vs gensim "
                           f"{value_format.format(theirs[key])} "
                           f"({difference_format.format(ours[key] - theirs[key])})")
        if 1 not in passed:
            add(criterion, None, "needs ours and gensim at 1 worker", tolerance)
            return
        detail = "; ".join(details)
        missed = [f"{workers}w" for workers, ok in passed.items() if not ok]
        if passed[1] and missed:
            detail = f"holds at 1w, not at {', '.join(missed)}: {detail}"
        add(criterion, passed[1], detail, tolerance)

    quality("analogy@30k", "analogy_points", targets["analogy"], "{:.2f}%", "{:+.2f} points")
    quality("WS353", "ws353_spearman", targets["ws353"], "{:.3f}", "{:+.3f}")

    # Memory: our largest peak RSS over all worker counts.
    target = targets["rss_mb"]
    criterion = ("memory: ours peak RSS, no target" if target is None
                 else f"memory: ours peak RSS <= {target} MB")
    ours_runs = [run for (impl, _), run in by_key.items() if impl == "ours"]
    if not ours_runs:
        add(criterion, None, "no run of ours", target)
    else:
        largest = max(ours_runs, key=lambda run: run["peak_rss_mb"])
        add(criterion, target is not None and largest["peak_rss_mb"] <= target,
            f"largest {largest['peak_rss_mb']:.0f} MB (at {largest['workers']}w)", target)
    return criteria


def print_report(report):
    """Print the header, the table and the criteria."""
    variant = report["variant"]
    settings = ", ".join(f"{name} {value}" if isinstance(value, bool) else f"{name} {value:g}"
                         for name, value in report["settings"].items())
    versions = ", ".join(f"{name} {version}" for name, version in report["versions"].items())
    corpus_line = report["corpus"]
    if report["max_words"]:
        corpus_line += (f": FIRST {report['raw_tokens_per_epoch']:,} TOKENS ONLY (--max-words, "
                        "a quick trial: not the benchmark)")
    alpha, min_alpha = report["settings"]["alpha"], report["settings"]["min_alpha"]
    alpha_line = f"{alpha:g} -> {min_alpha:g} (linear), the same for both"
    if report["ours_default_alpha"] != alpha:
        alpha_line += (f" (our {variant['ours_class']}'s own default is "
                       f"{report['ours_default_alpha']:g})")
    name = variant["name"]
    print(f"{name[0].upper()}{name[1:]}: this project vs gensim")
    print(f"variant    ours {variant['ours']}, gensim {variant['gensim']}")
    print(f"alpha      {alpha_line}")
    print(f"corpus     {corpus_line}")
    print(f"tokens     {report['raw_tokens_per_epoch']:,} raw tokens per epoch x "
          f"{report['epochs']} epoch(s); vocabulary {report['vocabulary_size']:,} words")
    print(f"settings   {settings}")
    print(f"versions   {versions}")
    print(f"machine    {report['machine']['cpus']} CPUs, {report['machine']['platform']}")
    print("method     each run in a fresh process; ours after a tiny warm-up fit (Numba "
          "compilation not timed);")
    print("           gensim gets the corpus as an in-memory list of token lists cut at 10,000 "
          "tokens (built in its prepare s);")
    print("           train s excludes vocabulary building; words/s = raw tokens x epochs / "
          "train s, for both;")
    print("           peak RSS (MB = 2**20 bytes) read when training ends; scaling = words/s "
          "over the same impl at 1w")
    if report["gensim_version"] is None and not report["no_gensim"]:
        print("note       gensim cannot be imported here: ours only")
    print()
    print(f"Results: {name}, alpha {alpha:g}, {report['epochs']} epoch(s)")
    print(format_table(report["runs"]))
    for run in report["runs"]:
        if "error" in run:
            print(f"FAILED: {run['impl']} at {run['workers']}w: {run['error']}")
        if run.get("vm_hwm_mb") is not None and run["peak_rss_mb"] - run["vm_hwm_mb"] > 2:
            print(f"WARNING: {run['impl']} at {run['workers']}w: ru_maxrss "
                  f"{run['peak_rss_mb']:.0f} MB exceeds the process's own peak (VmHWM) "
                  f"{run['vm_hwm_mb']:.0f} MB: it may include the launching process's peak")
        if run.get("compiled_during_timed_fit"):
            print(f"WARNING: ours at {run['workers']}w compiled a Numba kernel during the "
                  "timed fit; its train time includes compilation")
    print()
    print(f"Acceptance criteria for {name}"
          + (" (set for full wiki17m x 5 epochs: indicative only on this slice)"
             if report["max_words"] else ""))
    width = max(len(item["criterion"]) for item in report["criteria"])
    for item in report["criteria"]:
        print(f"  {item['status']:<4}  {item['criterion']:<{width}}  {item['detail']}")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Benchmark our skip-gram or CBOW against gensim's: speed, scaling, "
                    "memory, quality.")
    parser.add_argument("--corpus", help="corpus file (e.g. ../shared/data/corpora/wiki17m.txt.xz)")
    parser.add_argument("--algo", choices=sorted(ALGORITHMS), default="sg",
                        help="sg: skip-gram (default); cbow: CBOW with averaged context vectors")
    parser.add_argument("--hs", action="store_true",
                        help="hierarchical softmax only (negative=0) instead of negative sampling")
    parser.add_argument("--alpha", type=float, default=SETTINGS["alpha"],
                        help=f"initial learning rate, the same for both implementations "
                             f"(default {SETTINGS['alpha']:g}, for CBOW too)")
    parser.add_argument("--epochs", type=int, default=5, help="training epochs (default 5)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="worker counts to run, each for both implementations (default 1 2)")
    parser.add_argument("--data-dir", help="folder holding eval/ (default: $WORDVEC_DATA, "
                                           "else the corpus file's ../..)")
    parser.add_argument("--no-gensim", action="store_true", help="run only this project")
    parser.add_argument("--max-words", type=int,
                        help="use only the first N tokens of the corpus (quick trials)")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    parser.add_argument("--_child", help=argparse.SUPPRESS)  # internal: one run, as JSON
    args = parser.parse_args(argv)
    if args._child is None:
        if not args.corpus:
            parser.error("--corpus is required")
        if args.epochs < 1:
            parser.error("--epochs must be >= 1")
        if any(workers < 1 for workers in args.workers):
            parser.error("--workers must all be >= 1")
        if args.max_words is not None and args.max_words < 1:
            parser.error("--max-words must be >= 1")
        if not SETTINGS["min_alpha"] <= args.alpha < math.inf:
            parser.error(f"--alpha must be >= min_alpha ({SETTINGS['min_alpha']:g})")
    return args


def main(argv=None):
    args = parse_args(argv)
    if args._child is not None:
        child_main(args._child)
        return

    corpus = Path(args.corpus).resolve()
    if not corpus.is_file():
        sys.exit(f"error: corpus file {args.corpus} not found")
    data_dir = Path(args.data_dir or os.environ.get("WORDVEC_DATA") or corpus.parent.parent)
    eval_paths = find_eval_paths(data_dir.resolve())
    worker_counts = sorted(set(args.workers))
    settings = variant_settings(args.algo, args.hs, args.alpha)
    variant = describe_variant(args.algo, args.hs, settings)

    scratch = tempfile.mkdtemp(prefix="w2v_speed_")
    try:
        what = f"the first {args.max_words:,} tokens of the" if args.max_words else "the"
        print(f"preparing (counting and encoding) {what} corpus...", file=sys.stderr)
        prepared = run_child({"task": "prepare", "corpus": str(corpus),
                              "max_words": args.max_words, "scratch": scratch,
                              "algo": args.algo, "settings": settings})
        if "error" in prepared:
            sys.exit(f"error: preparing the corpus failed: {prepared['error']}")
        versions = prepared["versions"]
        gensim_version = None if args.no_gensim else versions.get("gensim")
        implementations = list(IMPLEMENTATIONS) if gensim_version else ["ours"]

        runs = []
        for workers in worker_counts:
            for impl in implementations:
                print(f"training {impl} with {workers} worker(s)...", file=sys.stderr)
                job = {"task": impl, "algo": args.algo, "workers": workers,
                       "epochs": args.epochs, "settings": settings,
                       "corpus": prepared["corpus_for_training"],
                       "cache_dir": prepared["cache_dir"], "eval_paths": eval_paths}
                started = time.perf_counter()
                figures = run_child(job)
                print(f"  child process done in {time.perf_counter() - started:.1f} s",
                      file=sys.stderr)
                # The parent's own peak, which a child's ru_maxrss cannot go below.
                runs.append({"impl": impl, "workers": workers, **figures,
                             "launcher_peak_rss_mb": peak_rss_mb()})
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    raw_tokens = prepared["raw_tokens"]
    add_derived_figures(runs, raw_tokens, args.epochs)
    for run in runs:
        if run.get("analogy_accuracy") is not None:
            run["analogy_points"] = 100 * run["analogy_accuracy"]
    targets = TARGETS[(args.algo, args.hs)]
    report = {"variant": variant, "corpus": str(corpus), "max_words": args.max_words,
              "raw_tokens_per_epoch": raw_tokens, "epochs": args.epochs,
              "vocabulary_size": prepared["vocabulary_size"], "settings": settings,
              "ours_default_alpha": prepared["ours_default_alpha"], "targets": targets,
              "analogy_restrict_vocab": ANALOGY_RESTRICT_VOCAB, "eval_paths": eval_paths,
              "prepare_seconds_up_front": prepared["prepare_seconds"],
              "numba_warmup_seconds_up_front": prepared["numba_warmup_seconds"],
              "versions": versions, "gensim_version": gensim_version,
              "no_gensim": args.no_gensim,
              "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
              "runs": runs, "criteria": check_criteria(runs, targets)}
    print_report(report)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2)
        print(f"\nall figures written to {args.json}")


if __name__ == "__main__":
    main()
