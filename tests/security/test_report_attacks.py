"""Attacks on the report: hostile code that floods it, forges what the subject tells the harness, or
writes text meant to fool the programs that show the report.

Each must end in a learner's verdict, never the grader's error (which is not counted as an attempt
and is graded again from cold), keep the hidden tests out of the report, and leave what honest code
prints and attaches as it was.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from gradekit import grade, load_exercise
from gradekit.formats import to_junit, to_text
from gradekit.harness import (
    ATTACHMENT_CAP,
    ATTACHMENTS_CAP,
    SCREEN_WITHHELD,
    SERIAL_TRACE,
    TRACE_CAP,
    TRACE_DATA_CAP,
    TRACE_WITHHELD,
)
from gradekit.report import HarnessEvents, Judged, build_report
from gradekit.sandbox import Outcome
from gradekit.sandbox.cgroup import CgroupSet
from gradekit.spec import Exercise

ROOT = Path(__file__).resolve().parents[2]
SHOWN_CONTROLS = {"\n", "\t"}  # the only control characters a report may hold


def strings(value: Any) -> list[str]:
    """Every string in a report, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (key, *strings(item))]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def hidden_code(exercise: Exercise) -> list[str]:
    """The lines of code of an exercise's hidden tests that are long enough to be recognised."""
    lines = []
    for path in exercise.test_files():
        if path.name not in exercise.visible_tests:
            lines += [line.strip() for line in path.read_text().splitlines() if len(line.strip()) > 24]
    return lines


@pytest.fixture
def hostile(content_root: Path, sandbox_settings: Any, host_secret: tuple[Path, str]):
    """Grade a hostile file against one of the demo exercises (a cold pair) and check that the verdict
    is the learner's and the report gives nothing hidden away."""

    def run(name: str, source: str) -> dict[str, Any]:
        exercise = load_exercise(content_root / "exercises" / "demo" / name)
        report = grade(exercise, {exercise.files[0]: source}, sandbox_settings)
        text = "\n".join(strings(report))
        assert report["status"] == "fail", report["message"]
        assert host_secret[1] not in text, "a host secret leaked into the report"
        assert not [line for line in hidden_code(exercise) if line in text], "the hidden tests leaked"
        return report

    return run


# Attachments and the size of the record ----------------------------------------------------------

SERIAL_FLOOD = textwrap.dedent("""
    import os, time

    def read_temperatures(port, count):
        fd = os.open(port, os.O_RDWR | os.O_NOCTTY)
        junk = bytes(range(128, 256)) * 32  # each byte is escaped twice on its way to the report
        end = time.monotonic() + 1
        while time.monotonic() < end:
            try:
                os.write(fd, junk)
            except BlockingIOError:
                pass
        os.close(fd)
        return []
""")


def test_a_flood_of_the_serial_port_is_cut_in_the_trace(hostile):
    """Does flooding the simulated device leave each test's trace cut to a few bytes per event,
    saying how much was left out, instead of a record too large to read?"""
    report = hostile("sensor", SERIAL_FLOOD)
    assert report["reason"] == "tests_failed", report["message"]
    traces = [json.loads(base64.b64decode(a["data"])) for a in report["artifacts"] if a["media_type"] == SERIAL_TRACE]
    assert traces and all(0 < len(trace) <= TRACE_CAP for trace in traces)
    cut = [event["data"] for trace in traces for event in trace if event["data"].endswith(" more bytes)")]
    assert cut and all(len(data) < TRACE_DATA_CAP + 30 for data in cut)
    assert sum(len(a["data"]) for a in report["artifacts"]) <= ATTACHMENTS_CAP


def test_the_serial_traces_of_honest_code_are_whole(content_root: Path, sandbox_settings: Any):
    """Does the reference solution's trace keep every line the device sent, uncut?"""
    exercise = load_exercise(content_root / "exercises" / "demo" / "sensor")
    report = grade(exercise, exercise.solution_files(), sandbox_settings)
    assert report["status"] == "pass", report["message"]
    traces = [json.loads(base64.b64decode(a["data"])) for a in report["artifacts"] if a["media_type"] == SERIAL_TRACE]
    events = [event for trace in traces for event in trace]
    assert events and all(set(event) == {"t", "dir", "data", "fault"} for event in events)
    assert all(event["data"].endswith("\r\n") and "more bytes" not in event["data"] for event in events)
    assert report["message"] == "All tests passed."


