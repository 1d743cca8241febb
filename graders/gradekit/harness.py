"""The harness: runs the hidden tests with pytest and writes one JSON line per result.

It runs in its own sandbox and never runs learner code; it talks to the subject through the
fixtures `submission` and `client`. Results go to a file descriptor the subject cannot reach; what
they carry from the subject (attachments, serial traces, its first message) is checked and capped.
"""

from __future__ import annotations

import base64
import binascii
import builtins
import contextlib
import importlib
import io
import json
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from _pytest.config import default_plugins

from gradekit.channel import Channel
from gradekit.devices import Device, make_device
from gradekit.net import Net
from gradekit.parts import QUICK_MS, SLOW_MS, deal
from gradekit.remote import (
    Connection,
    Game,
    LearnerGone,
    LearnerTimeout,
    LoadError,
    NotPlainValue,
    Submission,
    ValueTooLarge,
    http_client,
)
from gradekit.suite import Suite

TEXT_CAP = 4096
WITHHELD = "(Your code printed during this hidden check; a hidden check does not show it.)\n"
SCREEN_WITHHELD = "A hidden check does not show the screen; the examples do, when one of them fails."
TRACE_WITHHELD = "A hidden check does not show its serial trace; the examples do."
TRACE_CAP = 400  # the last events of a serial trace kept per test
TRACE_DATA_CAP = 256  # characters of one trace event's data kept
SERIAL_TRACE = "application/vnd.learnpath.serial-trace+json"
# Attachments are counted as the bytes of their event lines: one attachment, and all of a run's
# together (shared by the parts of a spread run), stay well under what the host reads (EVENTS_CAP).
ATTACHMENT_CAP = 4 * 1024 * 1024
ATTACHMENTS_CAP = 8 * 1024 * 1024
NAME_CAP = 200
NOTES_CAP = 10  # notes on left-out attachments of the run as a whole
# What the subject's first message may attach to the run as a whole (a notebook's plots and tables).
RUN_ATTACHMENT_TYPES = ("image/png", "text/html")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
HARNESS_FILES = ("gradekit/harness.py", "gradekit/remote.py", "gradekit/channel.py", "gradekit/codec.py")


# pytest plugins hidden tests have no use for (no cache or stepwise state, no doctests, no JUnit
# file, no debugger, no paste service); fewer plugins make each run cheaper.
UNUSED_PLUGINS = ("cacheprovider", "stepwise", "doctest", "junitxml", "pastebin", "setuponly", "setupplan",
                  "faulthandler", "debugging")
# pytest imports its default plugins in every run, its argument completion and (from the capture
# plugin) readline, a C extension with two shared libraries to link; a warm harness has them
# loaded already.
for _module in (*(f"_pytest.{plugin}" for plugin in default_plugins), "_pytest._argcomplete", "readline"):
    with contextlib.suppress(ImportError):
        importlib.import_module(_module)


def cap(text: str, limit: int = TEXT_CAP) -> str:
    return text if len(text) <= limit else text[: limit - 20] + "\n… (cut)"


def test_name(item: pytest.Item) -> str:
    """The docstring's first line; parametrized cases get their case number, not their (hidden) inputs."""
    doc = getattr(getattr(item, "function", None), "__doc__", None)
    name = doc.strip().splitlines()[0].strip() if doc and doc.strip() else item.name.split("[")[0]
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        name += f" (case {callspec.indices and min(callspec.indices.values()) + 1 or 1})"
    return name


