"""Fixtures for the end-to-end tests: a real `learnpath serve` process and a learner using it over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from journey_support import Learner
from serve_support import Server


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def server(instance: Path) -> Iterator[Server]:
    running = Server(instance, workers=2)
    yield running
    running.stop()


@pytest.fixture
def learner(server: Server) -> Learner:
    return Learner(server)
