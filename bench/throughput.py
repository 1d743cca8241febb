"""Gradings per minute of a plain-Python exercise through the embedded workers and warm pools."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXERCISE = ROOT / "tests/fixtures/content/exercises/demo/mean"
JOBS = int(os.environ.get("BENCH_JOBS", "200"))  # enough that start and end effects do not matter


def gradings_per_minute(workers: int, jobs: int = JOBS) -> float:
    from gradekit import load_exercise
    from learnpath import create_app
    from learnpath.catalog import sync_catalog
    from learnpath.database import upgrade_database
    from learnpath.extensions import db
    from learnpath.models import Exercise, Submission, User
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
            user = User(email="bench@example.com", display_name="bench", password_hash="x")
            db.session.add(user)
            db.session.commit()
            row = db.session.scalar(select(Exercise))
            pool = WorkerPool(app, workers)
            pool.start()
            enqueue(user, row, exercise.solution_files(), "submit")  # warms the pool for this kind
            while db.session.scalar(select(func.count()).where(Submission.state != "done")):
                db.session.expire_all()
                time.sleep(0.05)
            time.sleep(3)
            started = time.monotonic()
            for _ in range(jobs):
                enqueue(user, row, exercise.solution_files(), "submit")
            while True:
                db.session.expire_all()
                left = db.session.scalar(select(func.count()).where(Submission.state != "done"))
                if not left:
                    break
                time.sleep(0.02)
            elapsed = time.monotonic() - started
            pool.stop(timeout=30)
            passed = db.session.scalar(select(func.count()).where(Submission.status == "pass"))
            if passed != jobs + 1:
                raise RuntimeError(f"only {passed} of {jobs + 1} submissions passed")
    return jobs / elapsed * 60
