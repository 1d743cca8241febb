"""Load benchmark: web latency and errors for more and more learners, grading throughput per worker count.

Runs the scaled topology as real processes on loopback (gunicorn, `learnpath worker`s, PostgreSQL,
a private Redis), built with the helpers of the fault tests in tests/scale. Learners are simulated
with one HTTP client each, reading a page, then thinking about THINK_SECONDS (0.5 to 1.5 times it,
drawn at random as load tools such as Locust do, so that learners do not all click in the same
millisecond), for a bounded number of pages. Each learner starts at a random moment of the first
think time.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from celery import Celery
from learnpath.config import DEFAULTS
from learnpath.transports.celery_app import QUEUE_NAME

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "scale"))

from cluster import CSRF, Cluster, Database, Learner, Redis, wait_for  # noqa: E402
from conftest import ADD, EXERCISES, PASSWORD, SOLUTION, add_learners  # noqa: E402
from machine import BusyCores, worker_rounds  # noqa: E402

LEARNERS = [10, 50, 100, 200]
PAGES_PER_LEARNER = 10
THINK_SECONDS = 1.0
LOGIN_SECONDS = 300  # for every learner of a round to log in
PAGES = ["/", "/tracks/scale", "/tracks/scale/add"]
WORKER_COUNTS = [1, 2, 4]
# Rounds alternate between the worker counts and each figure is the median of its rounds: this
# machine's speed drifts by up to 30 % from one minute to the next, which a single round of each
# count would read as a speedup or a slowdown.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
JOBS = 240  # the backlog each round drains
SUBMITTERS = 12  # learners submitting the backlog at once
RESULTS = Path(__file__).resolve().parent / "results"


def write_content(root: Path) -> Path:
    (root / "tracks").mkdir(parents=True)
    (root / "tracks" / "scale.toml").write_text(
        'title = "Scale"\nrole = "Backend developer"\nsummary = "Small exercises."\nexercises = ["add", "slow"]\n'
    )
    for slug, toml in EXERCISES.items():
        for name, body in {**ADD, "exercise.toml": toml}.items():
            path = root / "exercises" / "scale" / slug / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body)
    return root


async def learner(url: str, email: str, latencies: list[float], errors: list[int], logged_in: asyncio.Barrier,
                  think: random.Random) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        token = CSRF.search((await client.get("/auth/login")).text).group(1)
        await client.post("/auth/login", data={"csrf_token": token, "email": email, "password": PASSWORD})
        await logged_in.wait()
        await asyncio.sleep(think.uniform(0, THINK_SECONDS))
        for page in range(PAGES_PER_LEARNER):
            began = time.perf_counter()
            try:
                response = await client.get(PAGES[page % len(PAGES)])
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - began) * 1000)
            errors.append(0 if ok else 1)
            await asyncio.sleep(think.uniform(0.5, 1.5) * THINK_SECONDS)


async def web_round(url: str, emails: list[str]) -> tuple[float, float, float]:
    latencies: list[float] = []
    errors: list[int] = []
    # Every learner has logged in before the first page load is timed.
    logged_in = asyncio.Barrier(len(emails) + 1)
    think = random.Random(len(emails))  # the same think times on every run
    tasks = [asyncio.create_task(learner(url, email, latencies, errors, logged_in, think)) for email in emails]
    async with asyncio.timeout(LOGIN_SECONDS):
        await logged_in.wait()
    await asyncio.gather(*tasks)
    cuts = statistics.quantiles(latencies, n=100)
    return cuts[49], cuts[94], sum(errors) / len(errors)


def grading_throughput(cluster: Cluster, database: Database, workers: int, emails: list[str]) -> float:
    """Jobs per second that `workers` worker processes (one grading process each) drain from a backlog.

    The workers first grade until each has warmed its pool; then they are told to stop consuming
    (Celery's cancel_consumer), a class of learners submits the backlog through the web, and the
    workers consume again. The rate comes from the rows' own timestamps (first claim to last report
    stored), so neither the submitting nor this process's polling is counted as grading.
    """
    control = Celery(broker=cluster.env["LEARNPATH_BROKER_URL"]).control
    processes = [cluster.start_worker(concurrency=1) for _ in range(workers)]
    learners = [cluster.learner(email, PASSWORD) for email in emails[:SUBMITTERS]]
    done = "SELECT count(*) FROM submissions WHERE state = 'done' AND id = ANY(:ids)"
    graded_by = "SELECT count(DISTINCT worker) FROM submissions WHERE id = ANY(:ids)"
    warmup: list[int] = []
    while len(warmup) < 20 * workers:
        batch = [learners[0].submit("scale/add", SOLUTION) for _ in range(2 * workers)]
        warmup += batch
        wait_for(lambda batch=batch: database.scalar(done, ids=batch) == len(batch), 120, "warm-up was not graded")
        if database.scalar(graded_by, ids=warmup) == workers:
            break
    time.sleep(3)  # the fork servers each first job asked for are started
    replies = control.cancel_consumer(QUEUE_NAME, reply=True, timeout=10)
    if len(replies) != workers:
        raise RuntimeError(f"{len(replies)} of {workers} workers stopped consuming")

    def submit_share(learner_: Learner) -> list[int]:
        return [learner_.submit("scale/add", SOLUTION) for _ in range(JOBS // SUBMITTERS)]

    with ThreadPoolExecutor(SUBMITTERS) as executor:
        ids = [i for share in executor.map(submit_share, learners) for i in share]
    with BusyCores() as cores:
        control.add_consumer(QUEUE_NAME, reply=True, timeout=10)
        wait_for(lambda: database.scalar(done, ids=ids) == len(ids), 600, "jobs were not graded", interval=0.25)
    ((first, last),) = database.rows(
        "SELECT min(started_at), max(finished_at) FROM submissions WHERE id = ANY(:ids)", ids=ids
    )
    for process in processes:
        cluster.stop(process)
    rate = len(ids) / (last - first).total_seconds()
    print(BusyCores.line(workers, f"{rate:.1f} jobs/s", cores.between(first, last)), flush=True)
    return rate


def plot(web: dict[int, tuple[float, float, float]], throughput: dict[int, float], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    counts = sorted(web)
    left.plot(counts, [web[n][0] for n in counts], marker="o", label="p50")
    left.plot(counts, [web[n][1] for n in counts], marker="o", label="p95")
    left.axhline(50, color="grey", linestyle="--", label="p95 target")
    left.set(xlabel="concurrent learners", ylabel="page latency (ms)", title="Web (gunicorn)")
    left.legend()
    workers = sorted(throughput)
    right.bar([str(n) for n in workers], [throughput[n] for n in workers])
    right.set(xlabel="worker processes", ylabel="jobs graded per second", title="Grading throughput")
    figure.tight_layout()
    figure.savefig(path)


def main() -> None:
    RESULTS.mkdir(exist_ok=True)
    database = Database()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        redis = Redis(folder)
        # The deployment's own grader settings (warm pools), unlike the fault tests' cold pairs.
        cluster = Cluster(folder, database.url, redis.url, write_content(folder / "content"),
                          SUBMISSIONS_PER_MINUTE=10_000, WARM_PAIRS=DEFAULTS["WARM_PAIRS"])
        try:
            cluster.start_web(workers=4, threads=4)  # the shape compose.yaml and the README deploy
            emails = add_learners(database, max(LEARNERS))
            web = {n: asyncio.run(web_round(cluster.url, emails[:n])) for n in LEARNERS}
            for n, (p50, p95, error_rate) in web.items():
                target = "(target <= 50)" if n <= 100 else "(target none: beyond the 100-learner goal)"
                print(f"web_p50_ms_{n}_learners: {p50:.1f} {target}")
                print(f"web_p95_ms_{n}_learners: {p95:.1f} {target}")
                print(f"web_error_rate_{n}_learners: {error_rate:.3f} (target == 0)")
            throughput = worker_rounds(WORKER_COUNTS, lambda n: grading_throughput(cluster, database, n, emails),
                                       ROUNDS, "jobs per second", 1)
            for n, rate in throughput.items():
                print(f"grading_jobs_per_second_{n}_workers: {rate:.2f} (target > 0)")
            print(f"grading_speedup_2_workers: {throughput[2] / throughput[1]:.2f} (target >= 1.8)")
            print(f"grading_speedup_4_workers: {throughput[4] / throughput[1]:.2f} (target >= 1.8)")
            plot(web, throughput, RESULTS / "load.png")
            print(f"# plot: {RESULTS / 'load.png'}")
        finally:
            cluster.close()
            redis.stop()
            database.drop()


if __name__ == "__main__":
    main()
