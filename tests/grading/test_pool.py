"""Do warm pools grade like cold starts, give each submission unused sandboxes, and keep no state?

Each test runs with both kinds of warm pool: started pairs (each used once) and fork servers
(a child forked from warm templates per submission).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gradekit import Settings, grade
from gradekit.forkserver import ForkedPair, fork_server_usable
from gradekit.pair import PairKey
from gradekit.pool import WarmPool

MODES = {"pairs": Settings(fork_server=False), "forked": Settings()}


def require_fork_server(mean_exercise) -> Settings:
    """The forked mode's settings; the test is skipped, saying why, where fork servers cannot run."""
    settings = MODES["forked"]
    if not fork_server_usable(settings, PairKey.of(mean_exercise)):
        pytest.skip("SKIPPED: the fork server needs root and a writable cgroup tree, absent here")
    return settings


@pytest.fixture(params=sorted(MODES))
def settings(request, mean_exercise) -> Settings:
    return require_fork_server(mean_exercise) if request.param == "forked" else MODES[request.param]


@pytest.fixture
def pool(settings, mean_exercise):
    warm = WarmPool(settings, size=1, keys=[PairKey.of(mean_exercise)])
    yield warm
    warm.close()


def wait_ready(pool: WarmPool, key: PairKey) -> None:
    assert pool.wait_ready(key), "nothing warm became ready"


def test_warm_pool_grades_like_a_cold_start(pool, settings, mean_exercise):
    """Does a warm pool give the same verdict and tests as a cold start, and say how it started?"""
    key = PairKey.of(mean_exercise)
    wait_ready(pool, key)
    warm = grade(mean_exercise, mean_exercise.solution_files(), settings, pool=pool)
    cold = grade(mean_exercise, mean_exercise.solution_files(), settings)
    assert warm["status"] == cold["status"] == "pass"
    assert [t["name"] for t in warm["tests"]] == [t["name"] for t in cold["tests"]]
    assert warm["grader"]["sandbox"] == ("forked" if settings.fork_server else "warm")
    assert cold["grader"]["sandbox"] == "cold"


def test_each_submission_gets_fresh_sandboxes_and_nothing_is_kept(pool, settings, mean_exercise):
    """Is nothing one learner leaves (files, a process still running) seen by the next?"""
    key = PairKey.of(mean_exercise)
    leave = ("import os, subprocess\nopen('/tmp/left', 'w').write('x')\nopen('left', 'w').write('x')\n"
             "subprocess.Popen(['sleep', '300'])\ndef mean(xs):\n    return 0\n")
    look = ("import os\nprint('LEFT', os.path.exists('/tmp/left') or os.path.exists('left'),\n"
            "      [p for p in os.listdir('/proc')\n"
            "       if p.isdigit() and b'sleep' in open(f'/proc/{p}/cmdline', 'rb').read()])\n"
            "def mean(xs):\n    return 0\n")
    for _ in range(3):
        wait_ready(pool, key)
        grade(mean_exercise, {"stats.py": leave}, settings, pool=pool)
        wait_ready(pool, key)
        report = grade(mean_exercise, {"stats.py": look}, settings, pool=pool)
        assert "LEFT False []" in report["tests"][0]["output"]


def test_hostile_code_in_a_warm_pool_gets_its_verdict(pool, settings, mean_exercise):
    """Do limits still hold when warm (an endless loop is a timeout, a memory bomb a memory verdict)?"""
    key = PairKey.of(mean_exercise)
    wait_ready(pool, key)
    report = grade(mean_exercise, {"stats.py": "def mean(xs):\n    while True:\n        pass\n"}, settings, pool=pool)
    assert report["reason"] == "timeout"
    wait_ready(pool, key)
    report = grade(mean_exercise, {"stats.py": "x = bytearray(1 << 31)\n"}, settings, pool=pool)
    assert report["reason"] == "memory_limit"
    wait_ready(pool, key)
    report = grade(mean_exercise, mean_exercise.solution_files(), settings, pool=pool)
    assert report["status"] == "pass", "the pool did not recover after hostile submissions"


def test_a_key_prepared_while_another_is_in_use_gets_warm(pool, settings, mean_exercise):
    """Does warming up a second key (as `learnpath check` does before an exercise) keep what it starts?"""
    first = PairKey.of(mean_exercise)
    wait_ready(pool, first)
    grade(mean_exercise, mean_exercise.solution_files(), settings, pool=pool)
    second = dataclasses.replace(first, memory=first.memory + 64)
    pool.prepare(second)
    wait_ready(pool, second)


def test_a_dead_fork_server_is_replaced(mean_exercise):
    """If a template dies, is the next submission still graded and a new fork server started?"""
    settings = require_fork_server(mean_exercise)
    key = PairKey.of(mean_exercise)
    pool = WarmPool(settings, size=1, keys=[key])
    try:
        wait_ready(pool, key)
        server = pool.servers[key][0]
        for pid in server.pids():
            with contextlib.suppress(ProcessLookupError):  # killing one of them may already end the others
                os.kill(pid, signal.SIGKILL)
        report = grade(mean_exercise, mean_exercise.solution_files(), settings, pool=pool)
        assert report["status"] == "pass"
        wait_ready(pool, key)
        assert pool.servers[key][0] is not server
        report = grade(mean_exercise, mean_exercise.solution_files(), settings, pool=pool)
        assert report["status"] == "pass" and report["grader"]["sandbox"] == "forked"
    finally:
        pool.close()


