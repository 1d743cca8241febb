"""Runs inside a notebook's kernel: answers one harness request against the notebook's variables.

Loaded by the notebook kind through a cell it executes after the learner's cells. It reuses the
subject's request handling, so notebooks answer exactly as modules do.
"""

from __future__ import annotations

import json
from typing import Any

MARK = "\x1elearnpath-reply:"
_subject: Any = None


class Namespace:
    """The kernel's user namespace, seen as a module."""

    def __init__(self, names: dict[str, Any]) -> None:
        self._names = names

    def __getattr__(self, name: str) -> Any:
        try:
            return self._names[name]
        except KeyError:
            raise AttributeError(f"the notebook defines no variable or function named {name!r}") from None


def answer(request_text: str) -> None:
    """Answer one request and print the reply after a marker the subject looks for."""
    global _subject
    if _subject is None:
        from IPython import get_ipython

        from gradekit.kinds import Loaded
        from gradekit.subject import Subject

        _subject = Subject(None, Loaded(module=Namespace(get_ipython().user_ns)))
    from gradekit.subject import harness_int_limit, unsendable

    request = json.loads(request_text)
    reply = _subject.answer(request)
    with harness_int_limit():
        try:
            text = json.dumps(reply, allow_nan=False)
        except (ValueError, RecursionError) as exc:
            text = json.dumps(unsendable(request, reply, exc))
    print(MARK + text)
