"""Progress you can trust (issue 11, point 5): lines off a terminal, one loss, no steps back."""
import io
import re
import subprocess
import sys
import time

import pytest

from wordvec.text.corpus import Corpus
from wordvec.train.loop import train_epochs
from wordvec.util import progress
from wordvec.util.progress import PlainProgress, bar, phase, reading


def test_off_a_terminal_a_bar_is_a_few_plain_lines(monkeypatch):
    monkeypatch.setattr(progress, "MIN_LINE_SECONDS", 0.0)
    out = io.StringIO()
    with bar(1000, "training sg", "word", file=out) as shown:
        for _ in range(100):
            shown.update(10)
            shown.set_postfix(loss="2.5")
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert lines[0] == "training sg: 0 of 1.00k words"
    assert lines[-1].startswith("training sg: done, 1.00k words in ")
    assert lines[-1].endswith(", loss 2.5")
    assert 8 <= len(lines) <= 12                  # a line per tenth, not a frame per update
    assert lines[1].startswith("training sg: 10% (100 of 1.00k words, ")


def test_a_phase_speaks_only_when_it_is_slow():
    out = io.StringIO()
    with phase("quick", file=out):
        pass
    assert out.getvalue() == ""
    with phase("compiling the kernels", file=out):
        time.sleep(progress.PHASE_QUIET_SECONDS + 0.3)
    lines = out.getvalue().splitlines()
    assert lines[0] == "compiling the kernels ..."
    assert re.fullmatch(r"compiling the kernels: done in 1\.\d s", lines[1])


def test_reading_a_file_counts_its_bytes_on_disk(tmp_path, monkeypatch):
    import lzma
    path = tmp_path / "c.txt.xz"
    with lzma.open(path, "wt") as out:
        out.write("the cat sat on the mat\n" * 50_000)
    shown = []
    monkeypatch.setattr(progress, "bar", lambda total, *a, **k: Recorder(total, shown))
    sentences = list(reading(Corpus(path), "counting words"))
    assert len(sentences) == 50_000
    assert shown[-1] == path.stat().st_size       # compressed bytes, all of them


class Recorder(PlainProgress):
    def __init__(self, total, shown):
        self.total, self.n, self.shown = total, 0, shown

    def update(self, n=1):
        self.n += n
        self.shown.append(self.n)

    def close(self):
        pass


def test_the_bar_shows_the_epoch_mean_the_summary_reports(monkeypatch):
    lines = io.StringIO()
    monkeypatch.setattr("wordvec.train.loop.progress_bar",
                        lambda total, desc, unit, verbose: PlainProgress(total, desc, unit, lines))
    losses = {0: 1.0, 1: 3.0}

    def work(epoch, task):
        return losses[task] * 10, 10

    log = train_epochs(work, tasks=[(0, 5), (1, 5)], epochs=1)
    done = lines.getvalue().splitlines()[-1]
    assert log.loss_history == [2.0]
    assert f"loss {log.loss_history[-1]:.4g}" in done   # not the last chunk's 3.0


def test_with_two_workers_the_status_never_steps_back():
    seen = []

    def work(epoch, task):
        time.sleep(0.02 if task % 2 else 0.001)   # odd chunks finish late
        return 1.0, 1

    train_epochs(work, tasks=[(i, 1) for i in range(12)], epochs=2, workers=2,
                 status=lambda progress: seen.append(progress) or {}, verbose=True)
    assert seen == sorted(seen) and len(seen) == 24


@pytest.mark.slow
def test_a_piped_training_prints_lines_not_frames(tmp_path):
    text = " ".join(f"w{i % 500} w{(i * 7) % 300}" for i in range(200_000))
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(text + "\n")
    done = subprocess.run([sys.executable, "-m", "wordvec", "train", "sg", "--corpus",
                           str(corpus), "--out", str(tmp_path / "v.npz"), "--epochs", "1",
                           "--dim", "8", "--no-cache"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "\r" not in done.stderr
    lines = done.stderr.splitlines()
    assert any(line.startswith("counting words in corpus.txt: done") for line in lines)
    assert any(line.startswith("encoding corpus.txt: done") for line in lines)
    assert any(line.startswith("training skipgram: done") for line in lines)
    assert len(lines) < 20, done.stderr


def test_units_read_as_english():
    assert [progress.plural(u) for u in ("word", "entry", "B", "product")] == \
        ["words", "entries", "bytes", "products"]