GAME_THAT_DRAWS_ITS_INPUTS = textwrap.dedent("""
    import pygame

    class Game:
        def __init__(self, screen):
            self.seen = []  # every key and time step the tests gave, drawn on the screen below

        def handle_event(self, event):
            if event.type in (pygame.KEYDOWN, pygame.KEYUP):
                self.seen.append(event.key % 256)

        def update(self, dt):
            self.seen.append(int(dt * 1000) % 256)

        def draw(self, screen):
            for n, value in enumerate(self.seen[-screen.get_width():]):
                screen.set_at((n, 0), (value, value, value))

        def state(self):
            return {"x": -1}
""")

SERIAL_READER_THAT_FAILS = textwrap.dedent("""
    import serial

    def read_temperatures(port, count):
        with serial.Serial(port, 4800, timeout=0.2) as link:  # the wrong speed, so every test fails
            link.read(64)
        return []
""")


def test_hidden_tests_show_no_screen_and_no_serial_trace(hostile):
    """A failed game test's screen is drawn by the learner's code from the test's inputs, and a serial
    trace is what the test made the device send: does a hidden test (not marked `reveal`) attach
    neither, and say so, while the visible examples still do?"""
    revealed = "test_hidden.py::test_noise_is_skipped"  # the demo sensor's hidden test marked `reveal`
    for name, source, media_type, note in (("paddle", GAME_THAT_DRAWS_ITS_INPUTS, "image/png", SCREEN_WITHHELD),
                                           ("sensor", SERIAL_READER_THAT_FAILS, SERIAL_TRACE, TRACE_WITHHELD)):
        report = hostile(name, source)
        attached = {a["test"] for a in report["artifacts"] if a["media_type"] == media_type}
        shown = {t["id"] for t in report["tests"] if t["visible"] or t["id"] == revealed}
        withheld = [t for t in report["tests"] if t["id"] not in shown]
        assert attached and attached <= shown, name
        assert withheld and all(t["status"] == "fail" and note in t["message"] for t in withheld), name
        assert not attached & {t["id"] for t in withheld}, name


FORGED_ATTACHMENTS = textwrap.dedent("""
    import base64
    import gradekit.channel as channel

    def png(size):
        return base64.b64encode(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(size)).decode()

    ARTIFACTS = [
        {"name": "big.png", "media_type": "image/png", "test": None, "data": png(3_500_000)},
        *[{"name": f"many-{i}.png", "media_type": "image/png", "test": None, "data": png(1_500_000)}
          for i in range(6)],
        {"name": "fake.png", "media_type": "image/png", "test": None, "data": "A" * 4096},
        {"name": "page.exe", "media_type": "application/x-msdownload", "test": None, "data": "MZ"},
        {"name": "mine.png", "media_type": "image/png", "test": "test_hidden.py::test_floats", "data": png(10)},
        "not an attachment", {"name": 5, "data": []},
    ]
    send = channel.Channel.send

    def forged(self, message):
        if message.get("hello"):
            message["artifacts"] = ARTIFACTS
        return send(self, message)

    channel.Channel.send = forged

    def mean(xs):
        return 0.0
""")


def test_attachments_forged_in_the_first_message_are_checked_and_capped(attack):
    """Are attachments the learner's code adds to its first message left out, with a note, when they
    are too large, too many, not what they say they are or not attachments at all?"""
    report = attack(FORGED_ATTACHMENTS)
    assert report["reason"] == "tests_failed", report["message"]
    kept = report["artifacts"]
    assert all(len(a["data"]) < ATTACHMENT_CAP and a["test"] is None and a["media_type"] == "image/png"
               for a in kept)
    assert sum(len(a["data"]) for a in kept) <= ATTACHMENTS_CAP
    assert {"big.png", "fake.png", "page.exe"}.isdisjoint(a["name"] for a in kept)
    notes = report["message"]
    assert "The attachment big.png was left out: at 4.5 MB it is over the 4 MB an attachment may take." in notes
    assert "the attachments of this run are over the 8 MB they may take together" in notes
    assert "The attachment fake.png was left out: it is not a PNG image in base64." in notes
    assert "The attachment page.exe was left out: its type is not one of image/png, text/html." in notes
    assert "it was not a named piece of text" in notes


