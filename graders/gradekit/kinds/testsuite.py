"""The `pytest` kind: the learner writes pytest tests for given code; the harness runs them against versions of it.

Subject side only. The learner's files are test files; nothing of theirs is imported here. The
harness sends a version of the code under test (the correct one or a faulty "mutant") with the op
`suite.run`; the subject writes it, compiled and without its source, into a fresh folder beside
copies of the learner's test files and runs pytest there in a child process with a time limit. The
reply is plain data (tests collected, passed, failed with their first error line, errors, an output
excerpt). Which runs must pass and which must fail is decided in the harness (`gradekit.suite`).

Runs must not talk to each other (a suite that fails every run after the first would "catch" every
mutant): each run is confined away from the processes that outlive it, and after it the sandbox is
put back as it was when the learner's files arrived (`gradekit.runstate`). What cannot be put back
is named in the run's reply as `leftover`, from then on: the harness trusts no such run.
"""

from __future__ import annotations

import contextlib
import json
import os
import py_compile
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from typing import Any

from gradekit.kinds import Kind, Loaded
from gradekit.runstate import RunState, confine, reap
from gradekit.sandbox import WORK_DIR

OUTPUT_EXCERPT = 3000
MESSAGE_CAP = 500
MAX_TIMEOUT = 120.0
START_SECONDS = 2.0  # how long a run that can't start yet is tried again

# Runs in the child: pytest with a small plugin that writes what happened as JSON (argv[1]).
RUNNER = r'''
import json, sys
import pytest

def crash(report):
    longrepr = report.longrepr
    found = getattr(getattr(longrepr, "reprcrash", None), "message", None)
    if found:
        return str(found)
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    text = str(longrepr or "")
    marked = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    lines = marked or [line.strip() for line in text.splitlines() if line.strip()][-1:]
    return "\n".join(lines)

class Recorder:
    def __init__(self):
        self.data = {"collected": 0, "tests": {}, "errors": []}

    def pytest_collection_finish(self, session):
        self.data["collected"] = len(session.items)

    def pytest_collectreport(self, report):
        if report.failed:
            self.data["errors"].append({"name": report.nodeid or "(collection)", "message": crash(report)})

    def pytest_runtest_logreport(self, report):
        tests = self.data["tests"]
        current = tests.get(report.nodeid)
        if report.when == "call":
            outcome = "skipped" if report.skipped else ("failed" if report.failed else "passed")
        elif report.failed:
            outcome = "error"
        elif report.skipped and report.when == "setup":
            outcome = "skipped"
        else:
            return
        if current and current["outcome"] in ("failed", "error"):
            return
        tests[report.nodeid] = {"outcome": outcome, "message": crash(report) if report.failed else ""}

    def pytest_sessionfinish(self, session, exitstatus):
        self.data["exit_status"] = int(exitstatus)
        with open(sys.argv[1], "w", encoding="utf-8") as stream:
            json.dump(self.data, stream)

sys.exit(int(pytest.main(sys.argv[2:], plugins=[Recorder()])))
'''


