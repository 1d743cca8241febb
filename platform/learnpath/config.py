"""Configuration defaults and the instance-folder secrets and paths derived from them."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent.parent

DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": None,  # generated once and kept in <instance>/secret_key when not given
    "DATABASE_URL": None,  # sqlite:///<instance>/learnpath.sqlite3 when not given
    "CONTENT_ROOT": str(REPO_ROOT),  # the folder holding tracks/ and exercises/
    "START_WORKERS": False,  # start the embedded grading workers with the app (`serve` does)
    "GRADING_WORKERS": 2,  # embedded grading threads; 0 leaves grading to other processes
    "GRADER_RETRIES": 3,  # tries before a grader failure is reported to the learner
    "LEASE_SECONDS": 120,  # a claim's lease; at least three times the exercise's timeout
    "GRADER": {},  # gradekit.Settings fields, e.g. LEARNPATH_GRADER__backend=docker
    "WARM_PAIRS": 1,  # sandbox pairs kept started per kind for the embedded workers; 0 starts each cold
    "BROKER_URL": None,  # e.g. redis://redis:6379/0: grade with `learnpath worker` processes over Celery
    "GRADING_TIME_LIMIT": 300,  # Celery's hard limit for one grading task, in seconds
    "REAPER_INTERVAL_SECONDS": 10,  # how often each `learnpath worker` looks for jobs whose message was lost
    "RESEND_AFTER_SECONDS": 60,  # a claimable job not announced for this long gets its message sent again
    "WORKER_CONCURRENCY": None,  # grading processes per `learnpath worker`; the number of CPUs when not given
    "WORKER_SLOT_BASE": 0,  # first sandbox slot of this machine's `learnpath worker` processes (see README)
    "SLOT_LOCK_DIR": None,  # where grading processes lock their slot blocks; <tmp>/learnpath-slots when not given
    "DATABASE_CONNECT_TIMEOUT": 5,  # seconds; a request fails with 503 instead of hanging when the database is away
    "SUBMISSIONS_PER_MINUTE": 10,  # per learner, both modes together
    "FAILED_LOGINS_PER_15_MINUTES": {"ip": 30, "email": 10},  # then logging in waits
    "REGISTRATIONS_PER_HOUR": 20,  # per client address
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,  # set LEARNPATH_SESSION_COOKIE_SECURE=true behind HTTPS
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
}


def instance_secret_key(instance_path: Path) -> str:
    """The key kept in `<instance>/secret_key`, created (mode 0600) on first use."""
    path = instance_path / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another process may have created the file an instant ago and not written it yet.
        for _ in range(50):
            key = path.read_text(encoding="ascii").strip()
            if key:
                return key
            time.sleep(0.02)
        raise RuntimeError(f"{path} is empty; delete it to generate a new key") from None
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


def finish_config(config: dict[str, Any], instance_path: Path) -> None:
    """Fill in what depends on the instance folder and derive Flask's and its extensions' keys."""
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = instance_secret_key(instance_path)
    if not config.get("DATABASE_URL"):
        config["DATABASE_URL"] = f"sqlite:///{instance_path / 'learnpath.sqlite3'}"
    config["SQLALCHEMY_DATABASE_URI"] = config["DATABASE_URL"]
    if config["DATABASE_URL"].startswith("sqlite"):
        # Grading threads and requests write concurrently: wait for the lock instead of failing.
        options = config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
        options.setdefault("connect_args", {}).setdefault("timeout", 30)
    elif config["DATABASE_URL"].startswith("postgresql"):
        # A connection dropped by a database restart is replaced instead of failing a request.
        options = config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
        options.setdefault("pool_pre_ping", True)
        options.setdefault("connect_args", {}).setdefault("connect_timeout", int(config["DATABASE_CONNECT_TIMEOUT"]))
    config["REMEMBER_COOKIE_SECURE"] = bool(config.get("SESSION_COOKIE_SECURE"))
