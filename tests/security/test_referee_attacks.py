"""Attacks on the network kind's record: what the tests judge is seen by the subject's referee, a
process apart from the learner's (`gradekit.referee`). Can the learner's code rewrite it, reach into
the referee, or end it to its own advantage?"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from gradekit import grade, load_exercise

from tests.grading.test_network import BLOCKING as BLOCKING_ECHO
from tests.grading.test_network import by_name
from tests.security.conftest import SETTINGS, ForkServers, assert_nothing_left

ECHO_FORK_SLOT = 252

# Rewrites, in the learner's own process, what gradekit used to measure there: the stall meter and
# the scripted clients' transcript (an echo of every line sent, at once). Before the referee, the
# first line alone made a blocking server pass "the event loop is never blocked".
FORGED_RECORD = textwrap.dedent("""
    import gradekit.learnerloop
    import gradekit.loopback

    gradekit.learnerloop.LearnerLoop.longest_stall = lambda self: 0.0

    async def perfect(self):
        sent, clients, events = {}, {}, []
        for step in self.steps:
            name = step.get("client", "")
            value = None
            if step["do"] == "connect":
                clients[name] = {"received": b"", "lines": [], "closed": False, "error": None}
                value = True
            elif step["do"] == "send":
                sent.setdefault(name, []).append(bytes(step["data"]))
            elif step["do"] == "readline" and sent.get(name):
                value = sent[name].pop(0)
                clients[name]["lines"].append(value)
                clients[name]["received"] += value
            elif step["do"] in ("eof", "wait_closed"):
                clients[name]["closed"] = True
                value = step["do"] == "wait_closed" or None
            events.append({"do": step["do"], "client": name, "value": value, "at": 0.0, "took": 0.0})
        return {"events": events, "clients": clients, "out_of_time": False}

    gradekit.loopback.Conversation.run = perfect
""") + BLOCKING_ECHO

KILLS_THE_REFEREE = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + BLOCKING_ECHO

# Tries each way one process reads another's memory or descriptors, on its parent (the referee),
# and once on itself, where each is allowed, so that a refusal is the referee's doing.
PROBE = textwrap.dedent("""
    import ctypes, json, os

    libc = ctypes.CDLL(None, use_errno=True)

    def attempt(action, pid):
        try:
            action(pid)
            return "allowed"
        except OSError as exc:
            return f"denied ({type(exc).__name__})"

    def read_memory(pid):
        with open(f"/proc/{pid}/mem", "rb") as memory:
            memory.read(0)

    def take_descriptor(pid):
        pidfd = os.pidfd_open(pid)
        try:
            for fd in range(3, 32):
                taken = libc.syscall(438, pidfd, fd, 0)  # pidfd_getfd
                if taken >= 0:
                    os.close(taken)
                    return
            raise OSError(ctypes.get_errno(), "pidfd_getfd")
        finally:
            os.close(pidfd)

    def attach(pid):
        if libc.ptrace(16, pid, 0, 0) != 0:  # PTRACE_ATTACH
            raise OSError(ctypes.get_errno(), "ptrace")

    found = {
        "memory": attempt(read_memory, os.getppid()),
        "descriptor list": attempt(lambda pid: os.listdir(f"/proc/{pid}/fd"), os.getppid()),
        "descriptor": attempt(take_descriptor, os.getppid()),
        "ptrace": attempt(attach, os.getppid()),
        "own memory": attempt(read_memory, os.getpid()),
        "own descriptor": attempt(take_descriptor, os.getpid()),
    }
    print("PROBE " + json.dumps(found))
""")


@pytest.fixture(scope="module")
def echo_pool(content_root_path: Path, fork_servers: ForkServers):
    exercise = load_exercise(content_root_path / "exercises" / "demo" / "echo-server")
    return fork_servers.pool(exercise, SETTINGS, ECHO_FORK_SLOT)


@pytest.fixture(params=["cold", "forked"])
def grade_echo(request: pytest.FixtureRequest, content_root: Path):
    """Grade a server.py against the demo echo server, in a cold pair or forked from a template;
    nothing may be left running afterwards."""
    exercise = load_exercise(content_root / "exercises" / "demo" / "echo-server")
    pool = request.getfixturevalue("echo_pool") if request.param == "forked" else None

    def run(source: str) -> dict[str, Any]:
        report = grade(exercise, {"server.py": source}, SETTINGS, pool=pool)
        assert_nothing_left(report, exercise, pool, ECHO_FORK_SLOT)
        return report

    return run


def test_a_record_forged_in_the_learners_process_is_not_the_one_judged(grade_echo):
    """Does a blocking server that rewrites the stall meter and the scripted clients' transcript in
    its own process still fail "the event loop is never blocked"?"""
    report = grade_echo(FORGED_RECORD)
    assert report["status"] == "fail"
    assert by_name(report)["the event loop is never blocked"]["status"] == "fail"


def test_killing_the_referee_never_passes(grade_echo):
    """A learner's process may kill its parent where it can (a cold sandbox) and is refused where the
    referee is pid 1 of the job (a forked one); is the verdict never a pass either way?"""
    report = grade_echo(KILLS_THE_REFEREE)
    assert report["status"] != "pass"


def test_the_referee_is_closed_to_the_learners_process(grade_echo, content_root: Path):
    """Can the learner's code read the referee's memory, list or take its descriptors, or trace it?
    (The same calls on its own process succeed, so each refusal is the referee's.)"""
    honest = (content_root / "exercises" / "demo" / "echo-server" / "solution" / "server.py").read_text()
    report = grade_echo(PROBE + honest)
    assert report["status"] == "pass", report["message"]
    line = next(line for t in report["tests"] for line in t["output"].splitlines() if line.startswith("PROBE "))
    found = json.loads(line.removeprefix("PROBE "))
    assert found.pop("own memory") == "allowed" and found.pop("own descriptor") == "allowed", found
    assert all(result.startswith("denied") for result in found.values()), found
