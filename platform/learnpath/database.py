"""Schema migrations: Alembic, configured in code, run against the app's own engine."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask

import learnpath
from learnpath.extensions import db

MIGRATIONS_DIR = Path(learnpath.__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade_database(app: Flask, revision: str = "head") -> None:
    """Create or migrate the app's database to `revision`."""
    config = alembic_config()
    with app.app_context(), db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def new_revision(app: Flask, message: str, autogenerate: bool = True) -> None:
    """Write a new migration in platform/migrations/versions, compared against the models."""
    config = alembic_config()
    with app.app_context(), db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=autogenerate)
