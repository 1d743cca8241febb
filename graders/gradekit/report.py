"""The grading report, schema `learnpath.report/1` (DESIGN.md section 4), built from harness events."""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from gradekit import __version__
from gradekit.sandbox import Outcome
from gradekit.spec import Exercise, Limits

log = logging.getLogger(__name__)

SCHEMA = "learnpath.report/1"
STATUSES = ("pass", "fail", "error")
REASONS = ("tests_failed", "syntax_error", "timeout", "memory_limit", "output_limit", "crashed",
           "bad_submission", "grader_error")
TEST_STATUSES = ("pass", "fail", "error", "skipped")
CAUSES = ("syntax_error", "timeout", "crashed")  # what a test's or the subject's failure may be put down to
TEXT_CAP = 4096
NOTES_CAP = 10
DURING_CAP = 300  # "during <the request>": a request's description, as feedback names it
# Characters a report never carries (DESIGN.md: test output is plain text): lone surrogates, which
# cannot be written as UTF-8, and control characters but tab and newline (NUL, which PostgreSQL
# text refuses; ESC, which starts terminal sequences; C1 controls, carriage returns).
SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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
    return clean(report)


def clean(value: Any) -> Any:
    """`value` with every string in it cleaned (`clean_text`): a report is shown, stored and written as is."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean(key): clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value


def clean_text(text: str) -> str:
    """`text` without lone surrogates (each becomes U+FFFD) and control characters but tab and newline
    (a CR LF becomes a newline); any other text, Unicode included, is kept as it is."""
    return CONTROL.sub("", SURROGATE.sub("\ufffd", text).replace("\r\n", "\n"))


@dataclass
class HarnessEvents:
    """What the harness wrote: tests in collection order and their results.

    Each event is kept in the shape the report needs whatever its fields hold (their text comes
    from the learner's code): a field of another type counts as missing.
    """

    collected: list[dict[str, Any]] = field(default_factory=list)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    artifacts: list[dict[str, Any]] = field(default_factory=list)
    collect_errors: list[str] = field(default_factory=list)
    done: dict[str, Any] | None = None
    too_large: int | None = None  # the byte cap the events passed, when the host stopped reading there
    finished: threading.Event = field(default_factory=threading.Event)  # set on "done" or end of stream

    def add(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "collected":
            order = event.get("order")
            self.collected.append({"id": str(event.get("id")), "name": _text(event.get("name")) or str(event.get("id")),
                                   "order": order if type(order) is int else 0,
                                   "max_points": _amount(event.get("max_points"), 1),
                                   "visible": event.get("visible") is True})
        elif kind == "test":
            self.results[str(event.get("id"))] = _test_result(event)
        elif kind == "artifact":
            artifact = {k: event.get(k) for k in ("name", "media_type", "test", "data")}
            if all(type(artifact[k]) is str for k in ("name", "media_type", "data")) and (
                    artifact["test"] is None or type(artifact["test"]) is str):
                self.artifacts.append(artifact)
        elif kind == "collect_error":
            self.collect_errors.append(_text(event.get("message")))
        elif kind == "done":
            self.done = _done(event)
            self.finished.set()


def _text(value: Any, limit: int = TEXT_CAP) -> str:
    return value[:limit] if type(value) is str else ""


def _amount(value: Any, default: int | float) -> int | float:
    finite = type(value) in (int, float) and math.isfinite(value) and value >= 0
    return value if finite else default


def _test_result(event: dict[str, Any]) -> dict[str, Any]:
    status, cause = event.get("status"), event.get("cause")
    return {
        "id": str(event.get("id")), "name": _text(event.get("name")) or str(event.get("id")),
        "status": status if status in TEST_STATUSES else "error",
        "points": _amount(event.get("points"), 0), "max_points": _amount(event.get("max_points"), 1),
        "visible": event.get("visible") is True,
        "message": _text(event.get("message")), "output": _text(event.get("output")),
        "duration_ms": int(_amount(event.get("duration_ms"), 0)),
        "cause": cause if cause in CAUSES else None,
        "during": _text(event.get("during"), DURING_CAP) or None,
    }


def _done(event: dict[str, Any]) -> dict[str, Any]:
    subject: dict[str, Any] = event["subject"] if type(event.get("subject")) is dict else {}
    error, cause, notes = subject.get("error"), subject.get("cause"), event.get("notes")
    return {"event": "done", "subject": {
        "loaded": subject.get("loaded") is True,
        "error": _subject_error(error) if error else None,
        "cause": cause if cause in CAUSES else None,
    }, "notes": [_text(note) for note in notes[:NOTES_CAP] if type(note) is str] if type(notes) is list else []}


def _subject_error(error: Any) -> dict[str, Any]:
    """What the report says of the learner's code failing to load: its type, message and place."""
    if type(error) is not dict:
        return {"type": "Exception", "message": _text(error)}
    found: dict[str, Any] = {"type": _text(error.get("type"), 200) or "Exception",
                             "message": _text(error.get("message"))}
    if _text(error.get("filename"), 200):
        lineno = error.get("lineno")
        found.update(filename=_text(error.get("filename"), 200), lineno=lineno if type(lineno) is int else None)
    return found


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
        events.too_large = events.too_large or part.events.too_large
    events.collected.sort(key=lambda event: int(event.get("order") or 0))
    if all(part.events.done is not None for part in parts):
        subjects = [(part.events.done or {}).get("subject") or {} for part in parts]
        events.done = {"event": "done", "subject": {
            "loaded": all(subject.get("loaded") for subject in subjects),
            "error": next((s["error"] for s in subjects if s.get("error")), None),
            "cause": next((s["cause"] for s in subjects if s.get("cause")), None),
        }, "notes": (parts[0].events.done or {}).get("notes") or []}
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
    """Decide the verdict from plain data: the harness's results and how each sandbox ended.

    Never raises: a report the harness's events cannot make is the grader's error.
    """
    try:
        report = _verdict(exercise, backend, judged)
    except Exception as exc:  # the last-resort result: grading failed here, not the learner's code
        report = base_report(exercise, backend)
        report["message"] = f"The grader could not read the harness's results ({type(exc).__name__}: {exc})."
    return clean(report)


def _verdict(exercise: Exercise, backend: str, judged: Judged) -> dict[str, Any]:
    events, subject, harness, timed_out = judged.events, judged.subject, judged.harness, judged.timed_out
    report = base_report(exercise, backend)
    if events.collect_errors:
        report["message"] = "The exercise's tests could not be loaded:\n" + events.collect_errors[0][:TEXT_CAP]
        return report
    stopped = _harness_limit(events, harness)
    if (events.done is None and stopped is None and not timed_out and not subject.memory_exceeded
            and not subject.output_exceeded):
        # Its output may quote the hidden tests: it goes to the grader's log, not to the learner.
        log.warning("the harness of %s stopped before it was done:\n%s", exercise.id, harness.output[-TEXT_CAP:])
        report["message"] = "The grader stopped unexpectedly; this is not a verdict on your code."
        return report
    tests, causes = [], set()
    for item in events.collected:
        result = events.results.get(str(item["id"]))
        if result is None:
            result = {"id": item["id"], "name": item.get("name", item["id"]), "status": "fail", "points": 0,
                      "max_points": item.get("max_points", 1), "visible": item.get("visible", False),
                      "message": "Not run: the run was stopped before this test.",
                      "output": "", "duration_ms": 0, "cause": None}
        if result.get("cause"):
            causes.add(str(result["cause"]))
        tests.append({k: result.get(k) for k in
                      ("id", "name", "status", "points", "max_points", "visible", "message", "output", "duration_ms")})
    report["tests"] = tests
    report["artifacts"] = events.artifacts
    report["score"] = _number(sum(float(t["points"] or 0) for t in tests))
    report["max_score"] = _number(sum(float(t["max_points"] or 0) for t in tests))
    done = events.done or {}
    subject_info = done.get("subject") or {}
    error = subject_info.get("error") or {}
    if subject_info.get("cause"):
        causes.add(str(subject_info["cause"]))
    reason = _reason(error, subject, stopped, timed_out, causes, tests)
    how = _how_stopped(reason, subject, exercise.limits)
    if how:
        for test in tests:
            result = events.results.get(str(test["id"])) or {}
            if result.get("cause") == "crashed" and result.get("during"):
                # The harness's line is replaced; what it noted below it (a serial trace) stays.
                stopped_line = f"Your program was stopped {result['during']}: {how}."
                test["message"] = "\n".join(filter(None, [stopped_line, str(test["message"]).partition("\n")[2]]))
    if reason is None:
        report.update(status="pass", reason=None, message="All tests passed.")
    else:
        report.update(status="fail", reason=reason, message=_message(reason, error, stopped, exercise.limits, tests))
    report["message"] = "\n".join([report["message"], *done.get("notes", [])])
    return report


def _harness_limit(events: HarnessEvents, harness: Outcome) -> tuple[str, str] | None:
    """The limit the harness hit on what the learner's code gave it, if one stopped the run: its
    reason and message.

    The hidden tests pass with the reference solution (`learnpath check`), so a harness that runs
    out of memory, or records more than the host reads, does so on the learner's values and output.
    """
    if events.too_large is not None:
        return "output_limit", (f"Your code's output and results came to more than {events.too_large // 2**20} MB, "
                                "more than the grader records, and grading was stopped. Print less and return "
                                "smaller values.")
    if events.done is None and harness.memory_exceeded:
        return "memory_limit", ("Checking what your code returned took more memory than the grader has, and "
                                "grading was stopped. Return smaller values (fewer items, less nesting).")
    return None


def _how_stopped(reason: str | None, subject: Outcome, limits: Limits) -> str | None:
    """What stopped the learner's program, when a limit of its sandbox did: the tests whose call it
    was lost in say so rather than "exited or crashed", which only the harness's view was."""
    if reason == "memory_limit" and subject.memory_exceeded:
        return f"it used more than {limits.memory} MB of memory"
    if reason == "output_limit" and subject.output_exceeded:
        return f"it printed more than {limits.output} KB of output"
    return None


def _reason(error: dict[str, Any], subject: Outcome, stopped: tuple[str, str] | None, timed_out: bool,
            causes: set[str], tests: list[dict[str, Any]]) -> str | None:
    if error.get("type") == "SyntaxError" or "syntax_error" in causes:
        return "syntax_error"
    if subject.memory_exceeded:
        return "memory_limit"
    if subject.output_exceeded:
        return "output_limit"
    if stopped:
        return stopped[0]
    if timed_out or subject.timed_out or "timeout" in causes:
        return "timeout"
    if error or "crashed" in causes:
        return "crashed"
    if not tests or any(t["status"] != "pass" for t in tests):
        return "tests_failed"
    return None


def _message(reason: str, error: dict[str, Any], stopped: tuple[str, str] | None, limits: Limits,
             tests: list[dict[str, Any]]) -> str:
    if reason == "syntax_error":
        where = f" in {error.get('filename')}, line {error.get('lineno')}" if error.get("filename") else ""
        return f"SyntaxError{where}: {error.get('message')}"
    if reason in ("crashed", "timeout") and error:  # the error says what stopped the loading
        detail = f": {error['message']}" if error.get("message") else ""
        return f"Your code could not be loaded: {error.get('type')}{detail}"
    if stopped and reason == stopped[0]:
        return stopped[1]
    return limit_message(reason, limits) or _failed_summary(tests)


def _failed_summary(tests: list[dict[str, Any]]) -> str:
    failed = [t for t in tests if t["status"] != "pass"]
    if not tests:
        return "No tests ran."
    return f"{len(failed)} of {len(tests)} tests failed."


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)