class Harness:
    """A pytest plugin object: fixtures for the learner's code and a result collector."""

    def __init__(self, connection: Connection, report_fd: int, visible: set[str], data_dir: Path,
                 part: dict[str, Any] | None = None) -> None:
        self.connection = connection
        self.part = part  # this run's share of the tests when they are spread over parallel pairs
        self.report = os.fdopen(report_fd, "w", buffering=1, encoding="utf-8")
        self.visible = visible
        self.data_dir = data_dir
        self.attachment_room = ATTACHMENTS_CAP // max(int(part["count"]) if part else 1, 1)
        self.notes: list[str] = []  # attachments of the run as a whole that were left out
        self.results: dict[str, dict[str, Any]] = {}
        self.device: Device | None = None
        self.device_stop = threading.Event()
        self.suite_cache: dict[str, Any] = {}  # runs of the learner's tests, shared by every test (pytest kind)

    def start_device(self, fd: int, name: str, options: dict[str, Any]) -> None:
        """Run the simulated device on the pty's master side for the whole session."""
        self.device = make_device(name, **options)
        self.device.start(fd, self.device_stop)

    # fixtures ------------------------------------------------------------------------------------

    @pytest.fixture
    def submission(self) -> Submission:
        return Submission(self.connection)

    @pytest.fixture
    def client(self) -> Any:
        with http_client(self.connection) as client:
            yield client

    @pytest.fixture
    def game(self) -> Game:
        return Game(self.connection)

    @pytest.fixture
    def net(self) -> Any:
        lab = Net(self.connection)
        yield lab
        lab.stop()  # each test starts with no server of the learner's running

    @pytest.fixture(name="device")
    def device_fixture(self) -> Device:
        if self.device is None:
            raise RuntimeError("this exercise has no simulated device; set [options] device")
        return self.device

    @pytest.fixture
    def suite(self, request: pytest.FixtureRequest) -> Suite:
        return Suite(self.connection, Path(str(request.path)).parent, self.data_dir, self.suite_cache)

    @pytest.fixture(name="data_dir")
    def data_dir_fixture(self) -> Path:
        return self.data_dir

    # hooks --------------------------------------------------------------------------------------

    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "points(n): points this test is worth (default 1)")
        config.addinivalue_line("markers", "reveal: show pytest's full assertion detail for this hidden test")

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        order = {item.nodeid: position for position, item in enumerate(items)}
        if self.part:
            mine = share(items, self.part)
            config.hook.pytest_deselected(items=[item for item in items if item not in mine])
            items[:] = mine
        for item in items:  # with what a placeholder needs, should the run stop before the test
            self.emit({"event": "collected", "id": item.nodeid, "name": test_name(item), "order": order[item.nodeid],
                       "max_points": points_of(item), "visible": self.is_visible(item)})
        # Tests that show the learner's output and errors run before those that do not (the report
        # keeps the order above): the learner's process lives through every test, so a hidden test's
        # inputs it kept could otherwise come out in a later test that shows them.
        items.sort(key=lambda item: not self.reveals(item))

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self.connection.begin_test(self.reveals(item))
        if self.device is not None:  # each test starts with a clean record and no faults
            with self.device.lock:
                self.device.trace.clear()
            self.device.faults.clear()
        item.stash[START] = time.monotonic()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        if (report.when == "call" or report.failed or report.skipped) and item.nodeid not in self.results:
            self.record(item, report, call)
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.emit({"event": "collect_error", "id": report.nodeid, "message": cap(str(report.longrepr))})

    def pytest_sessionfinish(self) -> None:
        hello = self.connection.hello or {}
        artifacts = hello.get("artifacts")
        for artifact in artifacts if type(artifacts) is list else []:
            note = self.attach_run_artifact(artifact)
            if note and note not in self.notes and len(self.notes) < NOTES_CAP:
                self.notes.append(note)
        self.emit({
            "event": "done",
            "subject": {
                "loaded": hello.get("ok") is True,
                "error": hello.get("error"),  # checked by the connection when the hello came
                "cause": self.connection.cause,
            },
            "notes": self.notes,
        })
        self.report.close()

    def reveals(self, item: pytest.Item) -> bool:
        """Visible tests, and hidden ones the author marked `reveal`, show full detail."""
        return self.is_visible(item) or item.get_closest_marker("reveal") is not None

    def is_visible(self, item: pytest.Item) -> bool:
        """Is the test in a file the exercise lists as visible?"""
        return Path(str(item.path)).name in self.visible

    # results ------------------------------------------------------------------------------------

    def record(self, item: pytest.Item, report: pytest.TestReport, call: pytest.CallInfo[None]) -> None:
        max_points = points_of(item)
        visible, shown = self.is_visible(item), self.reveals(item)
        status, message, cause, during = "pass", "", None, None
        output = "".join(self.connection.output)
        if report.skipped:
            status = "skipped"
            message = str(call.excinfo.value) if call.excinfo else ""
        elif report.failed:
            status = "fail"
            exc = call.excinfo.value if call.excinfo else None
            lost = self.connection.lost
            if lost is not None and exc is not lost and type(lost).__name__ in str(exc):
                exc = lost  # a check that caught every exception named the harness's: the loss is the cause
            message, cause, extra = explain(exc, shown, report)
            output = output + extra
            during = exc.during if isinstance(exc, LearnerGone) else None
        if self.connection.withheld:
            output += WITHHELD
        result = {
            "event": "test",
            "id": item.nodeid,
            "name": test_name(item),
            "status": status,
            "points": max_points if status == "pass" else 0,
            "max_points": max_points,
            "visible": visible,
            "message": cap(message),
            "output": cap(output),
            "duration_ms": int((time.monotonic() - item.stash.get(START, time.monotonic())) * 1000),
            "cause": cause,
            "during": during,  # when the learner's program was lost, for a report that knows why
        }
        notes = []
        # A frame is drawn by the learner's code from the test's inputs, and a trace is what the
        # device was made to send: a hidden test shows neither unless its author marks it `reveal`.
        game = self.started_game(item)
        if status == "fail" and game is not None:
            notes.append(self.attach_frame(item, game) if shown else SCREEN_WITHHELD)
        trace = [cut_trace_event(event) for event in self.device.record()[-TRACE_CAP:]] if self.device else []
        if trace and shown:
            data = base64.b64encode(json.dumps(trace).encode()).decode()  # artifacts' data is base64
            notes.append(self.attach(f"{item.name}-serial.json", SERIAL_TRACE, item.nodeid, data))
        elif trace and status == "fail":
            notes.append(TRACE_WITHHELD)
        note = "\n".join(filter(None, notes))
        if note:
            result["message"] = f"{cap(message, TEXT_CAP - len(note) - 1)}\n{note}".lstrip("\n")
        self.results[item.nodeid] = result
        self.emit(result)

    def started_game(self, item: pytest.Item) -> Game | None:
        """The game a game test started, if the channel to it still works."""
        game = getattr(item, "funcargs", {}).get("game")
        return game if isinstance(game, Game) and game.started and not self.connection.broken else None

    def attach_frame(self, item: pytest.Item, game: Game) -> str:
        """A failed game test shows the screen as it was when the test failed; a note if it cannot."""
        try:
            png = game.frame()
        except Exception:  # the game may be the reason the test failed; the verdict stands without a frame
            return ""
        name = f"{item.name.replace('/', '_')}.png"
        if not png.startswith(PNG_SIGNATURE):
            return f"The screen was not attached: {name} is not a PNG image."
        return self.attach(name, "image/png", item.nodeid, base64.b64encode(png).decode())

    def attach_run_artifact(self, artifact: Any) -> str:
        """Forward one attachment of the subject's first message when it has the shape a kind gives it."""
        if type(artifact) is not dict or type(artifact.get("name")) is not str or type(artifact.get("data")) is not str:
            return "An attachment of your run was left out: it was not a named piece of text."
        name, media_type, data = artifact["name"][:NAME_CAP], artifact.get("media_type"), artifact["data"]
        if media_type not in RUN_ATTACHMENT_TYPES:
            return f"The attachment {name} was left out: its type is not one of {', '.join(RUN_ATTACHMENT_TYPES)}."
        if media_type == "image/png" and not is_png(data):
            return f"The attachment {name} was left out: it is not a PNG image in base64."
        return self.attach(name, str(media_type), None, data)

    def attach(self, name: str, media_type: str, test: str | None, data: str) -> str:
        """Emit an attachment, or leave it out and say why when it would make the run's record too large."""
        line = json.dumps({"event": "artifact", "name": name, "media_type": media_type, "test": test, "data": data})
        size = len(line) + 1  # ASCII: json.dumps escapes every other character
        if size > ATTACHMENT_CAP:
            return (f"The attachment {name} was left out: at {size / 2**20:.1f} MB it is over the "
                    f"{ATTACHMENT_CAP // 2**20} MB an attachment may take.")
        if size > self.attachment_room:
            return (f"The attachment {name} was left out: the attachments of this run are over the "
                    f"{ATTACHMENTS_CAP // 2**20} MB they may take together.")
        self.attachment_room -= size
        self.report.write(line + "\n")
        return ""

    def emit(self, event: dict[str, Any]) -> None:
        self.report.write(json.dumps(event, default=str) + "\n")


