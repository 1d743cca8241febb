"""The `pytest` kind: the learner writes pytest tests for given code; the harness runs them against versions of it.

Subject side only. The learner's files are test files; nothing of theirs is imported here. The
harness sends a version of the code under test (the correct one or a faulty "mutant") with the op
`suite.run`; the subject writes it, compiled and without its source, into a fresh folder beside
copies of the learner's test files and runs pytest there in a child process with a time limit. The
reply is plain data (tests collected, passed, failed with their first error line, errors, an output
excerpt). Which runs must pass and which must fail is decided in the harness (`gradekit.suite`).

Runs must not talk to each other (a suite that fails every run after the first would "catch" every
mutant), so every run starts from the state the sandbox had when the learner's files arrived:

- A run's processes cannot reach the subject or the sandbox's init, the two that outlive it: the
  subject is not dumpable, and where the kernel has Landlock each run is a domain of its own,
  which may not trace them, read or write their memory or write under /proc (nor, from Landlock 6,
  signal them or connect to abstract sockets bound outside the run). A run starts in a session
  keyring of its own and may not create POSIX message queues (the sandbox has no mqueue folder to
  list them from).
- After the run the subject kills every process it left; puts the writable folders back (new
  entries removed; the contents, link targets, modes, extended attributes and times of the others
  restored); removes every System V IPC object (the IPC namespace is the sandbox's own); empties
  the keyrings every process of the uid reaches (user, user session, persistent); and puts back
  the nice values, scheduling policies, CPU affinities, I/O priorities and resource limits of the
  processes that stay.

What cannot be put back (a keyring whose permissions a run took away, a limit it lowered for good,
a process that would not die) is named in the run's reply as `leftover`, from then on: the harness
trusts no such run.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import platform
import py_compile
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from gradekit.kinds import Kind, Loaded
from gradekit.sandbox import WORK_DIR

OUTPUT_EXCERPT = 3000
MESSAGE_CAP = 500
MAX_TIMEOUT = 120.0
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

# Runs in the child: pytest with a small plugin that writes what happened as JSON (argv[1]).
RUNNER = r'''
import json, sys
import pytest

def crash(report):
    longrepr = report.longrepr
    found = getattr(getattr(longrepr, "reprcrash", None), "message", None)
    if found:
        return str(found)
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    text = str(longrepr or "")
    marked = [line[1:].strip() for line in text.splitlines() if line.startswith("E ")]
    lines = marked or [line.strip() for line in text.splitlines() if line.strip()][-1:]
    return "\n".join(lines)

class Recorder:
    def __init__(self):
        self.data = {"collected": 0, "tests": {}, "errors": []}

    def pytest_collection_finish(self, session):
        self.data["collected"] = len(session.items)

    def pytest_collectreport(self, report):
        if report.failed:
            self.data["errors"].append({"name": report.nodeid or "(collection)", "message": crash(report)})

    def pytest_runtest_logreport(self, report):
        tests = self.data["tests"]
        current = tests.get(report.nodeid)
        if report.when == "call":
            outcome = "skipped" if report.skipped else ("failed" if report.failed else "passed")
        elif report.failed:
            outcome = "error"
        elif report.skipped and report.when == "setup":
            outcome = "skipped"
        else:
            return
        if current and current["outcome"] in ("failed", "error"):
            return
        tests[report.nodeid] = {"outcome": outcome, "message": crash(report) if report.failed else ""}

    def pytest_sessionfinish(self, session, exitstatus):
        self.data["exit_status"] = int(exitstatus)
        with open(sys.argv[1], "w", encoding="utf-8") as stream:
            json.dump(self.data, stream)

sys.exit(int(pytest.main(sys.argv[2:], plugins=[Recorder()])))
'''


def _short(text: str, limit: int = MESSAGE_CAP) -> str:
    text = str(text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _display(nodeid: str) -> str:
    """`test_cart.py::TestCart::test_total[3]` is shown as `TestCart::test_total[3]`."""
    return nodeid.split("::", 1)[1] if "::" in nodeid else nodeid


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
    """Kill every process but `keep`, over and over while one forks as the others die; False if some
    are still alive after KILL_WAIT seconds."""
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
        with contextlib.suppress(ChildProcessError):  # the subject may be init, and the orphans its children
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        time.sleep(0.001)
    return True


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


def _confine() -> None:
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


class SuiteRunner:
    """Answers `suite.run` and `suite.sources` for the learner's test files."""

    def __init__(self, files: tuple[str, ...]) -> None:
        self.files = files
        _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # no run may trace this process or touch its memory
        # The state before any learner code ran, put back after every run.
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
        self.leftover += [name for name, left in found.items() if left and name not in self.leftover]
        return list(self.leftover)

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

    def sources(self, request: dict[str, Any]) -> dict[str, str]:
        found = {}
        for name in self.files:
            with open(os.path.join(WORK_DIR, name), encoding="utf-8", errors="replace") as stream:
                found[name] = stream.read()
        return found

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        module = str(request["module"])
        if not module.isidentifier():
            raise ValueError(f"{module!r} is not a module name")
        timeout = min(float(request.get("timeout", 10)), MAX_TIMEOUT)
        folder = tempfile.mkdtemp(prefix="suite-")
        try:
            self._lay_out(folder, module, str(request["source"]))
            reply = self._pytest(folder, timeout)
        finally:
            leftover = self.reset()
        return {**reply, "leftover": leftover}

    def _lay_out(self, folder: str, module: str, source: str) -> None:
        """The learner's files, the other data files, and the version under test without its source."""
        skip = {f"{module}.py", f"{module}.pyc"}
        for name in os.listdir(WORK_DIR):
            path = os.path.join(WORK_DIR, name)
            if name not in skip and os.path.isfile(path) and not os.path.islink(path):
                shutil.copyfile(path, os.path.join(folder, name))
        staged = os.path.join(folder, f"{module}.source")
        with open(staged, "w", encoding="utf-8") as stream:
            stream.write(source)
        py_compile.compile(staged, cfile=os.path.join(folder, f"{module}.pyc"), dfile=f"{module}.py", doraise=True)
        os.remove(staged)

    def _pytest(self, folder: str, timeout: float) -> dict[str, Any]:
        report = os.path.join(folder, ".suite-report.json")
        log = os.path.join(folder, ".suite-output.txt")
        argv = [sys.executable, "-I", "-B", "-c", RUNNER, report,
                "-q", "-p", "no:cacheprovider", "-p", "no:stepwise", "--tb=short", "--color=no", "-rfE",
                "--basetemp", os.path.join(folder, ".pytest-tmp"), "-o", "console_output_style=classic",
                *self.files]
        env = {"PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "TMPDIR": tempfile.gettempdir(),
               "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "COLUMNS": "100"}
        timed_out = False
        with open(log, "wb") as output:
            process = subprocess.Popen(argv, cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=output,
                                       stderr=subprocess.STDOUT, start_new_session=True,
                                       preexec_fn=_confine)
            try:
                exit_code: int | None = process.wait(timeout)
            except subprocess.TimeoutExpired:
                timed_out, exit_code = True, None
            finally:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        with open(log, encoding="utf-8", errors="replace") as stream:
            text = stream.read(OUTPUT_EXCERPT * 2)
        text = text.replace(folder + "/", "").replace(folder, ".")
        data: dict[str, Any] = {}
        if not timed_out:
            with contextlib.suppress(OSError, ValueError), open(report, encoding="utf-8") as stream:
                data = json.load(stream)
        tests = data.get("tests") if isinstance(data.get("tests"), dict) else {}

        def message(raw: Any) -> str:
            return _short(str(raw or "").replace(folder + "/", "").replace(folder, "."))

        by_outcome: dict[str, list[Any]] = {"passed": [], "failed": [], "skipped": [], "error": []}
        for nodeid, info in (tests or {}).items():
            if isinstance(info, dict) and info.get("outcome") in by_outcome:
                name = _display(str(nodeid))
                if info["outcome"] in ("failed", "error"):
                    by_outcome[info["outcome"]].append({"name": name, "message": message(info.get("message"))})
                else:
                    by_outcome[info["outcome"]].append(name)
        errors = by_outcome["error"] + [
            {"name": _display(str(e.get("name", ""))) or "(collection)", "message": message(e.get("message"))}
            for e in data.get("errors", []) if isinstance(e, dict)
        ]
        return {
            "collected": int(data.get("collected", 0) or 0),
            "passed": by_outcome["passed"],
            "failed": by_outcome["failed"],
            "skipped": by_outcome["skipped"],
            "errors": errors,
            "exit_code": exit_code,
            "timed_out": timed_out,
            "finished": bool(data) and "exit_status" in data,
            "output": text[:OUTPUT_EXCERPT],
        }


class PytestKind(Kind):
    name = "pytest"
    heavy_imports = ()

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        """Nothing of the learner's runs here; a syntax error is reported now, naming the file and line."""
        for name in files:
            path = os.path.join(WORK_DIR, name)
            with open(path, encoding="utf-8") as stream:
                compile(stream.read(), path, "exec", dont_inherit=True)
        runner = SuiteRunner(files)
        return Loaded(module=None, ops={"suite.run": runner.run, "suite.sources": runner.sources})


KIND = PytestKind()
