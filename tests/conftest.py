"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

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
