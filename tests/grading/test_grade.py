"""Does grading in real bwrap sandboxes give the right verdict, with useful per-test feedback?"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.report import REASONS, SCHEMA, STATUSES, TEST_STATUSES, HarnessEvents, Judged, build_report
from gradekit.sandbox import Outcome


def check_schema(report):
    assert report["schema"] == SCHEMA
    assert report["status"] in STATUSES
    assert report["reason"] is None or report["reason"] in REASONS
    assert set(report["grader"]) >= {"version", "backend", "kind", "tests_hash"}
    for test in report["tests"]:
        assert set(test) == {"id", "name", "status", "points", "max_points", "visible", "message", "output",
                             "duration_ms"}
        assert test["status"] in TEST_STATUSES


def test_reference_solution_passes_with_every_test_listed(mean_exercise):
    """Does the reference solution pass, with each test named by its docstring?"""
    report = grade(mean_exercise, mean_exercise.solution_files(), Settings())
    check_schema(report)
    assert report["status"] == "pass" and report["reason"] is None
    assert report["score"] == report["max_score"] == 4
    assert [t["name"] for t in report["tests"]] == [
        "mean() of three numbers", "mean() of floats", "mean([]) raises ValueError"]
    assert report["grader"]["backend"] == "bwrap"


def test_starter_fails_naming_each_failing_test(mean_exercise):
    """Does the starter fail, with a message on every failing test?"""
    report = grade(mean_exercise, mean_exercise.starter_files(), Settings())
    check_schema(report)
    assert report["status"] == "fail" and report["reason"] == "tests_failed"
    assert all(t["status"] == "fail" and t["message"] for t in report["tests"])


def test_hidden_tests_show_only_the_authors_message(mean_exercise, grade_source):
    """Does a failing hidden test show the author's message but not the expected value?"""
    report = grade_source("def mean(xs):\n    return 99\n")
    hidden = next(t for t in report["tests"] if t["name"] == "mean() of floats")
    assert hidden["message"] == "mean of floats is wrong"
    assert "3.5" not in hidden["message"] and "assert" not in hidden["message"]
    visible = next(t for t in report["tests"] if t["visible"])
    assert "99 == 2" in visible["message"]


def test_learner_exceptions_show_the_learners_traceback(grade_source):
    """Does an exception in the learner's code name the call and point at the learner's line?"""
    report = grade_source("def mean(xs):\n    return xs[10]\n")
    test = report["tests"][0]
    assert test["message"] == "mean([1, 2, 3]) raised IndexError: list index out of range"
    assert 'File "stats.py", line 2, in mean' in test["output"]
    assert "gradekit" not in test["output"]


def test_printed_output_is_captured_per_test(grade_source):
    """Is what the learner printed shown with the visible test that printed it, and withheld, saying
    so, from a hidden one (whose inputs the code was given)?"""
    report = grade_source("print('loading')\ndef mean(xs):\n    print('got', xs)\n    return 0\n")
    tests = {t["name"]: t for t in report["tests"]}
    assert tests["mean() of three numbers"]["output"] == "loading\ngot [1, 2, 3]\n"
    hidden = tests["mean() of floats"]["output"]
    assert "got" not in hidden and "a hidden check does not show it" in hidden


def test_a_hidden_test_names_a_learner_exception_by_its_built_in_type_only(grade_source):
    """Does a learner exception in a hidden test show the call and a built-in type, but neither the
    message nor the traceback, nor the name of an exception class of the learner's own?"""
    report = grade_source("class Oops(Exception):\n    pass\n"
                          "def mean(xs):\n    if not xs:\n        raise Oops('secret')\n    return xs[10]\n")
    tests = {t["name"]: t for t in report["tests"]}
    floats = tests["mean() of floats"]
    assert floats["message"].startswith("mean() raised IndexError. A hidden check does not show")
    assert "list index out of range" not in floats["message"] and "stats.py" not in floats["output"]
    empty = tests["mean([]) raises ValueError"]
    assert empty["message"].startswith("mean() raised an exception. A hidden check does not show")
    assert "Oops" not in json.dumps(empty) and "secret" not in json.dumps(empty)
    visible = tests["mean() of three numbers"]
    assert visible["message"] == "mean([1, 2, 3]) raised IndexError: list index out of range"


def test_syntax_error_is_its_own_verdict(grade_source):
    """Is a syntax error reported with the file and line?"""
    report = grade_source("def mean(xs)\n    return 1\n")
    assert report["status"] == "fail" and report["reason"] == "syntax_error"
    assert report["message"] == "SyntaxError in stats.py, line 1: expected ':'"


def test_exit_at_import_does_not_pass(grade_source):
    """Does code that calls os._exit(0) at import fail instead of passing?"""
    report = grade_source("import os\nos._exit(0)\n")
    assert report["status"] == "fail" and report["reason"] == "crashed"
    assert report["score"] == 0


