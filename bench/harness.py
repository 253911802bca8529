"""What the benchmark scripts of bench/ share: child processes, memory, quality, reports.

Not a benchmark itself: ``w2v_speed.py``, ``fasttext_speed.py``, ``glove_speed.py``,
``glove_sweep.py`` and the others import it (``import harness``: Python puts the running
script's folder, bench/, on the path), and nothing else.

Fresh processes
---------------
A speed benchmark runs each measured job (one implementation at one worker
count, one stage) in a fresh Python process: the script itself, re-invoked
by ``run_child`` with the hidden option ``--_child JSON`` (the job). The
child runs it (``child_main``) and prints its figures as one JSON line on
stdout, which the parent reads back. So no job inherits another's memory
high-water mark, threads or compiled code.

The parent itself stays small (standard library only: this module imports
nothing heavy at the top, and the scripts do their heavy imports inside the
functions their children run; even the up-front corpus preparation runs in a
child) for a reason: on Linux a new program inherits its parent's
``ru_maxrss`` (the kernel keeps the larger of the two across exec), so a
child's figure is really max(parent's peak, child's peak). With a parent of
~10 MB it is the child's own peak. Where available the child also reads its
``VmHWM`` (peak RSS of its own address space only) as a check, and the
report warns when the two disagree (``run_notes``).

Numba
-----
Compiling (or loading) the kernels is never timed: a child first runs its
kernels on a tiny problem (``warm_up``: a small synthetic *file* corpus, as
the real ones are files, whose cached encoding comes back memory-mapped
read-only, for which Numba compiles separately). ``signature_count`` of the
kernels before and after the timed part tells whether a compilation slipped
in anyway; the report then warns. ``kernel_state`` reads the same for every
loaded kernel of the project, with Numba's cache hits and misses: a
child's misses after its warm-up say whether the on-disk cache was warm.

Quality
-------
``evaluate_quality``: this project's evaluation functions on any vectors
(ours, or gensim's wrapped in our ``KeyedVectors``): Google analogies
(3CosAdd, vocabulary restricted to the 30,000 most frequent words, accuracy
over the questions answered), Spearman on WordSim-353 and SimLex-999. The
files are found by ``find_eval_paths`` in DATA/eval (or DATA itself), where
DATA is ``--data-dir``, else ``$WORDVEC_DATA``, else the corpus file's ../..
"""
import argparse
import contextlib
import io
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ANALOGY_RESTRICT_VOCAB = 30_000
EVAL_FILES = {"analogy": "questions-words.txt", "ws353": "wordsim353.tsv",
              "simlex": "simlex999.txt"}
WARMUP_SENTENCES = 300  # the tiny synthetic corpus of a warm-up
SAMPLE_SECONDS = 0.01  # how often MemorySampler reads the process's memory


# ===================================================================== child processes

def run_child(job, script):
    """Run ``job`` in a fresh interpreter running ``script`` (the benchmark's
    ``__file__``) with ``--_child``; return its figures (a dict, with "error"
    on failure)."""
    command = [sys.executable, os.path.abspath(script), "--_child", json.dumps(job)]
    # stderr passes through (progress, warnings, tracebacks); stdout carries the JSON.
    finished = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if finished.returncode != 0:
        return {"error": f"child process exited with status {finished.returncode}"}
    lines = [line for line in finished.stdout.splitlines() if line.strip()]
    try:
        return json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": f"no JSON figures in the child's output: {finished.stdout[-300:]!r}"}


def child_main(job_json, runners):
    """Entry point of a child process: run one job with ``runners[job["task"]]``,
    print its figures as one JSON line."""
    job = json.loads(job_json)
    print(json.dumps(runners[job["task"]](job)), flush=True)