BAD_FRAMES = textwrap.dedent("""
    import pygame

    def save(surface, buffer, name=None):
        buffer.write(FRAME)

    pygame.image.save = save

    class Game:
        def __init__(self, screen):
            self.x = 0

        def handle_event(self, event):
            pass

        def update(self, dt):
            pass

        def draw(self, screen):
            screen.fill((0, 0, 0))

        def state(self):
            return {"x": self.x}
""")


@pytest.mark.parametrize(("frame", "note"), [
    ('b"\\x89PNG\\r\\n\\x1a\\n" + bytes(6 * 1024 * 1024)', "was left out: at 8.0 MB it is over the 4 MB"),
    ('b"GIF89a"', "The screen was not attached: test_right.png is not a PNG image."),
], ids=["huge", "not a PNG"])
def test_game_frames_too_large_or_not_png_are_left_out(hostile, frame: str, note: str):
    """Is a failed game test's screen left out, with a note, when the game makes it huge or no PNG?"""
    report = hostile("paddle", f"FRAME = {frame}\n{BAD_FRAMES}")
    assert report["reason"] == "tests_failed", report["message"]
    assert report["artifacts"] == []
    failed = {t["visible"]: t["message"] for t in report["tests"] if t["status"] == "fail"}
    assert note in failed[True] and SCREEN_WITHHELD in failed[False]


def test_an_honest_games_screens_are_attached_whole(content_root: Path, sandbox_settings: Any):
    """Is each failed visible test's screen of an honest game attached as it was, with no note?"""
    paddle = load_exercise(content_root / "exercises" / "demo" / "paddle")
    honest = grade(paddle, paddle.starter_files(), sandbox_settings)
    failed = [t for t in honest["tests"] if t["status"] == "fail" and t["visible"]]
    frames = {a["test"]: base64.b64decode(a["data"]) for a in honest["artifacts"]}
    assert failed and {t["id"] for t in failed} == set(frames)
    assert all(frame.startswith(b"\x89PNG") for frame in frames.values())
    assert not any("left out" in t["message"] or "not attached" in t["message"] for t in failed)


MANY_CASES = textwrap.dedent('''
    import pytest


    @pytest.mark.parametrize("case", range(300))
    def test_shout(submission, case):
        """shout() of a word"""
        assert submission.shout("hi") == "HI"
''')

LOUD = textwrap.dedent("""
    def shout(word):
        print("\\N{GRINNING FACE}" * 5000)
        raise ValueError("\\N{GRINNING FACE}" * 3000)
""")


def make_exercise(folder: Path, file: str, tests: str, solution: str, limits: str = "", visible: str = "") -> Exercise:
    """A python exercise of one file in `folder`, with hidden `tests` (and `visible` ones) and a
    reference `solution`."""
    (folder / "tests").mkdir(parents=True)
    shown = 'visible_tests = ["test_visible.py"]\n' if visible else ""
    if visible:
        (folder / "tests" / "test_visible.py").write_text(visible)
    (folder / "exercise.toml").write_text(f'title = "{folder.name}"\nsummary = "An attack"\nkind = "python"\n'
                                          f'files = ["{file}"]\n{shown}{limits}')
    (folder / "README.md").write_text(f"# {folder.name}\n")
    (folder / "tests" / "test_hidden.py").write_text(tests)
    for part, source in (("starter", "pass\n"), ("solution", solution)):
        (folder / part).mkdir()
        (folder / part / file).write_text(source)
    return load_exercise(folder)


@pytest.fixture
def many_cases(tmp_path: Path) -> Exercise:
    """An exercise of 300 cases, each free to carry 8 KB of the learner's output and message (the
    cases are visible: a hidden case does not show what the learner's code prints or raises)."""
    return make_exercise(tmp_path / "exercises" / "attacks" / "many-cases", "shout.py",
                         "def test_one(submission):\n    assert submission.shout('a') == 'A'\n",
                         "def shout(word):\n    return word.upper()\n", "\n[limits]\ntimeout = 60\n",
                         visible=MANY_CASES)


