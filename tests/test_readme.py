"""The README's Python blocks run as written (issue 11, point 2).

They run in a fresh interpreter whose ``WORDVEC_CACHE`` is a prepared cache:
``corpora/text8`` holds the first 600,000 tokens of wiki17m (text8's format),
so ``fetch("text8")`` finds it without a download, and ``eval/`` holds the
benchmark sets, as ``wordvec fetch eval`` leaves them.
"""
import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wordvec.text.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = os.environ.get("WORDVEC_DATA")
pytestmark = pytest.mark.skipif(not DATA, reason="needs WORDVEC_DATA (a slice of wiki17m)")


def python_blocks(text):
    return re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)


def test_the_readme_has_python_to_run():
    assert len(python_blocks((ROOT / "README.md").read_text())) >= 1


@pytest.fixture(scope="module")
def prepared_cache(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    (cache / "corpora").mkdir()
    tokens = itertools.islice(itertools.chain.from_iterable(
        Corpus(Path(DATA) / "corpora" / "wiki17m.txt.xz")), 600_000)
    (cache / "corpora" / "text8").write_text(" " + " ".join(tokens))
    shutil.copytree(Path(DATA) / "eval", cache / "eval")
    return cache


@pytest.mark.parametrize("number", range(len(python_blocks((ROOT / "README.md").read_text()))))
def test_readme_python_block_runs(number, prepared_cache, tmp_path):
    code = python_blocks((ROOT / "README.md").read_text())[number]
    env = {**os.environ, "WORDVEC_CACHE": str(prepared_cache), "MPLBACKEND": "Agg"}
    env.pop("WORDVEC_DATA")          # a user has only what `wordvec fetch` downloaded
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    if "evaluate_analogies" in code:
        answered = re.search(r"analogies: (\d+\.\d)% of ([\d,]+) answered", done.stdout)
        assert answered and int(answered.group(2).replace(",", "")) > 100, done.stdout
        assert re.search(r"Spearman -?0\.\d+ \[95% CI", done.stdout), done.stdout
