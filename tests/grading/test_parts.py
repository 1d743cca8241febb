"""Are a serial submission's tests spread over parallel warm pairs and judged as one run?

Each part runs in its own pair with its own pty and simulated device; the report merges the
parts in collection order, and a limit hit or crash in one part decides the verdict as it would
in one pair.
"""

from __future__ import annotations

import base64
import importlib
import json
from pathlib import Path

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.pair import PairKey
from gradekit.parts import Timings, deal, enough_parts
from gradekit.pool import WarmPool
from gradekit.report import HarnessEvents, Judged, merge
from gradekit.sandbox import Outcome

TRACE = "application/vnd.learnpath.serial-trace+json"
CRASHES_ON_TEN = """
import os
import serial

def read_temperatures(port, count):
    if count == 10:
        os._exit(0)
    with serial.Serial(port, 9600, timeout=1) as link:
        values = []
        while len(values) < count:
            line = link.readline().decode('ascii', 'replace').strip()
            try:
                values.append(float(line.split(',')[0].removeprefix('T=')))
            except ValueError:
                continue
        return values
"""
SAYS_ITS_NICENESS = """
import os

def read_temperatures(port, count):
    raise RuntimeError(f"niceness {os.nice(0)}")
"""


@pytest.fixture
def sensor(content_root: Path):
    return load_exercise(content_root / "exercises" / "demo" / "sensor")


@pytest.fixture
def pool(sensor):
    warm = WarmPool(Settings(), size=1, keys=[PairKey.of(sensor)])
    assert warm.wait_ready(PairKey.of(sensor), every=True), "the warm pairs did not start"
    yield warm
    warm.close()


def comparable(report):
    return [(t["id"], t["name"], t["status"], t["points"], t["visible"]) for t in report["tests"]]


def test_tests_are_dealt_longest_first_to_the_least_loaded_part():
    assert deal([1000, 1000, 10, 10], 2) == [0, 1, 0, 1]
    assert deal([4000, 3000, 1500, 1400], 2) == [0, 1, 1, 0]  # 4000+1400 | 3000+1500
    assert deal([5, 5, 5], 1) == [0, 0, 0]


def test_as_few_parts_as_take_about_as_long_as_the_longest_test():
    assert enough_parts([4000, 4000, 1500, 1500, 10], most=6) == 3
    assert enough_parts([1000] * 10, most=4) == 4  # capped
    assert enough_parts([10, 10, 10], most=6) == 1
    assert enough_parts([], most=6) == 1


def test_timings_keep_the_longest_of_recent_passes_per_version_of_the_tests():
    timings = Timings()

    def record(*times: int, status: str = "pass") -> None:
        for ms in times:
            timings.record({"exercise": "t/e", "grader": {"tests_hash": "a"}, "tests": [
                {"id": "test_x.py::test_paced", "status": status, "duration_ms": ms}]})

    record(8000, status="fail")
    assert timings.weights("t/e", "a") == {}
    record(300, 3, 5)  # random faults: lucky runs do not make the test look quick
    assert timings.weights("t/e", "a") == {"test_x.py::test_paced": 300}
    assert timings.weights("t/e", "b") == {}
    record(9000)  # a learner's slow code ...
    assert timings.weights("t/e", "a") == {"test_x.py::test_paced": 9000}
    record(310, 290, 305, 300, 295)  # ... weighs on the next few gradings only
    assert timings.weights("t/e", "a") == {"test_x.py::test_paced": 310}


def test_a_test_known_to_take_no_time_is_dealt_as_quick():
    from gradekit.harness import share

    class Item:
        def __init__(self, nodeid: str, fixtures: tuple[str, ...]) -> None:
            self.nodeid, self.fixturenames = nodeid, fixtures

    items = [Item("t.py::test_long", ("device",)), Item("t.py::test_mid", ("device",)),
             Item("t.py::test_instant", ("device",))]
    weights = {"t.py::test_long": 700, "t.py::test_mid": 600, "t.py::test_instant": 0}
    parts = [share(items, {"index": i, "count": 2, "spread": "device", "weights": weights})  # type: ignore[arg-type]
             for i in range(2)]
    assert [[item.nodeid for item in part] for part in parts] == [
        ["t.py::test_long"], ["t.py::test_mid", "t.py::test_instant"]]