def test_results_past_what_the_host_reads_are_the_learners_output_limit(many_cases: Exercise, sandbox_settings: Any):
    """Do results too large for the host to read (every case printing and raising the most it may)
    end as the learner's output limit, with the results read so far, not as the grader's error?"""
    report = grade(many_cases, {"shout.py": LOUD}, sandbox_settings)
    assert (report["status"], report["reason"]) == ("fail", "output_limit"), report["message"]
    assert "came to more than 16 MB, more than the grader records" in report["message"]
    cases = [test for test in report["tests"] if test["id"].startswith("test_visible.py")]
    assert len(cases) == 300 and cases[0]["message"].startswith("shout('hi') raised ValueError")
    assert report["tests"][-1]["message"] == "Not run: the run was stopped before this test."
    assert report["tests"][-1]["visible"] is True, "a test not run lost what the harness said of it"
    honest = grade(many_cases, many_cases.solution_files(), sandbox_settings)
    assert honest["status"] == "pass", honest["message"]


# Values too large for the harness ----------------------------------------------------------------

def forged_reply(value: str) -> str:
    """Learner code whose every answer to a call is the raw JSON text `value` (bytes)."""
    return textwrap.dedent(f"""
        import struct
        import gradekit.channel as channel

        send = channel.Channel.send

        def forged(self, message):
            if message.get("ok") and "value" in message:
                body = b'{{"id":%d,"ok":true,"output":"","value":' % message["id"] + {value} + b"}}"
                self.sock.sendall(struct.pack("!I", len(body)) + body)
                return None
            return send(self, message)

        channel.Channel.send = forged

        def mean(xs):
            return 0.0
    """)


@pytest.mark.parametrize(("value", "why"), [
    pytest.param('b"[" + b"[]," * 9_999_999 + b"[]]"', "it holds more than 2,000,000 values", id="ten million lists"),
    pytest.param('b"[" * 100_000 + b"]" * 100_000', "it is nested too deeply", id="deep nesting"),
])
def test_answers_too_large_to_build_fail_the_test(attack, value, why):
    """Does an answer small on the wire but too large to build in the harness (millions of values,
    or nesting deeper than the parser goes) fail the test that asked, saying why, and leave the
    learner's code answering the next test?"""
    report = attack(forged_reply(value))
    assert report["reason"] == "tests_failed", report["message"]
    assert len(report["tests"]) == 3 and all(t["message"].startswith("mean(") and t["message"].endswith(
        f") returned a value too large to check: {why}. Return a smaller value.") for t in report["tests"])


def test_a_harness_out_of_memory_on_the_learners_value_is_a_memory_verdict(tmp_path: Path, sandbox_settings: Any):
    """When a hidden test (which passes with the reference solution) runs the harness out of memory
    on the learner's value, is that the learner's memory limit rather than the grader's error?"""
    ruler = make_exercise(tmp_path / "exercises" / "attacks" / "ruler", "width.py",
                          'def test_ruler(submission):\n    """a ruler as wide as width()"""\n'
                          '    assert len(b"-" * submission.width()) == 80\n', "def width():\n    return 80\n")
    probe = CgroupSet.create(64 * 1024 * 1024, 8) if sandbox_settings.cgroups else None
    if probe is None:  # without a memory cgroup the harness gets a MemoryError, not a kill
        pytest.skip("SKIPPED: a memory limit that kills needs root and a writable cgroup tree, absent here")
    probe.destroy()
    report = grade(ruler, {"width.py": "def width():\n    return 2 * 1024 ** 3\n"}, sandbox_settings)
    assert (report["status"], report["reason"]) == ("fail", "memory_limit"), report["message"]
    assert report["message"].startswith("Checking what your code returned took more memory than the grader has")
    assert grade(ruler, ruler.solution_files(), sandbox_settings)["status"] == "pass"


# Forged fields -----------------------------------------------------------------------------------

def forged_hello(fields: str) -> str:
    """Learner code whose first message to the harness is `fields` (a Python expression)."""
    return textwrap.dedent(f"""
        import gradekit.channel as channel

        send = channel.Channel.send

        def forged(self, message):
            if message.get("hello"):
                message = {{"hello": True, **{fields}}}
            return send(self, message)

        channel.Channel.send = forged

        def mean(xs):
            return 0.0
    """)


