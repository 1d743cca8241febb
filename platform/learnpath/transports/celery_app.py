"""The Celery transport: one Redis message per queued job, carrying only the submission id.

The web process sends the message after committing the row. A `learnpath worker` process runs
Celery's prefork pool; each task claims that one submission with a lease and grades it, or drops
the message when the job is done or a live lease holds it. Messages are acknowledged after the
task (acks_late) and given back when a pool process dies (reject_on_worker_lost); a worker takes
one message at a time (prefetch 1). A reaper in every worker sends messages again for queued jobs
and expired leases nobody announced lately, so a job survives a lost message, a broker restart
or a dead machine. SIGTERM is Celery's warm shutdown: running gradings finish, then the worker exits.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from celery import Celery, bootsteps
from celery.signals import worker_process_init, worker_process_shutdown
from flask import Flask

from learnpath.extensions import db
from learnpath.queue import due_for_resend, run_one
from learnpath.slots import SlotBlock, grader_config, lock_dir

TASK_NAME = "learnpath.grade_submission"
QUEUE_NAME = "learnpath-grading"
# A wake-up that cannot reach the broker gives up fast: the reaper sends it again later.
PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def make_celery(app: Flask) -> Celery:
    """A Celery app for `app`'s broker, with the grading task and the reaper registered."""
    time_limit = float(app.config["GRADING_TIME_LIMIT"])
    celery = Celery("learnpath", broker=app.config["BROKER_URL"], set_as_current=False)
    celery.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_time_limit=time_limit,
        task_ignore_result=True,
        task_default_queue=QUEUE_NAME,
        task_serializer="json",
        accept_content=["json"],
        task_publish_retry_policy=PUBLISH_RETRY_POLICY,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # a worker waits for the broker to come back, however long
        worker_cancel_long_running_tasks_on_connection_loss=False,  # a grading in progress still counts
        broker_transport_options={
            # Redelivery of an unacknowledged message must not race a grading still within its limit.
            "visibility_timeout": int(time_limit * 2),
            "socket_connect_timeout": 3,
            "socket_timeout": 10,
            "health_check_interval": 10,
        },
        worker_hijack_root_logger=False,
    )
    process = GradingProcess(app)

    @celery.task(name=TASK_NAME)
    def grade_submission(submission_id: int) -> bool:
        """Grade this submission unless it is done or leased by a live worker."""
        return process.grade(int(submission_id))

    celery.flask_app = app  # type: ignore[attr-defined]
    celery.grading_process = process  # type: ignore[attr-defined]
    return celery


def run_worker(app: Flask, concurrency: int, loglevel: str = "INFO") -> None:
    """Run a Celery worker for `app` in this process until it is told to stop (SIGTERM drains it)."""
    celery: Celery = app.extensions["learnpath.celery"]
    process: GradingProcess = celery.grading_process  # type: ignore[attr-defined]
    worker_process_init.connect(process.after_fork, weak=False)
    worker_process_shutdown.connect(process.shutdown, weak=False)
    celery.steps["worker"].add(Reaper)
    celery.worker_main(
        [
            "worker",
            f"--loglevel={loglevel}",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            f"--hostname=grader-{os.getpid()}@%h",
            f"--queues={QUEUE_NAME}",
            # Grading needs no cluster chatter; leaving it out makes start-up and shutdown quick.
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )


def init_app(app: Flask) -> Celery:
    """Send a message for each job `enqueue` (or a grader retry) queues."""
    celery = make_celery(app)
    app.extensions["learnpath.celery"] = celery
    app.extensions["learnpath.wakeups"].append(lambda submission_id: send(app, submission_id))
    return celery


def send(app: Flask, submission_id: int) -> bool:
    """Publish the job's message; on failure log it and leave the job to the reaper."""
    celery: Celery = app.extensions["learnpath.celery"]
    try:
        celery.send_task(TASK_NAME, args=[submission_id], retry=True, retry_policy=PUBLISH_RETRY_POLICY)
    except Exception as exc:  # a wake-up is a hint: it must never fail the request that queued the job
        app.logger.warning("submission %s: broker unreachable (%s); it will be sent again later", submission_id, exc)
        return False
    return True


def resend_lost(app: Flask) -> int:
    """Send again the messages of jobs that nobody announced for RESEND_AFTER_SECONDS."""
    with app.app_context():
        ids = due_for_resend(float(app.config["RESEND_AFTER_SECONDS"]))
    for submission_id in ids:
        send(app, submission_id)
    if ids:
        app.logger.warning("sent %d job(s) again whose message was lost or whose lease expired", len(ids))
    return len(ids)


class GradingProcess:
    """What one pool process keeps between tasks: its slot block and its warm pool."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.pid = 0
        self.block: SlotBlock | None = None
        self.pool: Any = None
        self.worker_id = ""

    def after_fork(self, **_: Any) -> None:
        # Connections opened before the fork belong to the parent; this process opens its own.
        with self.app.app_context():
            db.engine.dispose(close=False)

    def grade(self, submission_id: int) -> bool:
        if self.pid != os.getpid():
            self._start()
        return run_one(self.app, self.worker_id, 0, self.pool, submission_id=submission_id)

    def _start(self) -> None:
        self.pid = os.getpid()
        self.worker_id = f"{socket.gethostname()}:{self.pid}"
        self.block = SlotBlock.take(lock_dir(self.app.config))
        self.app.config["GRADER"] = grader_config(self.app.config, self.block)
        if int(self.app.config["WARM_PAIRS"]) > 0:
            from gradekit.pool import WarmPool
            from gradekit.settings import Settings

            settings = Settings.from_mapping(dict(self.app.config["GRADER"]))
            self.pool = WarmPool(settings, size=int(self.app.config["WARM_PAIRS"]))

    def shutdown(self, **_: Any) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self.block is not None:
            self.block.release()
            self.block = None


class Reaper(bootsteps.StartStopStep):
    """Every REAPER_INTERVAL_SECONDS, on the worker's own timer, send lost jobs' messages again."""

    requires = {"celery.worker.components:Timer"}

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self.timer_ref: Any = None

    def start(self, worker: Any) -> None:
        app: Flask = worker.app.flask_app
        interval = float(app.config["REAPER_INTERVAL_SECONDS"])
        self.timer_ref = worker.timer.call_repeatedly(interval, self.reap, (app,), priority=10)

    def stop(self, worker: Any) -> None:
        if self.timer_ref is not None:
            self.timer_ref.cancel()
            self.timer_ref = None

    @staticmethod
    def reap(app: Flask) -> None:
        try:
            resend_lost(app)
        except Exception:  # the database or the broker is away: try again on the next tick
            app.logger.exception("the reaper could not look for lost jobs")
