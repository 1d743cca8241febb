"""Does the `pytest` kind judge a learner's tests by running them against the correct code and its mutants?"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from gradekit import Settings, grade
from gradekit.spec import Exercise
from gradekit.suite import AuthorError, RunResult, Suite, load_config

CATCHES_TWO = """from leap import is_leap


def test_2024():
    assert is_leap(2024)


def test_1900():
    assert not is_leap(1900)


def test_2022():
    assert not is_leap(2022)
"""


def graded(exercise: Exercise, source: str) -> tuple[dict, dict[str, dict]]:
    report = grade(exercise, {"test_leap.py": source}, Settings())
    return report, {t["name"]: t for t in report["tests"]}


CORRECT = "your tests pass against the correct leap.py"


def mutant_tests(tests: dict[str, dict]) -> list[dict]:
    return [t for name, t in tests.items() if name.startswith("your tests catch a faulty version")]


def test_the_reference_suite_catches_every_mutant(leap):
    """Does a suite that passes on the correct code and fails on each mutant get full marks?"""
    report, tests = graded(leap, leap.solution_files()["test_leap.py"])
    assert report["status"] == "pass" and report["score"] == report["max_score"] == 4, report
    assert len(mutant_tests(tests)) == 3


def test_a_surviving_mutant_is_named_by_its_description_only(leap):
    """Is a mutant that no test catches described in words, with the count caught, and never shown as code?"""
    report, tests = graded(leap, CATCHES_TWO)
    assert report["status"] == "fail" and report["score"] == 3
    missed = [t for t in mutant_tests(tests) if t["status"] == "fail"]
    assert len(missed) == 1
    message = missed[0]["message"]
    assert "Not caught: a version that forgets that every 400th year is a leap year after all" in message
    assert "(Your tests catch 2 of 3 faulty versions.)" in message
    assert "%" not in message and "year" not in missed[0]["output"]


def test_a_suite_failing_on_correct_code_names_the_test_and_gets_nothing(leap):
    """Does a suite that fails on the correct code get no points, with the failing test and its assertion?"""
    wrong = CATCHES_TWO + "\n\ndef test_wrong():\n    assert is_leap(2100)\n"
    report, tests = graded(leap, wrong)
    assert report["score"] == 0
    message = tests[CORRECT]["message"]
    assert message.startswith("Your tests fail against the correct leap.py")
    assert "- test_wrong: assert False (where False = is_leap(2100))" in message
    assert "/tmp/suite-" not in message
    assert all("First make your tests pass" in t["message"] for t in mutant_tests(tests))


def test_a_suite_that_always_fails_catches_nothing(leap):
    """Is a suite that fails whatever the code does (and so 'catches' every mutant) worth nothing?"""
    report, _ = graded(leap, "def test_fails():\n    assert False\n")
    assert report["score"] == 0


def test_a_suite_with_no_tests_is_told_so(leap):
    """Does a file that pytest collects nothing from fail with a message saying so?"""
    report, tests = graded(leap, "from leap import is_leap\n\n\ndef check_2024():\n    assert is_leap(2024)\n")
    assert report["score"] == 0
    assert tests[CORRECT]["message"].startswith("pytest collected no tests from your file")
    assert all(t["message"].startswith("First write tests") for t in mutant_tests(tests))


def test_a_suite_that_hangs_is_stopped_once(leap):
    """Is a hanging suite stopped after the per-run limit, once, with a message about endless loops?"""
    report, tests = graded(leap, "def test_hangs():\n    while True:\n        pass\n")
    assert report["score"] == 0 and report["reason"] == "tests_failed"
    assert tests[CORRECT]["message"] == (
        "Your tests did not finish within 6 s against the correct leap.py; look for an endless loop, "
        "a real sleep or a test waiting for input.")
    assert report["duration_ms"] < 20_000


def test_a_collection_error_and_a_syntax_error_are_explained(leap):
    """Do an import error in the test file and a syntax error each say what went wrong?"""
    _, tests = graded(leap, "from leap import leap_year\n\n\ndef test_x():\n    assert leap_year(2024)\n")
    assert tests[CORRECT]["message"].startswith(
        "pytest could not collect your tests: ImportError: cannot import name 'leap_year' from 'leap'")
    report, tests = graded(leap, "def test_x(:\n    pass\n")
    assert report["reason"] == "syntax_error"
    assert tests[CORRECT]["message"] == (
        "Your code could not be loaded: SyntaxError (test_leap.py, line 1): invalid syntax")


def test_the_code_under_test_has_no_source_to_read(leap):
    """Is the version under test importable but without a source file a test could compare?"""
    peek = ("import inspect\nimport leap\n\n\ndef test_source():\n"
            "    assert not leap.__file__.endswith('.py')\n"
            "    try:\n        inspect.getsource(leap)\n    except OSError:\n        return\n"
            "    raise AssertionError('source found')\n")
    _, tests = graded(leap, peek)
    assert tests[CORRECT]["status"] == "pass", tests[CORRECT]["message"]


def test_alternatives_run_before_any_mutant(leap):
    """Do the alternatives run right after the correct version, before any mutant, so that nothing
    a mutant run could leave reaches what is said about them?"""
    order = []

    class Recording:  # the subject's side of the channel, answering every run with a pass
        call_timeout = 5.0

        def ask(self, message, _what, timeout):
            order.append(message["source"])
            return {"collected": 1, "passed": ["t"], "exit_code": 0, "finished": True}

    suite = Suite(Recording(), leap.path / "tests", leap.path / "data", {})
    with pytest.raises(pytest.fail.Exception, match="Not caught"):  # every run passes here
        suite.assert_catches(suite.mutants[0])
    config = suite.config
    assert order[:2] == [config.correct, config.alternatives[0].source]
    assert set(order[2:]) == {config.correct, *(m.source for m in config.mutants)}


def test_mutants_toml_mistakes_are_named(tmp_path: Path):
    """Does a mutant whose `find` text is not in the code say so, naming the mutant?"""
    (tmp_path / "tests").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "m.py").write_text("def f():\n    return 1\n")
    config = tmp_path / "tests" / "mutants.toml"
    config.write_text('target = "m.py"\n\n[[mutants]]\ndescription = "d"\nfind = "return 1"\nreplace = "return 2"\n')
    assert load_config(tmp_path / "tests").mutants[0].source == "def f():\n    return 2\n"
    config.write_text('target = "m.py"\n\n[[mutants]]\ndescription = "d"\nfind = "return 3"\nreplace = "return 2"\n')
    with pytest.raises(AuthorError, match="mutant 1: `find` must occur exactly once in m.py, found 0 times"):
        load_config(tmp_path / "tests")
    config.write_text('target = "m.py"\n\n[[alternatives]]\ndescription = "d"\nfile = "other.py"\n')
    with pytest.raises(AuthorError, match="alternative 1: file other.py not found in the tests folder"):
        load_config(tmp_path / "tests")
    (tmp_path / "tests" / "other.py").write_text("def f():\n    return 2 - 1\n")
    assert load_config(tmp_path / "tests").alternatives[0].source == "def f():\n    return 2 - 1\n"


@pytest.mark.parametrize(
    ("reply", "ok", "caught"),
    [
        ({"collected": 2, "passed": ["a", "b"], "exit_code": 0, "finished": True}, True, False),
        ({"collected": 2, "passed": ["a"], "failed": [{"name": "b", "message": "x"}], "exit_code": 1,
          "finished": True}, False, True),
        ({"collected": 0, "exit_code": 5, "finished": True}, False, False),
        ({"collected": 1, "exit_code": None, "timed_out": True}, False, True),
        ({"collected": 1, "exit_code": 0, "finished": False}, False, True),
        ({"collected": 2, "passed": ["a"], "failed": [{"name": "b", "message": "x"}], "exit_code": 1,
          "finished": True, "leftover": ["ipc"]}, False, False),
        ("garbage", False, True),
    ],
)
def test_run_results_are_read_defensively(reply, ok, caught):
    """Are passes, failures, empty suites, hangs, crashes, runs that left something behind and
    malformed replies each judged right?"""
    result = RunResult.from_reply(reply, 3)
    assert (result.ok, result.caught) == (ok, caught)


def test_identifiers_leave_out_comments_and_strings():
    """Are the names a learner's tests use read from the code, not from comments or strings?"""
    source = ('import pytest\nfrom unittest import mock\n\n# pytest.raises would be nice\n\n'
              '@pytest.mark.parametrize("n", [1])\ndef test_x(n, tmp_path, monkeypatch):\n'
              '    with mock.patch("time.time"):\n        text = "pytest.fixture"\n')
    suite = Suite(None, Path("."), Path("."), {"sources": {"test_x.py": source}})  # type: ignore[arg-type]
    names = suite.identifiers()
    assert {"pytest.mark.parametrize", "tmp_path", "monkeypatch", "mock.patch", "unittest.mock"} <= names
    assert "pytest.raises" not in names and "pytest.fixture" not in names


