"""Is the grading queue safe: rows first, one holder per lease, results written once, retries bounded?"""

from __future__ import annotations

import json
import threading
from datetime import timedelta

from learnpath import queue
from learnpath.extensions import db
from learnpath.models import Report, Submission, utcnow
from sqlalchemy import select, text, update
from web_support import PASSING_REPORT, add_user, claim, expire_leases, progress, report_with, row, submit


def test_enqueue_commits_the_row_before_waking_the_transport(app):
    """When a transport is woken, can another connection already read the queued row?"""
    seen = []

    def wakeup(submission_id):
        with db.engine.connect() as other:
            seen.append(
                other.execute(text("SELECT state FROM submissions WHERE id = :id"), {"id": submission_id}).scalar()
            )

    app.extensions["learnpath.wakeups"].append(wakeup)
    submit(app, add_user(app))
    assert seen == ["queued"]


def test_claims_take_the_oldest_job_with_a_lease(app):
    """Does each claim take the oldest queued job, lease it and count the attempt?"""
    user = add_user(app)
    first, second = submit(app, user), submit(app, user)
    one = claim(app, "w1")
    two = claim(app, "w2")
    assert (one.submission_id, two.submission_id) == (first, second)
    assert claim(app, "w3") is None
    leased = row(app, first)
    assert leased.state == "running" and leased.attempt == 1 and leased.worker == "w1"
    assert leased.lease_token == one.lease_token != two.lease_token
    # The exercise's timeout is 10 s, so the 120 s lease is long enough as it is.
    assert leased.lease_expires_at - leased.started_at == timedelta(seconds=120)


def test_lease_covers_three_timeouts(app):
    """Is the lease stretched when the exercise may run longer than LEASE_SECONDS allows?"""
    submit(app, add_user(app))
    job = claim(app, lease=5)
    leased = row(app, job.submission_id)
    assert leased.lease_expires_at - leased.started_at == timedelta(seconds=30)


def test_complete_writes_the_report_and_progress_once(app):
    """Does the lease holder's result land once, and a late duplicate change nothing?"""
    user = add_user(app)
    submit(app, user)
    job = claim(app)
    with app.app_context():
        assert queue.complete_job(job.submission_id, job.lease_token, PASSING_REPORT)
        assert not queue.complete_job(job.submission_id, job.lease_token, report_with(status="fail"))
        reports = db.session.scalars(select(Report)).all()
        assert len(reports) == 1 and reports[0].data == PASSING_REPORT
    done = row(app, job.submission_id)
    assert (done.state, done.status, done.score, done.max_score) == ("done", "pass", 2, 2)
    assert done.finished_at is not None
    assert progress(app, user).status == "done"


def test_an_expired_lease_is_claimed_again_and_the_old_holder_cannot_write(app):
    """After a lease expires, does only the new holder's result count?"""
    submit(app, add_user(app))
    old = claim(app, "w1")
    expire_leases(app)
    new = claim(app, "w2")
    assert new.submission_id == old.submission_id
    assert new.attempt == 2 and new.grader_failures == 1 and new.lease_token != old.lease_token
    with app.app_context():
        assert not queue.complete_job(old.submission_id, old.lease_token, PASSING_REPORT)
        assert queue.complete_job(new.submission_id, new.lease_token, report_with(status="fail"))
    assert row(app, new.submission_id).status == "fail"


def test_a_running_job_with_a_live_lease_is_not_claimed(app):
    """Is a job being graded left alone while its lease holds?"""
    submit(app, add_user(app))
    claim(app, "w1")
    assert claim(app, "w2") is None


def test_grader_failures_are_retried_then_reported_without_charging_the_learner(make_app):
    """Is a grader failure queued again, and after GRADER_RETRIES tries reported as not counted?"""
    app = make_app(GRADER_RETRIES=2)
    user = add_user(app)
    submission_id = submit(app, user)
    first = claim(app)
    with app.app_context():
        assert queue.fail_job(first.submission_id, first.lease_token, "sandbox would not start")
    requeued = row(app, submission_id)
    assert (requeued.state, requeued.grader_failures, requeued.lease_token) == ("queued", 1, None)
    second = claim(app)
    assert second.attempt == 2
    with app.app_context():
        assert queue.fail_job(second.submission_id, second.lease_token, "sandbox would not start")
        report = db.session.scalar(select(Report)).data
    final = row(app, submission_id)
    assert (final.state, final.status, final.grader_failures) == ("done", "error", 2)
    assert report["reason"] == "grader_error"
    assert report["message"] == queue.GRADER_ERROR_MESSAGE
    assert report["exercise"] == "basics/add"
    assert progress(app, user).attempts == 0


def test_fail_job_needs_the_current_lease(app):
    """Can a worker whose lease was taken over still requeue the job? (It must not.)"""
    submit(app, add_user(app))
    job = claim(app)
    with app.app_context():
        assert not queue.fail_job(job.submission_id, "not-the-token", "boom")
    assert row(app, job.submission_id).state == "running"


