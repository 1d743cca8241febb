"""Grading benchmark: end-to-end latency against a bare pytest run, and gradings per minute.

(a) For each exercise: p50 of submit → report stored (the queue, a worker and a warm pool, in
    this process) against R, a cold `python -m pytest` of the same tests against the reference
    solution with no sandbox, measured in the same run. Also the cold path (no warm pool).
(b) Gradings per minute of a plain-Python exercise with 1 and 2 workers (the median of rounds that
    alternate between the two).
Prints `NAME: VALUE (target OP VALUE)` lines.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from gradekit import Settings, load_exercise  # noqa: E402
from gradekit.pair import PairKey  # noqa: E402
from gradekit.pool import WarmPool  # noqa: E402

SAMPLES = int(os.environ.get("BENCH_SAMPLES", "5"))
THROUGHPUT_ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
TARGETS = {"python": 0.3, "pandas": 0.3, "fastapi": 0.5, "notebook": 0.5, "pygame": 0.5, "serial": 0.3}
EXERCISES = [
    ("python", ROOT / "tests/fixtures/content/exercises/demo/mean"),
    ("pandas", ROOT / "exercises/fintech/moving-average-crossover"),  # the python kind with pandas preloaded
    ("fastapi", ROOT / "exercises/backend/hello-api"),
    ("notebook", ROOT / "tests/fixtures/content/exercises/demo/sales-notebook"),
    ("pygame", ROOT / "tests/fixtures/content/exercises/demo/paddle"),
    # Paced by their simulated devices, so every one of the IoT track: how much a submission gains
    # from its tests running in parallel pairs depends on how its tests' times are spread.
    *(("serial", folder) for folder in sorted((ROOT / "exercises/iot").iterdir()) if folder.is_dir()),
]


def reference_time(folder: Path) -> float:
    """R: a cold `python -m pytest` of the exercise's tests against its reference solution."""
    exercise = load_exercise(folder)
    with tempfile.TemporaryDirectory() as work:
        for name, text in exercise.solution_files().items():
            Path(work, name).write_text(text)
        for path in exercise.data_files():
            shutil.copy(path, work)
        env = {**os.environ, "LOCAL_KIND": exercise.kind, "LOCAL_FILES": ",".join(exercise.files),
               "LOCAL_OPTIONS": repr(exercise.options), "LOCAL_DATA": str(exercise.data_dir),
               "PYTHONPATH": f"{ROOT / 'bench'}:{os.environ.get('PYTHONPATH', '')}",
               "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "MPLBACKEND": "Agg"}
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "local", "-p", "no:cacheprovider",
                                 str(exercise.tests_dir)], cwd=work, env=env, capture_output=True, text=True)
        elapsed = time.monotonic() - started
    if result.returncode != 0:
        raise RuntimeError(f"the reference run failed for {folder}:\n{result.stdout[-2000:]}")
    return elapsed


def end_to_end(folder: Path, warm: bool) -> list[float]:
    """Submit → report stored through the real queue and an embedded worker."""
    from learnpath import create_app
    from learnpath.catalog import sync_catalog
    from learnpath.database import upgrade_database
    from learnpath.extensions import db
    from learnpath.models import Exercise as ExerciseRow
    from learnpath.models import User
    from learnpath.queue import enqueue, run_one
    from sqlalchemy import select

    exercise = load_exercise(folder)
    slugs = [exercise.slug]  # with the exercises it requires, so that the track is valid
    for slug in slugs:
        slugs += [s for s in load_exercise(folder.parent / slug).requires if s not in slugs]
    with tempfile.TemporaryDirectory() as instance:
        content = Path(instance, "content")
        (content / "tracks").mkdir(parents=True)
        for slug in slugs:
            shutil.copytree(folder.parent / slug, content / "exercises" / exercise.track / slug)
        listed = ", ".join(f'"{slug}"' for slug in reversed(slugs))
        (content / "tracks" / f"{exercise.track}.toml").write_text(
            f'title = "B"\nrole = "B"\nsummary = "B"\nexercises = [{listed}]\n')
        app = create_app({"INSTANCE_PATH": instance, "CONTENT_ROOT": str(content), "TESTING": True,
                          "DATABASE_URL": f"sqlite:///{instance}/bench.sqlite3"})
        upgrade_database(app)
        sync_catalog(app)
        pool = WarmPool(Settings(), size=1, keys=[PairKey.of(exercise)]) if warm else None
        timings = []
        with app.app_context():
            user = User(email="bench@example.com", display_name="bench", password_hash="x")
            db.session.add(user)
            db.session.commit()
            row = db.session.scalar(select(ExerciseRow).where(ExerciseRow.key == exercise.id))
            for _ in range(SAMPLES):
                if pool is not None:  # as a submission finds it when the last one is a while ago
                    pool.wait_ready(PairKey.of(exercise), every=True)
                started = time.monotonic()
                enqueue(user, row, exercise.solution_files(), "submit")
                run_one(app, "bench", 0, pool)
                timings.append(time.monotonic() - started)
        if pool is not None:
            pool.close()
    return timings


def line(name: str, value: float, op: str, target: float, unit: str = "") -> None:
    print(f"{name}: {value:.2f}{unit} (target {op} {target:g}{unit})", flush=True)


def latency() -> None:
    several = {kind for kind, _ in EXERCISES if sum(k == kind for k, _ in EXERCISES) > 1}
    for kind, folder in EXERCISES:
        if not folder.is_dir():
            continue
        name = f"{kind}:{folder.name}" if kind in several else kind
        reference = statistics.median(reference_time(folder) for _ in range(3))
        warm = statistics.median(end_to_end(folder, warm=True))
        cold = statistics.median(end_to_end(folder, warm=False))
        print(f"# {name}: R = {reference * 1000:.0f} ms, warm p50 = {warm * 1000:.0f} ms, "
              f"cold p50 = {cold * 1000:.0f} ms", flush=True)
        line(f"latency_p50_over_R[{name}]", warm / reference, "<=", TARGETS[kind])
        line(f"cold_latency_p50_over_R[{name}]", cold / reference, "<=", 1.2)


def throughput() -> None:
    from machine import worker_rounds
    from throughput import gradings_per_minute

    rates = worker_rounds([1, 2], gradings_per_minute, THROUGHPUT_ROUNDS, "gradings per minute", 0)
    one, two = rates[1], rates[2]
    line("gradings_per_minute[1 worker]", one, ">=", 500)
    line("gradings_per_minute[2 workers]", two, ">=", 1000)
    line("speedup[2 workers / 1 worker]", two / one, ">=", 1.8, "x")


def main() -> None:
    latency()
    throughput()


if __name__ == "__main__":
    main()