START = pytest.StashKey[float]()


def cut_trace_event(event: dict[str, Any]) -> dict[str, Any]:
    """A serial trace event with its data cut to TRACE_DATA_CAP characters, saying how much was left out."""
    data = event.get("data")
    if isinstance(data, str) and len(data) > TRACE_DATA_CAP:
        event["data"] = f"{data[:TRACE_DATA_CAP]}… ({len(data) - TRACE_DATA_CAP} more bytes)"
    return event


def is_png(data: str) -> bool:
    """Is `data` base64 text of a PNG image?"""
    if BASE64.fullmatch(data) is None or len(data) % 4:
        return False
    try:
        return base64.b64decode(data[:12], validate=True).startswith(PNG_SIGNATURE)
    except binascii.Error:
        return False


def share(items: list[pytest.Item], part: dict[str, Any]) -> list[pytest.Item]:
    """This part's tests, dealt by expected time as every other part deals them (`gradekit.parts`)."""
    known = part.get("weights") or {}

    def expected(item: pytest.Item) -> float:
        if item.nodeid in known:  # 0 ms too: the host planned the parts counting it as quick
            return float(known[item.nodeid])
        return float(SLOW_MS if part["spread"] in getattr(item, "fixturenames", ()) else QUICK_MS)

    owner = deal([expected(item) for item in items], int(part["count"]))
    return [item for item, index in zip(items, owner, strict=True) if index == int(part["index"])]


