"""Grade one submission: take a warm sandbox pair (or start one), give it the job, return the report."""

from __future__ import annotations

import time
from typing import Any

from gradekit.errors import GradekitError
from gradekit.pair import Pair, PairKey
from gradekit.pool import WarmPool
from gradekit.report import failed_report
from gradekit.sandbox import get_backend
from gradekit.settings import Settings
from gradekit.spec import MAX_LEARNER_FILE_BYTES, Exercise


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
    taken = pool.take(key) if pool else None
    if taken is not None:
        pair, slot = taken
        try:
            report = pair.run(exercise, files, visible_only)
        finally:
            pool.release(pair, slot)  # type: ignore[union-attr]
        if report["status"] != "error":
            return report
        # A warm sandbox that could not judge (its template died, say) is not the learner's fault:
        # the submission is graded again in a cold pair, whose verdict stands.
    pair = Pair(get_backend(settings), key, settings)
    try:
        return pair.run(exercise, files, visible_only)
    finally:
        pair.destroy()
