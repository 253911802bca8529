"""Scale: every algorithm on a corpus and on one about four times longer; memory that grows.

Usage, from the repository root::

    python bench/scale.py --corpus ../shared/data/corpora/wiki17m.txt.xz
    python bench/scale.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --large ../shared/data/corpora/wiki65m.txt.xz --items sg cbow repeat
    python bench/scale.py --corpus ../shared/data/corpora/wiki17m.txt.xz \\
        --max-words 200000                            # a quick trial of the script itself

``--corpus`` is the base corpus (wiki17m), ``--large`` the longer one
(default: wiki65m.txt.xz beside it). For each of the two, in this order, each
item a fresh process (``harness.run_child``; the parent stays on the standard
library, so a child's peak RSS is its own), after the corpus is counted and
encoded into the cache once (``prepare``):

* ``sg``, ``cbow``: our ``SkipGram`` / ``CBOW(cbow_mean=True)``, 1 epoch, 1
  worker, the settings of ``w2v_speed.py`` (dim 100, window 5, negative 5,
  sample 1e-3, min_count 5, alpha 0.025); timed: the whole ``fit`` from the
  cached encoding;
* ``glove-count``: ``count_cooccurrences`` with GloVe's defaults (window
  10, symmetric, 1/d weighting, memory_mb 700) on the cached encoding;
* ``glove``: ``GloVe(epochs=1, workers=2).fit(corpus)``, the whole run:
  cached encoding, counting (the cached counts are *not* used: the run gets
  a private cache folder holding links to the encoding only), saving the
  counts to that cache, one epoch;
* ``svd``: ``PPMISVD().fit(corpus)`` (defaults: window 5, dim 100), 1
  worker, the whole run, counting included, as ``glove``;
* ``sg-first``: ``sg`` in an empty cache folder: counting the words,
  encoding the corpus and training, as a first run does;
* ``gensim-sg``, ``gensim-cbow`` (if gensim imports): gensim's Word2Vec with
  the same settings, the peer of ``sg`` and ``cbow``. It gets the corpus as
  an in-memory list of token lists (as in ``w2v_speed.py``), read before the
  timed part; timed: ``build_vocab`` + ``train``.

Then ``repeat``: the base corpus written ``--repeat`` times (4) one after the
other into one text file (once: it is kept, with its cache, in
``--repeat-dir``), and ``sg`` on it with min_count 5 x 4 = 20, so that the
vocabulary is exactly the base corpus's (same words, every count x 4: checked),
and so are the noise distribution and the subsampling. Only the corpus is
longer: memory that is not file-backed should not grow. The base corpus's
sentences may be long (wiki17m is one line, read as 10,000-word sentences),
which hides what is kept per sentence: ``--repeat-line-words N`` re-cuts each
copy into lines of N words and compares with one copy re-cut the same way.

Memory, per item: peak RSS (``ru_maxrss``, with ``VmHWM`` as a check), and
from ``/proc/self/status`` sampled every 10 ms by a thread during the timed
part: the peak of ``RssAnon`` (anonymous memory: arrays, Python objects;
what the process really needs) and of ``RssFile`` (file-backed pages: the
memory-mapped encoded corpus, and ~40-100 MB of shared libraries, which the
kernel can drop and read again). ``anon before`` is ``RssAnon`` when the
timed part starts (imports, warm-up); ``corpus pages`` the resident pages of
the mapped ``.ids.npy`` when it ends (``/proc/self/smaps``). ``cpu/wall``:
CPU seconds of the process over wall seconds during the timed part (1.0
for one busy thread; less when other processes take the cores); ``load``:
the 1-minute load average when the item started. Numba compilation is never
timed (a tiny warm-up fit first; the report warns if a kernel compiled
during the timed part anyway).
"""
import argparse
import os
import sys
import time
from pathlib import Path

import harness  # standard library only at the top: heavy imports happen in the children

W2V = {"dim": 100, "window": 5, "negative": 5, "hs": False, "sample": 1e-3, "min_count": 5,
       "alpha": 0.025, "min_alpha": 1e-4, "seed": 1}
GLOVE = {"epochs": 1}        # else GloVe's defaults: window 10, dim 100, memory_mb 700, ...
SVD = {}                     # PPMISVD's defaults: window 5, dim 100, ...
MIN_COUNT = W2V["min_count"]  # every item's (GloVe's and PPMISVD's default too)
# item -> (label, workers). The order is the order of the runs and of the table.
ITEMS = {"sg": ("skip-gram, 1 epoch", 1),
         "cbow": ("CBOW, 1 epoch", 1),
         "glove-count": ("GloVe counting (window 10)", 1),
         "glove": ("GloVe, 1 epoch, whole run", 2),
         "svd": ("PPMI-SVD, whole run", 1),
         "sg-first": ("skip-gram, first run (encoding included)", 1),
         "gensim-sg": ("gensim skip-gram, 1 epoch", 1),
         "gensim-cbow": ("gensim CBOW, 1 epoch", 1)}