def points_of(item: pytest.Item) -> int | float:
    """What the test is worth: its `points` marker, or 1."""
    marker = item.get_closest_marker("points")
    max_points = marker.args[0] if marker and marker.args else 1
    if isinstance(max_points, bool) or not isinstance(max_points, int | float) or max_points < 0:
        return 1
    return max_points


def explain(exc: BaseException | None, reveal: bool, report: pytest.TestReport) -> tuple[str, str | None, str]:
    """The learner-facing message, the cause (timeout/crashed/...) and extra output for a failure."""
    if exc is None:
        return "This check failed.", None, ""
    learner = getattr(exc, "learner_error", None)
    if learner and reveal:
        message = f"{learner['what']} raised {learner['type']}"
        message += f": {learner['message']}" if learner["message"] else ""
        return message, None, learner["traceback"]
    if learner:
        # The learner's code had the hidden inputs: its message, its traceback and the name of an
        # exception class of its own could all carry them. A built-in type's name is safe to show.
        builtin = getattr(builtins, str(learner["type"]), None)
        kind = learner["type"] if isinstance(builtin, type) and issubclass(builtin, BaseException) else "an exception"
        return (f"{learner['what']} raised {kind}. A hidden check does not show the exception's message or "
                "traceback; call your code with inputs like the check's to see them."), None, ""
    if isinstance(exc, LearnerTimeout):
        return str(exc), "timeout", ""
    if isinstance(exc, LearnerGone):
        return str(exc), "crashed", ""
    if isinstance(exc, LoadError):
        # A TimeoutError while loading is a wait that never ended (a notebook cell past its limit).
        cause = {"SyntaxError": "syntax_error", "TimeoutError": "timeout"}.get(str(exc.error.get("type")), "crashed")
        return str(exc), cause, str(exc.error.get("traceback", ""))
    if isinstance(exc, pytest.fail.Exception):
        text = str(exc.msg or "This check failed.")
        if text.startswith("DID NOT RAISE "):
            text = f"Expected {text.removeprefix('DID NOT RAISE ')} to be raised, but nothing was raised."
        return text, None, ""
    if isinstance(exc, NotPlainValue | ValueTooLarge):
        return str(exc), None, ""
    if isinstance(exc, AssertionError):
        text = str(exc)
        if reveal:
            return text or "This check failed.", None, ""
        custom = "" if text.startswith("assert ") else text.split("\nassert ")[0]
        return custom.strip() or "This check failed.", None, ""
    if reveal:
        return f"{type(exc).__name__}: {exc}", None, ""
    return f"The check could not finish ({type(exc).__name__}); your result may have the wrong shape or type.", None, ""


