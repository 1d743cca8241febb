"""Versioned test suites: find submissions judged by older tests and grade them again in the background.

Every report names the suite that judged it (`grader.tests_hash`). When an exercise's tests change,
each learner's standing submission (their latest judged submit) that an older suite judged can be
graded again. Reports are written once, so the new verdict is kept beside the old one in a
RegradeItem; the learner's recorded progress is left as it was.

A regrade runs in a thread of the web process, one submission at a time, on its own sandbox slot,
so learners' own submissions keep the grading workers. Each item is written only while it is still
ungraded, so a regrade resumed after a restart (or by two processes) grades nothing twice.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

from flask import Flask, current_app
from gradekit import Settings, grade, load_exercise
from gradekit import spec as gradekit_spec
from gradekit.report import tests_hash
from sqlalchemy import select, update

from learnpath.extensions import db
from learnpath.models import Exercise, Regrade, RegradeItem, Report, Submission, User, utcnow
from learnpath.teach.stats import learner_ids

REGRADE_SLOT = 90  # the regrade runner's gradekit slot: its own sandbox uids, apart from the workers'


def exercise_spec(app: Flask, exercise: Exercise) -> gradekit_spec.Exercise:
    track, slug = exercise.key.split("/")
    return load_exercise(Path(app.config["CONTENT_ROOT"]) / "exercises" / track / slug)


def current_tests_hash(exercise: Exercise) -> str | None:
    """The hash of the exercise's tests as they are on disk now, or None if it cannot be read."""
    try:
        return tests_hash(exercise_spec(current_app._get_current_object(), exercise))  # type: ignore[attr-defined]
    except Exception:
        return None


def report_tests_hash(body: str) -> str | None:
    return json.loads(body).get("grader", {}).get("tests_hash")


def stale_submissions(exercise: Exercise, suite: str) -> list[Submission]:
    """Learners' standing submissions judged by another suite and not yet regraded against `suite`."""
    rows = db.session.execute(
        select(Submission, Report.body)
        .join(Report, Report.submission_id == Submission.id)
        .where(
            Submission.exercise_id == exercise.id,
            Submission.mode == "submit",
            Submission.status.in_(("pass", "fail")),
            Submission.user_id.in_(learner_ids(None)),
        )
        .order_by(Submission.created_at, Submission.id)
    ).all()
    standing = {submission.user_id: (submission, body) for submission, body in rows}
    regraded = set(
        db.session.scalars(
            select(RegradeItem.submission_id)
            .join(Regrade, Regrade.id == RegradeItem.regrade_id)
            .where(Regrade.exercise_id == exercise.id, Regrade.tests_hash == suite)
        )
    )
    return [
        submission
        for submission, body in standing.values()
        if report_tests_hash(body) != suite and submission.id not in regraded
    ]


def start_regrade(exercise: Exercise, by: User, suite: str, submissions: Sequence[Submission]) -> Regrade:
    regrade = Regrade(exercise_id=exercise.id, started_by_id=by.id, tests_hash=suite, state="running")
    regrade.items = [
        RegradeItem(submission_id=s.id, old_status=s.status, old_score=s.score) for s in submissions
    ]
    db.session.add(regrade)
    db.session.commit()
    launch(current_app._get_current_object(), regrade.id)  # type: ignore[attr-defined]
    return regrade


def launch(app: Flask, regrade_id: int) -> None:
    """Run the regrade in a thread of this process, unless one already runs it."""
    threads: dict[int, threading.Thread] = app.extensions.setdefault("learnpath.regrades", {})
    running = threads.get(regrade_id)
    if running is not None and running.is_alive():
        return
    thread = threading.Thread(target=run_regrade, args=(app, regrade_id), name=f"regrade-{regrade_id}", daemon=True)
    threads[regrade_id] = thread
    thread.start()


def run_regrade(app: Flask, regrade_id: int) -> None:
    """Grade every ungraded item, then mark the regrade done. Never raises."""
    with app.app_context():
        try:
            _grade_items(app, regrade_id)
        except Exception:
            app.logger.exception("regrade %s stopped", regrade_id)
        finally:
            db.session.remove()


def _grade_items(app: Flask, regrade_id: int) -> None:
    regrade = db.session.get_one(Regrade, regrade_id)
    spec = exercise_spec(app, regrade.exercise)
    settings = Settings.from_mapping({**app.config["GRADER"], "slot": str(REGRADE_SLOT)})
    while True:
        item = db.session.scalar(
            select(RegradeItem)
            .where(RegradeItem.regrade_id == regrade_id, RegradeItem.new_status.is_(None))
            .order_by(RegradeItem.id)
            .limit(1)
        )
        if item is None:
            break
        files = dict(item.submission.files)
        item_id = item.id
        db.session.commit()  # hold no transaction while grading
        report = grade(spec, files, settings)
        db.session.execute(
            update(RegradeItem)
            .where(RegradeItem.id == item_id, RegradeItem.new_status.is_(None))
            .values(
                new_status=report.get("status", "error"),
                new_score=report.get("score"),
                new_max_score=report.get("max_score"),
                report_body=json.dumps(report),
                graded_at=utcnow(),
            )
        )
        db.session.commit()
    db.session.execute(
        update(Regrade).where(Regrade.id == regrade_id, Regrade.state == "running").values(
            state="done", finished_at=utcnow()
        )
    )
    db.session.commit()
