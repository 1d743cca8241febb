"""Control groups for sandboxed runs: a memory cap that kills and a process-count cap.

A cold sandbox gets a set of its own and destroys it. A fork server keeps one set per role and
renews it between its jobs (`renew`): the group must be empty, and the memory verdict counts only
the out-of-memory kills after that point, so creating and removing groups for every job is saved
without anything of one job reaching the next.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import time
import uuid
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
PREFIX = "learnpath-"
STALE_SECONDS = 600.0  # an empty cgroup this old belongs to no run (a run joins its cgroup at once)
FAVOR_MIGRATIONS = "favordynmods"
MS_REMOUNT = 32
# A remount sets the mount's own flags afresh: those it has are given again.
MOUNT_FLAGS = {"ro": 1, "nosuid": 2, "nodev": 4, "noexec": 8, "noatime": 1024, "nodiratime": 2048,
               "relatime": 1 << 21, "strictatime": 1 << 24}


def _own_path(controller: str) -> str | None:
    """This process's cgroup path for `controller` ("" for the unified v2 hierarchy)."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(",") or (controller == "" and controllers == ""):
            return path
    return None


def cgroup2_mounts(mountinfo: str) -> list[tuple[str, list[str], list[str]]]:
    """The cgroup2 mounts in a mountinfo text: mount point, mount options, superblock options."""
    mounts = []
    for line in mountinfo.splitlines():
        own, _, shared = line.partition(" - ")
        fields, fs_fields = own.split(), shared.split()
        if len(fields) >= 6 and len(fs_fields) >= 3 and fs_fields[0] == "cgroup2":
            point = fields[4].replace("\\040", " ")
            mounts.append((point, fields[5].split(","), fs_fields[2].split(",")))
    return mounts


def remount_options(mount_options: list[str], super_options: list[str]) -> tuple[int, str]:
    """The flags and data that remount a cgroup2 hierarchy as it is, with favordynmods added."""
    flags = MS_REMOUNT
    for option in mount_options:
        flags |= MOUNT_FLAGS.get(option, 0)
    kept = [option for option in super_options if option not in {"rw", "ro", FAVOR_MIGRATIONS}]
    return flags, ",".join([*kept, FAVOR_MIGRATIONS])


def favor_migrations() -> str:
    """Have the kernel move processes between cgroups without waiting (cgroup2's `favordynmods`).

    Every job process a fork server forks joins its role's groups, and the kernel's default makes
    each such move wait for an RCU grace period: 5 to 15 ms in which that grading waits. With
    favordynmods, documented for workloads that move tasks often, the move takes microseconds; the
    kernel's price is a slightly slower fork and exit. The option is global to the host and shared
    by every hierarchy, so turning it on for the one cgroup2 mount is enough, even where memory and
    pids are v1 controllers. Needs root; leaves every other option of the mount as it was.
    Returns what was found or done, for the log.
    """
    try:
        mounts = cgroup2_mounts(Path("/proc/self/mountinfo").read_text())
    except OSError as exc:
        return f"not changed: {exc}"
    if not mounts:
        return "not changed: no cgroup2 hierarchy is mounted"
    point, mount_options, super_options = mounts[0]
    if FAVOR_MIGRATIONS in super_options:
        return f"{point}: {FAVOR_MIGRATIONS} already on"
    flags, data = remount_options(mount_options, super_options)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.mount(b"cgroup2", point.encode(), b"cgroup2", flags, data.encode()) != 0:
        return f"not changed: remounting {point}: {os.strerror(ctypes.get_errno())}"
    return f"{point}: {FAVOR_MIGRATIONS} turned on"


