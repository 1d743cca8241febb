"""Fork servers: a warm template sandbox per role that forks a fresh, isolated child per submission.

Starting two interpreters per submission costs about half a second of CPU; a fork server pays it
once. A `ForkServer` holds two long-lived bwrap sandboxes (harness and subject, each with its own
uid) whose template process (`gradekit.zygote`) has done the kind's imports. Each submission gets
a `ForkedPair`: per role a child forked from the template, in fresh namespaces (a network one for
the subject only: `zygote.FRESH_NETWORK`) and fresh tmpfs folders, in the role's control groups
with the exercise's limits, with every capability dropped before the job is read. The template
never runs learner code; a child runs exactly one job. The server keeps one set of control groups
per role and renews it between jobs (emptied, its memory verdict counted afresh), since a server
grades one job at a time.

Used only where this holds: the bwrap backend run as root with cgroups, and kinds whose warm-up
is imports alone (`Kind.forkable`).
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Any

from gradekit.entry import GRADER_DIR
from gradekit.errors import SandboxError
from gradekit.kinds import get_kind
from gradekit.pair import (
    GRADEKIT_DIR,
    GRADEKIT_INSIDE,
    Pair,
    PairKey,
    harness_imports,
    role_limits,
    sandbox_spec,
    subject_imports,
)
from gradekit.sandbox import WORK_DIR, CappedOutput, Outcome, Run, Sandbox, process_tree
from gradekit.sandbox.cgroup import CgroupSet
from gradekit.settings import Settings
from gradekit.spec import Limits
from gradekit.zygote import FRESH_NETWORK

ZYGOTE_ENTRY = "import sys; sys.path.insert(0, '/opt/gradekit'); from gradekit.zygote import main; main()"
# What a template keeps until each job process drops it: mounting the job's own folders and /proc
# (SYS_ADMIN), emptying the bounding set (SETPCAP) and, where each job has a network namespace of
# its own (`zygote.FRESH_NETWORK`), bringing up its loopback (NET_ADMIN).
TEMPLATE_CAPABILITIES = ("CAP_SYS_ADMIN", "CAP_SETPCAP")
NETWORK_CAPABILITIES = ("CAP_NET_ADMIN",)
KILLED = -signal.SIGKILL
ROLES = ("subject", "harness")


def fork_server_usable(settings: Settings, key: PairKey) -> bool:
    """Can submissions of `key` be forked from a template here?"""
    return (settings.fork_server and settings.backend == "bwrap" and settings.cgroups and os.geteuid() == 0
            and get_kind(key.kind).forkable and _cgroups_work())


def _cgroups_work() -> bool:
    probe = CgroupSet.create(64 * 1024 * 1024, 8)
    if probe is None:
        return False
    probe.destroy()
    return True


def kept_binds(backend: Sandbox, folders: list[str]) -> list[str]:
    """The read-only binds inside `folders` (which a job replaces with fresh tmpfs), outermost first."""
    runtime: list[tuple[str, str]] = getattr(backend, "runtime_binds", list)()
    inside = {path for _, path in [*runtime, (str(GRADEKIT_DIR), GRADEKIT_INSIDE)]}
    return sorted(path for path in inside if any(Path(path).is_relative_to(f) for f in folders))


class Template:
    """One long-lived sandbox running the template process for one role."""

    def __init__(self, backend: Sandbox, role: str, key: PairKey, settings: Settings) -> None:
        self.role = role
        self.control, inside = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        imports = subject_imports(key) if role == "subject" else harness_imports(key)
        config = {"role": role, "control_fd": inside.fileno(), "imports": imports}
        capabilities = TEMPLATE_CAPABILITIES + (NETWORK_CAPABILITIES if role in FRESH_NETWORK else ())
        spec = sandbox_spec(role, key, settings, config, (inside.fileno(),), entry=ZYGOTE_ENTRY,
                            capabilities=capabilities)
        try:
            self.run = backend.start(spec)
        except BaseException:
            self.control.close()
            raise
        finally:
            inside.close()

    def expect(self, word: bytes, timeout: float) -> bool:
        """Wait for the template to say `word` ("ready" once warm, "next" after each job)."""
        ready, _, _ = select.select([self.control], [], [], timeout)
        try:
            return bool(ready) and self.control.recv(16) == word
        except OSError:
            return False

    def send(self, header: dict[str, Any], fds: dict[str, int], cgroup_fds: list[int]) -> None:
        names = [*fds, *(["cgroup"] * len(cgroup_fds))]
        message = json.dumps({**header, "fds": names}).encode()
        socket.send_fds(self.control, [message], [*fds.values(), *cgroup_fds])

    def pids(self) -> set[int]:
        """The host pids of this sandbox's processes (bwrap, its init and the template)."""
        root = getattr(getattr(self.run, "process", None), "pid", None)
        return set(process_tree(root)) if root else set()

    def close(self) -> None:
        self.control.close()
        self.run.cleanup()


