"""Sandbox backends: one module per backend, each a `Sandbox` subclass registered in BACKENDS.

Contract (`Sandbox.start`): run `spec.argv` with only `spec.binds` visible read-only, `spec.files`
written into a fresh size-capped work folder, the descriptors in `spec.pass_fds` inherited, no
network, no capabilities, a non-root uid, an empty environment but `spec.env`, and the limits in
`spec.limits`. The returned `Run` is waited on, killed and cleaned up by the caller; every limit hit
is reported through `Run.outcome()`, never raised.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gradekit.background import in_background
from gradekit.settings import Settings
from gradekit.spec import Limits

WORK_DIR = "/home/learner"


@dataclass
class SandboxSpec:
    """What to run in one sandbox."""

    role: str  # "harness" or "subject"
    argv: list[str]
    limits: Limits
    binds: list[tuple[str, str]] = field(default_factory=list)  # (host path, sandbox path), read-only
    files: dict[str, bytes] = field(default_factory=dict)  # sandbox path -> content, in the work folder
    pass_fds: tuple[int, ...] = ()
    writable: list[str] = field(default_factory=list)  # extra size-capped tmpfs folders
    devices: list[tuple[str, str]] = field(default_factory=list)  # (host device node, sandbox path)
    masks: list[str] = field(default_factory=list)  # folders inside binds hidden behind an empty tmpfs
    image: str = ""  # the runtime this spec needs (the exercise kind), for container backends
    env: dict[str, str] = field(default_factory=dict)
    # Capabilities the first process keeps inside its namespaces: only a fork-server template, which
    # drops them all in each job process before any learner code runs (gradekit.zygote).
    capabilities: tuple[str, ...] = ()
    # Niceness of a sandbox started ahead of time, so that its warm-up yields the CPU to running
    # gradings; `Run.prioritize` lifts it when its job comes.
    nice: int = 0


def process_tree(root: int) -> dict[int, list[int]]:
    """`root` and every process under it, each with its threads' ids, read from /proc (gone ones skipped)."""
    found: dict[int, list[int]] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        found[pid] = []
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{pid}/task").iterdir():
                found[pid].append(int(task.name))
                with contextlib.suppress(OSError):
                    todo += [int(child) for child in (task / "children").read_text().split()]
    return found


@dataclass
class Outcome:
    """How a sandboxed run ended."""

    exit_code: int | None = None  # None while running; negative for a signal
    timed_out: bool = False
    memory_exceeded: bool = False
    output_exceeded: bool = False
    output: str = ""


class CappedOutput:
    """Reads a sandbox's output from `fd` in the background, keeping `cap` bytes; `on_exceeded` runs once past it."""

    def __init__(self, fd: int, cap: int, on_exceeded: Callable[[], None]) -> None:
        self.fd = fd
        self.cap = cap
        self.on_exceeded = on_exceeded
        self.buffer = bytearray()
        self.exceeded = False
        self.reader = in_background(self._read)

    def _read(self) -> None:
        while chunk := os.read(self.fd, 65536):
            room = self.cap - len(self.buffer)
            self.buffer += chunk[: max(room, 0)]
            if len(chunk) > room and not self.exceeded:
                self.exceeded = True
                self.on_exceeded()

    def join(self) -> None:
        self.reader.join(timeout=2)

    def text(self) -> str:
        return self.buffer.decode("utf-8", "replace")


class Run:
    """A started sandbox."""

    def wait(self, timeout: float | None) -> int | None:
        """Wait up to `timeout` seconds; return the exit code or None if still running."""
        raise NotImplementedError

    def kill(self) -> None:
        raise NotImplementedError

    def outcome(self) -> Outcome:
        """How the run ended, or how it stands now if it is still running."""
        raise NotImplementedError

    def cleanup(self) -> None:
        """Kill whatever is left and release every resource (idempotent)."""
        raise NotImplementedError

    def prioritize(self) -> None:
        """Run at normal priority from now on (a sandbox started with `SandboxSpec.nice` runs low until then)."""


class Sandbox:
    """A sandbox backend. Subclasses implement `start`."""

    name = ""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def start(self, spec: SandboxSpec) -> Run:
        raise NotImplementedError


BACKENDS = {"bwrap": "gradekit.sandbox.bwrap:BwrapSandbox", "docker": "gradekit.sandbox.docker:DockerSandbox"}


def get_backend(settings: Settings) -> Sandbox:
    try:
        module_name, _, class_name = BACKENDS[settings.backend].partition(":")
    except KeyError:
        raise ValueError(f"unknown sandbox backend {settings.backend!r}; use one of {sorted(BACKENDS)}") from None
    backend: type[Sandbox] = getattr(importlib.import_module(module_name), class_name)
    return backend(settings)