REMEMBERS = """import os
import subprocess
import sys

MARKS = ["/tmp/seen", "/home/learner/seen", "/dev/shm/seen"]


def test_fails_after_the_first_run():
    assert not any(os.path.exists(mark) for mark in MARKS)
    for mark in MARKS:
        open(mark, "w").close()
    with open("/home/learner/test_leap.py", "a") as me:
        me.write("\\n\\ndef test_added_later():\\n    assert False\\n")
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)
"""


def test_runs_start_from_nothing(leap):
    """Can a suite that remembers an earlier run (files, its own file changed, a process) catch nothing?"""
    report, tests = graded(leap, REMEMBERS)
    assert tests[CORRECT]["status"] == "pass"
    assert all(t["message"].startswith("Not caught") for t in mutant_tests(tests)), report["tests"]


REFUSED_START = """
import os, resource, subprocess, sys
from gradekit.kinds import testsuite
os.setgid(65534)
os.setuid(65534)
resource.setrlimit(resource.RLIMIT_NPROC, (1, 1))  # this process is all its uid may have
testsuite.START_SECONDS = 0.3
print("STARTED", testsuite.SuiteRunner._start([sys.executable, "-c", "pass"], "/", {}, subprocess.DEVNULL))
"""


def test_a_run_the_kernel_will_not_start_is_given_up_on_not_raised(tmp_path: Path):
    """When the kernel refuses the run's process (the process limit still held by what an earlier
    run left), is the start tried again for a while and then given up, so the subject can say the
    run left processes behind, instead of failing the call?"""
    if os.geteuid() != 0:
        pytest.skip("SKIPPED: needs root to run the check as another uid with a process limit")
    result = subprocess.run([sys.executable, "-c", REFUSED_START], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path)
    assert "STARTED None" in result.stdout, result.stdout + result.stderr