def test_sys_exit_at_import_does_not_pass(grade_source):
    """Does code that calls sys.exit(0) at import fail?"""
    report = grade_source("import sys\nsys.exit(0)\n")
    assert report["status"] == "fail" and report["reason"] == "crashed"


def test_object_that_equals_everything_does_not_pass(grade_source):
    """Does returning an object whose __eq__ is always True fail?"""
    source = (
        "class Anything:\n    def __eq__(self, other):\n        return True\n    __hash__ = object.__hash__\n"
        "def mean(xs):\n    if not xs:\n        raise ValueError\n    return Anything()\n"
    )
    report = grade_source(source)
    assert report["status"] == "fail"
    assert report["score"] == 2  # only the ValueError test, worth 2 points, passes


def test_endless_loop_is_a_timeout(grade_source):
    """Is an endless loop stopped and reported as a timeout with a clear message?"""
    report = grade_source("def mean(xs):\n    while True:\n        pass\n")
    assert report["status"] == "fail" and report["reason"] == "timeout"
    assert "did not return within 2 s" in report["tests"][0]["message"]


def test_memory_bomb_is_a_memory_verdict(grade_source):
    """Is allocating far too much memory stopped with a memory verdict?"""
    report = grade_source("data = bytearray(4 * 1024 ** 3)\n")
    assert report["status"] == "fail" and report["reason"] == "memory_limit"
    assert "more than 256 MB" in report["message"]
    # Each test says what stopped the program, not that it "exited or crashed".
    assert {t["message"] for t in report["tests"]} == {
        "Your program was stopped while it was being loaded: it used more than 256 MB of memory."}


def test_memory_bomb_in_a_call_names_the_call(grade_source):
    """Does a call that allocates without end get a memory verdict that names the call it was stopped in?"""
    report = grade_source("def mean(xs):\n    blocks = []\n    while True:\n"
                          "        blocks.append(b'x' * (16 * 1024 * 1024))\n")
    assert report["status"] == "fail" and report["reason"] == "memory_limit"
    # The visible example runs first; the hidden tests after it name the same call, no hidden input.
    assert {t["message"] for t in report["tests"]} == {
        "Your program was stopped during mean([1, 2, 3]): it used more than 256 MB of memory."}


def test_only_a_limit_rewrites_a_lost_program_and_notes_below_stay(mean_exercise):
    """Is "exited or crashed" replaced only when the subject's limit stopped it, keeping the lines noted below?"""
    events = HarnessEvents()
    events.add({"event": "collected", "id": "test_hidden.py::test_floats", "name": "floats", "order": 0})
    events.add({"event": "test", "id": "test_hidden.py::test_floats", "status": "fail", "points": 0,
                "message": "Your program exited or crashed during mean() (did it call exit()?).\nA trace note.",
                "cause": "crashed", "during": "during mean()"})
    events.add({"event": "done", "subject": {"loaded": True}})

    def message(subject: Outcome) -> str:
        report = build_report(mean_exercise, "bwrap", Judged(events, subject, Outcome(exit_code=0), False))
        return report["tests"][0]["message"]

    assert message(Outcome(exit_code=-9, memory_exceeded=True)) == (
        "Your program was stopped during mean(): it used more than 256 MB of memory.\nA trace note.")
    assert message(Outcome(exit_code=1)).startswith("Your program exited or crashed during mean()")


def test_output_flood_is_an_output_verdict(grade_source):
    """Is writing endless output straight to the terminal stopped with an output verdict?"""
    report = grade_source("import os\nwhile True:\n    os.write(1, b'x' * 65536)\n")
    assert report["status"] == "fail" and report["reason"] == "output_limit"
    assert {t["message"] for t in report["tests"]} == {
        "Your program was stopped while it was being loaded: it printed more than 1024 KB of output."}


def test_visible_only_runs_only_the_examples(mean_exercise):
    """Does "Run examples" run only the visible tests?"""
    report = grade(mean_exercise, mean_exercise.solution_files(), Settings(), visible_only=True)
    assert report["status"] == "pass"
    assert [t["visible"] for t in report["tests"]] == [True]


def test_unknown_file_is_a_bad_submission(mean_exercise):
    """Is a submission with files the exercise does not have refused with a clear message?"""
    report = grade(mean_exercise, {"other.py": "x = 1"}, Settings())
    assert report["status"] == "fail" and report["reason"] == "bad_submission"
    assert "'other.py' is not part of this exercise" in report["message"]


def test_fastapi_app_is_judged_over_http(api_exercise):
    """Is a FastAPI app graded by HTTP requests from the harness, passing and failing as it should?"""
    passed = grade(api_exercise, api_exercise.solution_files(), Settings())
    assert passed["status"] == "pass", passed
    failed = grade(api_exercise, api_exercise.starter_files(), Settings())
    assert failed["reason"] == "tests_failed"
    assert "GET /hello/R2D2 returned 404, expected 400" in [t["message"] for t in failed["tests"]]


