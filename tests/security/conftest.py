"""Fixtures for the attack suite: grade hostile code for real and check the host afterwards.

Every attack runs twice: in a cold sandbox pair, and forked from a fork server's templates that
live for the whole module (so an attack also tries to leave something for the next submission
forked from the same templates).
"""

from __future__ import annotations

import json
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.pair import PairKey
from gradekit.pool import WarmPool
from gradekit.spec import Exercise

# The attack suite grades in its own slot, so its sandboxes have uids no other run here uses.
SETTINGS = Settings(slot=250)
FORK_SLOT = 251  # the fork server's templates run under their own slot's uids


def slot_uids(slot: int) -> set[int]:
    return {SETTINGS.uid_base + 2 * slot, SETTINGS.uid_base + 2 * slot + 1}


def sandbox_processes(slot: int = SETTINGS.slot, templates: set[int] = frozenset()) -> list[int]:
    """Processes on the host still running as one of `slot`'s uids (zombies are dead and hold
    nothing), besides a fork server's `templates`."""
    uids = slot_uids(slot)
    left = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                running = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
                if entry.stat().st_uid in uids and running and int(entry.name) not in templates:
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


def wait_for_server(pool: WarmPool, key: PairKey, timeout: float = 60) -> Any:
    """The pool's idle fork server for `key` once its last pair is destroyed, or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with pool.lock:
            if pool.servers[key]:
                return pool.servers[key][0]
        time.sleep(0.01)
    return None


class ForkServers:
    """Warm pools that each keep one fork server for an exercise, closed when the module is done."""

    def __init__(self) -> None:
        self.pools: list[WarmPool] = []

    def pool(self, exercise: Exercise, settings: Settings, slot_base: int) -> WarmPool:
        key = PairKey.of(exercise)
        pool = WarmPool(settings, size=1, slot_base=slot_base)
        self.pools.append(pool)
        if not pool.uses_fork_server(key):
            pytest.skip("SKIPPED: the fork server needs root and a writable cgroup tree, absent here")
        pool.prepare(key)
        assert wait_for_server(pool, key), "the fork server did not start"
        return pool

    idle = staticmethod(wait_for_server)


@pytest.fixture(scope="module")
def fork_servers() -> ForkServers:
    servers = ForkServers()
    yield servers
    for pool in servers.pools:
        pool.close()


@pytest.fixture(scope="module")
def fork_pool(content_root_path: Path, fork_servers: ForkServers) -> WarmPool:
    """A warm pool whose one fork server lives for the module, in the attack suite's slot."""
    return fork_servers.pool(load_exercise(content_root_path / "exercises" / "demo" / "mean"), SETTINGS, FORK_SLOT)


@pytest.fixture(params=["cold", "forked"])
def attack(request: pytest.FixtureRequest, content_root: Path,
           host_secret: tuple[Path, str]) -> Callable[..., dict[str, Any]]:
    """Grade hostile source as the demo `mean` exercise; check that nothing is left behind."""
    exercise: Exercise = load_exercise(content_root / "exercises" / "demo" / "mean")
    pool = request.getfixturevalue("fork_pool") if request.param == "forked" else None

    def run(source: str, **kwargs: Any) -> dict[str, Any]:
        path, token = host_secret
        report = grade(exercise, {"stats.py": source}, SETTINGS, pool=pool, **kwargs)
        text = json.dumps(report)
        assert report["status"] != "pass", "a hostile submission passed"
        assert token not in text, "a host secret leaked into the report"
        assert "[1.5, 2.5, 6.5]" not in text, "the hidden tests' inputs leaked"
        assert path.read_text() == token, "a host file was changed"
        assert_nothing_left(report, exercise, pool, FORK_SLOT)
        return report

    return run


def assert_nothing_left(report: dict[str, Any], exercise: Exercise, pool: WarmPool | None, fork_slot: int) -> None:
    """No sandbox process outlived the grading; a forked one came from a fork server that survived."""
    if pool is None:
        assert sandbox_processes() == [], "sandbox processes outlived the run"
        return
    server = wait_for_server(pool, PairKey.of(exercise))
    assert server is not None, "the fork server did not survive the attack"
    assert report["grader"].get("sandbox") == "forked", "the submission was not forked"
    assert server.slot == fork_slot
    assert sandbox_processes(fork_slot, server.pids()) == [], "sandbox processes outlived the run"


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
