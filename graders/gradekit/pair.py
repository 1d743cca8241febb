"""A harness/subject sandbox pair: started (possibly ahead of time), given one job, then destroyed.

A pair is started with the interpreter and heavy imports loaded and then waits for its job on a
pipe: the learner's files for the subject, the tests for the harness. A pair runs exactly one job,
so nothing crosses from one learner to the next.
"""

from __future__ import annotations

import base64
import json
import os
import select
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gradekit.background import Task, in_background
from gradekit.entry import BOOTSTRAP, GRADER_DIR
from gradekit.kinds import get_kind, kind_modules
from gradekit.kinds.serial import PORT
from gradekit.parts import Part
from gradekit.report import HarnessEvents, Judged, build_report
from gradekit.sandbox import WORK_DIR, Run, Sandbox, SandboxSpec
from gradekit.settings import Settings
from gradekit.spec import Exercise, Limits

GRADEKIT_DIR = Path(__file__).resolve().parent
GRADEKIT_INSIDE = "/opt/gradekit/gradekit"
MASKED = {"scaffolds"}
# Hidden from the learner's sandbox only: the simulated devices run in the harness, and nothing in
# them is the learner's code's to import (a fake port built on the device's own model, say).
SUBJECT_MASKED = {"devices"}
EVENTS_CAP = 16 * 1024 * 1024
HARNESS_MIN_MEMORY = 768
# How long before the host stops the whole run the harness gives up waiting for the learner's code to
# load (at most a quarter of the run's time): a load that never ends is then reported as one ("took
# longer than 15 s to load"), with time left to fail the remaining tests, not only as time being up.
LOAD_MARGIN = 5.0
WARM_NICE = 10  # a pair started ahead of time warms up at this niceness, behind running gradings
HARNESS_IMPORTS = ("pytest", "httpx", "gradekit.harness")
SCIENTIFIC = {"numpy", "pandas"}  # the harness needs them too, to rebuild arrays and frames
BASE_ENV = {
    "PATH": "/usr/bin:/bin", "HOME": WORK_DIR, "LANG": "C.UTF-8", "TMPDIR": "/tmp",
    "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp",
    "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
}


@dataclass(frozen=True)
class PairKey:
    """What a pair is fixed to when started: the kind and the limits enforced from outside."""

    kind: str
    memory: int
    processes: int
    disk: int
    preload: tuple[str, ...] = ()  # modules a warm subject imports ahead (exercise option `preload`)

    @classmethod
    def of(cls, exercise: Exercise) -> PairKey:
        limits = exercise.limits
        preload = exercise.options.get("preload", ())
        modules = tuple(str(m) for m in preload) if isinstance(preload, list | tuple) else ()
        return cls(exercise.kind, limits.memory, limits.processes, limits.disk, modules)

    def limits(self) -> Limits:
        return Limits(memory=self.memory, processes=self.processes, disk=self.disk)


def subject_imports(key: PairKey) -> list[str]:
    return ["gradekit.subject", *kind_modules(), *get_kind(key.kind).heavy_imports, *key.preload]


def harness_imports(key: PairKey) -> list[str]:
    return [*HARNESS_IMPORTS, *SCIENTIFIC.intersection(key.preload)]


def role_limits(role: str, key: PairKey) -> Limits:
    """The subject gets the exercise's limits; the harness (pytest and its helpers) at least its minimum."""
    limits = key.limits()
    if role == "subject":
        return limits
    return Limits(memory=max(limits.memory, HARNESS_MIN_MEMORY), processes=max(limits.processes, 64),
                  disk=limits.disk)


def sandbox_spec(role: str, key: PairKey, settings: Settings, config: dict[str, Any], pass_fds: tuple[int, ...],
                 devices: list[tuple[str, str]] | None = None, entry: str = BOOTSTRAP,
                 capabilities: tuple[str, ...] = (), nice: int = 0) -> SandboxSpec:
    """The sandbox one role of a pair runs in: gradekit read-only, its templates masked, its own limits."""
    env = {**BASE_ENV, **getattr(get_kind(key.kind), "env", {})}
    # Exercise templates ship inside the package but have no business in a sandbox.
    masked = MASKED | (SUBJECT_MASKED if role == "subject" else set())
    masks = [f"{GRADEKIT_INSIDE}/{p.name}" for p in GRADEKIT_DIR.iterdir() if p.name in masked]
    if role == "harness":
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return SandboxSpec(role=role, argv=[settings.python, "-I", "-B", "-c", entry, json.dumps(config)],
                       limits=role_limits(role, key), binds=[(str(GRADEKIT_DIR), GRADEKIT_INSIDE)],
                       pass_fds=pass_fds, env=env, devices=devices or [], masks=masks, image=key.kind,
                       writable=[GRADER_DIR] if role == "harness" else [], capabilities=capabilities, nice=nice)


