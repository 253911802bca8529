"""Progress you can trust: a bar on a terminal, a few plain lines in a log file.

Every wait longer than a second or two says what it is waiting for:

* ``bar(total, desc, unit)``: a tqdm bar when standard error is a terminal;
  otherwise (piped, in a log file, under a scheduler) a plain line at the
  start, one at every tenth of the way (at most one per 5 seconds), and one
  at the end, instead of hundreds of redrawn frames;
* ``phase(desc)``: for a step whose size is unknown (compiling the kernels,
  loading a cache); it prints ``desc ...`` only if the step is still running
  after a second, then how long it took;
* ``reading(corpus, desc)``: the sentences of a corpus, with a bar over the
  bytes read from its files (compressed bytes for a compressed file).

>>> import io
>>> out = io.StringIO()
>>> with bar(4_000_000, "counting", "word", file=out) as progress:
...     for _ in range(4):
...         progress.update(1_000_000)
>>> print(out.getvalue(), end="")         # doctest: +ELLIPSIS
counting: 0 of 4.00M words
counting: done, 4.00M words in ... s

(A run of more than 5 seconds also gets a line at 10%, 20%, ... of the way.)
"""
import sys
import threading
import time
from contextlib import contextmanager

# tqdm's plain class: a bar is drawn only on a terminal (in a notebook, lines).
from tqdm import tqdm

LINE_EVERY = 0.1        # of the total, between plain lines
MIN_LINE_SECONDS = 5.0  # and at least this long apart
PHASE_QUIET_SECONDS = 1.0


def is_terminal(file=None):
    """True when ``file`` (default: standard error) is an interactive terminal."""
    file = file if file is not None else sys.stderr
    try:
        return file.isatty()
    except (AttributeError, ValueError):
        return False


def human(number):
    """1234567 -> '1.23M': the sizes in plain progress lines."""
    for factor, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(number) >= factor:
            return f"{number / factor:.2f}{suffix}"
    return f"{number:g}"


def plural(unit):
    """'word' -> 'words', 'entry' -> 'entries', 'B' -> 'bytes'."""
    if unit == "B":
        return "bytes"
    return unit[:-1] + "ies" if unit.endswith("y") else unit + "s"


class PlainProgress:
    """The plain-line stand-in for a tqdm bar: ``update``, ``set_postfix``, ``close``."""

    def __init__(self, total, desc, unit, file=None):
        self.total, self.desc, self.unit = total, desc, unit
        self.file = file if file is not None else sys.stderr
        self.units = plural(unit)
        self.n, self.postfix = 0, {}
        self.started = self._last_time = time.perf_counter()
        self._next_share = LINE_EVERY
        self._say(f"0 of {human(total)} {self.units}" if total else "started")

    def _say(self, text):
        print(f"{self.desc}: {text}", file=self.file, flush=True)

    def update(self, n=1):
        self.n += n
        if not self.total:
            return
        share, now = self.n / self.total, time.perf_counter()
        if share >= self._next_share and now - self._last_time >= MIN_LINE_SECONDS \
                and share < 1:
            extra = "".join(f", {key} {value}" for key, value in self.postfix.items())
            self._say(f"{share:.0%} ({human(self.n)} of {human(self.total)} {self.units}, "
                      f"{now - self.started:.0f} s{extra})")
            self._last_time = now
            self._next_share = share + LINE_EVERY

    def set_postfix(self, refresh=False, **fields):
        self.postfix = fields

    def close(self):
        if self.started is None:
            return
        seconds = time.perf_counter() - self.started
        extra = "".join(f", {key} {value}" for key, value in self.postfix.items())
        self._say(f"done, {human(self.n)} {self.units} in {seconds:.1f} s{extra}")
        self.started = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Silent(PlainProgress):
    def __init__(self):  # noqa: D107 - nothing to set up
        self.n, self.postfix, self.started = 0, {}, None

    def update(self, n=1):
        self.n += n

    def close(self):
        pass


def bar(total, desc, unit="it", verbose=True, file=None):
    """A progress bar for ``total`` units: tqdm on a terminal, plain lines otherwise.

    The plain form's lines go through ``PlainProgress`` even when ``file``
    is given (doctests, logs); tqdm is used only for a terminal.
    """
    if not verbose:
        return _Silent()
    if file is None and is_terminal():
        return tqdm(total=total, desc=desc, unit=unit, unit_scale=True, dynamic_ncols=True)
    return PlainProgress(total, desc, unit, file)


@contextmanager
def phase(desc, verbose=True, file=None):
    """Say ``desc ...`` if the block runs longer than a second, then how long it took."""
    if not verbose:
        yield
        return
    file = file if file is not None else sys.stderr
    started = time.perf_counter()
    announced = threading.Event()

    def announce():
        announced.set()
        print(f"{desc} ...", file=file, flush=True)

    timer = threading.Timer(PHASE_QUIET_SECONDS, announce)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        if announced.is_set():
            print(f"{desc}: done in {time.perf_counter() - started:.1f} s", file=file,
                  flush=True)


def reading(corpus, desc, verbose=True):
    """The sentences of ``corpus`` (a ``Corpus``), with a progress bar of what is read.

    Files: bytes read of their total size on disk. Sentences in memory: sentences.
    """
    if corpus.files is not None:
        total = sum(path.stat().st_size for path in corpus.files)
        with bar(total, desc, "B", verbose) as progress:
            last = [0]

            def on_read(done):
                progress.update(done - last[0])
                last[0] = done

            yield from corpus.iter_sentences(on_read=on_read)
        return
    total = len(corpus.sentences) if hasattr(corpus.sentences, "__len__") else None
    with bar(total, desc, "sentence", verbose) as progress:
        for sentence in corpus:
            yield sentence
            progress.update(1)