PEERS = {"sg": "gensim-sg", "cbow": "gensim-cbow"}
KERNELS = {"sg": [("w2v.kernels", "skipgram_chunk")],
           "cbow": [("w2v.kernels", "cbow_chunk")],
           "count": [("wordvec.cooccur.kernels", name) for name in (
               "walk_windows", "radix_sort", "count_keys", "reduce_run", "dense_to_coo",
               "merge_runs")],
           "glove": [("glove.kernels", "adagrad_chunk"), ("glove.kernels", "shuffle_order")],
           "svd": [("svd.kernels", "marginals"), ("svd.kernels", "ppmi_times")]}
REPEAT_DIR = "/tmp/wordvec-scale"
# The criterion: the longer corpus may need this much more anonymous memory at most.
ANON_TOLERANCE = {"fraction": 0.05, "mb": 16}
METHOD = [("each item in a fresh process, after a tiny warm-up fit (Numba compilation not "
           "timed); the corpus encoded and cached up front;"),
          ("s: the whole call timed (see the docstring: fit from the cached encoding, counting, "
           "whole runs); us/token = s / raw tokens;"),
          ("MB = 2**20 bytes; peak RSS = ru_maxrss; anon / file = peaks of RssAnon / RssFile "
           "sampled every 10 ms;"),
          ("corpus pages = resident pages of the mapped .ids.npy at the end; cpu/wall: CPU s "
           "/ wall s of the process; load: 1-min load average at the start")]


# ===================================================================== timing, in a child

class Timed:
    """Wall and CPU seconds, load and memory over a block (``with Timed() as timed``)."""

    def __enter__(self):
        import resource

        self._usage = resource.getrusage(resource.RUSAGE_SELF)
        self.load_start = os.getloadavg()[0]
        self.memory = harness.MemorySampler().__enter__()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        import resource

        self.seconds = time.perf_counter() - self.started
        self.memory.__exit__(*exc)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.cpu_seconds = (usage.ru_utime - self._usage.ru_utime
                            + usage.ru_stime - self._usage.ru_stime)
        self.load_end = os.getloadavg()[0]
        return False

    def figures(self):
        """The figures of the block; the peak RSS, read now (call it right after the block)."""
        return {"seconds": self.seconds, "cpu_seconds": self.cpu_seconds,
                "cpu_per_wall": self.cpu_seconds / max(self.seconds, 1e-9),
                "load_start": self.load_start, "load_end": self.load_end,
                **self.memory.figures(), **harness.memory_figures(),
                "corpus_pages_mb": harness.mapped_rss_mb(".ids.npy")}


# ===================================================================== child processes

def kernel_list(kinds):
    """The Numba dispatchers of ``KERNELS[kind]`` for every kind."""
    import importlib

    return [getattr(importlib.import_module(module), name)
            for kind in kinds for module, name in KERNELS[kind]]


def estimator(item, settings, workers):
    """Our estimator for an item, unfitted, with ``settings`` (verbose off)."""
    if item in ("sg", "sg-first", "repeat"):
        from w2v import SkipGram
        return SkipGram(**settings, epochs=1, workers=workers, verbose=False)
    if item == "cbow":
        from w2v import CBOW
        return CBOW(**settings, cbow_mean=True, epochs=1, workers=workers, verbose=False)
    if item == "glove":
        from glove import GloVe
        return GloVe(**settings, workers=workers, verbose=False)
    from svd import PPMISVD
    return PPMISVD(**settings, workers=workers, verbose=False)


def item_settings(item):
    """The settings of an item's estimator (our parameter names)."""
    if item in ("glove", "glove-count"):
        return dict(GLOVE)
    if item == "svd":
        return dict(SVD)
    return dict(W2V)


def item_kernels(item):
    return {"sg": ["sg"], "sg-first": ["sg"], "repeat": ["sg"], "cbow": ["cbow"],
            "glove": ["count", "glove"], "glove-count": ["count"],
            "svd": ["count", "svd"]}[item]


