"""Attacks on the `pytest` kind: learner tests that make their runs talk to each other.

The learner's tests run once against the correct code and once against each hidden mutant, all in
one subject sandbox. A suite that remembers what the first run saw could fail every later run whose
code differs, and so "catch" every mutant without checking any behaviour, or carry the mutants'
code into the report. Each attack keeps a fingerprint of the code under test somewhere that
outlives a run and fails when a later run sees other code: it must catch nothing, and nothing of
the mutants may reach the report. Every attack runs in a cold sandbox pair and forked from a fork
server's templates (where the subject is its sandbox's init).

The subject's replies themselves are checked at the end: a result the channel cannot carry (too
large, an int too long for JSON) fails that call with a reason, and the subject answers the next.
"""

from __future__ import annotations

import ctypes
import json
import shutil
import textwrap
from collections.abc import Callable
from typing import Any

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.pair import PairKey
from gradekit.pool import WarmPool
from gradekit.spec import Exercise
from gradekit.suite import load_config

# Slots of their own, so these sandboxes' uids are no other test's.
SETTINGS = Settings(slot=252)
FORK_SLOT = 253
CORRECT = "your tests pass against the correct leap.py"
MUTANT = "your tests catch a faulty version of leap.py"
MUTANT_CODE = ("% 2", "and True", "COMPARE_OP", "BINARY_OP", "LOAD_FAST")  # what would show a mutant's code


@pytest.fixture(scope="module")
def leap_pool(leap: Exercise, fork_servers) -> WarmPool:
    """A warm pool whose one fork server, for the leap exercise, lives for the module."""
    return fork_servers.pool(leap, SETTINGS, FORK_SLOT)


@pytest.fixture(params=["cold", "forked"])
def graded(request: pytest.FixtureRequest, leap: Exercise,
           fork_servers) -> Callable[[str], tuple[dict, dict[str, dict]]]:
    """Grade a learner's test file for the leap exercise; the report and its tests by name."""
    pool = request.getfixturevalue("leap_pool") if request.param == "forked" else None

    def run(source: str, exercise: Exercise = leap) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        if pool is not None:  # the template pair of the last grading may still be on its way back
            assert fork_servers.idle(pool, PairKey.of(leap)), "the fork server did not come back"
        report = grade(exercise, {"test_leap.py": source}, SETTINGS, pool=pool)
        if pool is not None:
            assert report["grader"].get("sandbox") == "forked", "the submission was not forked"
        text = json.dumps(report)
        for code in MUTANT_CODE:
            assert code not in text, f"a mutant's code reached the report ({code})"
        return report, {test["name"]: test for test in report["tests"]}

    return run


@pytest.fixture(scope="module")
def leap_alone(leap: Exercise, tmp_path_factory: pytest.TempPathFactory) -> Exercise:
    """The leap exercise without its alternative correct version (as an author may keep it)."""
    folder = tmp_path_factory.mktemp("alone") / "qa" / "leap"
    shutil.copytree(leap.path, folder)
    config = folder / "tests" / "mutants.toml"
    config.write_text(config.read_text().split("[[alternatives]]")[0])
    alone = load_exercise(folder)
    assert not load_config(folder / "tests").alternatives
    return alone


