"""The grading queue: the submission row is the truth; a claim takes a lease; results are written once."""

from __future__ import annotations

import json
import secrets
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from flask import Flask, current_app
from sqlalchemy import Insert, and_, bindparam, case, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement

from learnpath.extensions import db
from learnpath.models import MODES, Exercise, Progress, Report, Submission, User, utcnow

GRADER_ERROR_MESSAGE = "The grader could not judge this submission; it was not counted as an attempt."

if TYPE_CHECKING:
    from gradekit.pool import WarmPool


class Claim(NamedTuple):
    """A job taken by one worker: only the holder of `lease_token` may finish it.

    It carries what grading needs (the exercise, the files, the mode), read by the claim itself.
    """

    submission_id: int
    attempt: int
    lease_token: str
    grader_failures: int
    exercise_key: str
    files: dict[str, str]
    mode: str


def enqueue(user: User, exercise: Exercise, files: dict[str, str], mode: str = "submit") -> Submission:
    """Commit a queued submission, then wake whatever transport runs the graders."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    submission = Submission(
        user_id=user.id, exercise_id=exercise.id, files=dict(files), mode=mode, state="queued", notified_at=utcnow()
    )
    db.session.add(submission)
    db.session.commit()
    wake(submission.id)
    return submission


def wake(submission_id: int) -> None:
    """Tell every registered transport that a job is waiting (a hint; the row is the truth)."""
    for notify in current_app.extensions["learnpath.wakeups"]:
        notify(submission_id)


def writer() -> AbstractContextManager[Any]:
    """Held by this process's graders from a job's first write to its commit.

    SQLite has one writer at a time, and a connection that finds the database locked polls it
    with growing sleeps (1, 2, 5, 10 ms ...), idling a grading thread well after the lock is free:
    in-process workers wait for each other on this lock instead, and are woken at once. A no-op
    for servers with row locks (PostgreSQL).
    """
    return current_app.extensions["learnpath.writer"]


def _claimable(now: datetime) -> ColumnElement[bool]:
    return or_(
        Submission.state == "queued",
        and_(Submission.state == "running", Submission.lease_expires_at < now),
    )


def claim_next_job(worker_id: str, lease_seconds: float) -> Claim | None:
    """Take the oldest queued job, or a running one whose lease expired, or return None.

    PostgreSQL skips rows another claim has locked; the claim itself is conditional (see `_take`).
    """
    while True:
        candidate = db.session.execute(
            select(Submission.id, Exercise.timeout, Exercise.key)
            .join(Exercise, Submission.exercise_id == Exercise.id)
            .where(_claimable(utcnow()))
            .order_by(Submission.created_at, Submission.id)
            .limit(1)
            .with_for_update(skip_locked=True, of=Submission)
        ).first()
        if candidate is None:
            db.session.rollback()
            return None
        claim = _take(candidate.id, candidate.timeout, candidate.key, worker_id, lease_seconds)
        if claim is not None:
            return claim


def claim_job(submission_id: int, worker_id: str, lease_seconds: float) -> Claim | None:
    """Take this job if it is queued or its lease expired; None if it is done or a live lease holds it."""
    exercise = db.session.execute(
        select(Exercise.timeout, Exercise.key)
        .join(Submission, Submission.exercise_id == Exercise.id)
        .where(Submission.id == submission_id)
    ).first()
    if exercise is None:
        db.session.rollback()
        return None
    return _take(submission_id, exercise.timeout, exercise.key, worker_id, lease_seconds)


def _take(submission_id: int, timeout: float, exercise_key: str, worker_id: str, lease_seconds: float) -> Claim | None:
    """Lease the job if it is still claimable; of several workers racing for it exactly one wins.

    The UPDATE repeats the claimable condition, so only one racer sees rowcount 1. A lease that
    expired counts as a grader failure, which bounds jobs that keep killing their worker.
    """
    now = utcnow()
    token = secrets.token_hex(16)
    lease = max(lease_seconds, timeout * 3)
    claim = (
        update(Submission)
        .where(Submission.id == submission_id, _claimable(now))
        .values(
            state="running",
            attempt=Submission.attempt + 1,
            grader_failures=Submission.grader_failures + case((Submission.state == "running", 1), else_=0),
            lease_token=token,
            lease_expires_at=now + timedelta(seconds=lease),
            worker=worker_id,
            started_at=now,
        )
        .returning(Submission.attempt, Submission.grader_failures, Submission.files, Submission.mode)
        .execution_options(synchronize_session=False)
    )
    with writer():
        claimed = db.session.execute(claim).first()
        if claimed is None:
            db.session.rollback()
            return None
        db.session.commit()
    return Claim(
        submission_id, claimed.attempt, token, claimed.grader_failures, exercise_key, dict(claimed.files), claimed.mode
    )


def due_for_resend(resend_after: float, limit: int = 500) -> list[int]:
    """Claimable jobs not announced for `resend_after` seconds, marked as announced now.

    Their message may have been lost (a broker restart, a web process killed between commit and
    send). The UPDATE repeats its condition, so reapers running at once split the rows between them.
    """
    now = utcnow()
    due = and_(
        _claimable(now),
        or_(Submission.notified_at.is_(None), Submission.notified_at < now - timedelta(seconds=resend_after)),
    )
    oldest = select(Submission.id).where(due).order_by(Submission.id).limit(limit).scalar_subquery()
    ids = db.session.scalars(
        update(Submission)
        .where(Submission.id.in_(oldest), due)
        .values(notified_at=now)
        .returning(Submission.id)
        .execution_options(synchronize_session=False)
    ).all()
    db.session.commit()
    return sorted(ids)


def complete_job(submission_id: int, lease_token: str, report: dict[str, Any]) -> bool:
    """Write the report and the learner's progress, once, if `lease_token` still holds the job."""
    with writer():
        try:
            written = _complete(submission_id, lease_token, report)
        except Exception:
            db.session.rollback()
            raise
        if written:
            db.session.commit()
        else:
            db.session.rollback()
    return written