def warm_up(item, workers):
    """A tiny fit of the item's estimator with the same settings (and, for the
    counting, ``memory_mb=1``: the sparse path too), so the timed part compiles nothing."""
    settings = item_settings(item)

    def fit(folder, corpus):
        tiny = {**settings, "min_count": 1}
        if item in ("glove", "glove-count", "svd"):
            tiny["memory_mb"] = 1
        if item == "svd":
            tiny["dim"] = 8
        estimator("glove" if item == "glove-count" else item, tiny, workers).fit(
            corpus, cache_dir=folder / "cache")

    return harness.warm_up(f"scale_warmup_{item}_", fit)


def run_prepare(job):
    """The corpus (or its slice), its vocabulary and encoding into the cache; the Numba
    cache filled (``fill_numba``); the files of its cache entry, for private caches."""
    from wordvec.cache import prepare_corpus

    corpus, cache_dir = job["corpus"], job["cache_dir"]
    if job["max_words"]:
        corpus = str(harness.truncate_corpus(corpus, job["max_words"], job["scratch"]))
    started = time.perf_counter()
    vocab, encoded = prepare_corpus(corpus, job["min_count"], cache_dir=cache_dir)
    figures = {"corpus_for_training": corpus, "cache_dir": cache_dir,
               "prepare_seconds": time.perf_counter() - started,
               "raw_tokens": vocab.total_words, "vocabulary_size": len(vocab),
               "encoded_words": encoded.n_words, "sentences": encoded.n_sentences,
               "cache_files": cache_entry(corpus, cache_dir)}
    if job["fill_numba"]:
        figures["numba_seconds"] = sum(warm_up(item, workers) for item, workers in (
            ("sg", 1), ("cbow", 1), ("glove", 2), ("svd", 1)))
        figures["versions"] = harness.versions("gensim")
    return figures


def cache_entry(corpus, cache_dir):
    """The cached files of ``corpus`` (counts, encoding), without cached co-occurrences."""
    from wordvec.cache import default_cache_dir
    from wordvec.text import as_corpus

    folder = Path(cache_dir) if cache_dir else default_cache_dir()
    key = as_corpus(corpus).identity()
    return [str(path) for path in sorted(folder.glob(f"{key}-*"))
            if ".cooc." not in path.name]  # a matrix and its seal


def private_cache(job):
    """A fresh cache folder for the item: empty (``sg-first``), or with links to the
    corpus's counts and encoding only (``glove``, ``svd``: counting is not skipped)."""
    folder = Path(job["scratch"]) / f"cache-{job['item']}-{os.getpid()}"
    folder.mkdir()
    if job["item"] != "sg-first":
        for path in job["cache_files"]:
            (folder / Path(path).name).symlink_to(path)
    return folder


def run_ours(job):
    """One item of ours, timed; its figures."""
    import shutil

    item, workers = job["item"], job["workers"]
    settings = {**item_settings(item), **job.get("override", {})}
    warmup_seconds = warm_up(item, workers)
    kernels = kernel_list(item_kernels(item))
    signatures = harness.signature_count(kernels)
    cache_dir = job["cache_dir"]
    if item in ("glove", "svd", "sg-first"):
        cache_dir = private_cache(job)
    try:
        if item == "glove-count":
            return count_only(job, settings, kernels, signatures, warmup_seconds)
        model = estimator(item, settings, workers)
        with Timed() as timed:
            model.fit(job["corpus"], cache_dir=cache_dir)
        figures = {**timed.figures(), "train_seconds": model.train_seconds_,
                   "count_seconds": getattr(model, "count_seconds_", None),
                   "warmup_seconds": warmup_seconds,
                   "compiled_during_timed_part": harness.signature_count(kernels) > signatures,
                   "raw_tokens": model.vocab_.total_words, "vocabulary_size": len(model.vocab_)}
        if hasattr(model, "corpus_"):
            figures.update(encoded_words=model.corpus_.n_words,
                           sentences=model.corpus_.n_sentences,
                           bounds_mb=model.corpus_.bounds.nbytes / 2**20)
        if hasattr(model, "cooccurrence_"):
            figures["nnz"] = int(model.cooccurrence_.nnz)
        return figures
    finally:
        if cache_dir != job["cache_dir"]:
            shutil.rmtree(cache_dir, ignore_errors=True)