def peak_rss_mb():
    """This process's peak resident set size so far, in MB (2**20 bytes): ``ru_maxrss``.

    The parent calls it between children, so it reads ``getrusage`` itself
    rather than import ``wordvec.util.memory`` (which would load the project,
    NumPy and Numba into the parent, whose peak every child then inherits).
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # macOS: bytes; Linux: KiB


def memory_figures():
    """In a child, both peak RSS readings, now: {"peak_rss_mb", "vm_hwm_mb"}.

    ``vm_hwm_mb`` (Linux ``VmHWM``, None elsewhere) is the peak of this
    process's own address space only, unlike ``ru_maxrss``: used as a check.
    """
    from wordvec.util import max_rss_mb, status_mb

    return {"peak_rss_mb": max_rss_mb(), "vm_hwm_mb": status_mb(("VmHWM",)).get("VmHWM")}


def mapped_rss_mb(suffix):
    """Resident MB of this process's mappings of files whose name ends with ``suffix``."""
    total, inside = 0, False
    try:
        with open("/proc/self/smaps", encoding="utf-8", errors="replace") as smaps:
            for line in smaps:
                first = line.split(maxsplit=1)[0]
                if "-" in first and not first.endswith(":"):  # a mapping's header line
                    inside = line.rstrip().endswith(suffix)
                elif inside and first == "Rss:":
                    total += int(line.split()[1])
    except OSError:
        return None
    return total / 1024


class MemorySampler:
    """In a child, RssAnon and RssFile sampled by a thread: their peaks over a block.

    ``with MemorySampler() as memory: work()``, then ``memory.figures()``.
    The thread wakes every ``interval`` seconds (the kernels release the GIL,
    so it runs during them); a peak shorter than that can be missed.
    """

    def __init__(self, interval=SAMPLE_SECONDS):
        self.interval = interval
        self.before = self.after = {}
        self.peak = {}
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _take(self):
        from wordvec.util import status_mb

        now = status_mb(("RssAnon", "RssFile"))
        for name, value in now.items():
            self.peak[name] = max(self.peak.get(name, 0.0), value)
        self.samples += 1
        return now

    def _run(self):
        while not self._stop.wait(self.interval):
            self._take()

    def __enter__(self):
        self.before = self._take()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.after = self._take()
        return False

    def figures(self):
        return {"anon_before_mb": self.before.get("RssAnon"),
                "anon_peak_mb": self.peak.get("RssAnon"),
                "anon_end_mb": self.after.get("RssAnon"),
                "file_before_mb": self.before.get("RssFile"),
                "file_peak_mb": self.peak.get("RssFile"),
                "memory_samples": self.samples}


def versions(*optional):
    """Versions of Python, NumPy, Numba, and of each ``optional`` package that imports.

    For a child to call (it imports them).
    """
    import importlib.metadata

    import numpy

    found = {"python": platform.python_version(), "numpy": numpy.__version__,
             "numba": importlib.metadata.version("numba")}
    for package in optional:
        try:
            found[package] = importlib.import_module(package).__version__
        except ImportError:
            pass
    return found


def cpu_name():
    """The CPU as ``lscpu`` names it, with its family and model and its widest vector
    instructions ("AMD EPYC, family 25 model 17, AVX-512"): absolute times depend on it."""
    fields = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as info:
            for line in info:
                name, _, value = line.partition(":")
                fields.setdefault(name.strip(), value.strip())
    except OSError:
        return platform.processor() or "unknown CPU"
    flags = fields.get("flags", "").split()
    vectors = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "no AVX2"
    return (f"{fields.get('model name', 'unknown CPU')}, family {fields.get('cpu family', '?')} "
            f"model {fields.get('model', '?')}, {vectors}")


def machine():
    """The machine, for the report."""
    return {"cpus": os.cpu_count(), "cpu": cpu_name(), "platform": platform.platform()}


# ===================================================================== warm-up

def signature_count(kernels):
    """How many compiled signatures the Numba dispatchers ``kernels`` hold together.

    Each new argument type signature is a new compilation: if the count grows
    during a timed part, the warm-up missed one and compile time was timed.
    """
    return sum(len(getattr(kernel, "signatures", ())) for kernel in kernels)


