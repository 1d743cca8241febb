"""Fixtures for the attack suite: grade hostile code for real and check the host afterwards."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.spec import Exercise

# The attack suite grades in its own slot, so its sandboxes have uids no other run here uses.
SETTINGS = Settings(slot=250)
SANDBOX_UIDS = {SETTINGS.uid_base + 2 * SETTINGS.slot, SETTINGS.uid_base + 2 * SETTINGS.slot + 1}


def sandbox_processes() -> list[int]:
    """Processes on the host still running as a sandbox uid (zombies are dead and hold nothing)."""
    left = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                running = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
                if entry.stat().st_uid in SANDBOX_UIDS and running:
                    left.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
    return left


@pytest.fixture
def sandbox_settings() -> Settings:
    return SETTINGS


@pytest.fixture(scope="session")
def host_secret(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A world-readable host file holding a random token that sandboxed code must never see."""
    folder = tmp_path_factory.mktemp("host")
    folder.chmod(0o755)
    token = secrets.token_hex(16)
    path = folder / "secret.txt"
    path.write_text(token)
    path.chmod(0o644)
    return path, token


@pytest.fixture
def attack(content_root: Path, host_secret: tuple[Path, str]) -> Callable[..., dict[str, Any]]:
    """Grade hostile source as the demo `mean` exercise; check that nothing is left behind."""
    exercise: Exercise = load_exercise(content_root / "exercises" / "demo" / "mean")

    def run(source: str, **kwargs: Any) -> dict[str, Any]:
        path, token = host_secret
        report = grade(exercise, {"stats.py": source}, SETTINGS, **kwargs)
        text = json.dumps(report)
        assert report["status"] != "pass", "a hostile submission passed"
        assert token not in text, "a host secret leaked into the report"
        assert "[1.5, 2.5]" not in text, "the hidden tests' inputs leaked"
        assert path.read_text() == token, "a host file was changed"
        assert sandbox_processes() == [], "sandbox processes outlived the run"
        return report

    return run


@pytest.fixture
def host_dir(tmp_path: Path) -> Path:
    tmp_path.chmod(0o755)
    return tmp_path


@pytest.fixture
def instance_secret() -> str:
    """The environment of the process that grades must never reach the sandbox."""
    value = secrets.token_hex(8)
    os.environ["LEARNPATH_SECRET_KEY"] = value
    yield value
    del os.environ["LEARNPATH_SECRET_KEY"]