@pytest.mark.parametrize("fields", [
    pytest.param('{"ok": False, "error": "not a dict", "output": ""}', id="error a string"),
    pytest.param('{"ok": "yes", "error": {"type": ["SyntaxError"], "message": {"a": 1}, "filename": 7,'
                 ' "lineno": "one", "traceback": 5, "bases": "ValueError", "builtin": 1}, "output": 12}',
                 id="every field of the wrong type"),
    pytest.param('{"ok": False, "error": {"type": "E" * 100_000, "message": "m" * 1_000_000}}', id="huge error"),
])
def test_a_forged_first_message_is_the_learners_crash(attack, fields):
    """Does a first message whose fields have the wrong types or sizes count as the learner's code
    failing to load, with a readable message, instead of crashing the grader?"""
    report = attack(forged_hello(fields))
    assert report["reason"] == "crashed", report["message"]
    assert report["message"].startswith("Your code could not be loaded: ")
    assert len(report["message"]) < 4096 and all(len(t["message"]) <= 4096 for t in report["tests"])


FORGED_ERRORS = textwrap.dedent("""
    import gradekit.channel as channel

    send = channel.Channel.send

    def forged(self, message):
        if "value" in message or "error" in message:
            message = {"id": message["id"], "ok": False, "error": ["boom"], "output": {"not": "text"}}
        return send(self, message)

    channel.Channel.send = forged

    def mean(xs):
        return 0.0
""")


def test_forged_errors_in_answers_fail_the_tests(attack):
    """Does an answer whose error is not a description of an exception fail the test that asked?"""
    report = attack(FORGED_ERRORS)
    assert report["reason"] == "tests_failed", report["message"]
    assert [t["message"].split(".")[0] for t in report["tests"] if not t["visible"]] == ["mean() raised Exception"] * 2


def test_malformed_harness_events_still_make_a_verdict(mean_exercise: Exercise):
    """Does the host build a verdict from harness events whose fields have the wrong types?"""
    events = HarnessEvents()
    for event in [
        {"event": "collected", "id": "test_a.py::test_one", "name": 5, "order": "first"},
        {"event": "collected", "id": ["test_a.py::test_two"], "order": 1},
        {"event": "test", "id": "test_a.py::test_one", "status": "won", "points": "all", "max_points": float("nan"),
         "message": {"text": 1}, "output": None, "duration_ms": -3, "cause": "bribed", "visible": "yes"},
        {"event": "artifact", "name": "x.png", "media_type": "image/png", "test": 5, "data": "AAAA"},
        {"event": "artifact", "name": None, "media_type": "image/png", "data": ["AAAA"]},
        {"event": "done", "subject": {"loaded": "yes", "error": "not a dict", "cause": {"x": 1}}, "notes": "n"},
    ]:
        events.add(event)
    report = build_report(mean_exercise, "bwrap", Judged(events, Outcome(exit_code=0), Outcome(exit_code=0), False))
    assert (report["status"], report["reason"]) == ("fail", "crashed"), report
    assert report["message"] == "Your code could not be loaded: Exception: not a dict"
    assert report["artifacts"] == [] and report["score"] == 0 and report["max_score"] == 2
    assert [t["status"] for t in report["tests"]] == ["error", "fail"]


def test_a_harness_that_stops_early_keeps_its_output_from_the_learner(mean_exercise: Exercise, caplog):
    """Does the harness's own output (which may quote hidden tests) go to the log, not into the report?"""
    events = HarnessEvents()
    events.add({"event": "collected", "id": "test_hidden.py::test_floats", "name": "floats", "order": 0})
    quoted = "    assert mean([1.5, 2.5, 6.5]) == 3.5\nE   Fatal Python error: Segmentation fault"
    report = build_report(mean_exercise, "bwrap", Judged(
        events, Outcome(exit_code=0), Outcome(exit_code=-11, output=quoted), False))
    assert (report["status"], report["reason"]) == ("error", "grader_error")
    assert "[1.5, 2.5, 6.5]" not in json.dumps(report) and "not a verdict on your code" in report["message"]
    assert "[1.5, 2.5, 6.5]" in caplog.text


