"""Fixtures for grading tests: the demo exercises and a helper that grades source text for real."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.spec import Exercise


@pytest.fixture
def mean_exercise(content_root: Path) -> Exercise:
    return load_exercise(content_root / "exercises" / "demo" / "mean")


@pytest.fixture
def api_exercise(content_root: Path) -> Exercise:
    return load_exercise(content_root / "exercises" / "demo" / "greet-api")


@pytest.fixture
def grade_source(mean_exercise: Exercise) -> Callable[..., dict[str, Any]]:
    """Grade one file of source text against the demo `mean` exercise (or another one)."""

    def run(source: str, exercise: Exercise | None = None, **kwargs: Any) -> dict[str, Any]:
        target = exercise or mean_exercise
        return grade(target, {target.files[0]: source}, Settings(), **kwargs)

    return run
