"""Fixtures for the fault tests: real PostgreSQL, a private Redis, gunicorn and Celery worker processes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cluster import Cluster, Database, Learner, Redis
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from werkzeug.security import generate_password_hash

PASSWORD = "scale test password"

TOML = (
    'title = "Add"\nsummary = "Add two numbers"\nkind = "python"\nfiles = ["calc.py"]\n'
    'visible_tests = []\n\n[limits]\ntimeout = {timeout}\ncall_timeout = 1\n'
)
# `add`'s lease is 3 x 2 s; `slow` leaves time to kill a worker in the middle of grading.
EXERCISES = {"add": TOML.format(timeout=2), "slow": TOML.format(timeout=5)}
ADD = {
    "README.md": "# Add\n\nWrite `add(a, b)`.\n",
    "starter/calc.py": "def add(a, b):\n    return 0\n",
    "solution/calc.py": "def add(a, b):\n    return a + b\n",
    "tests/test_add.py": 'def test_add(submission):\n    """add(2, 3)"""\n    assert submission.add(2, 3) == 5\n',
}
SOLUTION = {"calc.py": "def add(a, b):\n    return a + b\n"}
SLOW_SOLUTION = {"calc.py": "import time\ntime.sleep(2.5)\n\ndef add(a, b):\n    return a + b\n"}
POISON = {"calc.py": "# POISON\ndef add(a, b):\n    return a + b\n"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/scale/" in str(item.path):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _needs_servers() -> None:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")


@pytest.fixture(scope="session")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("content")
    (root / "tracks").mkdir()
    (root / "tracks" / "scale.toml").write_text(
        'title = "Scale"\nrole = "Backend developer"\nsummary = "Small exercises."\nexercises = ["add", "slow"]\n'
    )
    for slug, toml in EXERCISES.items():
        for name, body in {**ADD, "exercise.toml": toml}.items():
            path = root / "exercises" / "scale" / slug / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body)
    return root


@pytest.fixture
def database() -> Iterator[Database]:
    try:
        created = Database()
    except OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1:5432: {exc.orig}")
    yield created
    created.drop()


@pytest.fixture
def redis(tmp_path: Path) -> Iterator[Redis]:
    server = Redis(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def make_cluster(
    tmp_path: Path, database: Database, redis: Redis, content: Path
) -> Iterator[Callable[..., Cluster]]:
    clusters: list[Cluster] = []

    def make(database_url: str | None = None, **config: object) -> Cluster:
        settings = {"LEASE_SECONDS": 1, "RESEND_AFTER_SECONDS": 2, "REAPER_INTERVAL_SECONDS": 1, **config}
        cluster = Cluster(tmp_path, database_url or database.url, redis.url, content, **settings)
        clusters.append(cluster)
        return cluster

    yield make
    for cluster in clusters:
        cluster.close()


def add_learners(database: Database, count: int) -> list[str]:
    """Insert `count` learners directly (a cheap password hash keeps 200 logins quick); their emails."""
    password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
    emails = [f"learner{i}@example.com" for i in range(count)]
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (email, display_name, password_hash, role, created_at) "
                "VALUES (:email, :name, :hash, 'learner', now())"
            ),
            [{"email": email, "name": email.split("@")[0], "hash": password_hash} for email in emails],
        )
    return emails


def log_in(cluster: Cluster, email: str) -> Learner:
    return cluster.learner(email, PASSWORD)
