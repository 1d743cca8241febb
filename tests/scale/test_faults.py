"""Is every submission graded exactly once when workers die, Redis and the web restart, or the database goes away?"""

from __future__ import annotations

import signal
import time

from cluster import Cluster, Database, Proxy, Redis, wait_for
from conftest import POISON, SLOW_SOLUTION, SOLUTION, add_learners, log_in

EXERCISE = "scale/add"


def all_done(database: Database, ids: list[int]) -> bool:
    done = database.scalar("SELECT count(*) FROM submissions WHERE state = 'done' AND id = ANY(:ids)", ids=ids)
    return done == len(ids)


def assert_graded_once(database: Database, ids: list[int]) -> None:
    """Every submission done, with exactly one report, and nothing else in the table."""
    rows = database.rows(
        "SELECT s.id, s.state, count(r.id) FROM submissions s LEFT JOIN reports r ON r.submission_id = s.id "
        "GROUP BY s.id, s.state ORDER BY s.id"
    )
    assert [(row[0], row[1], row[2]) for row in rows] == [(i, "done", 1) for i in sorted(ids)]


def worker_of(database: Database, submission_id: int) -> str | None:
    return database.scalar("SELECT worker FROM submissions WHERE id = :id AND state = 'running'", id=submission_id)


def test_a_queued_submission_is_graded_by_a_worker(make_cluster, database: Database):
    """Does a submission sent through the web reach a Celery worker and come back graded?"""
    cluster: Cluster = make_cluster()
    cluster.start_web()
    cluster.start_worker()
    (email,) = add_learners(database, 1)
    submission_id = log_in(cluster, email).submit(EXERCISE, SOLUTION)
    wait_for(lambda: all_done(database, [submission_id]), 60, "the submission was not graded\n" + cluster.logs())
    assert database.scalar("SELECT status FROM submissions WHERE id = :id", id=submission_id) == "pass"
    assert_graded_once(database, [submission_id])


def test_a_worker_killed_mid_grading_leaves_the_job_to_another_worker_once(make_cluster, database: Database):
    """kill -9 a worker while it grades: does another worker grade the job, exactly once?"""
    cluster: Cluster = make_cluster()
    cluster.start_web()
    doomed = cluster.start_worker()
    (email,) = add_learners(database, 1)
    submission_id = log_in(cluster, email).submit("scale/slow", SLOW_SOLUTION)
    first_worker = wait_for(lambda: worker_of(database, submission_id), 60, "no worker took the job\n" + cluster.logs())
    survivor = cluster.start_worker()
    cluster.stop(doomed, signal.SIGKILL)
    wait_for(lambda: all_done(database, [submission_id]), 90, "the job was not graded again\n" + cluster.logs())
    state = database.rows("SELECT status, attempt, worker FROM submissions WHERE id = :id", id=submission_id)[0]
    assert state.status == "pass" and state.attempt == 2 and state.worker != first_worker
    assert_graded_once(database, [submission_id])
    assert database.scalar("SELECT attempts FROM progress") == 1
    assert survivor.poll() is None


def test_sigterm_lets_a_worker_finish_its_grading_first(make_cluster, database: Database):
    """Does SIGTERM drain a worker: the grading in progress finishes and is written, then it exits?"""
    cluster: Cluster = make_cluster()
    cluster.start_web()
    worker = cluster.start_worker()
    (email,) = add_learners(database, 1)
    submission_id = log_in(cluster, email).submit("scale/slow", SLOW_SOLUTION)
    running = wait_for(lambda: worker_of(database, submission_id), 60, "no worker took the job\n" + cluster.logs())
    assert cluster.stop(worker, signal.SIGTERM) == 0
    rows = database.rows("SELECT state, status, attempt, worker FROM submissions WHERE id = :id", id=submission_id)
    assert tuple(rows[0]) == ("done", "pass", 1, running)


def test_restarting_redis_and_the_web_server_loses_nothing(make_cluster, database: Database, redis: Redis):
    """Restart Redis (dropping every message it held) and the web server mid-run: is every job graded once?"""
    cluster: Cluster = make_cluster()
    cluster.start_web()
    cluster.start_worker()
    cluster.start_worker()
    learners = [log_in(cluster, email) for email in add_learners(database, 5)]
    ids = [learner.submit(EXERCISE, SOLUTION) for learner in learners]
    redis.stop()
    ids += [learner.submit(EXERCISE, SOLUTION) for learner in learners]  # the broker is away: rows only
    redis.start()
    cluster.stop(cluster.web)
    cluster.start_web()
    ids += [learner.submit(EXERCISE, SOLUTION) for learner in learners]
    wait_for(lambda: all_done(database, ids), 120, "jobs were lost\n" + cluster.logs())
    assert_graded_once(database, ids)
    assert database.scalar("SELECT sum(attempts) FROM progress") == len(ids)