def kernel_state(packages=("wordvec", "w2v", "subword", "glove", "svd")):
    """Every loaded Numba kernel of ``packages``: {"signatures", "cache_misses", "cache_hits"}.

    Summed over the dispatchers found in those packages' loaded modules. A
    fresh process starts at zero: its cache misses so far are the kernels it
    compiled (0 after a warm-up: the on-disk cache was warm), and signatures
    that grow during a timed part are a compilation (or load) timed.
    """
    from numba.core.dispatcher import Dispatcher

    kernels = {id(value): value for name, module in list(sys.modules.items())
               if name.split(".")[0] in packages
               for value in list(vars(module).values()) if isinstance(value, Dispatcher)}
    return {"signatures": sum(len(kernel.signatures) for kernel in kernels.values()),
            "cache_misses": sum(sum(k.stats.cache_misses.values()) for k in kernels.values()),
            "cache_hits": sum(sum(k.stats.cache_hits.values()) for k in kernels.values())}


def warm_up(prefix, work):
    """Call ``work(folder, corpus)`` on a tiny synthetic file corpus in a scratch folder.

    ``work`` runs what the timed part will run (same estimator, same settings,
    same array kinds), so that the timed part compiles nothing. Returns the
    seconds it all took.
    """
    from corpora.synthetic import write as write_synthetic

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        corpus = Path(scratch) / "tiny.txt"
        write_synthetic(corpus, n_sentences=WARMUP_SENTENCES)
        work(Path(scratch), corpus)
    return time.perf_counter() - started


# ===================================================================== corpus and quality

def truncate_corpus(source, max_words, folder):
    """Write the first ``max_words`` tokens of ``source`` to a text file in ``folder``.

    One sentence of ``Corpus(source)`` per line: read back with ``Corpus``,
    the file gives the same sentences. Returns the file's path.
    """
    from wordvec.text import Corpus

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


def corpus_slice(corpus, max_words, scratch):
    """(corpus to train on, cache folder for its encoding) for ``--max-words``.

    Without it: the corpus itself and the default cache. With it: the slice
    (``truncate_corpus``) and a cache in ``scratch``, so that the user's cache
    is not littered with slices. Both as strings (or None), for JSON.
    """
    if not max_words:
        return str(corpus), None
    return (str(truncate_corpus(corpus, max_words, scratch)),
            str(Path(scratch) / "cache"))


def read_sentences(path):
    """The corpus as a list of token lists cut at 10,000 tokens (``Corpus(path)``), for
    gensim: each distinct word stored once, shared by its occurrences (~8 bytes a token)."""
    from wordvec.text import Corpus

    shared = {}
    return [[shared.setdefault(token, token) for token in sentence]
            for sentence in Corpus(path)]


def find_eval_paths(data_dir):
    """The three benchmark files, from DATA/eval (or DATA itself), as strings."""
    data_dir = Path(data_dir)
    folder = data_dir / "eval" if (data_dir / "eval").is_dir() else data_dir
    paths = {name: folder / filename for name, filename in EVAL_FILES.items()}
    missing = [str(path) for path in paths.values() if not path.is_file()]
    if missing:
        sys.exit(f"error: benchmark file(s) not found: {', '.join(missing)} "
                 "(set --data-dir or WORDVEC_DATA to the folder holding eval/)")
    return {name: str(path) for name, path in paths.items()}


def finite_or_none(value):
    """A float for JSON: NaN (e.g. a correlation over no pairs) becomes None."""
    value = float(value)
    return value if math.isfinite(value) else None


def evaluate_quality(kv, eval_paths):
    """Analogy accuracy and word-pair Spearman of ``kv`` (our KeyedVectors)."""
    from wordvec.evaluation import evaluate_analogies, evaluate_word_pairs

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


# ===================================================================== command line

