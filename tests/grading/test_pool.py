"""Do warm sandbox pairs grade like cold ones, run exactly one job each, and keep no state?"""

from __future__ import annotations

import time

import pytest
from gradekit import Settings, grade
from gradekit.pair import PairKey
from gradekit.pool import WarmPool


@pytest.fixture
def pool(mean_exercise):
    warm = WarmPool(Settings(), size=1, keys=[PairKey.of(mean_exercise)])
    yield warm
    warm.close()


def wait_ready(pool: WarmPool, key: PairKey, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not pool.ready[key] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pool.ready[key], "no warm pair became ready"


def test_warm_pair_grades_like_a_cold_one(pool, mean_exercise):
    """Does a warm pair give the same verdict and tests as a cold start?"""
    key = PairKey.of(mean_exercise)
    wait_ready(pool, key)
    warm = grade(mean_exercise, mean_exercise.solution_files(), Settings(), pool=pool)
    cold = grade(mean_exercise, mean_exercise.solution_files(), Settings())
    assert warm["status"] == cold["status"] == "pass"
    assert [t["name"] for t in warm["tests"]] == [t["name"] for t in cold["tests"]]


def test_each_pair_runs_one_submission_and_keeps_nothing(pool, mean_exercise):
    """Is every submission given a fresh pair, so nothing one learner leaves reaches the next?"""
    key = PairKey.of(mean_exercise)
    leave = "open('/tmp/left', 'w').write('x')\nopen('left', 'w').write('x')\ndef mean(xs):\n    return 0\n"
    look = ("import os\nprint('LEFT', os.path.exists('/tmp/left') or os.path.exists('left'))\n"
            "def mean(xs):\n    return 0\n")
    wait_ready(pool, key)
    first_pair = pool.ready[key][0][0]
    grade(mean_exercise, {"stats.py": leave}, Settings(), pool=pool)
    assert first_pair.used
    wait_ready(pool, key)
    assert pool.ready[key][0][0] is not first_pair
    report = grade(mean_exercise, {"stats.py": look}, Settings(), pool=pool)
    assert "LEFT False" in report["tests"][0]["output"]


def test_hostile_code_in_a_warm_pair_gets_its_verdict(pool, mean_exercise):
    """Do limits still hold in a warm pair (an endless loop is a timeout, a memory bomb a memory verdict)?"""
    key = PairKey.of(mean_exercise)
    wait_ready(pool, key)
    report = grade(mean_exercise, {"stats.py": "def mean(xs):\n    while True:\n        pass\n"}, Settings(), pool=pool)
    assert report["reason"] == "timeout"
    wait_ready(pool, key)
    report = grade(mean_exercise, {"stats.py": "x = bytearray(1 << 31)\n"}, Settings(), pool=pool)
    assert report["reason"] == "memory_limit"