def test_app_missing_is_reported(api_exercise, grade_source):
    """Does a module without the expected app get a clear message?"""
    report = grade_source("from fastapi import FastAPI\napplication = FastAPI()\n", exercise=api_exercise)
    assert report["status"] == "fail"
    assert "main.py does not define `app`" in report["message"]


LIFESPAN = """
import asyncio, contextlib
from fastapi import FastAPI

@contextlib.asynccontextmanager
async def lifespan(app):
    {startup}
    yield

app = FastAPI(lifespan=lifespan)

@app.get('/hello/{{name}}')
def hello(name: str):
    return {{'greeting': f'Hello, {{name}}!'}}
"""


@pytest.mark.parametrize(("startup", "reason", "said"), [
    ("raise RuntimeError('no database')", "crashed",
     "the app's startup (its lifespan or startup handlers) raised RuntimeError: no database"),
    ("await asyncio.Event().wait()", "timeout", "took longer than 11.25 s to load"),
])
def test_an_apps_startup_is_blamed_not_its_first_request(api_exercise, grade_source, startup, reason, said):
    """Is a web app's startup that fails or never ends reported as the startup, not as the first request?"""
    report = grade_source(LIFESPAN.format(startup=startup), exercise=api_exercise)
    assert report["reason"] == reason, report
    first = report["tests"][0]["message"]
    assert said in first and "GET" not in first, first


def test_an_app_that_is_not_a_web_app_is_named(api_exercise, grade_source):
    """Is an `app` that is not an ASGI app reported at load, naming what it is?"""
    report = grade_source("app = {'routes': []}\n", exercise=api_exercise)
    assert "`app` in main.py is a dict, not a web app" in report["message"], report


def test_app_exception_is_a_500_with_the_traceback(api_exercise, grade_source):
    """Does an exception in a route come back as a 500 with the learner's traceback in the output?"""
    source = (
        "from fastapi import FastAPI\napp = FastAPI()\n"
        "@app.get('/hello/{name}')\ndef hello(name: str):\n    return 1 / 0\n"
    )
    report = grade_source(source, exercise=api_exercise)
    test = report["tests"][0]
    assert "500" in test["message"]
    assert "ZeroDivisionError" in test["output"] and "main.py" in test["output"]


def test_fastapi_cookies_last_one_test_only(api_exercise, tmp_path):
    """Are an ASGI app's cookies sent back within a test, and gone in the next test?"""
    folder = tmp_path / "exercises" / "demo" / "cookies"
    shutil.copytree(api_exercise.path, folder)
    (folder / "tests" / "test_hidden.py").write_text(
        "def test_login_is_kept(client):\n"
        "    client.post('/login')\n"
        "    assert client.get('/me').json() == {'user': 'ada'}, 'the cookie should be sent back'\n\n"
        "def test_next_test_starts_afresh(client):\n"
        "    assert client.get('/me').json() == {'user': None}, 'cookies leaked from the previous test'\n"
    )
    app = (
        "from fastapi import Cookie, FastAPI, Response\napp = FastAPI()\n"
        "@app.get('/hello/{name}')\ndef hello(name: str):\n"
        "    if not name.isalpha():\n        from fastapi import HTTPException\n        raise HTTPException(400)\n"
        "    return {'greeting': f'Hello, {name}!'}\n"
        "@app.post('/login')\ndef login(response: Response):\n    response.set_cookie('user', 'ada')\n    return {}\n"
        "@app.get('/me')\ndef me(user: str | None = Cookie(default=None)):\n    return {'user': user}\n"
    )
    report = grade(load_exercise(folder), {"main.py": app}, Settings())
    assert {t["name"]: t["status"] for t in report["tests"] if not t["visible"]} == {
        "test_login_is_kept": "pass", "test_next_test_starts_afresh": "pass"}, report


def test_an_interpreter_started_by_a_relative_path_is_found_in_the_sandbox(mean_exercise, tmp_path):
    """Run as `../.venv/bin/python` from a folder the sandbox does not bind, does the reference still
    pass (the sandbox is given the interpreter's own folder, not the way to it)?"""
    below = tmp_path / "below"
    below.mkdir()
    relative = Path(*[".."] * len(below.parts[1:])) / Path(sys.executable).relative_to("/")
    script = ("import json, sys; from gradekit import Settings, grade, load_exercise; "
              f"print(json.dumps(grade(load_exercise({str(mean_exercise.path)!r}), "
              f"load_exercise({str(mean_exercise.path)!r}).solution_files(), Settings())['status']))")
    result = subprocess.run([str(relative), "-c", script], cwd=below, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == '"pass"', result.stderr[-2000:]
