"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from gradekit import load_exercise
from gradekit.scaffold import new_exercise, new_track
from gradekit.spec import Exercise

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"


@pytest.fixture
def content_root() -> Path:
    """A small content root (tracks/ and exercises/) used by the project's own tests."""
    return FIXTURE_CONTENT


@pytest.fixture(scope="session")
def content_root_path() -> Path:
    """The same content root, for fixtures that live longer than one test."""
    return FIXTURE_CONTENT


@pytest.fixture(scope="module")
def leap(tmp_path_factory: pytest.TempPathFactory) -> Exercise:
    """The scaffolded example of the kind, with a short time limit per run of the learner's tests
    (short, so the hanging suite is stopped soon; long enough for pytest to start on a busy machine)."""
    root = tmp_path_factory.mktemp("content")
    new_track(root, "qa")
    folder = new_exercise(root, "qa", "leap", "pytest")
    toml = folder / "exercise.toml"
    toml.write_text(toml.read_text().replace("call_timeout = 10", "call_timeout = 6"))
    return load_exercise(folder)
