"""Runs inside a notebook's kernel: answers one harness request against the notebook's variables.

Loaded by the notebook kind through a cell it executes after the learner's cells. It reuses the
subject's request handling, so notebooks answer exactly as modules do.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any

MARK = "\x1elearnpath-reply:"
_subject: Any = None
_stdout: Any = None  # the kernel's own output stream, whatever a cell makes of sys.stdout


def prepare() -> None:
    """Run in the kernel before the learner's cells: keep the kernel's output stream for the replies
    (a cell may set `sys.stdout` to a buffer), and make `exit()` and `quit()` raise SystemExit in the
    cell that calls them. IPython's would end the kernel only after that cell, so the notebook would
    seem to load and then die during whatever request came next."""
    global _stdout
    from IPython import get_ipython

    _stdout = sys.stdout

    def ask_exit() -> None:
        raise SystemExit("the notebook called exit(); a notebook that is graded must run to its end")

    get_ipython().ask_exit = ask_exit


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
    stream: Any = _stdout or sys.stdout
    if stream is not sys.stdout:  # the kernel told only the stream in its place which request this is
        from IPython import get_ipython

        with contextlib.suppress(Exception):
            stream.set_parent(get_ipython().kernel.get_parent())
    print(MARK + text, file=stream, flush=True)