class CgroupSet:
    """One cgroup per needed controller (v1) or one cgroup (v2), created for a single run."""

    def __init__(self, dirs: dict[str, Path], version: int) -> None:
        self.dirs = dirs
        self.version = version
        self.oom_kills_before = 0  # the memory verdict counts out-of-memory kills after this

    @staticmethod
    def _parents() -> tuple[dict[str, Path], int]:
        """Where this process's cgroups are made, per controller (v1) or in the one tree (v2)."""
        if (ROOT / "memory").is_dir() and (ROOT / "pids").is_dir():
            return {c: ROOT / c / (_own_path(c) or "/").lstrip("/") for c in ("memory", "pids")}, 1
        if (ROOT / "cgroup.controllers").is_file():
            return {"unified": ROOT / (_own_path("") or "/").lstrip("/")}, 2
        return {}, 0

    @classmethod
    def create(cls, memory_bytes: int, max_pids: int) -> CgroupSet | None:
        """Create and limit a fresh cgroup set, or return None when cgroups cannot be used here."""
        name = f"{PREFIX}{uuid.uuid4().hex[:12]}"
        parents, version = cls._parents()
        try:
            if version == 1:
                dirs = {c: parent / name for c, parent in parents.items()}
                for path in dirs.values():
                    path.mkdir()
                made = cls(dirs, 1)
                (dirs["memory"] / "memory.limit_in_bytes").write_text(str(memory_bytes))
                swap = dirs["memory"] / "memory.memsw.limit_in_bytes"
                if swap.exists():
                    swap.write_text(str(memory_bytes))
                (dirs["pids"] / "pids.max").write_text(str(max_pids))
                return made
            if version == 2:
                path = parents["unified"] / name
                path.mkdir()
                made = cls({"unified": path}, 2)
                (path / "memory.max").write_text(str(memory_bytes))
                if (path / "memory.swap.max").exists():
                    (path / "memory.swap.max").write_text("0")
                (path / "pids.max").write_text(str(max_pids))
                return made
        except OSError:
            return None
        return None

    @classmethod
    def sweep(cls, max_age: float = STALE_SECONDS) -> int:
        """Remove empty learnpath cgroups older than `max_age` seconds: those of a process killed
        while grading, which could not remove its own. Returns how many were removed."""
        removed = 0
        now = time.time()
        for parent in cls._parents()[0].values():
            with contextlib.suppress(OSError):
                for path in parent.glob(f"{PREFIX}*"):
                    with contextlib.suppress(OSError):
                        if now - path.stat().st_mtime >= max_age and not (path / "cgroup.procs").read_text().strip():
                            path.rmdir()
                            removed += 1
        return removed

    @property
    def procs_files(self) -> list[str]:
        return [str(path / "cgroup.procs") for path in self.dirs.values()]

    def oom_kills(self) -> int:
        """Out-of-memory kills in the group so far (v1 kernels without that counter: limit hits)."""
        if self.version == 1:
            control = (self.dirs["memory"] / "memory.oom_control").read_text()
            fields = dict(line.split() for line in control.splitlines() if line.strip())
            if "oom_kill" in fields:
                return int(fields["oom_kill"])
            return int((self.dirs["memory"] / "memory.failcnt").read_text())
        events = (self.dirs["unified"] / "memory.events").read_text()
        fields = dict(line.split() for line in events.splitlines() if line.strip())
        return int(fields.get("oom_kill", "0"))

    def memory_exceeded(self) -> bool:
        try:
            return self.oom_kills() > self.oom_kills_before
        except (OSError, ValueError):
            return False

    def pids(self) -> set[int]:
        found: set[int] = set()
        for procs in self.procs_files:
            with contextlib.suppress(OSError):
                found.update(int(p) for p in Path(procs).read_text().split())
        return found

    def kill_all(self, timeout: float = 5.0) -> bool:
        """Kill every process in the group until it is empty; False if some outlived `timeout`."""
        deadline = time.monotonic() + timeout
        while left := self.pids():
            if time.monotonic() >= deadline:
                return False
            for pid in left:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.01)
        return True

    def renew(self) -> bool:
        """Ready an emptied group for the next run; False when it cannot be reused (destroy it then)."""
        try:
            if self.pids() or not all(path.is_dir() for path in self.dirs.values()):
                return False
            self.oom_kills_before = self.oom_kills()
            for path in self.dirs.values():
                os.utime(path)  # in use: `sweep` only removes groups that stayed untouched
        except (OSError, ValueError):
            return False
        return True

    def destroy(self) -> None:
        """Kill every process left in the group and remove it."""
        self.kill_all()
        for path in self.dirs.values():
            for _ in range(100):
                try:
                    path.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)
