"""Keeps the `pytest` kind's runs apart: each starts from the sandbox's first state and cannot reach what outlives it.

Subject side. `gradekit.kinds.testsuite` runs the learner's tests once per version of the code under
test, one run after another in one sandbox. Runs must not talk to each other: a suite that could
tell a later run from the first (by a file, key, process or setting the first left) could fail
every run after it and so "catch" every mutant. `RunState()` is made once, before any learner code
runs; `confine` is the `preexec_fn` of each run's first process; `RunState.reset()` follows each run.

- `RunState()`: the subject makes itself not dumpable, so no run (same uid) may trace it or read or
  write its memory. It then records the state to come back to: the writable folders (every folder
  this uid can write to, found by looking) and all they hold, the live processes and their settings.
- `confine`: where the kernel has Landlock, the run is a domain of its own, which may not trace the
  two processes that outlive it (the subject and the sandbox's init), read or write their memory,
  or write under /proc and /sys (nor, from Landlock 6, signal them or connect to abstract sockets
  bound outside the run). It joins a session keyring of its own rather than the subject's, which
  the next run would inherit. It may not create POSIX message queues: the sandbox has no mqueue
  folder to list them from, so none could be found and removed afterwards.
- `RunState.reset()`: kills every process the run left (over and over while one forks as the others
  die), since one still running could keep data for the next run. Puts the writable folders back:
  new entries removed; contents, link targets, modes, extended attributes and times of the others
  restored, for each of them can carry data. Removes every System V IPC object (shared memory,
  message queues, semaphore sets), which outlive their processes; the IPC namespace is the
  sandbox's own, so nothing outside it is touched. Empties the keyrings every process of the uid
  reaches (user, user session, persistent), which belong to the uid, not to a process. Puts back
  the nice values, scheduling policies, CPU affinities, I/O priorities, resource limits and OOM
  score adjustments of the processes that stay, which a run may change and the next read.

What cannot be put back (a keyring whose permissions a run took away, a limit it lowered for good,
a process that would not die) is named in what `reset()` returns, the `leftover` of the run's
reply, from then on: the harness trusts no such run (`gradekit.suite`).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import platform
import resource
import shutil
import signal
import stat
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from typing import Any

READ_ONLY = ("/proc", "/sys", "/usr")
MAX_FOLDERS = 5000  # how far the search for writable folders looks
KILL_WAIT = 5.0  # seconds the reset keeps killing a run's processes before it gives up on them

# Kernel calls Python has no function for, numbered per calling convention (Landlock's calls have
# the same numbers everywhere).
SYSCALLS = {"x86_64": {"keyctl": 250, "ioprio_set": 251, "ioprio_get": 252},
            "aarch64": {"keyctl": 219, "ioprio_set": 30, "ioprio_get": 31}}
KEYCTL_JOIN_SESSION_KEYRING, KEYCTL_CLEAR, KEYCTL_UNLINK, KEYCTL_READ, KEYCTL_GET_PERSISTENT = 1, 7, 9, 11, 22
THREAD_KEYRING, USER_KEYRING, USER_SESSION_KEYRING = -1, -4, -5
NO_KEYRINGS = (errno.EPERM, errno.ENOSYS, errno.EOPNOTSUPP)  # denied by a filter, or not in this kernel
LANDLOCK_CREATE_RULESET, LANDLOCK_ADD_RULE, LANDLOCK_RESTRICT_SELF = 444, 445, 446
LANDLOCK_VERSION, LANDLOCK_PATH_BENEATH, LANDLOCK_WRITE_FILE = 1, 1, 1 << 1
LANDLOCK_SCOPES = 1 | 2  # abstract unix sockets and signals (Landlock 6)
PR_SET_NO_NEW_PRIVS, PR_SET_DUMPABLE = 38, 4
IOPRIO_WHO_PROCESS = 1
IPC_RMID = 0
LIMITS = tuple(getattr(resource, name) for name in dir(resource) if name.startswith("RLIMIT_"))


def _writable_folders() -> list[str]:
    """Folders this uid can write to (the work folder, /tmp, /dev/shm, ...), found by looking."""
    skip = (*READ_ONLY, sys.prefix, sys.base_prefix)
    found = []
    for seen, (top, dirs, _) in enumerate(os.walk("/")):
        if seen >= MAX_FOLDERS:
            break
        dirs[:] = [d for d in dirs if not os.path.join(top, d).startswith(skip)]
        if os.access(top, os.W_OK):
            found.append(top)
    return found


def _everything_below(folders: list[str]) -> list[str]:
    """The folders and every path below them, each folder before what it holds."""
    paths = dict.fromkeys(folders)
    for folder in folders:
        for top, dirs, files in os.walk(folder):
            paths.update(dict.fromkeys(os.path.join(top, name) for name in [*dirs, *files]))
    return list(paths)


def _remove(path: str) -> None:
    """Remove a file or a folder, even one whose permissions were taken away."""
    with contextlib.suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            for top, dirs, _ in os.walk(path):
                for name in dirs:
                    with contextlib.suppress(OSError):
                        os.chmod(os.path.join(top, name), 0o700)
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)


@dataclass(frozen=True)
class Entry:
    """A path in a writable folder as it was when the learner's files arrived."""

    kind: str  # "dir", "file", "link", or "other" (not this uid's, or neither of those)
    mode: int = 0
    times: tuple[int, int] = (0, 0)
    content: bytes = b""  # a file's bytes
    target: str = ""  # a link's target
    xattrs: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, path: str) -> Entry | None:
        try:
            info = os.lstat(path)
        except OSError:
            return None
        kind = _kind(info)
        if info.st_uid != os.getuid() or kind == "other":
            return cls("other")
        return cls(kind, stat.S_IMODE(info.st_mode), (info.st_atime_ns, info.st_mtime_ns),
                   _read(path) if kind == "file" else b"", os.readlink(path) if kind == "link" else "", _xattrs(path))

    def same_kind(self, path: str) -> bool:
        try:
            return _kind(os.lstat(path)) == self.kind
        except OSError:
            return False

    def put_back(self, path: str) -> None:
        """Make `path` this again (it exists and is of the same kind, or it is missing)."""
        exists = os.path.lexists(path)
        if self.kind == "dir" and not exists:
            os.mkdir(path, 0o700)
        elif self.kind == "link" and (not exists or os.readlink(path) != self.target):
            if exists:
                os.unlink(path)
            os.symlink(self.target, path)
        elif self.kind == "file":
            if exists:
                os.chmod(path, self.mode | 0o600)  # a run may have taken away the right to read it
            if not exists or _read(path) != self.content:
                with open(path, "wb") as stream:
                    stream.write(self.content)
        if self.kind in ("dir", "file") and stat.S_IMODE(os.lstat(path).st_mode) != self.mode:
            os.chmod(path, self.mode)
        now = _xattrs(path)
        for name in now.keys() - self.xattrs.keys():
            os.removexattr(path, name, follow_symlinks=False)
        for name, value in self.xattrs.items():
            if now.get(name) != value:
                os.setxattr(path, name, value, follow_symlinks=False)