def count_only(job, settings, kernels, signatures, warmup_seconds):
    """GloVe's counting, with the arguments ``GloVe.fit`` uses, on the cached encoding."""
    from glove import GloVe
    from wordvec.cache import prepare_corpus
    from wordvec.cooccur import count_cooccurrences

    model = GloVe(**settings)
    with Timed() as timed:
        vocab, encoded = prepare_corpus(job["corpus"], model.min_count, cache_dir=job["cache_dir"])
        matrix = count_cooccurrences(encoded, len(vocab), window=model.window,
                                     symmetric=model.symmetric,
                                     distance_weighting=model.distance_weighting,
                                     memory_mb=model.memory_mb, vocab_words=vocab.words)
    return {**timed.figures(), "warmup_seconds": warmup_seconds,
            "compiled_during_timed_part": harness.signature_count(kernels) > signatures,
            "raw_tokens": vocab.total_words, "vocabulary_size": len(vocab),
            "nnz": int(matrix.nnz), "matrix_mb": (matrix.rows.nbytes + matrix.cols.nbytes
                                                  + matrix.values.nbytes) / 2**20}


def run_gensim(job):
    """gensim's Word2Vec, the peer of our sg or cbow: same corpus, same settings."""
    from gensim.models import Word2Vec

    from wordvec.text import Corpus

    settings, sg = W2V, int(job["item"] == "gensim-sg")
    started = time.perf_counter()
    with harness.MemorySampler() as reading:  # the in-memory corpus counts in the peaks below
        shared = {}  # one string per distinct word, shared by its occurrences
        sentences = [[shared.setdefault(token, token) for token in sentence]
                     for sentence in Corpus(job["corpus"])]
    reading_seconds = time.perf_counter() - started
    model = Word2Vec(sg=sg, hs=0, negative=settings["negative"], vector_size=settings["dim"],
                     window=settings["window"], sample=settings["sample"],
                     min_count=settings["min_count"], alpha=settings["alpha"],
                     min_alpha=settings["min_alpha"], seed=settings["seed"],
                     workers=job["workers"], epochs=1, **({} if sg else {"cbow_mean": 1}))
    with Timed() as timed:
        model.build_vocab(sentences)
        train_started = time.perf_counter()
        model.train(sentences, total_examples=model.corpus_count, epochs=1)
    figures = timed.figures()
    figures.update(train_seconds=timed.started + timed.seconds - train_started,
                   read_seconds=reading_seconds,
                   anon_peak_mb=max(figures["anon_peak_mb"] or 0,
                                    reading.figures()["anon_peak_mb"] or 0),
                   vocabulary_size=len(model.wv))
    return figures


def run_write_repeat(job):
    """Write the corpus ``times`` times, one copy after the other, into ``path`` (atomically).

    With ``line_words``, each copy is re-cut into lines of that many words (the
    words themselves unchanged; each copy starts a new line), so that the
    sentences are short: the arrays kept per sentence then show.
    """
    from wordvec.text.corpus import open_binary

    path = Path(job["path"])
    if path.exists():
        return {"written": False, "bytes": path.stat().st_size}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    started = time.perf_counter()
    with open(temporary, "wb") as out:
        for _ in range(job["times"]):
            with open(job["corpus"], "rb") as raw, open_binary(job["corpus"], raw) as stream:
                if job["line_words"]:
                    write_lines(stream, out, job["line_words"])
                else:
                    last = b"\n"
                    while block := stream.read(1 << 22):
                        out.write(block)
                        last = block[-1:]
                    if last != b"\n":  # the next copy starts on a line of its own
                        out.write(b"\n")
    os.replace(temporary, path)
    return {"written": True, "bytes": path.stat().st_size,
            "write_seconds": time.perf_counter() - started}


def write_lines(stream, out, line_words):
    """Copy the words of ``stream`` to ``out``, ``line_words`` per line (and a last, shorter)."""
    words, partial = [], b""
    while True:
        block = stream.read(1 << 22)
        pieces = (partial + block).split()
        # A block that does not end in whitespace may end inside a word: keep it for later.
        partial = pieces.pop() if block and pieces and not block[-1:].isspace() else b""
        words.extend(pieces)
        full = len(words) - len(words) % line_words if block else len(words)
        for start in range(0, full, line_words):
            out.write(b" ".join(words[start:start + line_words]) + b"\n")
        words = words[full:]
        if not block:
            return


def run_check_repeat(job):
    """Encode the repeated corpus (its own cache) and check that its vocabulary at
    ``min_count`` x times is the base corpus's, every count x times."""
    from wordvec.cache import prepare_corpus
    from wordvec.text import vocabulary_hash

    times = job["times"]
    base, _ = prepare_corpus(job["base"], MIN_COUNT, cache_dir=job["base_cache"])
    started = time.perf_counter()
    repeated, encoded = prepare_corpus(job["corpus"], MIN_COUNT * times,
                                       cache_dir=job["cache_dir"])
    same_words = repeated.words == base.words
    return {"prepare_seconds": time.perf_counter() - started,
            "raw_tokens": repeated.total_words, "vocabulary_size": len(repeated),
            "encoded_words": encoded.n_words, "sentences": encoded.n_sentences,
            "same_words": same_words,
            "counts_times": bool(same_words and all(
                int(a) == times * int(b) for a, b in zip(repeated.counts, base.counts))),
            "total_times": repeated.total_words == times * base.total_words,
            "vocab_hash": vocabulary_hash(repeated.words), "base_hash": vocabulary_hash(base.words)}