# What a rehearsal run exercises: the pytest features hidden tests use, passing and failing.
REHEARSAL = """
import pytest

@pytest.fixture
def numbers():
    yield [3, 1, 2]

@pytest.mark.parametrize("value, expected", [(1, 2), (2, 4)])
def test_double(value, expected):
    assert value * 2 == expected

def test_fixture(numbers):
    assert sorted(numbers) == [1, 2, 3] and sum(numbers) == pytest.approx(6.0)

def test_raises():
    with pytest.raises(ZeroDivisionError):
        1 / 0

def test_fails():
    assert {"a": [1, 2]} == {"a": [1, 3]}, "a rehearsed failure"
"""


def rehearse() -> int:
    """Run pytest once, as a job would, on a test of the harness's own (no learner code, no channel).

    A template that forks the harness for each job does this before it forks: pytest's work on its
    first run in a process (lazy imports, compiled patterns, hook callers, the interpreter's
    specialised bytecode) is then done once, not in every job. Gives pytest's exit code: tests
    failed, as one rehearsed test fails on purpose.
    """
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "test_rehearsal.py").write_text(REHEARSAL)
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            code = pytest.main(_pytest_args([f"{folder}/test_rehearsal.py"]), plugins=[])
    if code != pytest.ExitCode.TESTS_FAILED:  # one rehearsed test fails on purpose
        print(f"the harness rehearsal ended with {code!r}:\n{output.getvalue()[-2000:]}", file=sys.stderr)
    # The rehearsal's own test module (and the package pytest named after its folder) go; what
    # pytest imported stays, that is the point.
    for name in [name for name in sys.modules if name.split(".")[0] in (Path(folder).name, "test_rehearsal")]:
        del sys.modules[name]
    return int(code)


def no_empty_array_is_close() -> None:
    """Make an array with no elements equal no `pytest.approx` value.

    pytest compares `approx(0.5)` with an array element by element, and every one of no elements is
    close: `approx(0.5) == numpy.array([])` holds. The learner's code could return an empty array for
    any number a check compares with `approx` (alone, or in a list or dict) and pass it.
    """
    scalar = type(pytest.approx(0.0))
    compare = scalar.__eq__
    if getattr(compare, "no_empty_arrays", False):
        return

    def __eq__(self: Any, actual: Any) -> bool:  # noqa: N807 - it replaces the method
        if getattr(actual, "ndim", 0) and getattr(actual, "size", None) == 0:
            return False
        return compare(self, actual)

    __eq__.no_empty_arrays = True  # type: ignore[attr-defined]
    scalar.__eq__ = __eq__  # type: ignore[method-assign]


def _pytest_args(tests: list[str]) -> list[str]:
    off = [arg for plugin in UNUSED_PLUGINS for arg in ("-p", f"no:{plugin}")]
    return ["-q", *off, "--no-header", "-rN", "--import-mode=importlib", "-o", "python_files=test_*.py",
            "-o", "console_output_style=classic", *tests]


def run(channel_fd: int, report_fd: int, tests: list[str], visible: list[str], data_dir: str,
        call_timeout: float, load_timeout: float, serial_fd: int | None = None, device: str | None = None,
        device_options: dict[str, Any] | None = None, part: dict[str, Any] | None = None) -> int:
    """Run pytest on the hidden tests (or `part` of them) with the harness plugin; results go to `report_fd`."""
    no_empty_array_is_close()
    connection = Connection(Channel.from_fd(channel_fd), call_timeout, load_timeout)
    plugin = Harness(connection, report_fd, set(visible), Path(data_dir), part)
    if serial_fd is not None and device:
        plugin.start_device(serial_fd, device, device_options or {})
    return int(pytest.main(_pytest_args(tests), plugins=[plugin]))