def _kind(info: os.stat_result) -> str:
    if stat.S_ISLNK(info.st_mode):
        return "link"
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    return "file" if stat.S_ISREG(info.st_mode) else "other"


def _read(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def _xattrs(path: str) -> dict[str, bytes]:
    """Extended attributes (`user.*`, POSIX ACLs) a run could keep data in."""
    try:
        names = os.listxattr(path, follow_symlinks=False)
        return {name: os.getxattr(path, name, follow_symlinks=False) for name in names}
    except OSError:
        return {}


def _live_processes() -> set[int]:
    """The sandbox's processes, zombies left out (a zombie holds nothing but its pid)."""
    found = set()
    for name in os.listdir("/proc"):
        if name.isdigit():
            with contextlib.suppress(OSError, IndexError), open(f"/proc/{name}/stat", "rb") as stream:
                if stream.read().rsplit(b")", 1)[1].split()[0] != b"Z":
                    found.add(int(name))
    return found


def _stop_processes(keep: set[int]) -> bool:
    """Kill every process but `keep`, over and over while one forks as the others die, and reap them;
    False if some are still alive after KILL_WAIT seconds."""
    deadline = time.monotonic() + KILL_WAIT
    while left := _live_processes() - keep:
        if time.monotonic() > deadline:
            return False
        if keep <= {1, os.getpid()}:  # all but init and this one, in one step no fork can slip through
            with contextlib.suppress(OSError):
                os.kill(-1, signal.SIGKILL)
        for pid in left:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        reap()
        time.sleep(0.001)
    reap()  # the last ones killed: a zombie still counts against the process limits of the next run
    return True


def reap() -> None:
    """Wait for every child of this process that has ended (the subject may be init: orphans are its own)."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _settings(pid: int) -> tuple[Any, ...] | None:
    """What a run may change on a process of its uid that outlives it, and how to read it back."""
    try:
        with open(f"/proc/{pid}/oom_score_adj", encoding="ascii") as stream:
            oom = stream.read().strip()
        return (os.getpriority(os.PRIO_PROCESS, pid), os.sched_getscheduler(pid),
                frozenset(os.sched_getaffinity(pid)), tuple(resource.prlimit(pid, limit) for limit in LIMITS), oom,
                _syscall("ioprio_get", IOPRIO_WHO_PROCESS, pid))
    except OSError:
        return None


def _put_back_settings(pid: int, before: tuple[Any, ...]) -> None:
    """Undo what can be undone (a nice value raised, a limit lowered for good or SCHED_IDLE cannot)."""
    now = _settings(pid)
    if now is None or now == before:
        return
    nice, policy, cpus, limits, oom, ioprio = before
    with contextlib.suppress(OSError):
        if now[0] != nice:
            os.setpriority(os.PRIO_PROCESS, pid, nice)
    with contextlib.suppress(OSError):
        if now[1] != policy:
            os.sched_setscheduler(pid, policy, os.sched_param(0))
    with contextlib.suppress(OSError):
        if now[2] != cpus:
            os.sched_setaffinity(pid, cpus)
    for limit, value, current in zip(LIMITS, limits, now[3], strict=True):
        with contextlib.suppress(OSError, ValueError):
            if current != value:
                resource.prlimit(pid, limit, value)
    with contextlib.suppress(OSError):
        if now[4] != oom:
            with open(f"/proc/{pid}/oom_score_adj", "w", encoding="ascii") as stream:
                stream.write(oom)
    if now[5] != ioprio and ioprio >= 0:
        _syscall("ioprio_set", IOPRIO_WHO_PROCESS, pid, ioprio)


def _ipc_objects(kind: str) -> list[int]:
    """The ids of the IPC namespace's System V objects of one kind ("shm", "msg" or "sem")."""
    try:
        with open(f"/proc/sysvipc/{kind}", encoding="ascii") as stream:
            rows = [line.split() for line in stream.read().splitlines()[1:]]
    except OSError:  # a kernel without System V IPC
        return []
    return [int(row[1]) for row in rows if len(row) > 1 and row[1].isdigit()]


def _remove_ipc_objects() -> bool:
    """Remove every shared memory segment, message queue and semaphore set; False if one is left."""
    libc = _libc()
    for ident in _ipc_objects("shm"):
        libc.shmctl(ident, IPC_RMID, None)
    for ident in _ipc_objects("msg"):
        libc.msgctl(ident, IPC_RMID, None)
    for ident in _ipc_objects("sem"):
        libc.semctl(ident, 0, IPC_RMID)
    return not any(_ipc_objects(kind) for kind in ("shm", "msg", "sem"))


@cache
def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def _syscall(name: str, *args: int | None) -> int:
    """A system call from SYSCALLS: its result, or minus the error number (ENOSYS where this machine
    has no number for it)."""
    number = SYSCALLS.get(platform.machine(), {}).get(name)
    if number is None:
        return -errno.ENOSYS
    result = int(_libc().syscall(number, *(ctypes.c_long(a) if a is not None else None for a in args)))
    return result if result >= 0 else -ctypes.get_errno()


def _keyctl(operation: int, *args: int | None) -> int:
    return _syscall("keyctl", operation, *args)


def _empty_keyrings() -> bool:
    """Empty the keyrings every process of this uid can reach; False if one could not be emptied.

    Works whether or not the sandbox lets keyctl through: a denied call means nothing was kept.
    """
    rings = [USER_KEYRING, USER_SESSION_KEYRING]
    persistent = _keyctl(KEYCTL_GET_PERSISTENT, -1, THREAD_KEYRING)
    if persistent >= 0:
        rings.append(persistent)
    clean = persistent >= 0 or -persistent in NO_KEYRINGS
    for ring in rings:
        _keyctl(KEYCTL_CLEAR, ring)
        size = _keyctl(KEYCTL_READ, ring, None, 0)  # the bytes of its list of keys: 0 when empty
        clean = clean and (size == 0 or -size in NO_KEYRINGS)
    if persistent >= 0:
        _keyctl(KEYCTL_UNLINK, persistent, THREAD_KEYRING)
    return clean


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def confine() -> None:
    """In a run's first process, before pytest starts (`preexec_fn`): its own session keyring, no
    POSIX message queues, and a Landlock domain of its own where the kernel has Landlock."""
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_MSGQUEUE, (0, 0))
    _keyctl(KEYCTL_JOIN_SESSION_KEYRING, None)
    libc = _libc()
    version = libc.syscall(LANDLOCK_CREATE_RULESET, None, 0, LANDLOCK_VERSION)
    if version < 1:
        return
    attr = _RulesetAttr(LANDLOCK_WRITE_FILE, 0, LANDLOCK_SCOPES if version >= 6 else 0)
    ruleset = int(libc.syscall(LANDLOCK_CREATE_RULESET, ctypes.byref(attr), ctypes.sizeof(attr), 0))
    if ruleset < 0:
        return
    try:
        for name in os.listdir("/"):
            if name in ("proc", "sys"):  # files may be written anywhere else the sandbox allows
                continue
            with contextlib.suppress(OSError):
                fd = os.open(f"/{name}", os.O_PATH | os.O_CLOEXEC)
                rule = _PathBeneathAttr(LANDLOCK_WRITE_FILE, fd)
                libc.syscall(LANDLOCK_ADD_RULE, ruleset, LANDLOCK_PATH_BENEATH, ctypes.byref(rule), 0)
                os.close(fd)
        libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        libc.syscall(LANDLOCK_RESTRICT_SELF, ruleset, 0)
    finally:
        os.close(ruleset)


