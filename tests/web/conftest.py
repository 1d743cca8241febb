"""Fixtures for the web tests: an app on a fresh database (SQLite, then PostgreSQL) and a small content root.

LEARNPATH_TEST_DATABASES picks the databases (default "sqlite,postgresql"); LEARNPATH_TEST_POSTGRES
names the PostgreSQL server, where each test gets a schema of its own in one database per run.
"""

from __future__ import annotations

import gc
import os
import uuid
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from learnpath import create_app
from learnpath.catalog import sync_catalog
from learnpath.database import upgrade_database
from learnpath.extensions import db
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from web_support import CONTENT, AuthActions, write_files


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write_files(root, CONTENT)
    return root


DATABASES = os.environ.get("LEARNPATH_TEST_DATABASES", "sqlite,postgresql").split(",")
POSTGRES = os.environ.get("LEARNPATH_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A database for this run, dropped at its end; tests take schemas in it (quicker than databases)."""
    admin = create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT")
    name = f"learnpath_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES}: {exc.orig}")
    yield f"{POSTGRES}/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str | None]:
    """None for SQLite in the instance folder, or a PostgreSQL URL whose search_path is a new schema.

    The URL is also the environment's, so commands the test runs use the same database.
    """
    if request.param == "sqlite":
        yield None
        return
    database: str = request.getfixturevalue("postgres_database")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(database, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{database}?options=-csearch_path%3D{schema}"
    monkeypatch.setenv("LEARNPATH_DATABASE_URL", url)
    yield url
    with warnings.catch_warnings():
        # Apps a test built through the command line are gone; their idle connections close here.
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def make_app(tmp_path: Path, content: Path, database_url: str | None) -> Iterator[Callable[..., Flask]]:
    """Build apps on the test's instance folder; each one migrated and synced."""
    apps: list[Flask] = []

    def make(**config: object) -> Flask:
        app = create_app(
            {
                "TESTING": True,
                "INSTANCE_PATH": str(tmp_path / "instance"),
                "CONTENT_ROOT": str(content),
                "SECRET_KEY": "test-secret",
                "WTF_CSRF_ENABLED": False,
                **({"DATABASE_URL": database_url} if database_url else {}),
                **config,
            }
        )
        upgrade_database(app)
        sync_catalog(app)
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)
