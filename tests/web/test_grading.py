"""Do workers grade queued submissions with the real grading engine and store what it says?"""

from __future__ import annotations

import shutil
import time

from learnpath import queue
from learnpath.extensions import db
from learnpath.models import Report
from learnpath.workers import WorkerPool
from sqlalchemy import select
from web_support import CONTENT, add_user, claim, expire_leases, progress, row, submit

SOLUTION = {"calc.py": CONTENT["exercises/basics/add/solution/calc.py"]}


def report_of(app, submission_id):
    with app.app_context():
        return db.session.scalar(select(Report).where(Report.submission_id == submission_id)).data


def test_run_one_grades_a_submission(app):
    """Does a worker turn a queued reference solution into a passing, counted result?"""
    user = add_user(app)
    submission_id = submit(app, user, files=SOLUTION)
    assert queue.run_one(app, "test-worker")
    assert not queue.run_one(app, "test-worker")
    done = row(app, submission_id)
    assert (done.state, done.status, done.score, done.max_score) == ("done", "pass", 2, 2)
    assert [t["name"] for t in report_of(app, submission_id)["tests"]] == ["add(1, 2)", "add() of negative numbers"]
    assert progress(app, user).status == "done"


def test_run_examples_runs_only_the_visible_tests(app):
    """Does "Run examples" grade against the example tests only, without counting an attempt?"""
    user = add_user(app)
    submission_id = submit(app, user, mode="examples", files={"calc.py": "def add(a, b):\n    return 3\n"})
    queue.run_one(app, "test-worker")
    report = report_of(app, submission_id)
    assert report["status"] == "pass"
    assert [t["visible"] for t in report["tests"]] == [True]
    assert progress(app, user).attempts == 0


def test_a_missing_exercise_folder_is_a_grader_failure(make_app, content):
    """When the exercise cannot be loaded, is the job retried and finally reported as not counted?"""
    app = make_app(GRADER_RETRIES=2)
    user = add_user(app)
    submission_id = submit(app, user)
    shutil.rmtree(content / "exercises" / "basics" / "add")
    assert queue.run_one(app, "test-worker")
    assert row(app, submission_id).state == "queued"
    assert queue.run_one(app, "test-worker")
    final = row(app, submission_id)
    assert (final.state, final.status, final.attempt) == ("done", "error", 2)
    assert report_of(app, submission_id)["message"] == queue.GRADER_ERROR_MESSAGE
    assert progress(app, user).attempts == 0


def test_a_job_whose_lease_keeps_expiring_is_given_up(make_app):
    """Is a job that never finishes (its worker dies each time) ended after GRADER_RETRIES?"""
    app = make_app(GRADER_RETRIES=1)
    submission_id = submit(app, add_user(app))
    claim(app, "doomed-worker")
    expire_leases(app)
    assert queue.run_one(app, "test-worker")
    final = row(app, submission_id)
    assert (final.state, final.status) == ("done", "error")


def test_worker_pool_grades_what_is_queued_and_stops(app):
    """Do the embedded workers pick up a new submission at once and stop cleanly?"""
    pool = WorkerPool(app, 2)
    pool.start()
    try:
        submission_id = submit(app, add_user(app), files=SOLUTION)
        deadline = time.monotonic() + 60
        while row(app, submission_id).state != "done" and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        pool.stop(timeout=60)
    assert row(app, submission_id).status == "pass"
    assert app.extensions["learnpath.wakeups"] == []