def _encode_files(files: dict[str, bytes]) -> dict[str, str]:
    return {name: base64.b64encode(content).decode() for name, content in files.items()}


def subject_files(exercise: Exercise, files: dict[str, str]) -> dict[str, bytes]:
    """The subject's work folder at the start: the exercise's data files and the learner's files."""
    found = {p.name: p.read_bytes() for p in exercise.data_files()}
    found.update({name: text.encode("utf-8", "surrogatepass") for name, text in files.items()})
    return found


def selected_tests(exercise: Exercise, names: Iterable[str], visible_only: bool) -> list[str]:
    """Of the tests folder's files `names`, those a run collects: each `test_*.py` at its top (or the visible ones)."""
    return sorted(name for name in names if name.startswith("test_") and "/" not in name and name.endswith(".py")
                  and (not visible_only or name in exercise.visible_tests))


def test_files(exercise: Exercise) -> dict[str, bytes]:
    """The tests folder's files (relative paths), copied into the harness, never bound from the host."""
    found = {}
    for path in sorted(exercise.tests_dir.rglob("*")):
        if path.is_file() and not path.is_symlink() and "__pycache__" not in path.parts:
            found[str(path.relative_to(exercise.tests_dir))] = path.read_bytes()
    return found


class Pair:
    """Two started sandboxes joined by a channel, waiting for one job."""

    def __init__(self, backend: Sandbox, key: PairKey, settings: Settings, warm: bool = False) -> None:
        self.backend = backend
        self.key = key
        self.runs: list[Run] = []
        self.used = False
        self.mode = "warm" if warm else "cold"  # how its sandboxes started, said in the report
        nice = WARM_NICE if warm else 0
        harness_sock, subject_sock = socket.socketpair()
        report_read, report_write = os.pipe()
        subject_job_read, self.subject_job = os.pipe()
        harness_job_read, self.harness_job = os.pipe()
        self.ready_read, ready_write = os.pipe()
        self.report_read = report_read
        subject_config = {"role": "subject", "channel_fd": subject_sock.fileno(), "job_fd": subject_job_read,
                          "ready_fd": ready_write,
                          "imports": subject_imports(key) if warm else [],
                          "prepare": key.kind if warm else None,
                          "early_limits": {"cpu": 600, "disk": key.disk, "processes": key.processes,
                                           "nproc": os.geteuid() == 0}}
        harness_config = {"role": "harness", "channel_fd": harness_sock.fileno(), "job_fd": harness_job_read,
                          "ready_fd": ready_write,
                          "report_fd": report_write,
                          "imports": harness_imports(key) if warm else []}
        port_fds: tuple[int, ...] = ()
        devices: list[tuple[str, str]] = []
        if get_kind(key.kind).needs_port:
            master, slave, path = _open_port(backend)
            port_fds, devices = (master, slave), [(path, PORT)]
            harness_config["serial_fd"] = master
        specs = [
            sandbox_spec("subject", key, settings, subject_config,
                         (subject_sock.fileno(), subject_job_read, ready_write), devices=devices, nice=nice),
            sandbox_spec("harness", key, settings, harness_config,
                         (harness_sock.fileno(), harness_job_read, report_write, ready_write, *port_fds), nice=nice),
        ]
        try:
            for spec in specs:
                self.runs.append(backend.start(spec))
        except BaseException:
            self.destroy()
            raise
        finally:
            for fd in (subject_job_read, harness_job_read, report_write, ready_write, *port_fds):
                os.close(fd)
            harness_sock.close()
            subject_sock.close()

    def wait_ready(self, timeout: float) -> bool:
        """Wait until both sandboxes have done their imports and wait for the job."""
        deadline = time.monotonic() + timeout
        received = b""
        while len(received) < 2:
            ready, _, _ = select.select([self.ready_read], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(self.ready_read, 2) if ready else b""
            if not chunk:
                return False
            received += chunk
        return True

    def alive(self) -> bool:
        return len(self.runs) == 2 and all(run.wait(0) is None for run in self.runs)

    def run(self, exercise: Exercise, files: dict[str, str], visible_only: bool) -> dict[str, Any]:
        """Give the pair its one job, wait for the harness, and build the report."""
        report = build_report(exercise, self.backend.name, self.judge(exercise, files, visible_only))
        report["grader"]["sandbox"] = self.mode
        return report

    def judge(self, exercise: Exercise, files: dict[str, str], visible_only: bool,
              part: Part | None = None) -> Judged:
        """Give the pair its one job (all the tests, or one part of them) and wait for the harness."""
        if self.used:
            raise RuntimeError("a sandbox pair runs exactly one job")
        self.used = True
        limits = exercise.limits
        tests = test_files(exercise)
        selected = selected_tests(exercise, tests, visible_only)
        data = {p.name: p.read_bytes() for p in exercise.data_files()}
        nproc = os.geteuid() == 0
        limit_config = {"cpu": limits.cpu, "disk": limits.disk, "processes": limits.processes, "nproc": nproc}
        subject_job = {"files": _encode_files(subject_files(exercise, files)), "kind": exercise.kind,
                       "names": list(exercise.files), "options": exercise.options, "limits": limit_config}
        harness_job = {
            "tests": _encode_files(tests), "data": _encode_files(data), "run": selected,
            "visible": list(exercise.visible_tests), "call_timeout": limits.call_timeout,
            "load_timeout": limits.timeout - min(LOAD_MARGIN, limits.timeout / 4),
            "limits": {**limit_config, "cpu": limits.timeout * 2, "nproc": False},
            "device": exercise.options.get("device"), "device_options": exercise.options.get("device_options", {}),
            "part": part.job() if part else None,
        }
        if self.mode == "warm":  # started ahead at low priority; its job runs at normal priority
            for run in self.runs:
                run.prioritize()
        events, reader = _read_events(self.report_read)
        _send_job(self.subject_job, subject_job)
        _send_job(self.harness_job, harness_job)
        self._close("subject_job", "harness_job")
        subject_run, harness_run = self.runs
        # Everything needed is in once the harness says "done"; its interpreter's exit is not waited for.
        finished = events.finished.wait(limits.timeout)
        timed_out = not finished and harness_run.wait(0) is None
        if not events.done:  # stopped early: the sandboxes must be dead before their outcome is read
            harness_run.kill()
            reader.join(timeout=5)
            subject_run.kill()
            subject_run.wait(5)
        return Judged(events, subject_run.outcome(), harness_run.outcome(), timed_out)

    def _close(self, *names: str) -> None:
        for name in names:
            fd = getattr(self, name)
            if fd >= 0:
                setattr(self, name, -1)
                os.close(fd)

    def destroy(self) -> None:
        """Kill both sandboxes and release every descriptor (idempotent)."""
        for run in self.runs:
            run.cleanup()
        self._close("subject_job", "harness_job", "report_read", "ready_read")


def _open_port(backend: Sandbox) -> tuple[int, int, str]:
    """A pty whose slave only the subject may open; the harness keeps the master (the device).

    The subject opens it through its group (its gid is its uid): an owner could change the mode
    and let anyone on the host read and write the device while the run lasts.
    """
    master, slave = os.openpty()
    path = os.ttyname(slave)
    host_uid = getattr(backend, "host_uid", None)
    uid = host_uid("subject") if host_uid else None
    if uid is not None:
        os.chown(path, 0, uid)
        os.chmod(path, 0o660)
    else:
        os.chmod(path, 0o600)
    return master, slave, path


def _send_job(fd: int, job: dict[str, Any]) -> None:
    data = json.dumps(job).encode()
    try:
        with os.fdopen(os.dup(fd), "wb") as stream:
            stream.write(data)
    except BrokenPipeError:
        pass  # the sandbox died while waiting; its outcome says why


def _read_events(fd: int) -> tuple[HarnessEvents, Task]:
    """Read the harness's events in the background, at most EVENTS_CAP bytes of them.

    Past the cap the reading stops and `too_large` says so: the run is then stopped, and the
    report puts it down to the learner's output (the harness bounds what it writes of its own).
    """
    events = HarnessEvents()

    def read() -> None:
        size = 0
        with os.fdopen(os.dup(fd), "rb") as stream:
            while line := stream.readline(EVENTS_CAP + 1 - size):  # never more than the cap in memory
                size += len(line)
                if size > EVENTS_CAP:
                    events.too_large = EVENTS_CAP
                    break
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                if isinstance(event, dict):
                    events.add(event)
        events.finished.set()

    return events, in_background(read)