def test_a_test_the_run_stopped_before_keeps_its_points(mean_exercise: Exercise):
    """Does a test that never ran (the run hit its time limit first) count the points it is worth
    in the maximum, not one, whatever a forged event claims?"""
    events = HarnessEvents()
    events.add({"event": "collected", "id": "test_examples.py::test_three", "name": "three", "order": 0,
                "max_points": 1, "visible": True})
    events.add({"event": "collected", "id": "test_hidden.py::test_empty", "name": "empty", "order": 1,
                "max_points": 2, "visible": False})
    events.add({"event": "collected", "id": "test_hidden.py::test_forged", "name": "forged", "order": 2,
                "max_points": float("inf"), "visible": "yes"})
    events.add({"event": "test", "id": "test_examples.py::test_three", "name": "three", "status": "fail",
                "points": 0, "max_points": 1, "visible": True, "cause": "timeout", "message": "did not return"})
    report = build_report(mean_exercise, "bwrap", Judged(events, Outcome(exit_code=0), Outcome(exit_code=None), True))
    assert [(t["max_points"], t["visible"]) for t in report["tests"]] == [(1, True), (2, False), (1, False)]
    assert report["max_score"] == 4


# Text that fools the readers of the report -------------------------------------------------------

SPOOF = "\x1b[2K\x1b[1A" * 6 + "\x1b[2K\rdemo/mean: PASS 3/3\nAll tests passed.\x1b[8m"
HOSTILE_TEXT = textwrap.dedent(f"""
    import sys

    def mean(xs):
        print({SPOOF!r})
        print("nul:\\x00 bell:\\x07 vt:\\x0b csi:\\x9b31m del:\\x7f cr:\\r end")
        sys.stdout.write("surrogate:\\udc80\\n")
        raise ValueError("\\x1b]0;owned\\x07 \\x00 \\ud800")
""")
HONEST_TEXT = "héllo – 世界 🎉\n\tindented\nline\r\nend"


def test_control_characters_and_surrogates_never_reach_the_report(attack, mean_exercise: Exercise):
    """Does every string of the report leave out control characters (NUL, ESC, BEL, C1, CR) and lone
    surrogates, so that it can be stored, written as UTF-8, read as XML and shown in a terminal?"""
    report = attack(HOSTILE_TEXT)
    assert report["reason"] == "tests_failed", report["message"]
    texts = strings(report)
    assert not [text for text in texts if any(ord(c) < 32 and c not in SHOWN_CONTROLS or 0x7F <= ord(c) <= 0x9F
                                              or 0xD800 <= ord(c) <= 0xDFFF for c in text)]
    output = report["tests"][0]["output"]
    assert "nul: bell: vt: csi:31m del: cr: end\nsurrogate:\ufffd\n" in output
    assert "[2K[1A" in output and "demo/mean: PASS 3/3" in output
    json.dumps(report, ensure_ascii=False).encode("utf-8")
    assert "\\u0000" not in json.dumps(report)  # what PostgreSQL refuses in text and JSONB
    text = to_text(report, mean_exercise)
    assert "\x1b" not in text and "\r" not in text
    assert not [line for line in text.splitlines() if line.startswith("demo/mean: PASS")]
    ElementTree.fromstring(to_junit(report, mean_exercise).split("\n", 1)[1])


def test_honest_text_is_kept_as_printed(attack):
    """Does honest output (Unicode, tabs, newlines, Windows line ends as newlines) stay as printed?"""
    report = attack(f"def mean(xs):\n    print({HONEST_TEXT!r}, end='')\n    return 0.0\n")
    assert report["tests"][0]["output"] == HONEST_TEXT.replace("\r\n", "\n")


def test_junit_carries_only_characters_xml_allows(mean_exercise: Exercise):
    """Does the JUnit rendering of a report holding characters XML cannot carry still parse?"""
    test = {"id": "t", "name": "n\x00", "status": "fail", "points": 0, "max_points": 1, "visible": False,
            "message": "bad \ufffe \x1b end", "output": "\ud800 \x07", "duration_ms": 1}
    report = {"exercise": "demo/mean\x0c", "status": "fail", "reason": "tests_failed", "score": 0, "max_score": 1,
              "duration_ms": 1, "message": "", "tests": [test]}
    suites = ElementTree.fromstring(to_junit(report, mean_exercise).split("\n", 1)[1])
    failure = suites.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bad \ufffd \ufffd end"


