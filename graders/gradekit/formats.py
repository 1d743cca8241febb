"""Report renderings for CI: json, junit (JUnit XML), github (workflow annotations) and text."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

from gradekit.spec import Exercise

TEXT_LINES = 20
LOCATION = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+)')
# Characters XML 1.0 cannot carry, even escaped.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_json(report: dict[str, Any], exercise: Exercise) -> str:
    return json.dumps(report, indent=2) + "\n"


def to_text(report: dict[str, Any], exercise: Exercise) -> str:
    marks = {"pass": "PASS", "fail": "FAIL", "error": "ERROR", "skipped": "SKIP"}
    lines = [f"{report['exercise']}: {report['status'].upper()} {report['score']}/{report['max_score']}"
             + (f" ({report['reason']})" if report.get("reason") else "")]
    if report.get("message"):
        lines.append(report["message"])
    for test in report["tests"]:
        lines.append(f"  {marks.get(test['status'], '?'):5} {test['name']}")
        for part in ("message", "output"):
            if test.get(part) and test["status"] != "pass":
                text = str(test[part]).splitlines()
                lines.extend("        " + line[:200] for line in text[:TEXT_LINES])
                if len(text) > TEXT_LINES:
                    lines.append(f"        … ({len(text) - TEXT_LINES} more lines)")
    return "\n".join(lines) + "\n"


def to_junit(report: dict[str, Any], exercise: Exercise) -> str:
    tests = report["tests"]
    suites = ElementTree.Element("testsuites")
    suite = ElementTree.SubElement(suites, "testsuite", {
        "name": _xml(report["exercise"]),
        "tests": str(len(tests)),
        "failures": str(sum(t["status"] == "fail" for t in tests)),
        "errors": str(sum(t["status"] == "error" for t in tests) + (report["status"] == "error")),
        "skipped": str(sum(t["status"] == "skipped" for t in tests)),
        "time": f"{report['duration_ms'] / 1000:.3f}",
    })
    for test in tests:
        case = ElementTree.SubElement(suite, "testcase", {
            "classname": _xml(report["exercise"].replace("/", ".")), "name": _xml(test["name"]),
            "time": f"{(test.get('duration_ms') or 0) / 1000:.3f}",
        })
        if test["status"] in ("fail", "error"):
            element = ElementTree.SubElement(case, "failure" if test["status"] == "fail" else "error",
                                             {"message": _xml(test.get("message") or "")})
            element.text = _xml(test.get("output") or test.get("message") or "")
        elif test["status"] == "skipped":
            ElementTree.SubElement(case, "skipped", {"message": _xml(test.get("message") or "")})
    if report["status"] == "error" or (report["status"] == "fail" and not tests):
        case = ElementTree.SubElement(suite, "testcase", {"classname": "grader", "name": "grading"})
        tag = "error" if report["status"] == "error" else "failure"
        ElementTree.SubElement(case, tag, {"message": _xml(report.get("message") or report.get("reason") or "")})
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"


def _xml(text: str) -> str:
    """`text` with each character XML cannot carry replaced by U+FFFD."""
    return NOT_XML.sub("\ufffd", str(text))


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def to_github(report: dict[str, Any], exercise: Exercise) -> str:
    """GitHub workflow commands: one annotation per failing test, on the learner's line when known."""
    lines = []
    for test in report["tests"]:
        if test["status"] not in ("fail", "error"):
            continue
        where = ""
        matches = [m for m in LOCATION.finditer(test.get("output") or "") if m["file"] in exercise.files]
        if matches:
            where = f"file={matches[-1]['file']},line={matches[-1]['line']},"
        lines.append(f"::error {where}title={_escape(test['name'])}::{_escape(test.get('message') or 'failed')}")
    if report["status"] != "pass" and (report.get("reason") != "tests_failed" or not report["tests"]):
        lines.append(f"::error title={report['exercise']}::{_escape(report.get('message') or '')}")
    lines.append(f"::notice title={report['exercise']}::{report['status']} {report['score']}/{report['max_score']}")
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[dict[str, Any], Exercise], str]] = {
    "json": to_json, "junit": to_junit, "github": to_github, "text": to_text,
}