def mutant_results(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [test for test in report["tests"] if test["name"].startswith(MUTANT)]


# Each channel keeps a fingerprint (8 bytes, or what its `shape` makes of the digest): `store(value)`
# keeps it, `load()` gives it back (None when nothing was kept). A call the sandbox denies keeps nothing.
USER_KEY = """
        libc.syscall.restype = ctypes.c_long

        def load():
            key = libc.syscall(250, 10, -4, b"user", b"fingerprint", 0)  # KEYCTL_SEARCH
            buffer = ctypes.create_string_buffer(8)
            return buffer.raw if key >= 0 and libc.syscall(250, 11, key, buffer, 8) == 8 else None

        def store(value):
            libc.syscall(248, b"user", b"fingerprint", value, 8, -4)  # add_key
"""
CHANNELS = {
    "System V shared memory": """
        libc.shmat.restype = ctypes.c_void_p
        libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
        ADDRESS = libc.shmat(libc.shmget(0x5EED, 64, 0o1000 | 0o600), None, 0)

        def load():
            data = ctypes.string_at(ADDRESS, 8)
            return None if data == bytes(8) else data

        def store(value):
            ctypes.memmove(ADDRESS, value, 8)
    """,
    "a System V message queue": """
        QUEUE = libc.msgget(0x5EED, 0o1000 | 0o600)
        message = ctypes.create_string_buffer(16)

        def load():
            if libc.msgrcv(QUEUE, message, 8, 0, 0o4000) < 0:  # IPC_NOWAIT
                return None
            libc.msgsnd(QUEUE, message, 8, 0)
            return message.raw[8:16]

        def store(value):
            ctypes.memmove(message, (1).to_bytes(8, "little") + value, 16)
            libc.msgsnd(QUEUE, message, 8, 0)
    """,
    "System V semaphores": """
        SET = libc.semget(0x5EED, 8, 0o1000 | 0o600)

        def load():
            values = [libc.semctl(SET, i, 12) for i in range(8)]  # GETVAL
            return None if not all(v > 0 for v in values) else bytes(v - 1 for v in values)

        def store(value):
            for i, byte in enumerate(value):
                libc.semctl(SET, i, 16, byte + 1)  # SETVAL
    """,
    "a POSIX message queue": """
        rt = ctypes.CDLL("librt.so.1", use_errno=True)
        QUEUE = rt.mq_open(b"/fingerprint", os.O_CREAT | os.O_RDWR | os.O_NONBLOCK, 0o600, None)
        buffer = ctypes.create_string_buffer(1 << 16)

        def load():
            if QUEUE < 0 or rt.mq_receive(QUEUE, buffer, len(buffer), None) != 8:
                return None
            rt.mq_send(QUEUE, buffer, 8, 0)
            return buffer.raw[:8]

        def store(value):
            rt.mq_send(QUEUE, value, 8, 0)
    """,
    "a key in the user keyring": USER_KEY,
    "a key in a keyring no one may clear": USER_KEY
    + "            libc.syscall(250, 5, -4, 0x0B0B0000)  # KEYCTL_SETPERM: view, read and search only\n",
    "an extended attribute of /tmp": """
        def load():
            try:
                return os.getxattr("/tmp", "user.fingerprint")
            except OSError:
                return None

        def store(value):
            os.setxattr("/tmp", "user.fingerprint", value)
    """,
    "the mode of the work folder": """
        def shape(digest):
            return bytes([digest[0] & 0o77])

        def load():
            bits = os.stat("/home/learner").st_mode & 0o77
            return None if bits == 0o55 else bytes([bits])

        def store(value):
            os.chmod("/home/learner", 0o700 | value[0])
    """,
    "the times of the work folder": """
        def shape(digest):
            return digest[:7]

        def load():
            mtime = os.stat("/home/learner").st_mtime_ns
            return (mtime - 5 * 10**18).to_bytes(7, "little") if mtime > 5 * 10**18 else None

        def store(value):
            os.utime("/home/learner", ns=(5 * 10**18, 5 * 10**18 + int.from_bytes(value, "little")))
    """,
    "the target of a link in /dev": """
        def load():
            target = os.readlink("/dev/stdin")
            return bytes.fromhex(target[4:]) if target.startswith("/fp-") else None

        def store(value):
            os.unlink("/dev/stdin")
            os.symlink("/fp-" + value.hex(), "/dev/stdin")
    """,
    "a file of the exercise whose mode was taken away": """
        def load():
            os.chmod("/home/learner/leap.py", 0o600)
            text = open("/home/learner/leap.py").read()
            return bytes.fromhex(text.split("# fp:")[1].strip()) if "# fp:" in text else None

        def store(value):
            with open("/home/learner/leap.py", "a") as stream:
                stream.write("# fp:" + value.hex() + "\\n")
            os.chmod("/home/learner/leap.py", 0)
    """,
    "a soft limit of the sandbox's init": """
        import resource

        def shape(digest):
            return digest[:1]

        def load():
            soft, hard = resource.prlimit(1, resource.RLIMIT_MSGQUEUE)
            return bytes([soft - 1]) if 1 <= soft <= 256 else None

        def store(value):
            hard = resource.prlimit(1, resource.RLIMIT_MSGQUEUE)[1]
            resource.prlimit(1, resource.RLIMIT_MSGQUEUE, (value[0] + 1, hard))
    """,
    "the I/O priority of the sandbox's init": """
        def shape(digest):
            return bytes([digest[0] & 7])

        def load():
            ioprio = libc.syscall(252, 1, 1)  # ioprio_get(IOPRIO_WHO_PROCESS, 1)
            return bytes([ioprio & 7]) if ioprio > 0 else None

        def store(value):
            libc.syscall(251, 1, 1, (2 << 13) | value[0])  # ioprio_set: best effort, level 0-7
    """,
    "a process that forks to outlive its run": """
        import socket, time
        NAME = b"\\0fingerprint"

        def load():
            client = socket.socket(socket.AF_UNIX)
            client.settimeout(1)
            try:
                client.connect(NAME)
                return client.recv(8) or None
            except OSError:
                return None

        def store(value):
            if os.fork():
                time.sleep(0.2)
                return
            os.setsid()
            if os.fork():
                os._exit(0)
            server = socket.socket(socket.AF_UNIX)
            server.bind(NAME)
            server.listen(8)
            server.setblocking(False)  # each generation lives as short as it can
            end = time.monotonic() + 60
            while time.monotonic() < end:
                try:
                    connection, _ = server.accept()
                    connection.sendall(value)
                    connection.close()
                except OSError:
                    pass
                try:
                    if os.fork():
                        os._exit(0)
                except OSError:
                    pass
            os._exit(0)
    """,
}

REMEMBERING_SUITE = """
import ctypes, hashlib, os
import leap

libc = ctypes.CDLL(None, use_errno=True)
{channel}

DIGEST = hashlib.sha256(open(leap.__file__, "rb").read()[16:]).digest()
FINGERPRINT = globals().get("shape", lambda digest: digest[:8])(DIGEST)
try:
    KEPT = load()
    if KEPT is None:
        store(FINGERPRINT)
except Exception:
    KEPT = None


def test_the_code_is_the_code_of_the_first_run():
    assert KEPT in (None, FINGERPRINT)


def test_2024_is_leap():
    assert leap.is_leap(2024)
"""


@pytest.mark.parametrize("channel", list(CHANNELS.values()), ids=list(CHANNELS))
def test_a_suite_that_remembers_the_first_run_catches_nothing(graded, channel):
    """Does a suite that keeps a fingerprint of the first run's code (in shared memory, a keyring,
    a file's attributes, a process, ...) and fails when the code differs catch no mutant?"""
    report, tests = graded(REMEMBERING_SUITE.format(channel=textwrap.dedent(channel)))
    assert tests[CORRECT]["status"] == "pass" or "left something behind" in tests[CORRECT]["message"], report
    assert report["status"] == "fail"
    assert not [t for t in mutant_results(report) if t["status"] == "pass"], "a mutant was caught through a leak"


LEAKING_SUITE = """
import ctypes, dis, os
import leap

libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
ADDRESS = libc.shmat(libc.shmget(0x1EAC, 4096, 0o1000 | 0o600), None, 0)
CODE = " ".join(f"{i.opname} {i.argrepr}" for i in dis.get_instructions(leap.is_leap))
KEPT = ctypes.string_at(ADDRESS, 4096).split(b"\\0")[0].decode()
if os.getpid() != os.getppid() + 1:  # not the first run (its process is the first the subject starts)
    kept = (KEPT + " || " + CODE)[:4000].encode()
    ctypes.memmove(ADDRESS, kept + b"\\0", len(kept) + 1)
    raise RuntimeError("LEAK-MARKER " + KEPT + CODE)


def test_2024_is_leap():
    assert leap.is_leap(2024)
"""


def test_a_later_run_of_the_correct_code_shows_nothing_the_suite_wrote(graded, leap_alone):
    """When the correct code's second run fails where its first passed, is the reason a fixed
    sentence, never the text the suite wrote (which could carry what it saw of the mutants)?"""
    report, tests = graded(LEAKING_SUITE, leap_alone)
    assert tests[CORRECT]["status"] == "pass", tests[CORRECT]["message"]
    assert "LEAK-MARKER" not in json.dumps(report)
    assert report["score"] == 1
    for test in mutant_results(report):
        assert test["message"] == (
            "Your tests passed against the correct leap.py once, but not when they ran against it again later "
            "(pytest could not collect them): each run must start from nothing, with no file, process or other "
            "state left by an earlier run deciding the result.")


def test_a_run_of_an_alternative_correct_version_shows_nothing_the_suite_wrote(graded):
    """The alternative correct version runs second: is why the suite rejects it a fixed sentence too?"""
    report, tests = graded(LEAKING_SUITE)
    assert "LEAK-MARKER" not in json.dumps(report) and report["score"] == 0
    assert tests[CORRECT]["message"] == (
        "Your tests reject another correct version of leap.py, a version that asks the standard library's calendar "
        "module (pytest could not collect them), so they would reject working code. Test what the code does (what "
        "it returns, what it raises, what it changes), not how it is written.")


FINGERPRINT = """import leap


def test_the_code_is_the_published_one():
    assert leap.is_leap.__code__.co_consts == {consts!r}
"""


def test_a_suite_that_checks_how_the_code_is_written_is_rejected_by_a_correct_alternative(graded, leap):
    """A suite that compares the code under test with the published correct version (here its
    constants) passes on it and fails on every mutant: does the exercise's alternative correct
    version, written differently, make it worth nothing, said in fixed words that show neither
    the learner's test names nor what the alternative looks like?"""
    published = {}
    exec(compile((leap.path / "data" / "leap.py").read_text(), "leap.py", "exec"), published)
    report, tests = graded(FINGERPRINT.format(consts=published["is_leap"].__code__.co_consts))
    assert report["score"] == 0, report
    message = tests[CORRECT]["message"]
    assert message == (
        "Your tests reject another correct version of leap.py, a version that asks the standard library's "
        "calendar module (some of them failed), so they would reject working code. Test what the code does "
        "(what it returns, what it raises, what it changes), not how it is written."), message
    assert "test_the_code_is_the_published_one" not in json.dumps(report) and "isleap" not in json.dumps(report)
    assert all("First make your tests pass against every correct version of leap.py" in t["message"]
               for t in mutant_results(report))


def landlock_version() -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return int(libc.syscall(444, None, 0, 1))


CONFINED_SUITE = """
import os, signal
import pytest
from leap import is_leap

OUTLIVERS = sorted({1, os.getppid()})  # the sandbox's init and the subject


@pytest.mark.parametrize("pid", OUTLIVERS)
def test_their_memory_is_out_of_reach(pid):
    with pytest.raises(PermissionError):
        open(f"/proc/{pid}/mem", "r+b")


@pytest.mark.parametrize("pid", OUTLIVERS)
def test_their_proc_files_cannot_be_written(pid):
    with pytest.raises(PermissionError):
        open(f"/proc/{pid}/oom_score_adj", "w").write("500")


def test_the_tests_own_work_still_works(tmp_path):
    (tmp_path / "note.txt").write_text("kept")
    assert (tmp_path / "note.txt").read_text() == "kept"
    assert os.system("true") == 0 and is_leap(2000)
"""
NO_SIGNALS = """

@pytest.mark.parametrize("pid", OUTLIVERS)
def test_they_cannot_be_signalled(pid):
    with pytest.raises(PermissionError):
        os.kill(pid, signal.SIGSTOP)
"""


def test_a_run_cannot_reach_the_processes_that_outlive_it(graded):
    """Can a run neither read nor write the memory of the subject and the sandbox's init, write
    their files under /proc, nor signal them, while its own files and processes work as usual?"""
    version = landlock_version()
    if version < 1:
        pytest.skip("SKIPPED: this kernel has no Landlock, which keeps a run from the sandbox's init")
    # Signals are scoped from Landlock 6 on; memory and /proc files from the first version.
    report, tests = graded(CONFINED_SUITE + (NO_SIGNALS if version >= 6 else ""))
    assert tests[CORRECT]["status"] == "pass", tests[CORRECT]["message"]


RENICING_SUITE = """
import os
from leap import is_leap

os.setpriority(os.PRIO_PROCESS, 1, 19)  # raising a nice value cannot be undone without privileges


def test_2000_is_leap():
    assert is_leap(2000)
"""


def test_what_cannot_be_put_back_makes_no_run_count(graded):
    """Does a run that changes what cannot be put back (the init's nice value) fail against the
    correct code, saying why, and catch nothing?"""
    report, tests = graded(RENICING_SUITE)
    message = tests[CORRECT]["message"]
    assert tests[CORRECT]["status"] == "fail" and report["score"] == 0
    assert message.startswith("Your tests left something behind that the grader could not take away "
                              "(changed priorities or resource limits of the grader's processes)"), message


def test_the_reference_suite_still_catches_every_mutant(graded, leap):
    """Do honest tests still pass on the correct code and catch every mutant?"""
    report, _ = graded(leap.solution_files()["test_leap.py"])
    assert report["status"] == "pass" and report["score"] == report["max_score"] == 4, report


# Results the subject cannot send back: a learner error for that call, and the subject serves on.

TOO_LARGE = {
    "an int of 5000 digits, the learner's own digit limit lifted": (
        "import sys\nsys.set_int_max_str_digits(0)\nVALUE = 10 ** 5000\n",
        "mean([1, 2, 3]) raised ResultTooLarge: its result is too large to send back to the tests (an int with "
        "more than 4300 digits); return a smaller value"),
    "a 40 MB string": (
        "VALUE = 'x' * (40 << 20)\n",
        "mean([1, 2, 3]) raised ResultTooLarge: its result is too large to send back to the tests (over 32 MB); "
        "return a smaller value"),
}


@pytest.mark.parametrize(("value", "message"), list(TOO_LARGE.values()), ids=list(TOO_LARGE))
def test_a_result_too_large_to_send_back_fails_that_test_only(content_root, value, message):
    """Is a result the channel cannot carry a failure of that call, saying why, with the next calls
    answered (not a crash of the whole submission)?"""
    exercise = load_exercise(content_root / "exercises" / "demo" / "mean")
    source = value + ("def mean(xs):\n    if not xs:\n        raise ValueError('no values')\n"
                      "    return VALUE if xs == [1, 2, 3] else sum(xs) / len(xs)\n")
    report = grade(exercise, {"stats.py": source}, SETTINGS)
    tests = {t["name"]: t for t in report["tests"]}
    assert report["reason"] == "tests_failed", report["message"]
    assert tests["mean() of three numbers"]["message"] == message
    assert tests["mean() of floats"]["status"] == tests["mean([]) raises ValueError"]["status"] == "pass"


def test_a_response_too_large_to_send_back_fails_that_request_only(content_root):
    """Is an app's response over the channel's limit a failure of that request, saying why, with the
    app answering the next ones?"""
    exercise = load_exercise(content_root / "exercises" / "demo" / "greet-api")
    source = ("from fastapi import FastAPI, HTTPException\nfrom fastapi.responses import Response\n\n"
              "app = FastAPI()\n\n\n@app.get('/hello/{name}')\ndef hello(name: str):\n"
              "    if name == 'Ada':\n        return Response(b'x' * (26 << 20))\n"
              "    if not name.isalpha():\n        raise HTTPException(status_code=400)\n"
              "    return {'greeting': f'Hello, {name}!'}\n")
    report = grade(exercise, {"main.py": source}, SETTINGS)
    tests = {t["name"]: t for t in report["tests"]}
    assert report["reason"] == "tests_failed", report["message"]
    assert tests["GET /hello/Ada greets Ada"]["message"] == (
        "GET /hello/Ada raised ResultTooLarge: the app's response is too large to send back to the tests "
        "(over 32 MB); send a smaller one")
    assert all(t["status"] == "pass" for name, t in tests.items() if name != "GET /hello/Ada greets Ada")