def test_tests_not_passed_yet_are_planned_as_the_harness_deals_them(sensor, monkeypatch):
    grading = importlib.import_module("gradekit.grade")  # the module, not the function the package exports
    timings = Timings()
    monkeypatch.setattr(grading, "TIMINGS", timings)

    def passed(*tests: tuple[str, int]) -> None:
        timings.record({"exercise": sensor.id, "grader": {"tests_hash": grading.tests_hash(sensor)},
                        "tests": [{"id": test, "status": "pass", "duration_ms": ms} for test, ms in tests]})

    # Nothing passed yet: one part for each test that waits on the device, the quick one beside them.
    assert grading.plan_parts(sensor, False, most=4) == (2, {})
    passed(("test_examples.py::test_three", 5), ("test_hidden.py::test_port_opened_at_9600", 900))
    # test_noise_is_skipped has not passed: the harness counts it slow, so the plan keeps its part.
    assert grading.plan_parts(sensor, False, most=4)[0] == 2
    passed(("test_hidden.py::test_noise_is_skipped", 40))
    assert grading.plan_parts(sensor, False, most=4)[0] == 1
    assert grading.plan_parts(sensor, True, most=4) == (1, {"test_examples.py::test_three": 5})


def test_merged_parts_keep_collection_order_and_any_limit_hit():
    def part(order: list[int], memory: bool) -> Judged:
        events = HarnessEvents()
        for position in order:
            events.add({"event": "collected", "id": f"t{position}", "name": f"t{position}", "order": position})
            events.add({"event": "test", "id": f"t{position}", "status": "pass"})
        events.add({"event": "done", "subject": {"loaded": True, "error": None, "cause": None}})
        return Judged(events, Outcome(exit_code=0, memory_exceeded=memory), Outcome(exit_code=0), False)

    merged = merge([part([1, 3], False), part([0, 2], True)])
    assert [event["id"] for event in merged.events.collected] == ["t0", "t1", "t2", "t3"]
    assert merged.subject.memory_exceeded and merged.events.done is not None

    unfinished = part([4], False)
    unfinished.events.done = None
    assert merge([part([0], False), unfinished]).events.done is None  # a part that stopped is not a finished run


def test_a_submission_is_spread_over_warm_pairs_and_judged_as_in_one(sensor, pool):
    one = grade(sensor, sensor.solution_files(), Settings())
    spread = grade(sensor, sensor.solution_files(), Settings(), pool=pool)
    assert one["grader"]["parts"] == 1
    assert spread["grader"]["parts"] == 2 and spread["grader"]["sandbox"] == "warm"
    assert spread["status"] == "pass" and spread["score"] == spread["max_score"] == one["score"]
    assert comparable(spread) == comparable(one)
    traces = {a["test"]: json.loads(base64.b64decode(a["data"]))
              for a in spread["artifacts"] if a["media_type"] == TRACE}
    assert len(traces) == 2, "each test that used the device has its own trace"
    noisy = [test for test, events in traces.items() if any(e["fault"] == "noise" for e in events)]
    assert len(noisy) == 1 and noisy[0].endswith("test_noise_is_skipped")

    assert pool.wait_ready(PairKey.of(sensor), every=True), "the pairs a grading took were not replaced"
    again = grade(sensor, sensor.solution_files(), Settings(), pool=pool)  # dealt by measured times now
    assert again["grader"]["parts"] == 2 and comparable(again) == comparable(one)


def test_a_crash_in_one_part_decides_the_verdict(sensor, pool):
    spread = grade(sensor, {"sensor.py": CRASHES_ON_TEN}, Settings(), pool=pool)
    one = grade(sensor, {"sensor.py": CRASHES_ON_TEN}, Settings())
    assert spread["grader"]["parts"] == 2
    assert spread["status"] == one["status"] == "fail"
    assert spread["reason"] == one["reason"] == "crashed"
    statuses = {t["name"]: t["status"] for t in spread["tests"]}
    assert statuses["skips corrupted lines"] == "fail"
    assert statuses["opens the port at 9600 baud"] == "pass", "the other part's tests are judged on their own"


def test_warm_pairs_wait_at_low_priority_and_judge_at_normal(sensor, pool):
    """Does a pair started ahead of time yield the CPU while it waits, and run the learner's code at niceness 0?"""
    pair, slot = pool.take(PairKey.of(sensor))
    try:
        pids = []
        for run in pair.runs:
            pid = run.process.pid
            pids += [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
        assert {int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16]) for pid in pids} == {10}
        report = pair.run(sensor, {"sensor.py": SAYS_ITS_NICENESS}, visible_only=True)
    finally:
        pool.release(pair, slot)
    assert report["tests"] and all("niceness 0" in t["message"] for t in report["tests"]), report["tests"]
