"""A pytest plugin that runs hidden tests in-process against a folder of learner files, no sandbox.

It is the reference point of the grading benchmark: `python -m pytest -p local` of the same tests
against the reference solution, as an author would run them by hand. It reuses gradekit's fixtures
over a direct, in-process connection. For the serial kind the simulated device runs on a local pty
(as `learnpath device` serves it), and the tests' port path names that pty.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradekit.devices import Device, make_device, on_local_pty
from gradekit.kinds import get_kind
from gradekit.kinds.serial import PORT
from gradekit.remote import Connection, Game, Submission, http_client
from gradekit.subject import Subject


class LocalConnection(Connection):
    """A connection whose requests are answered by a Subject in this very process."""

    def __init__(self, subject: Subject, port: str | None) -> None:
        super().__init__(channel=None, call_timeout=60, load_timeout=60)  # type: ignore[arg-type]
        self.subject = subject
        self.port = port
        self.hello = {"ok": True}

    def request(self, message: dict[str, Any], what: str, timeout: float | None = None) -> Any:
        """Answer `message` in this process; nothing runs apart, so there is no timeout to apply."""
        reply = self.subject.answer(_local_port(message, self.port) if self.port else message)
        if not reply.get("ok"):
            from gradekit.remote import learner_exception

            raise learner_exception(reply.get("error") or {}, what)
        return reply.get("value")


def _local_port(value: Any, port: str) -> Any:
    """`value` with every mention of the sandbox's port path replaced by the local pty's."""
    if value == PORT:
        return port
    if isinstance(value, list):
        return [_local_port(item, port) for item in value]
    if isinstance(value, dict):
        return {key: _local_port(item, port) for key, item in value.items()}
    return value


def _options() -> dict[str, Any]:
    return eval(os.environ.get("LOCAL_OPTIONS", "{}"))  # type: ignore[no-any-return]  # noqa: S307 - the benchmark's own input


@pytest.fixture(scope="session")
def _device() -> Iterator[tuple[Device, str] | None]:
    options = _options()
    if not options.get("device"):
        yield None
        return
    device = make_device(options["device"], **options.get("device_options", {}))
    with on_local_pty(device) as (port, _):
        yield device, port


@pytest.fixture(scope="session")
def _connection(_device: tuple[Device, str] | None) -> LocalConnection:
    kind = get_kind(os.environ["LOCAL_KIND"])
    sys.path.insert(0, os.getcwd())
    files = tuple(os.environ["LOCAL_FILES"].split(","))
    return LocalConnection(Subject(None, kind.load(files, _options())), _device[1] if _device else None)


@pytest.fixture
def device(_device: tuple[Device, str] | None) -> Device:
    if _device is None:
        raise RuntimeError("this exercise has no simulated device")
    found = _device[0]
    with found.lock:  # each test starts with a clean record and no faults, as in the harness
        found.trace.clear()
    found.faults.clear()
    return found


@pytest.fixture
def submission(_connection: LocalConnection) -> Submission:
    return Submission(_connection)


@pytest.fixture
def client(_connection: LocalConnection) -> Any:
    with http_client(_connection) as client:
        yield client


@pytest.fixture
def game(_connection: LocalConnection) -> Game:
    return Game(_connection)


@pytest.fixture
def data_dir() -> Path:
    return Path(os.environ["LOCAL_DATA"])


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "points(n): points")
    config.addinivalue_line("markers", "reveal: detail")