def test_kinds_that_cannot_be_forked_use_pairs(content_root):
    """Are notebook and serial exercises (a kernel or a pty started with the sandbox) never forked?"""
    from gradekit import load_exercise

    settings = MODES["forked"]
    for name in ("sales-notebook", "sensor"):
        exercise = load_exercise(content_root / "exercises" / "demo" / name)
        assert not fork_server_usable(settings, PairKey.of(exercise)), name
    assert not fork_server_usable(Settings(fork_server=False), PairKey("python", 256, 32, 16))
    assert not fork_server_usable(Settings(backend="docker"), PairKey("python", 256, 32, 16))


def test_a_forked_pair_runs_one_submission(mean_exercise):
    """Does a pair forked for one submission refuse a second one?"""
    key = PairKey.of(mean_exercise)
    pool = WarmPool(require_fork_server(mean_exercise), size=1, keys=[key])
    try:
        wait_ready(pool, key)
        taken = pool.take(key)
        assert taken is not None
        pair, slot = taken
        assert isinstance(pair, ForkedPair)
        try:
            pair.run(mean_exercise, mean_exercise.solution_files(), False)
            with pytest.raises(RuntimeError):
                pair.run(mean_exercise, mean_exercise.solution_files(), False)
        finally:
            pool.release(pair, slot)
    finally:
        pool.close()


def test_the_fork_server_can_be_turned_off(mean_exercise):
    """Does LEARNPATH_GRADER__fork_server=0 (a string or a number from the environment) turn it off?"""
    key = PairKey.of(mean_exercise)
    for raw in ("0", 0, "false"):
        assert not fork_server_usable(Settings.from_mapping({"fork_server": raw}), key)


def test_runtime_binds_inside_replaced_folders_are_kept():
    """Is a Python runtime under /tmp (a checkout there) bound again into a forked job's fresh /tmp?"""
    from gradekit.forkserver import kept_binds

    class Backend:
        def runtime_binds(self):
            return [("/tmp/checkout/.venv", "/tmp/checkout/.venv"), ("/opt/python", "/opt/python")]

    assert kept_binds(Backend(), ["/home/learner", "/tmp"]) == ["/tmp/checkout/.venv"]
    assert kept_binds(Backend(), ["/home/learner"]) == []


def test_a_fork_server_keeps_its_control_groups_between_submissions_and_removes_them_at_the_end(mean_exercise):
    """Are a fork server's control groups renewed for each submission, not made anew, and gone once it closes?"""
    key = PairKey.of(mean_exercise)
    pool = WarmPool(require_fork_server(mean_exercise), size=1, keys=[key])
    try:
        seen = []
        for _ in range(3):
            wait_ready(pool, key)
            report = grade(mean_exercise, mean_exercise.solution_files(), pool.settings, pool=pool)
            assert report["status"] == "pass" and report["grader"]["sandbox"] == "forked"
            wait_ready(pool, key)
            (server,) = pool.servers[key]
            seen.append({role: sorted(group.dirs.values()) for role, group in server.cgroups.items()})
        assert seen[0] == seen[1] == seen[2] and set(seen[0]) == {"harness", "subject"}
    finally:
        pool.close()
    folders = [path for groups in seen[0].values() for path in groups]
    deadline = time.monotonic() + 10
    while any(path.exists() for path in folders) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(path.exists() for path in folders)


def test_a_forked_submission_is_alone_in_its_pid_namespace(mean_exercise):
    """Does a forked submission run as pid 1 of its own pid namespace, with no way to name the
    template that forked it, another submission, or anything outside?"""
    key = PairKey.of(mean_exercise)
    pool = WarmPool(require_fork_server(mean_exercise), size=1, keys=[key])
    look = ("import os\nlinks = []\nfor fd in range(64):\n"
            "    try:\n        links.append(os.readlink(f'/proc/self/fd/{fd}').split(':')[0])\n"
            "    except OSError:\n        pass\n"
            "print('PIDS', os.getpid(), os.getppid(), sorted(int(p) for p in os.listdir('/proc') if p.isdigit()),\n"
            "      'FDS', sorted(links))\n"
            "def mean(xs):\n    return 0\n")
    try:
        for _ in range(2):  # the second time from the same template, in a namespace made afresh
            wait_ready(pool, key)
            report = grade(mean_exercise, {"stats.py": look}, pool.settings, pool=pool)
            assert report["grader"]["sandbox"] == "forked"
            output = report["tests"][0]["output"]
            # Standard input, its output pipe and its channel: nothing of the template's (the template's
            # pid namespace, its control socket, the job's status pipe).
            assert "PIDS 1 0 [1] FDS ['/dev/null', 'pipe', 'pipe', 'socket']" in output, output
    finally:
        pool.close()


