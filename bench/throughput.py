"""Gradings per minute of a plain-Python exercise through the embedded workers and warm pools.

A burst of JOBS submissions is queued in one transaction (as a class submitting at once would
queue them, without the enqueuing itself competing with the workers), the workers drain it, and
the rate is taken from the rows' own timestamps: first claim to last report stored.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from machine import BusyCores

ROOT = Path(__file__).resolve().parent.parent
EXERCISE = ROOT / "tests/fixtures/content/exercises/demo/mean"
JOBS = int(os.environ.get("BENCH_JOBS", "300"))  # enough that start and end effects do not matter
LEARNERS = 30  # the burst comes from a class, not from one learner


def gradings_per_minute(workers: int, jobs: int = JOBS) -> float:
    from gradekit import load_exercise
    from learnpath import create_app
    from learnpath.catalog import sync_catalog
    from learnpath.database import upgrade_database
    from learnpath.extensions import db
    from learnpath.models import Exercise, Submission, User, utcnow
    from learnpath.queue import enqueue
    from learnpath.workers import WorkerPool
    from sqlalchemy import func, select

    exercise = load_exercise(EXERCISE)
    with tempfile.TemporaryDirectory() as instance:
        content = Path(instance, "content")
        (content / "tracks").mkdir(parents=True)
        shutil.copytree(EXERCISE, content / "exercises" / "demo" / "mean")
        (content / "tracks" / "demo.toml").write_text('title = "B"\nrole = "B"\nsummary = "B"\nexercises = ["mean"]\n')
        app = create_app({"INSTANCE_PATH": instance, "CONTENT_ROOT": str(content), "TESTING": True,
                          "DATABASE_URL": f"sqlite:///{instance}/bench.sqlite3", "WARM_PAIRS": workers + 1,
                          "SUBMISSIONS_PER_MINUTE": 10**6})
        upgrade_database(app)
        sync_catalog(app)
        with app.app_context():
            users = [User(email=f"bench{n}@example.com", display_name=f"bench {n}", password_hash="x")
                     for n in range(LEARNERS)]
            db.session.add_all(users)
            db.session.commit()
            row = db.session.scalar(select(Exercise))
            user_ids, exercise_id = [user.id for user in users], row.id
            pool = WorkerPool(app, workers)
            pool.start()
            for _ in range(workers * 3):  # warms every worker's pool for this kind
                enqueue(users[0], row, exercise.solution_files(), "submit")
            while db.session.scalar(select(func.count()).where(Submission.state != "done")):
                db.session.close()
                time.sleep(0.1)
            time.sleep(3)
            files = exercise.solution_files()
            burst = [Submission(user_id=user_ids[n % LEARNERS], exercise_id=exercise_id, files=files, mode="submit",
                                state="queued", notified_at=utcnow()) for n in range(jobs)]
            db.session.add_all(burst)
            db.session.commit()
            ids = [submission.id for submission in burst]
            db.session.close()  # the watcher below holds no rows: expiring them costs the graders' process time
            with BusyCores() as cores:
                pool.wake()
                while db.session.scalar(select(func.count()).where(Submission.state != "done")):
                    db.session.close()
                    time.sleep(0.25)
            first, last = db.session.execute(
                select(func.min(Submission.started_at), func.max(Submission.finished_at))
                .where(Submission.id.in_(ids))
            ).one()
            pool.stop(timeout=30)
            passed = db.session.scalar(select(func.count()).where(Submission.status == "pass"))
            if passed != jobs + workers * 3:
                raise RuntimeError(f"only {passed} of {jobs + workers * 3} submissions passed")
    rate = jobs / (last - first).total_seconds() * 60
    print(BusyCores.line(workers, f"{rate:.0f} gradings/min", cores.between(first, last)), flush=True)
    return rate