RUNNERS = {"prepare": run_prepare, "ours": run_ours, "gensim": run_gensim,
           "write_repeat": run_write_repeat, "check_repeat": run_check_repeat}


# ===================================================================== parent process

def run_item(item, corpus_label, prepared, scratch, override=None, label=None):
    """One item in a child; its figures with who and what."""
    workers = ITEMS[item][1] if item in ITEMS else 1
    harness.progress(f"{corpus_label}: {label or ITEMS[item][0]} ({workers} worker(s))...")
    task = "gensim" if item.startswith("gensim") else "ours"
    started = time.perf_counter()
    figures = harness.run_child(
        {"task": task, "item": "sg" if item == "repeat" else item, "workers": workers,
         "corpus": prepared["corpus_for_training"], "cache_dir": prepared["cache_dir"],
         "cache_files": prepared["cache_files"], "scratch": scratch,
         "override": override or {}}, __file__)
    harness.progress(f"  done in {time.perf_counter() - started:.1f} s"
                     + (f": {figures['error']}" if "error" in figures else
                        f" (timed {figures['seconds']:.1f} s, load {figures['load_start']:.2f})"))
    return {"item": item, "corpus": corpus_label, "workers": workers,
            "raw_tokens": prepared["raw_tokens"], **figures,
            "launcher_peak_rss_mb": harness.peak_rss_mb()}


def prepare(label, path, args, scratch, tokens, fill_numba):
    harness.progress(f"{label}: preparing (counting and encoding, or from the cache)...")
    folder = Path(scratch) / label
    folder.mkdir(exist_ok=True)
    prepared = harness.run_child(
        {"task": "prepare", "corpus": str(path), "max_words": tokens, "scratch": str(folder),
         "cache_dir": str(folder / "cache") if tokens else None, "min_count": MIN_COUNT,
         "fill_numba": fill_numba}, __file__)
    if "error" in prepared:
        sys.exit(f"error: preparing {path} failed: {prepared['error']}")
    harness.progress(f"  {prepared['raw_tokens']:,} tokens, {prepared['vocabulary_size']:,} "
                     f"words, {prepared['prepare_seconds']:.1f} s")
    return prepared


def run_repeat(args, base, scratch):
    """The repeated corpus: written once, encoded, checked; skip-gram on it. With
    ``--repeat-line-words``, the same for one copy re-cut the same way (the reference)."""
    times, line_words = args.repeat, args.repeat_line_words
    folder = Path(scratch if args.max_words else args.repeat_dir)
    stem = Path(base["corpus_for_training"]).name.split(".")[0]
    shape = f"-lines{line_words}" if line_words else ""
    copies = []
    for count in ([1, times] if line_words else [times]):
        path = folder / f"{stem}{shape}-x{count}.txt"
        label = f"{stem}{shape} x{count}"
        harness.progress(f"repeat: writing {path} ({count} x {stem}), unless it exists...")
        written = harness.run_child({"task": "write_repeat", "corpus": base["corpus_for_training"],
                                     "path": str(path), "times": count,
                                     "line_words": line_words}, __file__)
        if "error" in written:
            return {"error": f"writing {path}: {written['error']}"}
        min_count = MIN_COUNT * count
        harness.progress(f"repeat: encoding it (min_count {min_count}) and checking its "
                         "vocabulary...")
        cache_dir = str(folder / "cache")
        checked = harness.run_child({"task": "check_repeat", "corpus": str(path), "times": count,
                                     "base": base["corpus_for_training"],
                                     "base_cache": base["cache_dir"], "cache_dir": cache_dir},
                                    __file__)
        if "error" in checked:
            return {"error": f"encoding {path}: {checked['error']}"}
        prepared = {"corpus_for_training": str(path), "cache_dir": cache_dir, "cache_files": [],
                    "raw_tokens": checked["raw_tokens"]}
        run = run_item("repeat", label, prepared, scratch, override={"min_count": min_count},
                       label=f"skip-gram, 1 epoch, min_count {min_count}")
        copies.append({"count": count, "label": label, "path": str(path), "write": written,
                       "check": checked, "run": {**run, "min_count": min_count}})
    return {"times": times, "line_words": line_words, "copies": copies}