def add_common_options(parser, workers_help=None, child=False):
    """--corpus, --data-dir, --max-words, --json; --workers (a list, default 1 2)
    with ``workers_help``; the hidden --_child with ``child``."""
    parser.add_argument("--corpus", help="corpus file (e.g. ../shared/data/corpora/wiki17m.txt.xz)")
    if workers_help:
        parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help=workers_help)
    parser.add_argument("--data-dir", help="folder holding eval/ (default: $WORDVEC_DATA, "
                                           "else the corpus file's ../..)")
    parser.add_argument("--max-words", type=int,
                        help="use only the first N tokens of the corpus (quick trials)")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    if child:
        parser.add_argument("--_child", help=argparse.SUPPRESS)  # internal: one job, as JSON


def add_repeats_option(parser):
    """--repeats N: every run N times, in turn, each figure the median run's."""
    parser.add_argument("--repeats", type=int, default=1,
                        help="train each implementation at each worker count N times, all "
                             "runs in turn (A B A B ...), and report for each the run with the "
                             "median train time, listing them all (default 1; on a machine "
                             "whose speed drifts from run to run, 3 or 5)")


def keep_median_runs(runs, key="train_seconds"):
    """One run per (impl, workers): the one whose ``key`` is the median (the lower
    middle for an even count), with every run's ``key`` listed under ``key + "_all"``.

    >>> runs = [{"impl": "a", "workers": 1, "train_seconds": t} for t in (3.0, 1.0, 2.0)]
    >>> keep_median_runs(runs)
    [{'impl': 'a', 'workers': 1, 'train_seconds': 2.0, 'train_seconds_all': [3.0, 1.0, 2.0]}]
    """
    groups = {}
    for run in runs:
        groups.setdefault((run["impl"], run["workers"]), []).append(run)
    kept = []
    for group in groups.values():
        timed = sorted((run for run in group if run.get(key) is not None), key=lambda r: r[key])
        chosen = dict(timed[(len(timed) - 1) // 2] if timed else group[0])
        chosen[key + "_all"] = [run.get(key) for run in group]
        kept.append(chosen)
    return kept


def repeats_field(runs, names=None, key="train_seconds"):
    """The header field that lists every repeated run's ``key``, or [] for single runs."""
    if all(len(run.get(key + "_all", [])) <= 1 for run in runs):
        return []
    names = names or {}
    lines = [f"{names.get(run['impl'], run['impl'])} {run['workers']}w: "
             + ", ".join("failed" if t is None else f"{t:.2f}" for t in run[key + "_all"])
             for run in runs]
    return [("repeats", [f"{len(runs[0][key + '_all'])} runs of each, in turn; each row is the "
                         f"run with the median train s (all train s below)", *lines])]


def check_common_options(parser, args):
    """The checks of the common options' values (in the parent only: see ``start``)."""
    if not args.corpus:
        parser.error("--corpus is required")
    workers = args.workers if isinstance(args.workers, list) else [args.workers]
    if any(count < 1 for count in workers):
        parser.error("--workers must all be >= 1")
    if args.max_words is not None and args.max_words < 1:
        parser.error("--max-words must be >= 1")
    if getattr(args, "repeats", 1) < 1:
        parser.error("--repeats must be >= 1")


def main(parser, runners, benchmark, print_report, check=None, argv=None):
    """A benchmark script's entry point: in a child, its job; in the parent, once the
    options are checked (``start``), ``benchmark(args, corpus, eval_paths)``, whose
    report is printed (``print_report(report)``) and written to ``--json``."""
    started = start(parser, argv, runners, check)
    if started is not None:
        report = benchmark(*started)
        print_report(report)
        write_json(report, started[0].json)


def start(parser, argv, runners=None, check=None):
    """Parse the command line of a benchmark script.

    In a child (``--_child``): run its job with ``runners`` and return None.
    In the parent: check the options (the common ones, then ``check(parser,
    args)``) and return (args, the corpus's absolute path, the benchmark files).
    """
    args = parser.parse_args(argv)
    if getattr(args, "_child", None) is not None:
        child_main(args._child, runners)
        return None
    check_common_options(parser, args)
    if check:
        check(parser, args)
    corpus = Path(args.corpus).resolve()
    if not corpus.is_file():
        sys.exit(f"error: corpus file {args.corpus} not found")
    data_dir = Path(args.data_dir or os.environ.get("WORDVEC_DATA") or corpus.parent.parent)
    return args, corpus, find_eval_paths(data_dir.resolve())


@contextlib.contextmanager
def scratch_folder(prefix):
    """A temporary folder (its path as a string), deleted at the end whatever happens."""
    scratch = tempfile.mkdtemp(prefix=prefix)
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def progress(message):
    """A progress line on stderr (stdout carries the report)."""
    print(message, file=sys.stderr, flush=True)


def print_and_save(write, path):
    """Print what ``write()`` prints and, if ``path`` is given, save it there too (say so)."""
    with contextlib.redirect_stdout(io.StringIO()) as text:
        write()
    print(text.getvalue(), end="")
    if path:
        Path(path).write_text(text.getvalue(), encoding="utf-8")
        print(f"\nreport written to {path}")


def write_json(report, path):
    """Write every figure of ``report`` to ``path`` (if given) and say so."""
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2)
        print(f"\nall figures written to {path}")


# ===================================================================== report

def cell(value, template):
    """``value`` formatted with ``template``, or "-" when it is missing."""
    return "-" if value is None else template.format(value)


def ratio(run, baseline, key="words_per_second"):
    """``key`` of ``run`` over that of ``baseline`` (None if either is missing)."""
    if baseline is None or not run.get(key) or not baseline.get(key):
        return None
    return run[key] / baseline[key]


def quality_cells(run, analogy_key, analogy_template):
    """The table cells analogy@30k (``run[analogy_key]``), answered, WS353, SimLex."""
    return (cell(run.get(analogy_key), analogy_template), f"{run['analogy_answered']:,}",
            cell(run["ws353_spearman"], "{:.3f}"), cell(run["simlex_spearman"], "{:.3f}"))


def table(header, rows, left=1):
    """An aligned text table: the first ``left`` columns (names) to the left,
    the others (numbers) to the right."""
    # This imports the project (so NumPy and Numba): a parent calls it only
    # once its children are done, when its own peak no longer matters.
    from wordvec.util import text_table

    return text_table(rows, header=header, right=set(range(left, len(header))))


def shown_path(path):
    """A path as a committed report may show it: inside the data folder, relative to
    ``$WORDVEC_DATA`` (the folder's place on this machine says nothing to a reader)."""
    data = os.environ.get("WORDVEC_DATA")
    if data:
        try:
            return "$WORDVEC_DATA/" + Path(path).resolve().relative_to(
                Path(data).resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def corpus_line(corpus, max_words, tokens=None):
    """The corpus for the header, saying loudly when only a slice of it was used."""
    if not max_words:
        return shown_path(corpus)
    return (f"{shown_path(corpus)}: FIRST {tokens or max_words:,} TOKENS ONLY (--max-words, a "
            "quick trial: not the benchmark)")


def print_fields(fields):
    """Header lines: (label, text) pairs, a text being a string or a list of lines."""
    for label, text in fields:
        lines = [text] if isinstance(text, str) else text
        print(f"{label:<10} {lines[0]}")
        for line in lines[1:]:
            print(f"{'':<10} {line}")


def environment_fields(report):
    """The "versions" and "machine" header fields of a report."""
    return [("versions", ", ".join(f"{name} {version}"
                                   for name, version in report["versions"].items())),
            ("machine", f"{report['machine']['cpus']} x {report['machine'].get('cpu', 'CPU')}, "
                        f"{report['machine']['platform']}")]


def run_notes(name, run, compiled_key):
    """FAILED / WARNING lines for one run: its error, a ``ru_maxrss`` above its
    own ``VmHWM`` (the launcher's peak showing through), a compilation timed."""
    if "error" in run:
        return [f"FAILED: {name}: {run['error']}"]
    notes = []
    if run.get("vm_hwm_mb") is not None and run["peak_rss_mb"] - run["vm_hwm_mb"] > 2:
        notes.append(f"WARNING: {name}: ru_maxrss {run['peak_rss_mb']:.0f} MB exceeds the "
                     f"process's own peak (VmHWM) {run['vm_hwm_mb']:.0f} MB: it may include "
                     "the launching process's peak")
    if run.get(compiled_key):
        notes.append(f"WARNING: {name}: a Numba kernel compiled during the timed part; "
                     "its time includes compilation")
    return notes


# ===================================================================== criteria

def criterion(name, passed, detail, target=True):
    """One acceptance criterion: {"criterion", "status", "detail"}.

    status: PASS or FAIL; n/a when ``passed`` is None (what it needs was not
    measured); "info" when ``target`` is None (a figure shown, with no target).
    """
    if target is None:
        status = "info"
    else:
        status = "n/a" if passed is None else "PASS" if passed else "FAIL"
    return {"criterion": name, "status": status, "detail": detail}


def threshold(name, value, target, template, at_most=False, missing="not measured"):
    """``criterion`` for ``value`` >= ``target`` (<= with ``at_most``).

    ``template`` formats the value for the detail; ``missing`` is the detail
    when ``value`` is None (n/a). A ``target`` of None gives an info line.
    """
    if value is None:
        return criterion(name, None, missing, target)
    passed = target is not None and (value <= target if at_most else value >= target)
    return criterion(name, passed, template.format(value), target)


def compare(by_key, name, key, reference, margin, fmt, diff, every=False, sign=1,
            names=None):
    """A ``criterion``: ``sign`` x (ours - ``reference``) >= ``margin`` on ``key``.

    ``by_key`` maps (impl, workers) to a run; "ours" is compared with
    ``reference`` at each worker count both have. The verdict is the one at
    1 worker (with ``every``: at all of them); the detail shows every count
    (``fmt`` the values, ``diff`` the difference) and names those that miss.
    ``margin`` None: an "info" line. ``names`` maps impls to the detail's names.
    """
    names = names or {}
    verdicts, details = {}, []
    for workers in sorted({workers for _, workers in by_key}):
        mine = by_key.get(("ours", workers), {}).get(key)
        theirs = by_key.get((reference, workers), {}).get(key)
        if mine is not None and theirs is not None:
            verdicts[workers] = margin is None or sign * (mine - theirs) >= margin
            details.append(f"{workers}w: ours {fmt.format(mine)} vs "
                           f"{names.get(reference, reference)} {fmt.format(theirs)} "
                           f"({diff.format(mine - theirs)})")
    if 1 not in verdicts:
        return criterion(name, None, f"needs ours and {names.get(reference, reference)} at 1 "
                                     "worker", margin)
    missed = [f"{workers}w" for workers, ok in verdicts.items() if not ok]
    detail = "; ".join(details)
    if verdicts[1] and missed and not every:
        detail = f"holds at 1w, not at {', '.join(missed)}: {detail}"
    return criterion(name, all(verdicts.values()) if every else verdicts[1], detail, margin)


def print_results(table_text, named_runs, compiled_key, title, report, full_run, between=()):
    """After the fields: the table, each run's warnings, the lines ``between``, the criteria.

    ``named_runs`` lists (name, run) for ``run_notes``; ``report`` holds
    ``criteria`` and ``max_words``.
    """
    print()
    print(table_text)
    for name, run in named_runs:
        for note in run_notes(name, run, compiled_key):
            print(note)
    print()
    for line in between:
        print(line)
    if between:
        print()
    print_criteria(title, report["criteria"], report["max_words"], full_run)


def print_criteria(title, criteria, max_words, full_run):
    """The criteria under ``title``, one aligned line each; on a ``--max-words``
    slice, the title says they were set for ``full_run`` and are only indicative."""
    if max_words:
        title += f" (set for {full_run}: indicative only on this slice)"
    print(title)
    width = max(len(item["criterion"]) for item in criteria)
    for item in criteria:
        print(f"  {item['status']:<4}  {item['criterion']:<{width}}  {item['detail']}")
