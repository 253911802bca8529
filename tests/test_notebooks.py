"""The course notebooks: stored clean, executed end to end, and their checks judge.

Every notebook runs top to bottom in "ci" size (small data) in a real kernel.
Then, in the same kernel, each exercise is answered wrongly and rightly
(``tests/notebook_answers/nbNN.py``; the notebooks never show a solution),
and its check cell must say "✗ Not yet" and "✓ Right" respectively.

On a machine without the data (no ``WORDVEC_DATA``, nothing fetched), the
lessons that only need some text and some benchmark run on the synthetic
corpus (``notebooks/course.py`` stands it in). The others need real text or
human-scored sets, and skip saying why (``NEEDS_REAL_DATA``).
"""
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
sys.path.insert(0, str(NOTEBOOKS))
run = importlib.import_module("run")
checks = importlib.import_module("exercise_checks")
course = importlib.import_module("course")

# The lessons that the synthetic corpus cannot stand in for, and why.
NEEDS_REAL_DATA = {
    "01": "Zipf's law and min_count are lessons about the long tail of real text, which the "
          "synthetic corpus has not",
    "04": "it reads word pairs such as 'united states' off the counts of real text",
    "05": "it studies human-scored benchmark sets and Google's semantic and syntactic analogies",
    "06": "`wordvec compare` on a corpus file scores the benchmark sets of a data folder",
}

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

PATHS = run.notebooks()
IDS = [path.stem for path in PATHS]
MAX_CODE_LINES = 30   # "keeps code cells short"


def _answers(path):
    spec = importlib.util.spec_from_file_location(
        f"answers_{path.stem[:2]}", ROOT / "tests" / "notebook_answers" / f"nb{path.stem[:2]}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tagged(nb, tag):
    return [cell for cell in nb.cells if tag in cell.metadata.get("tags", [])]


def test_seven_notebooks_in_order():
    assert [path.stem[:2] for path in PATHS] == ["01", "02", "03", "04", "05", "06", "07"]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, \
                f"{path.name}: a code cell has outputs; store the notebook cleared"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_shape_of_a_lesson(path):
    nb = nbformat.read(path, as_version=4)
    opening = nb.cells[0]
    assert opening.cell_type == "markdown"
    assert re.search(r"you will learn", opening.source, re.I), "opens with what you will learn"
    assert re.search(r"you need", opening.source, re.I), "and with what you need"
    parameters = _tagged(nb, "parameters")
    assert len(parameters) == 1 and "SIZE" in parameters[0].source, \
        "one parameter cell sets the size"
    exercises, check_cells = _tagged(nb, "exercise"), _tagged(nb, "check")
    assert 2 <= len(exercises) <= 4 and len(check_cells) == len(exercises)
    assert nb.cells.index(exercises[0]) > nb.cells.index(parameters[0])
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = cell.source.count("\n") + 1
            assert lines <= MAX_CODE_LINES, f"{path.name}: a {lines}-line code cell"


@pytest.mark.notebook
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_runs_and_checks_judge(path):
    reason = NEEDS_REAL_DATA.get(path.stem[:2])
    if reason and not course.has_real_data():
        pytest.skip(f"{path.stem} needs the real data: {reason}. Set WORDVEC_DATA to a data "
                    "folder, or run `wordvec fetch text8` and `wordvec fetch eval`")
    nb = nbformat.read(path, as_version=4)
    check_sources = [cell.source for cell in _tagged(nb, "check")]
    answers = _answers(path)
    assert len(answers.WRONG) == len(answers.RIGHT) == len(check_sources)
    extra = []
    for wrong, right, check in zip(answers.WRONG, answers.RIGHT, check_sources):
        extra += [wrong + "\n" + check, right + "\n" + check]
    executed, texts, seconds = run.execute(path, size="ci", extra_cells=extra)
    print(f"{path.stem}: {seconds:.1f} s")
    for cell in _tagged(executed, "check"):   # as shipped: not answered yet
        assert checks.UNANSWERED in run.output_text(cell)
    for number, (after_wrong, after_right) in enumerate(zip(texts[::2], texts[1::2]), 1):
        assert checks.WRONG in after_wrong and checks.RIGHT not in after_wrong, \
            f"exercise {number}: a wrong answer was not refused:\n{after_wrong}"
        assert checks.RIGHT in after_right, \
            f"exercise {number}: the right answer was not accepted:\n{after_right}"
    images = sum("image/png" in output.get("data", {})
                 for cell in executed.cells if cell.cell_type == "code"
                 for output in cell.outputs)
    assert images >= 2, f"{path.name}: only {images} figures"
