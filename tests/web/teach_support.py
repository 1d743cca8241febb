"""Helpers for the teaching tests: roles, graded submissions and logging in as someone."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from learnpath import queue
from learnpath.extensions import db
from learnpath.models import Submission, User, utcnow
from sqlalchemy import update
from web_support import PASSING_REPORT, add_user, claim, submit

PASSWORD = "a long password"
SOLUTION = {"calc.py": "def add(a, b):\n    return a + b\n"}
WRONG = {"calc.py": "def add(a, b):\n    return a - b\n"}


def user_with_role(app: Flask, email: str, role: str) -> int:
    user_id = add_user(app, email)
    with app.app_context():
        db.session.get_one(User, user_id).role = role
        db.session.commit()
    return user_id


def log_in(client: FlaskClient, email: str) -> None:
    response = client.post("/auth/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.text


def failing_report(message: str = "negative numbers go wrong", tests_hash: str = "v1") -> dict[str, object]:
    tests = [dict(PASSING_REPORT["tests"][0]),
             {**PASSING_REPORT["tests"][1], "status": "fail", "points": 0, "message": message}]
    return {**PASSING_REPORT, "status": "fail", "reason": "tests_failed", "score": 1, "tests": tests,
            "grader": {**PASSING_REPORT["grader"], "tests_hash": tests_hash}}


def passing_report(tests_hash: str = "v1") -> dict[str, object]:
    return {**PASSING_REPORT, "grader": {**PASSING_REPORT["grader"], "tests_hash": tests_hash}}


def graded(app: Flask, user_id: int, report: dict[str, object], files: dict[str, str] | None = None,
           minutes_ago: float = 0, mode: str = "submit") -> int:
    """A submission through the real queue, completed with `report`, optionally back-dated."""
    submission_id = submit(app, user_id, files=files or WRONG, mode=mode)
    job = claim(app)
    assert job is not None and job.submission_id == submission_id
    with app.app_context():
        assert queue.complete_job(job.submission_id, job.lease_token, report)
        if minutes_ago:
            when = utcnow() - timedelta(minutes=minutes_ago)
            db.session.execute(
                update(Submission).where(Submission.id == submission_id).values(created_at=when, finished_at=when)
            )
            db.session.commit()
    return submission_id