def test_a_burst_from_200_learners_is_graded_exactly_once(make_cluster, database: Database):
    """1,000 submissions from 200 learners at once: all graded, none lost, none graded twice?

    The grading engine is a stub here (tests/scale/stub_worker.py): this loads the web, the
    broker, the queue and the workers, not the sandbox.
    """
    from concurrent.futures import ThreadPoolExecutor

    cluster: Cluster = make_cluster(RESEND_AFTER_SECONDS=30)
    cluster.start_web(workers=2, threads=8)
    for _ in range(2):
        cluster.start_worker(concurrency=2, stub=True)
    emails = add_learners(database, 200)

    def learner_burst(email: str) -> list[int]:
        learner = log_in(cluster, email)
        return [learner.submit(EXERCISE, SOLUTION) for _ in range(5)]

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=16) as pool:
        ids = [i for batch in pool.map(learner_burst, emails) for i in batch]
    assert len(ids) == len(set(ids)) == 1000
    wait_for(lambda: all_done(database, ids), 150, "jobs were lost\n" + cluster.logs(), interval=1)
    assert time.monotonic() - started < 170
    assert_graded_once(database, ids)
    assert database.rows("SELECT count(*), sum(attempts), min(attempts) FROM progress")[0] == (200, 1000, 5)
    assert database.scalar("SELECT max(attempt) FROM submissions") == 1


def test_a_job_that_crashes_its_grader_becomes_a_grader_error_after_the_retries(make_cluster, database: Database):
    """A submission that kills the process grading it: reported as a grader error after N tries, never looping?"""
    cluster: Cluster = make_cluster(GRADER_RETRIES=3)
    cluster.start_web()
    cluster.start_worker(concurrency=2, stub=True)
    (email,) = add_learners(database, 1)
    learner = log_in(cluster, email)
    poisoned = learner.submit(EXERCISE, POISON)
    healthy = learner.submit(EXERCISE, SOLUTION)
    wait_for(lambda: all_done(database, [poisoned, healthy]), 90, "the poisoned job kept looping\n" + cluster.logs())
    final = database.rows("SELECT status, attempt, grader_failures FROM submissions WHERE id = :id", id=poisoned)[0]
    assert final.status == "error" and final.grader_failures >= 3
    body = database.scalar("SELECT body FROM reports WHERE submission_id = :id", id=poisoned)
    assert '"reason": "grader_error"' in body
    assert database.scalar("SELECT status FROM submissions WHERE id = :id", id=healthy) == "pass"
    time.sleep(4)  # two reaper rounds and a lease: nothing picks the finished job up again
    assert database.scalar("SELECT attempt FROM submissions WHERE id = :id", id=poisoned) == final.attempt
    assert database.scalar("SELECT attempts FROM progress") == 1  # the grader error is not charged


def test_the_web_answers_503_while_the_database_is_unreachable_and_recovers(make_cluster, database: Database):
    """Cut the database off: does the site say so clearly (503), then work again once it is back?"""
    proxy = Proxy()
    try:
        cluster: Cluster = make_cluster(database_url=database.url_via(proxy.port))
        cluster.start_web()
        cluster.start_worker()
        (email,) = add_learners(database, 1)
        learner = log_in(cluster, email)
        assert learner.client.get("/").status_code == 200
        proxy.cut()
        started = time.monotonic()
        page = learner.client.get("/")
        assert page.status_code == 503 and "database is unreachable" in page.text
        assert page.headers["Retry-After"] == "30" and time.monotonic() - started < 10
        api = learner.client.get("/api/submissions/1")
        assert api.status_code == 503 and "unreachable" in api.json()["error"]
        proxy.start()
        wait_for(lambda: learner.client.get("/").status_code == 200, 30, "the site did not recover")
        submission_id = learner.submit(EXERCISE, SOLUTION)
        wait_for(lambda: all_done(database, [submission_id]), 60, "not graded after recovery\n" + cluster.logs())
    finally:
        proxy.cut()
