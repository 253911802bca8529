"""Execute the course notebooks and write executed copies, figures included.

    python notebooks/run.py                         # every notebook, class size
    python notebooks/run.py --size ci 02 05         # two of them, small data
    python notebooks/run.py --out executed/         # where the copies go

The notebooks in this folder are stored without outputs, so their diffs stay
clean; the copies written here have every output and figure, for readers who
want the results without running anything. Needs the notebook extras:
``pip install ".[notebooks]"`` (nbclient, nbformat, ipykernel).
"""
import argparse
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE_ENV_VAR = "WORDVEC_COURSE_SIZE"   # read by course.size()
CELL_TIMEOUT = 900                      # seconds; a class-size training cell can be long


def notebooks(selection=()):
    """The course's notebooks in order, or those whose name starts with a selection."""
    found = sorted(HERE.glob("[0-9][0-9]_*.ipynb"))
    if not selection:
        return found
    chosen = [path for path in found if any(path.name.startswith(s) for s in selection)]
    missing = [s for s in selection if not any(p.name.startswith(s) for p in found)]
    if missing:
        raise SystemExit(f"no notebook named {', '.join(missing)} in {HERE}; "
                         f"there are: {', '.join(p.stem for p in found)}")
    return chosen


@contextmanager
def _environment(size):
    """The kernel inherits our environment: set the course size, and leave
    matplotlib's backend to the kernel (inline figures), whatever MPLBACKEND says."""
    saved = {key: os.environ.get(key) for key in (SIZE_ENV_VAR, "MPLBACKEND")}
    os.environ[SIZE_ENV_VAR] = size
    os.environ.pop("MPLBACKEND", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def execute(path, size="class", extra_cells=(), timeout=CELL_TIMEOUT):
    """Run a notebook top to bottom, then ``extra_cells`` (code strings) in the same kernel.

    Returns (the executed notebook, the extra cells' outputs as text, seconds).
    A cell that raises stops the run with nbclient's CellExecutionError,
    which names the cell and shows the traceback.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(Path(path).parent)}})
    start = time.perf_counter()
    texts = []
    with _environment(size), client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        n_cells = len(nb.cells)
        for code in extra_cells:
            cell = nbformat.v4.new_code_cell(code)
            nb.cells.append(cell)
            client.execute_cell(cell, len(nb.cells) - 1)
            texts.append(output_text(cell))
        del nb.cells[n_cells:]          # the copy shows the notebook, not the extras
    return nb, texts, seconds


def output_text(cell):
    """Everything a code cell printed or displayed as text, joined."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
    return "".join(parts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NN",
                        help="notebooks to run, by number or name prefix (default: all)")
    parser.add_argument("--size", choices=("class", "ci"), default="class",
                        help="class: the full corpora (minutes each); ci: small slices")
    parser.add_argument("--out", default=str(HERE / "executed"), metavar="DIR",
                        help="folder for the executed copies (default: notebooks/executed)")
    args = parser.parse_args(argv)
    import nbformat

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0.0
    for path in notebooks(args.names):
        print(f"{path.stem}: running ({args.size} size) ...", flush=True)
        nb, _, seconds = execute(path, args.size)
        target = out / path.name
        nbformat.write(nb, str(target))
        total += seconds
        print(f"{path.stem}: {seconds:.0f} s -> {target}", flush=True)
    print(f"all done in {total:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
