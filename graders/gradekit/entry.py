"""The first code run inside a sandbox: warm up, wait for the job, set hard limits, then run.

The job arrives on a pipe only the worker writes. Files are written here, before any learner
code runs, into a fresh work folder; limits are set soft and hard together so later code cannot
raise them.
"""

from __future__ import annotations

import base64
import contextlib
import importlib
import json
import os
import resource
import sys
from typing import Any

from gradekit.sandbox import WORK_DIR

BOOTSTRAP = "import sys; sys.path.insert(0, '/opt/gradekit'); from gradekit.entry import main; main()"
GRADER_DIR = "/grader"


def limit(kind: int, value: int) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(kind, (value, value))


def apply_limits(config: dict[str, Any]) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime)
    limit(resource.RLIMIT_CPU, used + int(config["cpu"]) + 1)
    limit(resource.RLIMIT_CORE, 0)
    limit(resource.RLIMIT_NOFILE, 256)
    limit(resource.RLIMIT_FSIZE, int(config["disk"]) * 1024 * 1024)
    if config.get("nproc"):
        limit(resource.RLIMIT_NPROC, int(config["processes"]))


def warm_up(modules: list[str]) -> None:
    """Import what the job will need while nothing else is running (a harness also rehearses a run)."""
    for name in modules:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    import gc

    harness = sys.modules.get("gradekit.harness")
    if harness is not None:
        harness.rehearse()
    gc.collect()
    gc.freeze()


def read_job(fd: int) -> dict[str, Any]:
    with os.fdopen(fd, "rb") as stream:
        job = json.loads(stream.read() or b"null")
    if not isinstance(job, dict):
        sys.exit(0)  # the pair was discarded without a job
    return job


def write_files(folder: str, files: dict[str, str]) -> list[str]:
    """Create each file fresh (never through an existing name or link)."""
    written = []
    for relative, data in files.items():
        path = os.path.normpath(os.path.join(folder, relative))
        if not path.startswith(folder + "/"):
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as stream:
            stream.write(base64.b64decode(data))
        written.append(path)
    return written


def main() -> None:
    from gradekit.sandbox.fdbridge import connect_inherited

    connect_inherited()  # container backends hand over descriptors as sockets
    config = json.loads(sys.argv[1])
    warm_up(config.get("imports", []))
    if config.get("prepare"):
        from gradekit.kinds import get_kind

        apply_limits({**config["early_limits"], "cpu": config["early_limits"]["cpu"]})
        with contextlib.suppress(Exception):
            get_kind(config["prepare"]).prepare()
    os.write(config["ready_fd"], b"r")
    os.close(config["ready_fd"])
    job = read_job(config["job_fd"])
    sys.exit(run_job(config, job))


def run_job(config: dict[str, Any], job: dict[str, Any]) -> int:
    """Write the job's files, set the hard limits and run the role's code; the exit code to use."""
    if config["role"] == "subject":
        from gradekit.sandbox.seccomp import deny_keyrings

        deny_keyrings()
        write_files(WORK_DIR, job["files"])
        apply_limits(job["limits"])
        from gradekit import subject

        subject.run(config["channel_fd"], job["kind"], tuple(job["names"]), job["options"])
        sys.stdout.flush()
        return 0
    write_files(f"{GRADER_DIR}/tests", job["tests"])
    write_files(f"{GRADER_DIR}/data", job["data"])
    os.makedirs(f"{GRADER_DIR}/data", exist_ok=True)
    apply_limits(job["limits"])
    from gradekit import harness

    code = harness.run(
        config["channel_fd"], config["report_fd"], [f"{GRADER_DIR}/tests/{name}" for name in job["run"]],
        job["visible"], f"{GRADER_DIR}/data", float(job["call_timeout"]), float(job["load_timeout"]),
        serial_fd=config.get("serial_fd"), device=job.get("device"), device_options=job.get("device_options") or {},
        part=job.get("part"),
    )
    return code if code in (0, 1) else 3