def test_progress_counts_judged_submits_only(app):
    """Are example runs and grader errors kept out of the attempt count, and the best score kept?"""
    user = add_user(app)
    for mode, report in [
        ("examples", PASSING_REPORT),
        ("submit", report_with(status="fail", score=1)),
        ("submit", report_with(status="error", reason="grader_error", score=0)),
    ]:
        submit(app, user, mode=mode)
        job = claim(app)
        with app.app_context():
            assert queue.complete_job(job.submission_id, job.lease_token, report)
    halfway = progress(app, user)
    assert (halfway.status, halfway.attempts, halfway.best_score) == ("in_progress", 1, 0.5)
    assert halfway.first_passed_at is None
    submit(app, user)
    job = claim(app)
    with app.app_context():
        queue.complete_job(job.submission_id, job.lease_token, PASSING_REPORT)
    done = progress(app, user)
    assert (done.status, done.attempts, done.best_score) == ("done", 2, 1.0)
    assert done.first_passed_at is not None
    for report in (report_with(status="fail", score=0), PASSING_REPORT):  # a pass stays a pass, and its first date
        submit(app, user)
        job = claim(app)
        with app.app_context():
            assert queue.complete_job(job.submission_id, job.lease_token, report)
    later = progress(app, user)
    assert (later.status, later.attempts, later.best_score) == ("done", 4, 1.0)
    assert later.first_passed_at == done.first_passed_at


def test_concurrent_claims_take_each_job_exactly_once(app):
    """With several threads racing, is every job claimed by exactly one of them?"""
    user = add_user(app)
    expected = {submit(app, user) for _ in range(30)}
    claimed: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def work(name):
        try:
            start.wait()
            while (job := claim(app, name)) is not None:
                claimed.append(job.submission_id)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(claimed) == sorted(expected)


def test_concurrent_completions_write_one_report(app):
    """If two holders race to complete the same lease, does exactly one report land?"""
    submit(app, add_user(app))
    job = claim(app)
    results: list[bool] = []

    def finish():
        with app.app_context():
            results.append(queue.complete_job(job.submission_id, job.lease_token, PASSING_REPORT))

    threads = [threading.Thread(target=finish) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, False, False, True]
    with app.app_context():
        assert len(db.session.scalars(select(Report)).all()) == 1


def test_report_is_stored_as_written(app):
    """Is the report kept as the grader's JSON, readable back unchanged?"""
    submit(app, add_user(app))
    job = claim(app)
    report = report_with(message="déjà vu <b>", tests=[])
    with app.app_context():
        queue.complete_job(job.submission_id, job.lease_token, report)
        body = db.session.scalar(select(Report.body))
    assert json.loads(body) == report


def test_claim_job_takes_that_job_only_while_it_is_claimable(app):
    """Does a message's claim take its own job, and drop it while a live lease holds it or once done?"""
    user = add_user(app)
    first, second = submit(app, user), submit(app, user)
    with app.app_context():
        job = queue.claim_job(second, "w1", 120)
        assert job.submission_id == second and job.attempt == 1
        assert queue.claim_job(second, "w2", 120) is None  # a duplicate message while w1 grades
        assert queue.complete_job(second, job.lease_token, PASSING_REPORT)
        assert queue.claim_job(second, "w2", 120) is None  # a late duplicate after the result
        assert queue.claim_job(999_999, "w2", 120) is None
    assert row(app, first).state == "queued"


def test_claim_job_takes_over_an_expired_lease(app):
    """When the worker holding a job died, does a new message's claim take it over and fence the old one?"""
    submission_id = submit(app, add_user(app))
    old = claim(app, "w1")
    expire_leases(app)
    with app.app_context():
        new = queue.claim_job(submission_id, "w2", 120)
        assert (new.attempt, new.grader_failures) == (2, 1)
        assert not queue.complete_job(submission_id, old.lease_token, PASSING_REPORT)
        assert queue.complete_job(submission_id, new.lease_token, PASSING_REPORT)


def test_jobs_whose_message_may_be_lost_are_announced_again_once(app):
    """Are queued jobs and expired leases not announced lately picked for a new message, each once?"""
    user = add_user(app)
    waiting, leased, live = submit(app, user), submit(app, user), submit(app, user)
    with app.app_context():
        assert queue.due_for_resend(60) == []  # just announced by enqueue
        queue.claim_job(leased, "w1", 120)
        queue.claim_job(live, "w2", 120)
        db.session.execute(
            update(Submission).values(notified_at=utcnow() - timedelta(minutes=5)).where(Submission.id != live)
        )
        db.session.execute(
            update(Submission)
            .values(lease_expires_at=utcnow() - timedelta(seconds=1))
            .where(Submission.id == leased)
        )
        db.session.commit()
        assert queue.due_for_resend(60) == [waiting, leased]
        assert queue.due_for_resend(60) == []
