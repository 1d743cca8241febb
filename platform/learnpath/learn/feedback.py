"""Shaping a report's artifacts for the feedback panel: images inline, serial traces as timelines."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

from learnpath.learn import bp

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
SERIAL_TRACE_TYPE = "application/vnd.learnpath.serial-trace+json"
MAX_TRACE_ROWS = 500


@dataclass(frozen=True)
class TraceRow:
    """One line of a serial trace: when, which way ("rx" or "tx", as the grader's device logged it), what, any fault."""

    t: str
    direction: str
    data: str
    fault: str


@dataclass
class Artifacts:
    """A report's artifacts grouped by the test they belong to ("" for the run as a whole)."""

    images: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    traces: dict[str, list[tuple[str, list[TraceRow], bool]]] = field(default_factory=dict)
    others: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def serial_trace(data: str) -> tuple[list[TraceRow], bool]:
    """The rows of a base64 serial trace and whether it was cut; an unreadable trace has no rows."""
    try:
        events = json.loads(base64.b64decode(data, validate=True))
    except (binascii.Error, ValueError, TypeError):
        return [], False
    if not isinstance(events, list):
        return [], False
    rows = [
        TraceRow(
            t=_text(event.get("t")),
            direction=event.get("dir") if event.get("dir") in ("rx", "tx") else "?",
            data=_text(event.get("data")),
            fault=_text(event.get("fault")),
        )
        for event in events[:MAX_TRACE_ROWS]
        if isinstance(event, dict)
    ]
    return rows, len(events) > MAX_TRACE_ROWS


def _text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)


@bp.app_template_filter("artifacts")
def group_artifacts(report: dict[str, Any]) -> Artifacts:
    tests = {str(test.get("id")) for test in report.get("tests") or []}
    grouped = Artifacts()
    for artifact in report.get("artifacts") or []:
        if not isinstance(artifact, dict):
            continue
        owner = str(artifact.get("test")) if str(artifact.get("test")) in tests else ""
        media_type = artifact.get("media_type")
        if media_type in IMAGE_TYPES and isinstance(artifact.get("data"), str):
            grouped.images.setdefault(owner, []).append(artifact)
        elif media_type == SERIAL_TRACE_TYPE:
            rows, cut = serial_trace(str(artifact.get("data") or ""))
            grouped.traces.setdefault(owner, []).append((str(artifact.get("name") or "serial trace"), rows, cut))
        else:
            grouped.others.setdefault(owner, []).append(artifact)
    return grouped
