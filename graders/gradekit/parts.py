"""Parts: one submission's tests spread over sandbox pairs that run at the same time.

The tests of some kinds mostly wait on simulated time: a serial exercise's device sends a reading
every tenth of a second, goes silent for a second, restarts. Run one after the other they take as
long as all their waits together; run in parallel pairs (each with its own device and port) they
take about as long as the longest. A `Part` is one pair's share of the tests; the report merges
the parts' results (`gradekit.report.merge`).

Tests are dealt longest first, each to the part with the least expected time so far. A test's
expected time is the longest of its last few passing times in this process; before it passed
once, a test that asks for the kind's `spread` fixture counts as slow and any other as quick.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

MOST = 16  # parts of one submission, whatever `Settings.parts` says (a pool has 64 slots)
SLOW_MS = 1000  # expected time of a test waiting on the device, before one was measured
QUICK_MS = 10  # ... and of any other test
SLACK_MS = 100  # parts whose longest takes this much longer than the longest test are enough
RECENT = 5  # passing times kept per test


@dataclass(frozen=True)
class Part:
    """Part `index` of `count`; `weights` are the tests' expected times (ms) by node id, where known."""

    index: int
    count: int
    spread: str
    weights: dict[str, int] = field(default_factory=dict)

    def job(self) -> dict[str, Any]:
        return {"index": self.index, "count": self.count, "spread": self.spread, "weights": self.weights}


def deal(weights: list[float], count: int) -> list[int]:
    """The part of each test: longest first (ties in their order), each to the least loaded part."""
    return _dealt(weights, count)[0]


def _dealt(weights: list[float], count: int) -> tuple[list[int], list[float]]:
    """The part of each test, and each part's expected time."""
    loads = [0.0] * count
    owner = [0] * len(weights)
    for test in sorted(range(len(weights)), key=lambda i: -weights[i]):
        part = loads.index(min(loads))
        owner[test] = part
        loads[part] += weights[test]
    return owner, loads


def enough_parts(weights: list[float], most: int) -> int:
    """The fewest parts (at most `most`) that take about as long as the longest test (within `SLACK_MS`):
    more would only cost CPU, a pair's warm-up for each."""
    if not weights:
        return 1
    longest = max(weights)
    for count in range(1, most + 1):
        if max(_dealt(weights, count)[1]) <= longest + SLACK_MS:
            return count
    return max(1, most)


class Timings:
    """How long each test took when it passed, per version of an exercise's tests: the longest of the
    last `RECENT` passes. A test whose faults are random (noise that may spare every line, or not)
    is planned for its slow runs: two of them in one part would take twice as long, while a part
    too many costs only CPU. A learner's slow code weighs on the next `RECENT` gradings at most."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.known: dict[tuple[str, str], dict[str, deque[int]]] = {}

    def record(self, report: dict[str, Any]) -> None:
        key = (str(report.get("exercise")), str(report.get("grader", {}).get("tests_hash")))
        passed = {str(t["id"]): int(t.get("duration_ms") or 0) for t in report.get("tests", ())
                  if t.get("status") == "pass"}
        with self.lock:
            known = self.known.setdefault(key, {})
            for test, ms in passed.items():
                known.setdefault(test, deque(maxlen=RECENT)).append(ms)

    def weights(self, exercise_id: str, tests_hash: str) -> dict[str, int]:
        with self.lock:
            known = self.known.get((exercise_id, tests_hash), {})
            return {test: max(times) for test, times in known.items()}
