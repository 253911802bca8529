"""Every benchmark task of the data folder on some vector files: scores, coverage, time.

Not a speed benchmark against a peer (there is none to run the same tasks):
the record of what each task scores and costs, for issue 21's table. Each
set is run alone through ``evaluate_suite`` and timed.

Usage, from the repository root::

    python bench/eval_tasks.py sg.bin glove.bin [--data-dir DIR]
"""
import argparse
import time
from pathlib import Path

import harness


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vectors", nargs="+")
    parser.add_argument("--data-dir")
    parser.add_argument("--sets", nargs="+", default=["ap", "bless", "battig", "essli-2008",
                                                      "8-8-8", "wikisem500", "rw"])
    args = parser.parse_args(argv)

    from corpora import registry
    from wordvec import KeyedVectors
    from wordvec.evaluation import evaluate_suite

    print(f"machine    2 x {harness.cpu_name()}")
    rows = []
    for path in args.vectors:
        kv = KeyedVectors.load(path)
        for name in args.sets:
            started = time.perf_counter()
            found = evaluate_suite(kv, [registry.find(name, args.data_dir)])
            seconds = time.perf_counter() - started
            for row in found:
                if row.metric == "pearson":
                    continue
                ci = f"[{row.ci[0]:.3f}, {row.ci[1]:.3f}]" if row.ci else ""
                rows.append((Path(path).stem, name, row.metric, f"{row.value:.3f}", ci,
                             f"{row.answered:,}/{row.total:,}", f"{seconds:.1f}"))
    print(harness.table(("vectors", "set", "metric", "value", "95% interval", "answered",
                         "seconds"), rows, left=3))


if __name__ == "__main__":
    main()
