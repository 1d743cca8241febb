"""`learnpath worker` with the grading engine replaced by an instant stub, to load the queue, not the sandbox.

A submission containing POISON kills the process grading it, the way a crashing grader would.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

import gradekit


def stub_grade(exercise: Any, files: dict[str, str], settings: Any, visible_only: bool = False, pool: Any = None):
    text = "".join(files.values())
    if "POISON" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    passed = "return a + b" in text
    return {
        "schema": "learnpath.report/1",
        "exercise": f"{exercise.track}/{exercise.slug}",
        "status": "pass" if passed else "fail",
        "reason": None if passed else "tests_failed",
        "score": 1 if passed else 0,
        "max_score": 1,
        "duration_ms": 0,
        "message": "",
        "tests": [],
        "artifacts": [],
        "grader": {"backend": "stub", "pid": os.getpid()},
    }


gradekit.grade = stub_grade

if __name__ == "__main__":
    from learnpath.cli import main

    sys.exit(main(sys.argv[1:]))