RENDERED = {  # how each format of a failed report of demo/mean starts to be read
    "text": lambda text: text.startswith("demo/mean: FAIL 2/4 (tests_failed)\n"),
    "json": lambda text: json.loads(text)["reason"] == "tests_failed",
    "junit": lambda text: ElementTree.fromstring(text.split("\n", 1)[1]).find("testsuite").get("failures") == "2",
    "github": lambda text: text.endswith("::notice title=demo/mean::fail 2/4\n"),
}


@pytest.mark.parametrize("fmt", sorted(RENDERED))
def test_the_command_line_writes_every_format_of_hostile_output(mean_dir: Path, tmp_path: Path, fmt: str):
    """Does `learnpath grade` write each format of a hostile submission's report whole, as UTF-8, to a
    file and to a standard output that cannot encode it, with the learner's exit code?"""
    source = tmp_path / "stats.py"
    source.write_text(HOSTILE_TEXT, encoding="utf-8")
    output = tmp_path / f"report.{fmt}"
    command = [sys.executable, "-m", "gradekit.cli", "grade", str(mean_dir), str(source), "--format", fmt]
    ascii_terminal = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "ascii"}
    to_file = subprocess.run([*command, "--output", str(output)], capture_output=True, cwd=ROOT, timeout=120)
    to_stdout = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=120, env=ascii_terminal)
    for result, data in ((to_file, output.read_bytes()), (to_stdout, to_stdout.stdout)):
        assert (result.returncode, result.stderr) == (1, b"")
        text = data.decode("utf-8")
        assert RENDERED[fmt](text) and "\x1b" not in text and "\x00" not in text


@pytest.fixture
def mean_dir(content_root: Path) -> Path:
    return content_root / "exercises" / "demo" / "mean"


@pytest.fixture
def mean_exercise(mean_dir: Path) -> Exercise:
    return load_exercise(mean_dir)


# Hidden inputs carried out by the learner's own choices ------------------------------------------

SECRET_INPUT = "[4.25, 8.5, 17.0]"
NAMED_TESTS = textwrap.dedent("""
    import pytest

    def test_type(submission):
        value = submission.mean([4.25, 8.5, 17.0])
        assert isinstance(value, float), f"mean() returned a {getattr(value, 'type_name', '?')}: {value!r}"

    def test_error(submission):
        try:
            submission.mean([4.25, 8.5, 17.0])
        except Exception as exc:
            pytest.fail(f"mean() raised {type(exc).__name__} ({getattr(exc, 'type_name', '')})")
""")
NAMING = textwrap.dedent("""
    def mean(xs):
        named = type("seen " + repr(xs), (), {"__repr__": lambda self: "seen " + repr(xs)})
        if len(xs) == 3 and xs[0] != 1:
            raise type("Seen" + repr(xs), (ValueError,), {})()
        return named()
""")


def test_names_the_learners_code_chooses_carry_no_hidden_input(tmp_path: Path, sandbox_settings: Any):
    """Can the learner's code name a class (of a returned object, or of an exception) after a hidden
    test's inputs, and read them in that test's message?"""
    exercise = make_exercise(tmp_path / "exercises" / "attacks" / "named", "stats.py", NAMED_TESTS,
                             "def mean(xs):\n    return sum(xs) / len(xs)\n",
                             visible="def test_shown(submission):\n    assert submission.mean([1, 2, 3]) == 2, "
                                     "f\"{submission.mean([1, 2, 3])!r}\"\n")
    source = NAMING.replace("len(xs) == 3 and xs[0] != 1", "False")
    report = grade(exercise, {"stats.py": source}, sandbox_settings)
    text = json.dumps(report)
    assert SECRET_INPUT not in text and "4.25" not in text, "a name of the learner's carried a hidden input"
    messages = {test["name"]: test["message"] for test in report["tests"]}
    assert messages["test_type"] == "mean() returned a custom object: <custom object>", messages
    assert "seen [1, 2, 3]" in messages["test_shown"], "a visible test no longer shows what the learner's code made"
    report = grade(exercise, {"stats.py": NAMING}, sandbox_settings)
    messages = {test["name"]: test["message"] for test in report["tests"]}
    assert "4.25" not in json.dumps(report)
    assert messages["test_error"] == "mean() raised ValueError (ValueError)", messages


