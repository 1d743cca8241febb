"""A pytest plugin that runs hidden tests in-process against a folder of learner files, no sandbox.

It is the reference point of the grading benchmark: `python -m pytest -p local` of the same tests
against the reference solution, as an author would run them by hand. It reuses gradekit's fixtures
over a direct, in-process connection.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from gradekit.kinds import get_kind
from gradekit.remote import Connection, Game, Submission, http_client
from gradekit.subject import Subject


class LocalConnection(Connection):
    """A connection whose requests are answered by a Subject in this very process."""

    def __init__(self, subject: Subject) -> None:
        super().__init__(channel=None, call_timeout=60, load_timeout=60)  # type: ignore[arg-type]
        self.subject = subject
        self.hello = {"ok": True}

    def request(self, message: dict[str, Any], what: str) -> Any:
        reply = self.subject.answer(message)
        if not reply.get("ok"):
            from gradekit.remote import learner_exception

            raise learner_exception(reply.get("error") or {}, what)
        return reply.get("value")


@pytest.fixture(scope="session")
def _connection() -> LocalConnection:
    kind = get_kind(os.environ["LOCAL_KIND"])
    sys.path.insert(0, os.getcwd())
    files = tuple(os.environ["LOCAL_FILES"].split(","))
    options: dict[str, Any] = eval(os.environ.get("LOCAL_OPTIONS", "{}"))  # noqa: S307 - the benchmark's own input
    return LocalConnection(Subject(None, kind.load(files, options)))


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