# A learner's code that leaves port 5555 in TIME_WAIT (the side that closes first keeps it): in
# the same network namespace, a bind to it without SO_REUSEADDR is refused for a minute.
LEAVE_A_PORT_TAKEN = """import socket
server = socket.socket()
server.bind(("127.0.0.1", 5555))
server.listen()
client = socket.create_connection(("127.0.0.1", 5555))
accepted, _ = server.accept()
accepted.close()
client.close()
"""
LOOK_FOR_A_TAKEN_PORT = """import os, socket, time
sockets = [line.split()[1:4] for name in ("tcp", "tcp6") for line in open(f"/proc/net/{name}").readlines()[1:]]
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 5555))
NET = os.readlink("/proc/self/ns/net")
waited = False
def looking(mean):
    def looked(xs):
        global waited
        print("SOCKETS", sockets, "NET", NET)
        if not waited:  # the host looks at the harness meanwhile
            waited = True
            time.sleep(1)
        return mean(xs)
    return looked
"""


def _network_namespace(pid: int) -> str | None:
    with contextlib.suppress(OSError):
        return os.readlink(f"/proc/{pid}/ns/net")
    return None


def test_each_forked_subject_has_a_network_namespace_of_its_own(mean_exercise):
    """Is a port a learner's code left taken (TIME_WAIT) free for the next submission from the same
    template? The harness, which runs no learner code, stays in its template's namespace."""
    key = PairKey.of(mean_exercise)
    pool = WarmPool(require_fork_server(mean_exercise), size=1, keys=[key])
    try:
        wait_ready(pool, key)
        solution = mean_exercise.solution_files()["stats.py"]
        left = grade(mean_exercise, {"stats.py": LEAVE_A_PORT_TAKEN + solution}, pool.settings, pool=pool)
        assert left["status"] == "pass", left
        wait_ready(pool, key)
        (server,) = pool.servers[key]
        templates = {Path(f"/proc/{pid}/comm").read_text().strip(): _network_namespace(pid) for pid in server.pids()}
        with concurrent.futures.ThreadPoolExecutor(1) as runner:
            look = LOOK_FOR_A_TAKEN_PORT + solution + "mean = looking(mean)\n"
            grading = runner.submit(grade, mean_exercise, {"stats.py": look}, pool.settings, pool=pool)
            harness_jobs: set[str | None] = set()
            while not grading.done() and not harness_jobs:
                harness_jobs = {_network_namespace(pid) for pid in server.cgroups["harness"].pids()} - {None}
                time.sleep(0.01)
            report = grading.result()
        assert report["status"] == "pass", report
        output = report["tests"][0]["output"]
        assert "SOCKETS []" in output, output
        subject_job = output.split("NET ")[1].split()[0]
        assert subject_job != templates["lp-subject-tpl"]
        assert harness_jobs == {templates["lp-harness-tpl"]}
        assert templates["lp-harness-tpl"] != _network_namespace(os.getpid())
    finally:
        pool.close()


REHEARSAL_CHECK = """
import logging, os, signal, sys, threading, warnings
import pytest
from gradekit import harness

def state():
    return (list(sys.meta_path), list(sys.path), list(logging.root.handlers), len(warnings.filters),
            [signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM)], threading.active_count(),
            sorted(os.listdir("/proc/self/fd")), os.getcwd(), sys.excepthook, sys.displayhook, sys.gettrace())

before, modules = state(), set(sys.modules)
code = harness.rehearse()
new = sorted(set(sys.modules) - modules)
print("CODE", code == pytest.ExitCode.TESTS_FAILED, "SAME", state() == before, "NEW", new)
"""


def test_a_warm_harness_rehearses_a_pytest_run_and_keeps_nothing_of_its_test(tmp_path):
    """Does the rehearsal run its own tests to the end (the one meant to fail fails), and leave the
    interpreter as it found it, but for what pytest itself imported?"""
    script = tmp_path / "check.py"
    script.write_text(REHEARSAL_CHECK)
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=60)
    assert "CODE True SAME True NEW []" in result.stdout, result.stdout + result.stderr


def test_fork_server_processes_are_named_for_their_role(mean_exercise):
    """Can an operator tell the templates and the job processes apart in ps and top?"""
    key = PairKey.of(mean_exercise)
    pool = WarmPool(require_fork_server(mean_exercise), size=1, keys=[key])
    look = ("names = open('/proc/self/comm').read().strip()\n"
            "def mean(xs):\n    print('NAME', names)\n    return sum(xs) / len(xs)\n")
    try:
        wait_ready(pool, key)
        (server,) = pool.servers[key]
        names = set()
        for pid in server.pids():
            with contextlib.suppress(OSError):
                names.add(Path(f"/proc/{pid}/comm").read_text().strip())
        assert {"lp-harness-tpl", "lp-subject-tpl"} <= names, names
        report = grade(mean_exercise, {"stats.py": look}, pool.settings, pool=pool)
        assert report["grader"]["sandbox"] == "forked"
        assert "NAME lp-subject" in report["tests"][0]["output"], report["tests"][0]
    finally:
        pool.close()
