"""Stopped jobs keep their work (issue 12, point 5), on the command line."""
import errno
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from corpora import synthetic
from wordvec.cli import main
from wordvec.vectors.keyedvectors import KeyedVectors


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("stop") / "synthetic.txt"
    synthetic.write(path, n_sentences=3000, seed=2)
    return path


def test_sigterm_saves_the_vectors_and_exits_143(tmp_path, corpus):
    # Before: SIGTERM killed the run at once (status -15), nothing saved.
    out = tmp_path / "v.npz"
    run = subprocess.Popen([sys.executable, "-m", "wordvec", "train", "sg", "--corpus",
                            str(corpus), "--out", str(out), "--epochs", "5000", "--dim", "8",
                            "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    for line in run.stderr:            # plain progress lines: training has begun
        if line.startswith("training skipgram: 0 of"):
            break
    time.sleep(1.0)
    run.send_signal(signal.SIGTERM)
    stdout, _ = run.communicate(timeout=120)
    assert run.returncode == 143, stdout
    assert "terminated (SIGTERM): the vectors trained so far were saved" in stdout
    kv = KeyedVectors.load(str(out))
    assert len(kv) > 100 and np.isfinite(kv.vectors).all()


def test_checkpoint_then_resume_equals_the_whole_run(tmp_path, corpus, capsys):
    common = ["--corpus", str(corpus), "--dim", "8", "--epochs", "3", "--no-cache", "--quiet",
              "--workers", "1"]
    assert main(["train", "cbow", *common, "--out", str(tmp_path / "whole.npz"),
                 "--checkpoint-every", "1"]) == 0
    checkpoint = tmp_path / "whole.npz.checkpoint.npz"
    assert checkpoint.is_file()                       # written after epochs 1 and 2
    assert main(["train", "cbow", *common, "--out", str(tmp_path / "resumed.npz"),
                 "--resume", str(checkpoint)]) == 0
    whole = KeyedVectors.load(str(tmp_path / "whole.npz"))
    resumed = KeyedVectors.load(str(tmp_path / "resumed.npz"))
    assert np.array_equal(whole.vectors, resumed.vectors)


def test_resume_from_another_run_is_a_clear_error(tmp_path, corpus, capsys):
    common = ["--corpus", str(corpus), "--epochs", "3", "--no-cache", "--quiet"]
    assert main(["train", "sg", *common, "--dim", "8", "--out", str(tmp_path / "a.npz"),
                 "--checkpoint-every", "1"]) == 0
    capsys.readouterr()
    assert main(["train", "sg", *common, "--dim", "9", "--out", str(tmp_path / "b.npz"),
                 "--resume", str(tmp_path / "a.npz.checkpoint.npz")]) == 2
    err = capsys.readouterr().err
    assert "dim=8 (now 9)" in err and err.count("\n") == 1


@pytest.mark.parametrize("value", ["soon", "0", "0m"])
def test_checkpoint_every_takes_epochs_or_minutes(value, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "sg", "--corpus", "c", "--out", "v.bin", "--checkpoint-every", value])
    assert exit_info.value.code == 2
    assert "expected N (epochs) or Nm (minutes)" in capsys.readouterr().err


def test_a_full_disk_says_where_and_keeps_the_old_file(tmp_path, corpus, capsys, monkeypatch):
    out = tmp_path / "v.txt"
    out.write_text("old vectors\n")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("wordvec.util.atomic.os.fsync", disk_full)
    assert main(["train", "sg", "--corpus", str(corpus), "--out", str(out), "--dim", "4",
                 "--epochs", "1", "--no-cache", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {out} (No space left on device)" in err
    assert out.read_text() == "old vectors\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.txt"]
