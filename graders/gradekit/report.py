"""The grading report, schema `learnpath.report/1` (DESIGN.md section 4), built from harness events."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from typing import Any

from gradekit import __version__
from gradekit.sandbox import Outcome
from gradekit.spec import Exercise, Limits

SCHEMA = "learnpath.report/1"
STATUSES = ("pass", "fail", "error")
REASONS = ("tests_failed", "syntax_error", "timeout", "memory_limit", "output_limit", "crashed",
           "bad_submission", "grader_error")
TEST_STATUSES = ("pass", "fail", "error", "skipped")
TEXT_CAP = 4096


def tests_hash(exercise: Exercise) -> str:
    """A hash of the test suite, so a report says which version of the tests judged it."""
    digest = hashlib.sha256()
    for path in sorted(p for p in exercise.tests_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(exercise.tests_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def base_report(exercise: Exercise, backend: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "exercise": exercise.id,
        "status": "error",
        "reason": "grader_error",
        "score": 0,
        "max_score": 0,
        "duration_ms": 0,
        "message": "",
        "tests": [],
        "artifacts": [],
        "grader": {"version": __version__, "backend": backend, "kind": exercise.kind,
                   "tests_hash": tests_hash(exercise)},
    }


def failed_report(exercise: Exercise, backend: str, status: str, reason: str, message: str) -> dict[str, Any]:
    report = base_report(exercise, backend)
    report.update(status=status, reason=reason, message=message[:TEXT_CAP])
    return report


@dataclass
class HarnessEvents:
    """What the harness wrote: tests in collection order and their results."""

    collected: list[dict[str, Any]] = field(default_factory=list)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    artifacts: list[dict[str, Any]] = field(default_factory=list)
    collect_errors: list[str] = field(default_factory=list)
    done: dict[str, Any] | None = None
    finished: threading.Event = field(default_factory=threading.Event)  # set on "done" or end of stream

    def add(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "collected":
            self.collected.append(event)
        elif kind == "test":
            self.results[str(event.get("id"))] = event
        elif kind == "artifact":
            self.artifacts.append({k: event.get(k) for k in ("name", "media_type", "test", "data")})
        elif kind == "collect_error":
            self.collect_errors.append(str(event.get("message", "")))
        elif kind == "done":
            self.done = event
            self.finished.set()


@dataclass
class Judged:
    """What one pair's run left: the harness's events and how each of its two sandboxes ended."""

    events: HarnessEvents
    subject: Outcome
    harness: Outcome
    timed_out: bool


def merge(parts: list[Judged]) -> Judged:
    """One run's worth of events and outcomes from the parts of a submission run in parallel pairs.

    Tests keep their place in collection order (each part numbers its tests by it); a limit hit in
    any part is a limit hit; the subject counts as loaded only where every part loaded it.
    """
    if len(parts) == 1:
        return parts[0]
    events = HarnessEvents()
    for part in parts:
        events.collected += part.events.collected
        events.results.update(part.events.results)
        events.collect_errors += part.events.collect_errors
        # Artifacts of a test come from the part that ran it; those of the learner's code (its
        # first message, the same in every part) from the first part only.
        events.artifacts += [a for a in part.events.artifacts if a.get("test") or part is parts[0]]
    events.collected.sort(key=lambda event: int(event.get("order") or 0))
    if all(part.events.done is not None for part in parts):
        subjects = [(part.events.done or {}).get("subject") or {} for part in parts]
        events.done = {"event": "done", "subject": {
            "loaded": all(subject.get("loaded") for subject in subjects),
            "error": next((s["error"] for s in subjects if s.get("error")), None),
            "cause": next((s["cause"] for s in subjects if s.get("cause")), None),
        }}
    events.finished.set()
    return Judged(events, _merged_outcome([p.subject for p in parts]), _merged_outcome([p.harness for p in parts]),
                  any(part.timed_out for part in parts))


def _merged_outcome(outcomes: list[Outcome]) -> Outcome:
    codes = [o.exit_code for o in outcomes]
    return Outcome(
        exit_code=None if None in codes else next((code for code in codes if code), 0),
        timed_out=any(o.timed_out for o in outcomes),
        memory_exceeded=any(o.memory_exceeded for o in outcomes),
        output_exceeded=any(o.output_exceeded for o in outcomes),
        output="".join(o.output for o in outcomes),
    )


def limit_message(reason: str, limits: Limits) -> str:
    return {
        "timeout": f"Your code took longer than {limits.timeout:g} s in total (or {limits.call_timeout:g} s for one "
                   "call) and was stopped. Look for an endless loop or a call that waits forever.",
        "memory_limit": f"Your code used more than {limits.memory} MB of memory and was stopped.",
        "output_limit": f"Your code printed more than {limits.output} KB of output and was stopped.",
        "crashed": "Your program exited or crashed before every test could run.",
    }.get(reason, "")


def build_report(exercise: Exercise, backend: str, judged: Judged) -> dict[str, Any]:
    """Decide the verdict from plain data: the harness's results and how each sandbox ended."""
    events, subject, harness, timed_out = judged.events, judged.subject, judged.harness, judged.timed_out
    report = base_report(exercise, backend)
    if events.collect_errors:
        report["message"] = "The exercise's tests could not be loaded:\n" + events.collect_errors[0][:TEXT_CAP]
        return report
    if events.done is None and not timed_out and not subject.memory_exceeded and not subject.output_exceeded:
        report["message"] = "The grader stopped unexpectedly.\n" + harness.output[-TEXT_CAP:]
        return report
    tests, causes = [], set()
    for item in events.collected:
        result = events.results.get(str(item["id"]))
        if result is None:
            result = {"id": item["id"], "name": item.get("name", item["id"]), "status": "fail", "points": 0,
                      "max_points": 1, "visible": False, "message": "Not run: the run was stopped before this test.",
                      "output": "", "duration_ms": 0, "cause": None}
        if result.get("cause"):
            causes.add(str(result["cause"]))
        tests.append({k: result.get(k) for k in
                      ("id", "name", "status", "points", "max_points", "visible", "message", "output", "duration_ms")})
    report["tests"] = tests
    report["artifacts"] = events.artifacts
    report["score"] = _number(sum(float(t["points"] or 0) for t in tests))
    report["max_score"] = _number(sum(float(t["max_points"] or 0) for t in tests))
    subject_info = (events.done or {}).get("subject") or {}
    error = subject_info.get("error") or {}
    if subject_info.get("cause"):
        causes.add(str(subject_info["cause"]))
    reason = _reason(error, subject, timed_out, causes, tests)
    if reason is None:
        report.update(status="pass", reason=None, message="All tests passed.")
        return report
    report.update(status="fail", reason=reason)
    if reason == "syntax_error":
        where = f" in {error.get('filename')}, line {error.get('lineno')}" if error.get("filename") else ""
        report["message"] = f"SyntaxError{where}: {error.get('message')}"
    elif reason == "crashed" and error:
        report["message"] = f"Your code could not be loaded: {error.get('type')}: {error.get('message')}"
    else:
        report["message"] = limit_message(reason, exercise.limits) or _failed_summary(tests)
    return report


def _reason(error: dict[str, Any], subject: Outcome, timed_out: bool, causes: set[str],
            tests: list[dict[str, Any]]) -> str | None:
    if error.get("type") == "SyntaxError" or "syntax_error" in causes:
        return "syntax_error"
    if subject.memory_exceeded:
        return "memory_limit"
    if subject.output_exceeded:
        return "output_limit"
    if timed_out or subject.timed_out or "timeout" in causes:
        return "timeout"
    if error or "crashed" in causes:
        return "crashed"
    if not tests or any(t["status"] != "pass" for t in tests):
        return "tests_failed"
    return None


def _failed_summary(tests: list[dict[str, Any]]) -> str:
    failed = [t for t in tests if t["status"] != "pass"]
    if not tests:
        return "No tests ran."
    return f"{len(failed)} of {len(tests)} tests failed."


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)
