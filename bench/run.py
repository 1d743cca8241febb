"""`make bench`: every benchmark, each printing `NAME: VALUE (target OP VALUE)` lines."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS = ["grading", "load"]


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    only = sys.argv[1:] or BENCHMARKS
    for name in only:
        if not (Path(__file__).resolve().parent / f"{name}.py").exists():
            print(f"# {name}: not present, skipped")
            continue
        print(f"# {name}", flush=True)
        importlib.import_module(name).main()


if __name__ == "__main__":
    main()