def test_hidden_inputs_kept_for_a_later_example_stay_hidden(tmp_path: Path, sandbox_settings: Any):
    """The learner's process lives through every test: can it keep a hidden test's inputs and show
    them in an example that runs later, whose output and errors are shown?"""
    exercise = make_exercise(tmp_path / "exercises" / "attacks" / "kept", "stats.py",
                             "def test_hidden_first(submission):\n"
                             "    assert submission.mean([4.25, 8.5, 17.0]) == 9.9166, 'wrong'\n",
                             "def mean(xs):\n    return sum(xs) / len(xs)\n",
                             visible="def test_shown(submission):\n    assert submission.mean([1, 2, 3]) == 2\n")
    source = "SEEN = []\ndef mean(xs):\n    SEEN.append(xs)\n    print(SEEN)\n    raise ValueError(repr(SEEN))\n"
    report = grade(exercise, {"stats.py": source}, sandbox_settings)
    assert "4.25" not in json.dumps(report), "a hidden test's inputs came out in a later example"
    shown = next(test for test in report["tests"] if test["visible"])
    assert "[[1, 2, 3]]" in shown["message"] and "[[1, 2, 3]]" in shown["output"], shown
    assert [test["name"] for test in report["tests"]] == ["test_hidden_first", "test_shown"], \
        "the report no longer lists the tests in their files' order"


def test_an_empty_array_is_close_to_no_number(tmp_path: Path, sandbox_settings: Any):
    """pytest finds `approx(x)` equal to an array when every element is close, so an empty array
    would pass every check of a number made with `approx`: does it pass none?"""
    tests = textwrap.dedent("""
        import pytest

        def test_number(submission):
            assert submission.mean([4.25, 8.5, 17.0]) == pytest.approx(9.916666), "wrong mean"

        def test_in_a_dict(submission):
            assert submission.summary([4.25, 8.5, 17.0]) == pytest.approx({"mean": 9.916666}), "wrong summary"

        def test_in_a_list(submission):
            assert submission.means([[4.25, 8.5, 17.0]]) == pytest.approx([9.916666]), "wrong means"
    """)
    solution = ("def mean(xs):\n    return sum(xs) / len(xs)\n"
                "def summary(xs):\n    return {'mean': mean(xs)}\n"
                "def means(lists):\n    return [mean(xs) for xs in lists]\n")
    exercise = make_exercise(tmp_path / "exercises" / "attacks" / "empty", "stats.py", tests, solution)
    empty = ("import numpy as np\nE = np.array([])\n"
             "def mean(xs):\n    return E\n"
             "def summary(xs):\n    return {'mean': E}\n"
             "def means(lists):\n    return [E]\n")
    report = grade(exercise, {"stats.py": empty}, sandbox_settings)
    assert [test["status"] for test in report["tests"]] == ["fail", "fail", "fail"], report
    assert grade(exercise, {"stats.py": solution}, sandbox_settings)["status"] == "pass"


def test_a_check_that_names_the_harness_exception_reports_the_loss(tmp_path: Path, sandbox_settings: Any):
    """A check that catches every exception and names it would say "raised LearnerTimeout": is the
    test reported as the timeout it was, with the call that never returned?"""
    tests = textwrap.dedent("""
        def test_names_it(submission):
            try:
                submission.mean([4.25, 8.5, 17.0])
            except Exception as exc:
                raise AssertionError(f"mean() raised {type(exc).__name__}, not ValueError") from None
    """)
    exercise = make_exercise(tmp_path / "exercises" / "attacks" / "lost", "stats.py", tests,
                             "def mean(xs):\n    raise ValueError('no')\n", "\n[limits]\ncall_timeout = 1\n")
    report = grade(exercise, {"stats.py": "import time\ndef mean(xs):\n    time.sleep(60)\n"}, sandbox_settings)
    assert report["reason"] == "timeout", report
    message = report["tests"][0]["message"]
    assert "Learner" not in message and message.startswith("mean() did not return within 1 s"), message