class RunState:
    """The sandbox's state before any learner code ran, put back after every run (see the module)."""

    def __init__(self) -> None:
        _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # no run may trace this process or touch its memory
        self.writable = _writable_folders()
        self.entries = {path: entry for path in _everything_below(self.writable) if (entry := Entry.of(path))}
        self.processes = _live_processes()
        self.settings = {pid: found for pid in self.processes if (found := _settings(pid)) is not None}
        self.leftover: list[str] = []

    def reset(self) -> list[str]:
        """Put back the state the learner's files arrived in; what could not be, for good (see the module)."""
        found = {
            "processes": not _stop_processes(self.processes),
            "files": not self._put_back_files(),
            "ipc": not _remove_ipc_objects(),
            "keyrings": not _empty_keyrings(),
        }
        for pid, before in self.settings.items():
            _put_back_settings(pid, before)
        found["settings"] = any(_settings(pid) != before for pid, before in self.settings.items())
        for name, left in found.items():
            if left:
                self.note(name)
        return list(self.leftover)

    def note(self, what: str) -> None:
        """Count `what` (a LEFTOVERS key) as left for good: by `reset`, or by a run that found it so."""
        if what not in self.leftover:
            self.leftover.append(what)

    def _put_back_files(self) -> bool:
        """Every writable folder as it was; False if something new could not be removed or something
        of this uid's could not be put back."""
        for path, entry in self.entries.items():  # folders readable and writable again first
            if entry.kind == "dir":
                with contextlib.suppress(OSError):
                    os.chmod(path, entry.mode | 0o700)
        for folder in self.writable:
            for top, dirs, files in os.walk(folder):
                for name in [*dirs, *files]:
                    path = os.path.join(top, name)
                    known = self.entries.get(path)
                    if known is None or (known.kind != "other" and not known.same_kind(path)):
                        _remove(path)
                dirs[:] = [d for d in dirs if os.path.join(top, d) in self.entries]
        for path, entry in self.entries.items():
            if entry.kind != "other":
                with contextlib.suppress(OSError):
                    entry.put_back(path)
        for path, entry in reversed(self.entries.items()):  # times last: putting back the rest changes them
            if entry.kind != "other":
                with contextlib.suppress(OSError):
                    os.utime(path, ns=entry.times, follow_symlinks=False)
        now = _everything_below(self.writable)
        new = [path for path in now if path not in self.entries and os.access(os.path.dirname(path), os.W_OK)]
        gone = set(path for path, entry in self.entries.items() if entry.kind != "other") - set(now)
        return not new and not gone