def run_benchmark(args, corpus, eval_paths):
    large = Path(args.large).resolve() if args.large else corpus.parent / "wiki65m.txt.xz"
    if not large.is_file():
        sys.exit(f"error: --large corpus {large} not found")
    labels = {"base": corpus.name.split(".")[0], "large": large.name.split(".")[0]}
    items = [item for item in ITEMS if item in args.items]
    report = {"corpora": {"base": str(corpus), "large": str(large)}, "labels": labels,
              "max_words": args.max_words, "items": items, "runs": [], "prepared": {},
              "w2v_settings": W2V, "glove_settings": GLOVE, "svd_settings": SVD,
              "repeat_times": args.repeat,
              "machine": harness.machine(), "load_start": os.getloadavg(),
              "argv": sys.argv[1:]}
    with harness.scratch_folder("scale_") as scratch:
        gensim = None
        for key, path in (("base", corpus), ("large", large)):
            if key == "large" and not items:
                break  # only the repeat test: the longer corpus is not needed
            tokens = args.max_words and args.max_words * (1 if key == "base" else args.repeat)
            prepared = prepare(labels[key], path, args, scratch, tokens,
                               fill_numba=not report["prepared"])
            report["prepared"][key] = prepared
            if "versions" in prepared:
                report["versions"] = prepared["versions"]
                gensim = None if args.no_gensim else prepared["versions"].get("gensim")
            for item in items:
                if item.startswith("gensim") and not gensim:
                    continue
                report["runs"].append(run_item(item, labels[key], prepared, scratch))
        if args.repeat and "repeat" in args.items:
            report["repeat"] = run_repeat(args, report["prepared"]["base"], scratch)
    report["gensim_version"] = gensim
    report["load_end"] = os.getloadavg()
    report["criteria"] = check_criteria(report)
    return report


# ===================================================================== report

def by_item(report):
    return {(run["item"], run["corpus"]): run for run in report["runs"] if "error" not in run}


def main_table(report):
    header = ("item", "corpus", "workers", "s", "us/token", "train s", "peak RSS MB",
              "anon MB", "anon before", "file MB", "corpus pages", "cpu/wall", "load")
    rows = []
    runs = list(report["runs"]) + repeat_runs(report)
    for run in runs:
        name = ITEMS[run["item"]][0] if run["item"] in ITEMS else \
            f"skip-gram, 1 epoch, min_count {run['min_count']}"
        if "error" in run:
            rows.append((name, run["corpus"], str(run["workers"]))
                        + ("failed",) * (len(header) - 3))
            continue
        rows.append((name, run["corpus"], str(run["workers"]),
                     *(harness.cell(value, template) for value, template in (
                         (run["seconds"], "{:.1f}"),
                         (1e6 * run["seconds"] / run["raw_tokens"], "{:.3f}"),
                         (run.get("train_seconds"), "{:.1f}"),
                         (run["peak_rss_mb"], "{:.0f}"), (run["anon_peak_mb"], "{:.0f}"),
                         (run["anon_before_mb"], "{:.0f}"), (run["file_peak_mb"], "{:.0f}"),
                         (run["corpus_pages_mb"] or None, "{:.0f}"),
                         (run["cpu_per_wall"], "{:.2f}"), (run["load_start"], "{:.2f}")))))
    return harness.table(header, rows, left=2)


def ratio_table(report):
    """large / base for every item both ran."""
    runs, labels = by_item(report), report["labels"]
    header = ("item", "tokens", "time", "time/token", "peak RSS", "anon", "anon - before",
              "file")
    rows = []
    for item in report["items"]:
        small, big = runs.get((item, labels["base"])), runs.get((item, labels["large"]))
        if not small or not big:
            continue

        def over(key, big=big, small=small):
            return harness.ratio(big, small, key)

        growth = [run["anon_peak_mb"] - run["anon_before_mb"] for run in (big, small)]
        rows.append((ITEMS[item][0], *(harness.cell(value, "{:.2f}x") for value in (
            big["raw_tokens"] / small["raw_tokens"], over("seconds"),
            over("seconds") * small["raw_tokens"] / big["raw_tokens"], over("peak_rss_mb"),
            over("anon_peak_mb"), growth[0] / growth[1] if growth[1] > 0 else None,
            over("file_peak_mb")))))
    return harness.table(header, rows)


