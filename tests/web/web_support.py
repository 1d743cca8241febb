"""Content, reports and helpers shared by the web tests."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from learnpath import queue
from learnpath.extensions import db
from learnpath.models import Exercise, Progress, Submission, User, utcnow
from sqlalchemy import select, update

ADD_TOML = """\
title = "Add two numbers"
summary = "Return the sum of two numbers"
kind = "python"
files = ["calc.py"]
visible_tests = ["test_examples.py"]
difficulty = 1
skills = ["functions"]
hints = ["Use the + operator."]
hints_after = 1

[limits]
timeout = 10
call_timeout = 2
"""

SHOUT_TOML = """\
title = "Shout"
summary = "Upper-case a greeting"
kind = "python"
files = ["shout.py"]
visible_tests = ["test_examples.py"]
requires = ["add"]
"""

CONTENT = {
    "tracks/basics.toml": (
        'title = "Python basics"\nrole = "Backend developer"\n'
        'summary = "Functions first."\nexercises = ["add", "shout"]\norder = 1\n'
    ),
    "exercises/basics/add/exercise.toml": ADD_TOML,
    "exercises/basics/add/README.md": (
        "# Add\n\nWrite `add(a, b)` in **calc.py**.\n\n<script>alert('owned')</script>\n"
        '<a href="javascript:alert(1)" onclick="alert(2)">a link</a>\n'
    ),
    "exercises/basics/add/starter/calc.py": "def add(a, b):\n    return 0\n",
    "exercises/basics/add/solution/calc.py": "def add(a, b):\n    return a + b\n",
    "exercises/basics/add/tests/test_examples.py": (
        'def test_small(submission):\n    """add(1, 2)"""\n    assert submission.add(1, 2) == 3\n'
    ),
    "exercises/basics/add/tests/test_hidden.py": (
        'def test_negative(submission):\n    """add() of negative numbers"""\n'
        '    assert submission.add(-2, -3) == -5, "negative numbers go wrong"\n'
    ),
    "exercises/basics/shout/exercise.toml": SHOUT_TOML,
    "exercises/basics/shout/README.md": "# Shout\n\nWrite `shout(text)`.\n",
    "exercises/basics/shout/starter/shout.py": "def shout(text):\n    return text\n",
    "exercises/basics/shout/solution/shout.py": "def shout(text):\n    return text.upper()\n",
    "exercises/basics/shout/tests/test_examples.py": (
        'def test_hi(submission):\n    """shout("hi")"""\n    assert submission.shout("hi") == "HI"\n'
    ),
    "exercises/basics/shout/tests/test_hidden.py": (
        'def test_empty(submission):\n    """shout("")"""\n    assert submission.shout("") == ""\n'
    ),
}

PASSING_REPORT = {
    "schema": "learnpath.report/1",
    "exercise": "basics/add",
    "status": "pass",
    "reason": None,
    "score": 2,
    "max_score": 2,
    "duration_ms": 12,
    "message": "All tests passed.",
    "tests": [
        {
            "id": "test_examples.py::test_small",
            "name": "add(1, 2)",
            "status": "pass",
            "points": 1,
            "max_points": 1,
            "visible": True,
            "message": "",
            "output": "",
            "duration_ms": 3,
        },
        {
            "id": "test_hidden.py::test_negative",
            "name": "add() of negative numbers",
            "status": "pass",
            "points": 1,
            "max_points": 1,
            "visible": False,
            "message": "",
            "output": "",
            "duration_ms": 3,
        },
    ],
    "artifacts": [],
    "grader": {"version": "0.1.0", "backend": "bwrap", "kind": "python"},
}


def report_with(**changes: object) -> dict[str, object]:
    """A copy of PASSING_REPORT with some fields changed."""
    return {**PASSING_REPORT, **changes}


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


class AuthActions:
    """Register, log in and log out through the real forms."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def register(self, email: str = "ada@example.com", password: str = "correct horse", name: str = "Ada"):
        return self.client.post(
            "/auth/register",
            data={
                "email": email,
                "display_name": name,
                "password": password,
                "confirm": password,
            },
        )

    def login(self, email: str = "ada@example.com", password: str = "correct horse", **extra: str):
        return self.client.post("/auth/login", data={"email": email, "password": password, **extra})

    def logout(self):
        return self.client.post("/auth/logout")


def add_user(app: Flask, email: str = "bob@example.com") -> int:
    with app.app_context():
        user = User(email=email, display_name=email.split("@")[0])
        user.set_password("a long password")
        db.session.add(user)
        db.session.commit()
        return user.id


def exercise_id(app: Flask, key: str = "basics/add") -> int:
    with app.app_context():
        return db.session.scalars(select(Exercise.id).where(Exercise.key == key)).one()


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def submit(
    app: Flask, user_id: int, key: str = "basics/add", mode: str = "submit", files: dict[str, str] | None = None
) -> int:
    """Queue a submission through the real `enqueue`; return its id."""
    with app.app_context():
        user = db.session.get(User, user_id)
        exercise = db.session.scalar(select(Exercise).where(Exercise.key == key))
        return queue.enqueue(user, exercise, files or {"calc.py": "x = 1\n"}, mode).id


def claim(app: Flask, worker: str = "w1", lease: float = 120) -> queue.Claim | None:
    with app.app_context():
        return queue.claim_next_job(worker, lease)


def row(app: Flask, submission_id: int) -> Submission:
    """The submission as stored now, detached from any session."""
    with app.app_context():
        submission = db.session.get(Submission, submission_id)
        db.session.expunge(submission)
        return submission


def expire_leases(app: Flask) -> None:
    """Make every lease look expired, as if its worker died."""
    with app.app_context():
        db.session.execute(update(Submission).values(lease_expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()


def progress(app: Flask, user_id: int, key: str = "basics/add") -> Progress | None:
    target = exercise_id(app, key)
    with app.app_context():
        return db.session.scalar(select(Progress).where(Progress.user_id == user_id, Progress.exercise_id == target))
