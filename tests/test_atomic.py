"""Atomic writes (wordvec/util/atomic.py): all or nothing, and as readable as any new file."""
import os
import stat

import pytest

from wordvec.util.atomic import atomic_write


def test_a_finished_write_replaces_the_file_with_the_usual_permissions(tmp_path):
    target = tmp_path / "vectors.txt"
    target.write_text("old")
    old_mask = os.umask(0o022)
    try:
        with atomic_write(target, "w") as out:
            out.write("new")
    finally:
        os.umask(old_mask)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's private 0600
    assert [path.name for path in tmp_path.iterdir()] == ["vectors.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "vectors.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write(target, "w") as out:
            out.write("half")
            raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["vectors.txt"]


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path):
    import errno
    target = tmp_path / "vectors.txt"
    target.write_text("the old vectors\n")
    with pytest.raises(OSError) as caught:
        with atomic_write(target, "w") as out:
            out.write("half of the new ")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.errno == errno.ENOSPC
    assert str(target) in str(caught.value) and "unchanged" in str(caught.value)
    assert target.read_text() == "the old vectors\n"
    assert [p.name for p in tmp_path.iterdir()] == ["vectors.txt"]