def peer_table(report):
    """Ours against gensim (the peer), same corpus, same settings: ratios ours / gensim."""
    runs = by_item(report)
    header = ("algorithm", "corpus", "ours s", "gensim s", "ours train s", "gensim train s",
              "train time ours/gensim", "ours peak RSS", "gensim peak RSS", "RSS ours/gensim",
              "ours anon", "gensim anon")
    rows = []
    for corpus in report["labels"].values():
        for ours_item, peer_item in PEERS.items():
            ours, peer = runs.get((ours_item, corpus)), runs.get((peer_item, corpus))
            if not ours or not peer:
                continue
            rows.append((ITEMS[ours_item][0].split(",")[0], corpus,
                         *(harness.cell(value, template) for value, template in (
                             (ours["seconds"], "{:.1f}"), (peer["seconds"], "{:.1f}"),
                             (ours["train_seconds"], "{:.1f}"), (peer["train_seconds"], "{:.1f}"),
                             (harness.ratio(ours, peer, "train_seconds"), "{:.2f}x"),
                             (ours["peak_rss_mb"], "{:.0f}"), (peer["peak_rss_mb"], "{:.0f}"),
                             (harness.ratio(ours, peer, "peak_rss_mb"), "{:.2f}x"),
                             (ours["anon_peak_mb"], "{:.0f}"), (peer["anon_peak_mb"], "{:.0f}")))))
    return harness.table(header, rows, left=2)


def repeat_runs(report):
    """The skip-gram runs on the repeated corpus (and its one-copy reference)."""
    repeat = report.get("repeat") or {}
    return [copy["run"] for copy in repeat.get("copies", [])]


def repeat_pair(report):
    """(reference run, repeated run, repeated copy) of the repeat test, or Nones.

    The reference: skip-gram on the base corpus; with ``--repeat-line-words``,
    on one copy re-cut the same way as the repeated corpus.
    """
    repeat = report.get("repeat") or {}
    copies = repeat.get("copies") or []
    if not copies:
        return None, None, None
    reference = copies[0]["run"] if repeat["line_words"] else \
        by_item(report).get(("sg", report["labels"]["base"]))
    return reference, copies[-1]["run"], copies[-1]


def repeat_lines(report):
    """The repeated corpus against one copy, skip-gram."""
    repeat = report.get("repeat")
    if not repeat:
        return []
    if "error" in repeat:
        return [f"FAILED: repeated corpus: {repeat['error']}"]
    base_label = report["labels"]["base"]
    cut = (f", re-cut into lines of {repeat['line_words']} words" if repeat["line_words"]
           else "")
    lines = [(f"Repeated corpus: {base_label} written {repeat['times']} times{cut}, skip-gram "
              f"with min_count {MIN_COUNT} x copies (the same vocabulary, counts x copies)")]
    for copy in repeat["copies"]:
        check = copy["check"]
        lines.append(f"  {copy['path']}: {copy['write']['bytes']:,} bytes, "
                     f"{check['raw_tokens']:,} tokens, {check['sentences']:,} sentences, "
                     f"{check['vocabulary_size']:,} words at min_count {copy['run']['min_count']}; "
                     f"same words as {base_label} at {MIN_COUNT}: {check['same_words']}, every "
                     f"count x{copy['count']}: {check['counts_times']}, total "
                     f"x{copy['count']}: {check['total_times']}")
    reference, run, _ = repeat_pair(report)
    if reference and "error" not in reference and "error" not in run:
        header = ("skip-gram, 1 epoch", "tokens", "sentences", "bounds MB", "s", "peak RSS MB",
                  "anon before", "anon peak", "anon end", "anon peak - before", "file MB",
                  "corpus pages")
        rows = [(r["corpus"], f"{r['raw_tokens']:,}", f"{r['sentences']:,}",
                 *(harness.cell(value, template) for value, template in (
                     (r["bounds_mb"], "{:.2f}"), (r["seconds"], "{:.1f}"),
                     (r["peak_rss_mb"], "{:.0f}"), (r["anon_before_mb"], "{:.1f}"),
                     (r["anon_peak_mb"], "{:.1f}"), (r["anon_end_mb"], "{:.1f}"),
                     (r["anon_peak_mb"] - r["anon_before_mb"], "{:+.1f}"),
                     (r["file_peak_mb"], "{:.0f}"), (r["corpus_pages_mb"], "{:.0f}"))))
                for r in (reference, run)]
        lines += ["", harness.table(header, rows)]
    return lines


