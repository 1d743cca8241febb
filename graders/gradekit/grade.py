"""Grade one submission: take a warm sandbox pair (or start one), give it the job, return the report.

Kinds whose tests wait on simulated time (`Kind.spread`) spread a submission's tests over several
warm pairs at once (`gradekit.parts`), as many as are ready up to `Settings.parts`.
"""

from __future__ import annotations

import ast
import functools
import time
from pathlib import Path
from typing import Any

from gradekit.background import in_background
from gradekit.errors import GradekitError
from gradekit.kinds import get_kind
from gradekit.pair import Pair, PairKey, selected_tests
from gradekit.parts import QUICK_MS, SLOW_MS, Part, Timings, enough_parts
from gradekit.pool import WarmPool
from gradekit.report import Judged, build_report, failed_report, merge, tests_hash
from gradekit.sandbox import get_backend
from gradekit.settings import Settings
from gradekit.spec import MAX_LEARNER_FILE_BYTES, Exercise

TIMINGS = Timings()  # this process's record of how long each exercise's tests take


def check_files(exercise: Exercise, files: dict[str, str]) -> str | None:
    """Why these files cannot be a submission of this exercise, or None."""
    unknown = sorted(set(files) - set(exercise.files))
    if unknown:
        return f"The file {unknown[0]!r} is not part of this exercise; submit {', '.join(exercise.files)}."
    missing = [name for name in exercise.files if name not in files]
    if missing:
        return f"The file {missing[0]!r} is missing from the submission."
    for name, text in files.items():
        if not isinstance(text, str):
            return f"{name} must be text."
        if len(text.encode("utf-8", "surrogatepass")) > MAX_LEARNER_FILE_BYTES:
            return f"{name} is larger than {MAX_LEARNER_FILE_BYTES // 1024} KB."
        if "\0" in text:
            return f"{name} contains a NUL byte; submit plain text."
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # bytes read with surrogateescape, or a lone surrogate
            return f"{name} is not UTF-8 text (at character {exc.start + 1}); save it as UTF-8."
    return None


def grade(exercise: Exercise, files: dict[str, str], settings: Settings | None = None,
          visible_only: bool = False, pool: WarmPool | None = None) -> dict[str, Any]:
    """Grade `files` against `exercise` and return a `learnpath.report/1` dict. Never raises for learner input."""
    settings = settings or Settings()
    started = time.monotonic()
    problem = check_files(exercise, files)
    if problem:
        report = failed_report(exercise, settings.backend, "fail", "bad_submission", problem)
    else:
        try:
            report = _grade(exercise, files, settings, visible_only, pool)
        except (GradekitError, OSError) as exc:
            report = failed_report(exercise, settings.backend, "error", "grader_error",
                                   f"The grader could not run: {exc}")
    report["duration_ms"] = int((time.monotonic() - started) * 1000)
    return report


def _grade(exercise: Exercise, files: dict[str, str], settings: Settings, visible_only: bool,
           pool: WarmPool | None) -> dict[str, Any]:
    key = PairKey.of(exercise)
    taken: list[tuple[Pair, int]] = []
    wanted, weights = plan_parts(exercise, visible_only, pool.parts(key)) if pool is not None else (1, {})
    while pool is not None and len(taken) < wanted and (item := pool.take(key, refill=wanted == 1)) is not None:
        taken.append(item)
    if taken:
        pairs = [pair for pair, _ in taken]
        try:
            report = _run(exercise, files, visible_only, pairs, weights)
        finally:
            for pair, slot in taken:
                pool.release(pair, slot)  # type: ignore[union-attr]
            pool.fill(key)  # type: ignore[union-attr]
        if report["status"] != "error":
            return report
        # A warm sandbox that could not judge (its template died, say) is not the learner's fault:
        # the submission is graded again in a cold pair, whose verdict stands.
    pair = Pair(get_backend(settings), key, settings)
    try:
        return _run(exercise, files, visible_only, [pair])
    finally:
        pair.destroy()


def plan_parts(exercise: Exercise, visible_only: bool, most: int) -> tuple[int, dict[str, int]]:
    """Over how many pairs (at most `most`) to spread a run, and its tests' expected times (ms) by id.

    As few pairs as take about as long as the longest test. A test that has not passed yet counts
    as the harness deals it (`gradekit.harness.share`): slow if it asks for the kind's `spread`
    fixture, else quick.
    """
    spread = get_kind(exercise.kind).spread
    if spread is None or most <= 1:
        return 1, {}
    selected = set(selected_tests(exercise, (path.name for path in exercise.test_files()), visible_only))
    version = tests_hash(exercise)
    weights = {test: ms for test, ms in TIMINGS.weights(exercise.id, version).items() if _place(test)[0] in selected}
    timed = {_place(test) for test in weights}
    unknown = [SLOW_MS if paced else QUICK_MS
               for name, function, paced in declared_tests(exercise.tests_dir, version, frozenset(selected), spread)
               if (name, function) not in timed]
    return enough_parts([*weights.values(), *unknown], most), weights


def _place(nodeid: str) -> tuple[str, str]:
    """A test's file name and function name, from its pytest node id (`tests/test_x.py::test_y[3]`)."""
    return nodeid.split("::")[0].rsplit("/", 1)[-1], nodeid.split("::")[-1].split("[")[0]


@functools.lru_cache(maxsize=256)
def declared_tests(folder: Path, version: str, names: frozenset[str], fixture: str) -> list[tuple[str, str, bool]]:
    """The test functions in the files `names` of `folder` (file, function, whether it asks for
    `fixture`), read from their source (never run here) once per `version` of the tests."""
    found = []
    for name in sorted(names):
        try:
            tree = ast.parse((folder / name).read_bytes())
        except (SyntaxError, ValueError, OSError):
            continue  # the harness reports what is wrong with it
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
                arguments = node.args
                asks = fixture in {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
                found.append((name, node.name, asks))
    return found


def _run(exercise: Exercise, files: dict[str, str], visible_only: bool, pairs: list[Pair],
         weights: dict[str, int] | None = None) -> dict[str, Any]:
    """Run the tests in `pairs` at once, each pair its part of them, and build one report."""
    parts: list[Part | None] = [None]
    spread = get_kind(exercise.kind).spread
    if len(pairs) > 1 and spread is not None:
        parts = [Part(index, len(pairs), spread, weights or {}) for index in range(len(pairs))]
    results: list[Judged | BaseException | None] = [None] * len(parts)

    def judge(index: int) -> None:
        try:
            results[index] = pairs[index].judge(exercise, files, visible_only, parts[index])
        except BaseException as exc:  # raised again below, in the grading thread
            results[index] = exc

    tasks = [in_background(judge, index) for index in range(1, len(parts))]
    judge(0)
    for task in tasks:
        task.join()
    judged: list[Judged] = []
    for result in results:
        if isinstance(result, BaseException):
            raise result
        judged.append(result)  # type: ignore[arg-type]
    report = build_report(exercise, pairs[0].backend.name, merge(judged))
    report["grader"]["sandbox"] = pairs[0].mode
    report["grader"]["parts"] = len(parts)
    if spread is not None:
        TIMINGS.record(report)
    return report
