"""Exercise kinds: one module per kind, each defining `KIND`, found by `registered_kinds()`.

A kind says how the subject loads the learner's files (`load`) and which heavy modules a warm
sandbox should import ahead of time. The harness side is the same for every kind: the fixtures in
`gradekit.harness` talk to whatever the kind loaded.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from gradekit.errors import SpecError


@dataclass(frozen=True)
class Loaded:
    """What a kind loaded in the subject: the learner's module and, for web kinds, an app.

    A kind whose learner code lives in another process (a notebook's kernel) sets `bridge`, which
    answers "call", "get" and "figures" requests with a complete reply. `hello` is merged into the
    subject's first message (for example the notebook's figures, as artifacts).
    """

    module: Any
    app: Any = None
    app_protocol: str = ""  # "asgi" or "wsgi" when app is set
    client: Any = None  # an ASGI app's test client, its startup already run
    bridge: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    hello: dict[str, Any] = field(default_factory=dict)
    ops: dict[str, Callable[[dict[str, Any]], Any]] = field(default_factory=dict)  # extra requests, by op


class Kind:
    """Base class. `load` runs inside the subject sandbox, never in the harness."""

    name: str = ""
    heavy_imports: tuple[str, ...] = ()
    needs_port = False  # a serial port (pty) joins the subject to a simulated device in the harness
    forkable = True  # warm-up is imports only, so a fork server may fork its sandboxes (gradekit.forkserver)
    paced = False  # its tests mostly wait on simulated time (devices, peers), not on the CPU
    # A fixture whose tests wait on simulated time: a submission's tests are spread over parallel
    # pairs, each with its own instance of it (`gradekit.parts`).
    spread: str | None = None

    def main_module(self, files: tuple[str, ...], options: dict[str, Any]) -> str:
        module = options.get("module")
        if module:
            return str(module)
        python_files = [f for f in files if f.endswith(".py")]
        if not python_files:
            raise SpecError("exercise.toml", "files", "needs at least one .py file for this kind")
        return python_files[0][: -len(".py")]

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        module = importlib.import_module(self.main_module(files, options))
        return Loaded(module=module)

    def referee(self, options: dict[str, Any]) -> dict[str, Callable[..., Any]]:
        """The requests a referee answers from outside the learner's process (`gradekit.referee`),
        by op: a kind whose tests judge behaviour the learner's code could fake in its own process
        names them, and the subject forks before loading any learner file. No referee by default."""
        return {}

    def prepare(self) -> None:
        """Warm-up work in a pre-started subject, before any learner file exists (optional)."""


def kind_modules() -> list[str]:
    """Every kind's module (the subject looks each kind up by name, so a warm one imports them all)."""
    return [f"{__name__}.{info.name}" for info in pkgutil.iter_modules(__path__)]


@cache
def _kinds() -> dict[str, Kind]:
    found: dict[str, Kind] = {}
    for name in kind_modules():
        module = importlib.import_module(name)
        kind = getattr(module, "KIND", None)
        if isinstance(kind, Kind):
            found[kind.name] = kind
    return found


def registered_kinds() -> frozenset[str]:
    return frozenset(_kinds())


def get_kind(name: str) -> Kind:
    try:
        return _kinds()[name]
    except KeyError:
        raise SpecError("exercise.toml", "kind", f"{name!r} is not a known kind") from None
