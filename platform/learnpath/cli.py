"""The `learnpath` command: serve the site, manage its database, catalog and admins; author, grade, check."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from types import FrameType

import click
from flask import Flask
from gradekit import scaffold
from gradekit.check import check_command
from gradekit.cli import device_command, grade_command
from gradekit.errors import SpecError
from gradekit.formats import FORMATS
from sqlalchemy import func, select

from learnpath import create_app
from learnpath.auth.forms import MIN_PASSWORD_LENGTH
from learnpath.catalog import sync_catalog
from learnpath.database import new_revision, upgrade_database
from learnpath.extensions import db as database
from learnpath.models import User
from learnpath.workers import WorkerPool


@click.group()
def main() -> None:
    """learnpath: hands-on learning paths for Python careers."""


def prepared_app() -> Flask:
    """An app whose database is migrated and whose catalog matches the content files.

    A malformed content file stops here with its message and exit status 2.
    """
    app = create_app()
    upgrade_database(app)
    try:
        result = sync_catalog(app)
    except SpecError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    click.echo(
        f"catalog: {result.tracks} tracks, {result.exercises} exercises "
        f"({result.created} new, {result.deactivated} retired)",
        err=True,
    )
    return app


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Grading threads in this process (default: GRADING_WORKERS; 0 grades elsewhere).",
)
def serve(host: str, port: int, workers: int | None) -> None:
    """Migrate, sync the catalog, and serve the site with grading workers inside.

    With a broker (LEARNPATH_BROKER_URL) grading is left to `learnpath worker` unless --workers says otherwise.
    """
    app = prepared_app()
    if workers is None:
        workers = 0 if app.config.get("BROKER_URL") else app.config["GRADING_WORKERS"]
    pool = WorkerPool(app, workers)
    pool.start()
    # SIGTERM stops the server like Ctrl-C does; the workers then finish their current job.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        app.run(host=host, port=port, threaded=True, use_reloader=False)
    finally:
        click.echo("stopping: letting the graders finish their current jobs", err=True)
        pool.stop()


@main.command()
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=None,
    help="Grading processes (default: WORKER_CONCURRENCY, else the number of CPUs).",
)
@click.option("--loglevel", default="INFO", show_default=True, help="Celery's log level.")
def worker(concurrency: int | None, loglevel: str) -> None:
    """Grade queued submissions from the broker (LEARNPATH_BROKER_URL) until SIGTERM, which drains."""
    app = create_app()
    if not app.config.get("BROKER_URL"):
        click.echo("set LEARNPATH_BROKER_URL (e.g. redis://127.0.0.1:6379/0) to run a worker", err=True)
        sys.exit(2)
    from learnpath.transports.celery_app import run_worker

    run_worker(app, concurrency or app.config["WORKER_CONCURRENCY"] or os.cpu_count() or 1, loglevel)


@main.group()
def db() -> None:
    """Manage the database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Create the database or migrate it to the newest schema."""
    upgrade_database(create_app())
    click.echo("database is up to date", err=True)


@db.command("revision")
@click.option("-m", "--message", required=True, help="What the migration changes.")
def db_revision(message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    new_revision(create_app(), message)


@main.command()
def sync() -> None:
    """Load tracks and exercises from the content files into the database."""
    prepared_app()


# Grading commands: thin wrappers around the grading engine's command-line functions.


@main.command()
@click.argument("exercise_dir", type=click.Path(file_okay=False))
@click.argument("submission", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--visible-only", is_flag=True, help="Run only the visible example tests.")
def grade(exercise_dir: str, submission: str, fmt: str, output: str | None, visible_only: bool) -> None:
    """Grade SUBMISSION (a folder, a file or a notebook) against EXERCISE_DIR's tests."""
    sys.exit(grade_command(exercise_dir, submission, fmt, output, visible_only=visible_only))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Validate the exercises at or below PATHS (default: exercises/)."""
    sys.exit(check_command(list(paths)))


@main.command()
@click.argument("name")
@click.option("--fault", "faults", multiple=True, help="Switch a fault on: FAULT or FAULT=RATE, e.g. noise=0.3.")
def device(name: str, faults: tuple[str, ...]) -> None:
    """Run the simulated serial device NAME on a local pty and print its port."""
    sys.exit(device_command(name, list(faults)))


@main.command("create-admin")
@click.option("--email", prompt=True, help="The admin's email; an existing account is promoted.")
@click.option("--name", "display_name", default=None, help="Display name (default: the email's local part).")
@click.option("--password", default=None, help="Password (asked for when not given; at least 8 characters).")
def create_admin(email: str, display_name: str | None, password: str | None) -> None:
    """Create an admin account, or make an existing account an admin."""
    email = email.strip().lower()
    app = create_app()
    upgrade_database(app)
    with app.app_context():
        try:
            created = _make_admin(email, display_name, password)
        finally:
            database.session.remove()
            database.engine.dispose()
    click.echo(f"{email} is {'a new' if created else 'now an'} admin", err=True)


def _make_admin(email: str, display_name: str | None, password: str | None) -> bool:
    """Create or promote the account; True when it is new."""
    user = database.session.scalar(select(User).where(func.lower(User.email) == email))
    if user is None and password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise click.BadParameter(f"use at least {MIN_PASSWORD_LENGTH} characters", param_hint="--password")
    created = user is None
    if user is None:
        user = User(email=email, display_name=display_name or email.split("@")[0])
        database.session.add(user)
    if password is not None:
        user.set_password(password)
    user.role = "admin"
    database.session.commit()
    return created


@main.group()
def new() -> None:
    """Scaffold tracks and exercises to edit."""


CONTENT_ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="LEARNPATH_CONTENT_ROOT",
    default=".",
    show_default=True,
    help="The folder holding tracks/ and exercises/.",
)


@new.command("track")
@click.argument("name")
@click.option("--title", help="The track's title (default: from NAME).")
@click.option("--role", help="The career role it trains for.")
@CONTENT_ROOT
def new_track(name: str, title: str | None, role: str | None, root: Path) -> None:
    """Write tracks/NAME.toml, ready for `learnpath new exercise NAME ...`."""
    try:
        path = scaffold.new_track(root, name, title=title, role=role)
    except SpecError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"wrote {path}; fill in its title, role and summary", err=True)


@new.command("exercise")
@click.argument("track")
@click.argument("name")
@click.option("--kind", required=True, help="How it is graded: python, fastapi, notebook, pygame, ...")
@click.option("--title", help="The exercise's title (default: from NAME).")
@CONTENT_ROOT
def new_exercise(track: str, name: str, kind: str, title: str | None, root: Path) -> None:
    """Scaffold exercises/TRACK/NAME/ (statement, starter, solution, tests) and add it to the track."""
    try:
        path = scaffold.new_exercise(root, track, name, kind, title=title)
    except SpecError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"wrote {path} and listed it in tracks/{track}.toml\n"
               f"edit README.md, starter/, solution/ and tests/, then run: learnpath check {path}", err=True)


if __name__ == "__main__":
    main()