class ForkedRun(Run):
    """One job process forked from a template: its status pipe, its output and its role's cgroups."""

    def __init__(self, status_fd: int, output_fd: int, cgroups: CgroupSet, output_cap: int) -> None:
        self.status_fd = status_fd
        self.output_fd = output_fd
        self.cgroups = cgroups
        self.code: int | None = None
        self.status = bytearray()
        self.cleaned = False
        self.output = CappedOutput(output_fd, output_cap, self.kill)

    def wait(self, timeout: float | None) -> int | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.code is None:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.status_fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.status_fd, 32)
            if chunk:
                self.status += chunk
                continue
            try:  # the template writes the job's status; nothing written means the template was killed
                self.code = int(self.status) if self.status else KILLED
            except ValueError:
                self.code = KILLED
        return self.code

    def kill(self) -> None:
        self.cgroups.kill_all(timeout=0.1)  # the cleanup waits longer for what is left

    def outcome(self) -> Outcome:
        code = self.wait(0)
        if code is not None:
            self.output.join()
        return Outcome(exit_code=code, memory_exceeded=self.cgroups.memory_exceeded(),
                       output_exceeded=self.output.exceeded, output=self.output.text())

    def cleanup(self) -> None:
        if self.cleaned:
            return
        self.cleaned = True
        if self.wait(0) is None:
            self.kill()
        self.wait(5)
        self.output.join()
        self.cgroups.kill_all()  # the server renews the groups for its next job, or destroys them
        for fd in (self.status_fd, self.output_fd):
            os.close(fd)


class ForkServer:
    """Harness and subject templates for one key, in one slot (so with that slot's two uids)."""

    def __init__(self, backend: Sandbox, key: PairKey, settings: Settings) -> None:
        self.backend = backend
        self.key = key
        self.slot = settings.slot
        self.lock = threading.Lock()
        self.templates: dict[str, Template] = {}
        self.cgroups: dict[str, CgroupSet] = {}
        self.started_pids: set[int] = set()
        # Per role: the folders each job replaces with fresh tmpfs, and the binds inside them to keep.
        self.writable = {role: [GRADER_DIR] if role == "harness" else [] for role in ROLES}
        self.keep = {role: kept_binds(backend, [WORK_DIR, "/tmp", *self.writable[role]]) for role in ROLES}
        try:
            for role in ROLES:
                self.templates[role] = Template(backend, role, key, settings)
        except BaseException:
            self.close()
            raise

    def wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        ready = all(t.expect(b"ready", max(0.0, deadline - time.monotonic())) for t in self.templates.values())
        if ready:
            self.started_pids = set().union(*(t.pids() for t in self.templates.values()))
        return ready

    def alive(self) -> bool:
        return len(self.templates) == 2 and all(t.run.wait(0) is None for t in self.templates.values())

    def pair(self) -> ForkedPair:
        """Fork a fresh harness/subject pair for one submission."""
        return ForkedPair(self)

    def role_cgroups(self, role: str, limits: Limits) -> CgroupSet:
        """The role's control groups, emptied and renewed for the next job (made anew if they cannot be)."""
        cgroups = self.cgroups.pop(role, None)
        if cgroups is not None and not cgroups.renew():
            cgroups.destroy()
            cgroups = None
        if cgroups is None:
            cgroups = CgroupSet.create(limits.memory * 1024 * 1024, limits.processes)
        if cgroups is None:
            raise SandboxError("could not create the control groups for a forked sandbox")
        self.cgroups[role] = cgroups
        return cgroups

    def settle(self, timeout: float = 10.0) -> bool:
        """After a pair is destroyed: have both templates reaped their child and wait for the next job?"""
        deadline = time.monotonic() + timeout
        return all(t.expect(b"next", max(0.0, deadline - time.monotonic())) for t in self.templates.values())

    def pids(self) -> set[int]:
        """The host pids of the two sandboxes as they were once warm: bwrap, its init, the template."""
        return set(self.started_pids)

    def close(self) -> None:
        for template in self.templates.values():
            template.close()
        self.templates.clear()
        for cgroups in self.cgroups.values():
            cgroups.destroy()
        self.cgroups.clear()


class ForkedPair(Pair):
    """A pair whose two sandboxes are children forked from a fork server's templates."""

    def __init__(self, server: ForkServer) -> None:  # noqa: PLR0915 - one descriptor table, built in order
        self.backend = server.backend
        self.key = server.key
        self.server = server
        self.runs: list[Run] = []
        self.used = False
        self.mode = "forked"
        self.ready_read = -1
        harness_sock, subject_sock = socket.socketpair()
        self.report_read, report_write = os.pipe()
        subject_job_read, self.subject_job = os.pipe()
        harness_job_read, self.harness_job = os.pipe()
        role_fds = {
            "subject": {"channel": subject_sock.fileno(), "job": subject_job_read},
            "harness": {"channel": harness_sock.fileno(), "job": harness_job_read, "report": report_write},
        }
        sent = [subject_job_read, harness_job_read, report_write]
        try:
            for role in ROLES:
                self.runs.append(self._fork(role, role_fds[role]))
        except BaseException:
            self.destroy()
            raise
        finally:
            for fd in sent:
                os.close(fd)
            harness_sock.close()
            subject_sock.close()

    def _fork(self, role: str, fds: dict[str, int]) -> ForkedRun:
        limits = role_limits(role, self.key)
        cgroups = self.server.role_cgroups(role, limits)
        status_read, status_write = os.pipe()
        output_read, output_write = os.pipe()
        cgroup_fds: list[int] = []
        try:
            cgroup_fds = [os.open(path, os.O_WRONLY) for path in cgroups.procs_files]
            header = {"role": role, "disk": limits.disk, "writable": self.server.writable[role],
                      "keep": self.server.keep[role]}
            self.server.templates[role].send(header, {**fds, "status": status_write, "output": output_write},
                                             cgroup_fds)
        except BaseException:
            cgroups.kill_all()
            for fd in (status_read, output_read):
                os.close(fd)
            raise
        finally:
            for fd in (status_write, output_write, *cgroup_fds):
                os.close(fd)
        return ForkedRun(status_read, output_read, cgroups, limits.output * 1024)
