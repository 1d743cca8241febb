"""Does the grading benchmark's reference point still run?

`make bench` compares grading latency with R, a bare `python -m pytest -p local` of an exercise's
hidden tests against its reference solution. That plugin (bench/local.py) stands in for gradekit's
connection to the subject, so a change to the connection's interface can break it; this runs R's
command once for every kind the benchmark measures.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Loaded by path under a name of its own: tests/grading is a folder of tests, not this module.
_spec = importlib.util.spec_from_file_location("bench_grading", ROOT / "bench" / "grading.py")
assert _spec is not None and _spec.loader is not None
bench_grading = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_grading)

ONE_PER_KIND = {name: folder for name, folder in reversed(bench_grading.EXERCISES)}


@pytest.mark.parametrize("folder", ONE_PER_KIND.values(), ids=ONE_PER_KIND.keys())
def test_reference_run_passes(folder: Path):
    """Does the bare pytest run that R times pass every hidden test of the reference solution?"""
    assert bench_grading.reference_time(folder) > 0  # raises, with pytest's output, when a test fails