def _short(text: str, limit: int = MESSAGE_CAP) -> str:
    text = str(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _display(nodeid: str) -> str:
    """`test_cart.py::TestCart::test_total[3]` is shown as `TestCart::test_total[3]`."""
    return nodeid.split("::", 1)[1] if "::" in nodeid else nodeid


class SuiteRunner:
    """Answers `suite.run` and `suite.sources` for the learner's test files."""

    def __init__(self, files: tuple[str, ...]) -> None:
        self.files = files
        self.state = RunState()  # before any learner code runs: put back after every run

    def sources(self, request: dict[str, Any]) -> dict[str, str]:
        found = {}
        for name in self.files:
            with open(os.path.join(WORK_DIR, name), encoding="utf-8", errors="replace") as stream:
                found[name] = stream.read()
        return found

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        module = str(request["module"])
        if not module.isidentifier():
            raise ValueError(f"{module!r} is not a module name")
        timeout = min(float(request.get("timeout", 10)), MAX_TIMEOUT)
        folder = tempfile.mkdtemp(prefix="suite-")
        try:
            self._lay_out(folder, module, str(request["source"]))
            reply = self._pytest(folder, timeout)
        finally:
            leftover = self.state.reset()
        return {**reply, "leftover": leftover}

    def _lay_out(self, folder: str, module: str, source: str) -> None:
        """The learner's files, the other data files, and the version under test without its source."""
        skip = {f"{module}.py", f"{module}.pyc"}
        for name in os.listdir(WORK_DIR):
            path = os.path.join(WORK_DIR, name)
            if name not in skip and os.path.isfile(path) and not os.path.islink(path):
                shutil.copyfile(path, os.path.join(folder, name))
        staged = os.path.join(folder, f"{module}.source")
        with open(staged, "w", encoding="utf-8") as stream:
            stream.write(source)
        py_compile.compile(staged, cfile=os.path.join(folder, f"{module}.pyc"), dfile=f"{module}.py", doraise=True)
        os.remove(staged)

    def _pytest(self, folder: str, timeout: float) -> dict[str, Any]:
        report = os.path.join(folder, ".suite-report.json")
        log = os.path.join(folder, ".suite-output.txt")
        argv = [sys.executable, "-I", "-B", "-c", RUNNER, report,
                "-q", "-p", "no:cacheprovider", "-p", "no:stepwise", "--tb=short", "--color=no", "-rfE",
                "--basetemp", os.path.join(folder, ".pytest-tmp"), "-o", "console_output_style=classic",
                *self.files]
        env = {"PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "TMPDIR": tempfile.gettempdir(),
               "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "COLUMNS": "100"}
        timed_out = False
        with open(log, "wb") as output:
            process = self._start(argv, folder, env, output)
            if process is None:  # what an earlier run left still holds the process limit
                self.state.note("processes")
                return {"collected": 0, "exit_code": None, "finished": False, "output": ""}
            try:
                exit_code: int | None = process.wait(timeout)
            except subprocess.TimeoutExpired:
                timed_out, exit_code = True, None
            finally:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        with open(log, encoding="utf-8", errors="replace") as stream:
            text = stream.read(OUTPUT_EXCERPT * 2)
        text = text.replace(folder + "/", "").replace(folder, ".")
        data: dict[str, Any] = {}
        if not timed_out:
            with contextlib.suppress(OSError, ValueError), open(report, encoding="utf-8") as stream:
                data = json.load(stream)
        tests = data.get("tests") if isinstance(data.get("tests"), dict) else {}

        def message(raw: Any) -> str:
            return _short(str(raw or "").replace(folder + "/", "").replace(folder, "."))

        by_outcome: dict[str, list[Any]] = {"passed": [], "failed": [], "skipped": [], "error": []}
        for nodeid, info in (tests or {}).items():
            if isinstance(info, dict) and info.get("outcome") in by_outcome:
                name = _display(str(nodeid))
                if info["outcome"] in ("failed", "error"):
                    by_outcome[info["outcome"]].append({"name": name, "message": message(info.get("message"))})
                else:
                    by_outcome[info["outcome"]].append(name)
        errors = by_outcome["error"] + [
            {"name": _display(str(e.get("name", ""))) or "(collection)", "message": message(e.get("message"))}
            for e in data.get("errors", []) if isinstance(e, dict)
        ]
        return {
            "collected": int(data.get("collected", 0) or 0),
            "passed": by_outcome["passed"],
            "failed": by_outcome["failed"],
            "skipped": by_outcome["skipped"],
            "errors": errors,
            "exit_code": exit_code,
            "timed_out": timed_out,
            "finished": bool(data) and "exit_status" in data,
            "output": text[:OUTPUT_EXCERPT],
        }

    @staticmethod
    def _start(argv: list[str], folder: str, env: dict[str, str], output: Any) -> subprocess.Popen[bytes] | None:
        """Start a run; None if it can't be for START_SECONDS (the kernel refuses a new process while the
        ones an earlier run left still count against the limit, even killed, until they are reaped)."""
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                return subprocess.Popen(argv, cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=output,
                                        stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=confine)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return None
                reap()
                time.sleep(0.02)


class PytestKind(Kind):
    name = "pytest"
    heavy_imports = ()

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        """Nothing of the learner's runs here; a syntax error is reported now, naming the file and line."""
        for name in files:
            path = os.path.join(WORK_DIR, name)
            with open(path, encoding="utf-8") as stream:
                compile(stream.read(), path, "exec", dont_inherit=True)
        runner = SuiteRunner(files)
        return Loaded(module=None, ops={"suite.run": runner.run, "suite.sources": runner.sources})


KIND = PytestKind()