def check_criteria(report):
    reference, run, copy = repeat_pair(report)
    tolerance = ANON_TOLERANCE
    name = (f"anonymous memory, {report['repeat_times']}x corpus, same vocabulary: skip-gram's "
            f"peak RssAnon <= one copy's + max({tolerance['fraction']:.0%}, "
            f"{tolerance['mb']} MB)")
    if not run or "error" in run or not reference or "error" in reference \
            or not copy["check"]["counts_times"]:
        return [harness.criterion(name, None, "needs sg on one copy and on the repeated "
                                              "corpus, with the same vocabulary")]
    limit = reference["anon_peak_mb"] + max(tolerance["fraction"] * reference["anon_peak_mb"],
                                            tolerance["mb"])
    return [harness.criterion(name, run["anon_peak_mb"] <= limit,
                              f"{run['anon_peak_mb']:.1f} MB vs {reference['anon_peak_mb']:.1f} "
                              f"MB (limit {limit:.1f} MB)")]


def print_report(report):
    print("Scale: every algorithm on a corpus and on a longer one; memory that grows")
    load = report["load_start"], report["load_end"]
    fields = [("corpora", [harness.corpus_line(report["corpora"][key], report["max_words"]
                                               and report["max_words"] * (
                                                   1 if key == "base" else report["repeat_times"]))
                           + f": {prepared['raw_tokens']:,} tokens, "
                           f"{prepared['vocabulary_size']:,} words at min_count {MIN_COUNT}, "
                           f"{prepared['sentences']:,} sentences"
                           for key, prepared in report["prepared"].items()]),
              ("settings", [f"skip-gram / CBOW: {W2V}", f"GloVe: defaults + {GLOVE}",
                            f"PPMI-SVD: defaults + {SVD}"]),
              ("command", "python bench/scale.py " + " ".join(report["argv"])),
              *harness.environment_fields(report),
              ("load", (f"1-min load average {load[0][0]:.2f} at the start, {load[1][0]:.2f} "
                        "at the end (2 cores: above ~1 another process competes with a "
                        "1-worker item)")),
              ("method", METHOD)]
    if report["gensim_version"] is None:
        fields.append(("note", "gensim not run (--no-gensim, or it cannot be imported)"))
    harness.print_fields(fields)
    labels = report["labels"]
    between = []
    if "large" in report["prepared"]:
        between += [(f"Ratios {labels['large']} / {labels['base']} (anon - before: the growth of "
                     "anonymous memory during the timed part)"), ratio_table(report), ""]
    if report["gensim_version"] and any(item in report["items"] for item in PEERS.values()):
        between += [(f"This project and its peer, gensim {report['gensim_version']}, same "
                     "corpus, same settings, same run (gensim s = build_vocab + train, "
                     "its corpus read into memory before)"), peer_table(report), ""]
    between += repeat_lines(report)
    named = [(f"{run['item']} on {run['corpus']}", run) for run in report["runs"]]
    named += [(f"sg on {run['corpus']}", run) for run in repeat_runs(report)]
    harness.print_results(main_table(report), named, "compiled_during_timed_part",
                          "Criteria", report, "wiki17m and wiki65m", between=between)


def make_parser():
    parser = argparse.ArgumentParser(
        description="Time and memory of every algorithm on a corpus and a longer one "
                    "(wiki17m, wiki65m), with gensim as the peer; and whether memory that is "
                    "not file-backed grows with a corpus repeated N times.")
    harness.add_common_options(parser, child=True)
    parser.set_defaults(workers=[1])  # each item has its own worker count (ITEMS)
    parser.add_argument("--large", help="the longer corpus (default: wiki65m.txt.xz beside "
                                        "--corpus)")
    parser.add_argument("--items", nargs="+", choices=[*ITEMS, "repeat"],
                        default=[*ITEMS, "repeat"], help="what to run (default: everything)")
    parser.add_argument("--repeat", type=int, default=4,
                        help="copies of --corpus in the repeated corpus (default 4)")
    parser.add_argument("--repeat-dir", default=REPEAT_DIR,
                        help=f"where the repeated corpus and its cache are kept between runs "
                             f"(default {REPEAT_DIR})")
    parser.add_argument("--repeat-line-words", type=int, default=0,
                        help="re-cut the repeated corpus into lines of N words, and compare "
                             "it with one copy re-cut the same way (default 0: the lines as "
                             "they are, compared with --corpus itself)")
    parser.add_argument("--no-gensim", action="store_true", help="run only this project")
    return parser


def check_options(parser, args):
    if args.repeat < 2:
        parser.error("--repeat must be >= 2")
    if args.repeat_line_words < 0:
        parser.error("--repeat-line-words must be >= 0")


if __name__ == "__main__":
    harness.main(make_parser(), RUNNERS, run_benchmark, print_report, check=check_options)