def fail_job(submission_id: int, lease_token: str, message: str, report: dict[str, Any] | None = None) -> bool:
    """Record a grader failure: queue the job again, or after GRADER_RETRIES tries report an error.

    `report` is the grader's own error report, stored if this was the last try.
    """
    with writer():
        return _fail(submission_id, lease_token, message, report)


def _fail(submission_id: int, lease_token: str, message: str, report: dict[str, Any] | None) -> bool:
    failed = db.session.execute(
        update(Submission)
        .where(_held(submission_id, lease_token))
        .values(grader_failures=Submission.grader_failures + 1)
        .execution_options(synchronize_session=False)
    )
    if failed.rowcount != 1:
        db.session.rollback()
        return False
    failures = db.session.scalar(select(Submission.grader_failures).where(Submission.id == submission_id))
    if failures is not None and failures < current_app.config["GRADER_RETRIES"]:
        db.session.execute(
            update(Submission)
            .where(Submission.id == submission_id)
            .values(state="queued", lease_token=None, lease_expires_at=None, worker=None, notified_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        current_app.logger.warning("grader failure on submission %s: %s", submission_id, message)
        wake(submission_id)
        return True
    current_app.logger.error("giving up on submission %s: %s", submission_id, message)
    if report is None:
        key = db.session.scalar(
            select(Exercise.key)
            .join(Submission, Submission.exercise_id == Exercise.id)
            .where(Submission.id == submission_id)
        )
        report = grader_error_report(message, key or "")
    return complete_job(submission_id, lease_token, report)


def grader_error_report(detail: str, exercise_key: str = "") -> dict[str, Any]:
    """A `learnpath.report/1` for a submission the grader could not judge."""
    return {
        "schema": "learnpath.report/1",
        "exercise": exercise_key,
        "status": "error",
        "reason": "grader_error",
        "score": 0,
        "max_score": 0,
        "duration_ms": 0,
        "message": GRADER_ERROR_MESSAGE,
        "tests": [],
        "artifacts": [],
        "grader": {"detail": detail[:4096]},
    }


def run_one(
    app: Flask, worker_id: str, slot: int = 0, pool: WarmPool | None = None, submission_id: int | None = None
) -> bool:
    """Claim one job (the oldest, or `submission_id`), grade it and write the result.

    False when there was nothing to do: no job waiting, or `submission_id` is done or leased by a
    live worker (a duplicate message, dropped).
    """
    with app.app_context():
        lease_seconds = app.config["LEASE_SECONDS"]
        if submission_id is None:
            claim = claim_next_job(worker_id, lease_seconds)
        else:
            claim = claim_job(submission_id, worker_id, lease_seconds)
        if claim is None:
            return False
        if claim.grader_failures >= app.config["GRADER_RETRIES"]:
            fail_job(claim.submission_id, claim.lease_token, "the lease expired on every try")
            return True
        _grade_claim(app, claim, slot, pool)
        return True


def _grade_claim(app: Flask, claim: Claim, slot: int, pool: WarmPool | None) -> None:
    track, slug = claim.exercise_key.split("/")
    files, mode = claim.files, claim.mode
    db.session.close()  # hold no connection while grading
    try:
        # Imported here so a broken grading engine fails each job as a grader failure.
        from gradekit import Settings, grade, load_exercise

        exercise = load_exercise(Path(app.config["CONTENT_ROOT"]) / "exercises" / track / slug)
        settings = Settings.from_mapping({**app.config["GRADER"], "slot": str(slot)})
        report = grade(exercise, files, settings, visible_only=mode == "examples", pool=pool)
    except Exception as exc:
        app.logger.exception("grading submission %s failed", claim.submission_id)
        fail_job(claim.submission_id, claim.lease_token, f"{type(exc).__name__}: {exc}")
        return
    if report.get("status") in ("pass", "fail"):
        try:
            complete_job(claim.submission_id, claim.lease_token, report)
        except (TypeError, ValueError) as exc:  # a report that cannot be stored is the grader's fault
            fail_job(claim.submission_id, claim.lease_token, f"the report could not be stored: {exc}")
    else:
        detail = str(report.get("message") or "the grader reported an error")
        fail_job(claim.submission_id, claim.lease_token, detail, report)


def _held(submission_id: int, lease_token: str) -> ColumnElement[bool]:
    return and_(
        Submission.id == submission_id,
        Submission.lease_token == lease_token,
        Submission.state == "running",
    )


_submissions = Submission.__table__
# Statements every job runs, built once (building one took about as long as running it).
_FINISH = (
    _submissions.update()
    .where(_submissions.c.id == bindparam("job"), _submissions.c.lease_token == bindparam("token"),
           _submissions.c.state == "running")
    .values(state="done", status=bindparam("verdict", type_=_submissions.c.status.type),
            score=bindparam("points", type_=_submissions.c.score.type),
            max_score=bindparam("max_points", type_=_submissions.c.max_score.type),
            finished_at=bindparam("at", type_=_submissions.c.finished_at.type))
    .returning(_submissions.c.user_id, _submissions.c.exercise_id, _submissions.c.mode)
)
_STORE_REPORT = Report.__table__.insert()


def _complete(submission_id: int, lease_token: str, report: dict[str, Any]) -> bool:
    """Mark the job done, store its report, count the learner's progress.

    All that can be prepared is, before the first write: on SQLite the write lock is held from
    that write to the commit, and every other worker waits for it meanwhile.
    """
    now = utcnow()
    status = report.get("status")
    if status not in ("pass", "fail", "error"):
        raise ValueError(f"report status must be pass, fail or error, got {status!r}")
    body = json.dumps(report)
    finish = {"job": submission_id, "token": lease_token, "verdict": status, "points": report.get("score"),
              "max_points": report.get("max_score"), "at": now}
    done = db.session.execute(_FINISH, finish).first()
    if done is None:
        return False
    db.session.execute(_STORE_REPORT, {"submission_id": submission_id, "body": body, "created_at": now})
    _record_progress(done.user_id, done.exercise_id, done.mode, report, now)
    return True


def _record_progress(user_id: int, exercise_id: int, mode: str, report: dict[str, Any], now: datetime) -> None:
    """Count a judged submit as an attempt; an example run or a grader error only marks a start.

    One upsert: the row is created on the learner's first result and updated atomically after.
    """
    status = report["status"]
    counted = mode == "submit" and status != "error"
    passed = counted and status == "pass"
    score, max_score = report.get("score") or 0, report.get("max_score") or 0
    fraction = 1.0 if passed else (score / max_score if max_score and counted else 0.0)
    db.session.execute(
        _progress_upsert(db.session.get_bind().dialect.name, counted),
        {"user_id": user_id, "exercise_id": exercise_id, "status": "done" if passed else "in_progress",
         "best_score": fraction, "attempts": 1 if counted else 0, "first_passed_at": now if passed else None,
         "updated_at": now},
    )


@cache
def _progress_upsert(dialect: str, counted: bool) -> Insert:
    """The progress upsert, built once per dialect (building it took longer than running it).

    The inserted row is the result as a first one would count; on a conflict a counted result adds
    an attempt, keeps the best score, makes a pass stick with its first date; an uncounted one only
    marks the row as touched.
    """
    insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[dialect]
    columns = Progress.__table__.c
    names = ("user_id", "exercise_id", "status", "best_score", "attempts", "first_passed_at", "updated_at")
    row = insert(Progress).values({name: bindparam(name, type_=columns[name].type) for name in names})
    new = row.excluded
    if not counted:
        return row.on_conflict_do_update(index_elements=["user_id", "exercise_id"], set_={"updated_at": new.updated_at})
    return row.on_conflict_do_update(
        index_elements=["user_id", "exercise_id"],
        set_={
            "attempts": Progress.attempts + 1,
            "best_score": case((Progress.best_score < new.best_score, new.best_score), else_=Progress.best_score),
            "status": case((new.status == "done", "done"), else_=Progress.status),
            "first_passed_at": func.coalesce(Progress.first_passed_at, new.first_passed_at),
            "updated_at": new.updated_at,
        },
    )
