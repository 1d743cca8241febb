"""A template process inside a long-lived sandbox: warm once, then fork one child per job.

The template makes itself pid 1 of a pid namespace of its own, imports what its kind needs (the
harness's also rehearses one pytest run of its own test), freezes the garbage collector and waits
on its control socket. It is named `lp-harness-tpl` or `lp-subject-tpl`, its children
`lp-harness` and `lp-subject`. It never runs learner code. For each job it receives a small JSON
header and the job's descriptors, makes its next child's pid namespace a fresh one (entering its
own again first with `setns`: a namespace for children can only be made from the one a process
lives in), and forks the job process, pid 1 there: when it ends, every process it started ends
with it. That child:

1. moves itself into the job's control groups (descriptors opened by the host, so the host's
   permission applies), before anything else runs;
2. unshares fresh mount, ipc and uts namespaces, and a subject's job a fresh network namespace
   too (`FRESH_NETWORK`);
3. mounts fresh size-capped tmpfs folders over the work folder, /tmp, the grader folder and
   /dev/shm, makes /dev read-only, mounts a fresh /proc, brings up the loopback of its fresh
   network namespace if it has one, then drops every capability (bounding set included) and sets
   no_new_privs, all before the job's files are read;
4. runs the job exactly as a cold sandbox would (`gradekit.entry.run_job`).

The template waits for the job process, writes its exit status (or -signal) to the job's status
pipe, and takes the next job only then. One fork per job: a fork of a warm interpreter costs
about 2 ms of the kernel's time.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import json
import os
import socket
import struct
import sys
from typing import Any

from gradekit.sandbox import WORK_DIR

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND = 1, 2, 4, 8, 32, 4096
MS_REC, MS_PRIVATE = 0x4000, 1 << 18
MS_NOATIME, MS_NODIRATIME = 1024, 2048
# Flags a remount must keep (the kernel locks them on a mount copied from its creator's namespace);
# statvfs reports them with the same values. Relatime, the kernel's default, needs no flag.
KEPT_FLAGS = MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME
PR_SET_NAME, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 15, 24, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
CAPABILITY_VERSION_3 = 0x20080522
SIOCSIFFLAGS, IFF_UP, IFF_LOOPBACK, IFF_RUNNING = 0x8914, 0x1, 0x8, 0x40
MAX_HEADER = 64 * 1024
MAX_FDS = 16
FAILED_SETUP = 125  # the job process could not isolate itself; the host reports a grader error

_libc = ctypes.CDLL(None, use_errno=True)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _check(result: int, what: str) -> None:
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    _check(_libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None, flags,
                       data.encode() if data else None), f"mount {target}")


def init_of_own_pid_namespace(control: socket.socket) -> None:
    """Go on as pid 1 of a pid namespace of the template's own user namespace.

    The sandbox's pid namespace belongs to the user namespace it was made in, so the template
    could not enter it again (`setns`) to make a fresh namespace for each job. The process that
    called this only waits for the one that goes on, and exits with its status.
    """
    _check(_libc.unshare(CLONE_NEWPID), "unshare pid")
    pid = os.fork()
    if pid:
        control.close()
        os._exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) & 0xFF)


def fresh_pid_namespace_for_next_child(own_pid_namespace: int) -> None:
    """Make the next forked child pid 1 of a new pid namespace (the template itself stays in its own)."""
    _check(_libc.setns(own_pid_namespace, CLONE_NEWPID), "setns")
    _check(_libc.unshare(CLONE_NEWPID), "unshare pid")


# The roles whose every job gets a network namespace of its own. The subject runs learner code,
# which could leave sockets behind (a port in TIME_WAIT, say) for the next job to find. The harness
# runs no learner code and no test opens a socket there, so its jobs stay in the namespace of the
# template's sandbox (loopback only, like every sandbox's). That spares a namespace per submission:
# making one, and the kernel's teardown of it (a few milliseconds of CPU, most of it in a kernel
# worker thread beside the grading, where it slowed the other graders).
FRESH_NETWORK = frozenset({"subject"})


def unshare_namespaces(network: bool) -> None:
    _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | (CLONE_NEWNET if network else 0)), "unshare")


def fresh_mounts(disk_mb: int, writable: list[str], keep: list[str]) -> None:
    """Private mount propagation, then empty tmpfs folders and a /proc of the new pid namespace.

    `keep` are read-only binds that lie inside a folder replaced here (the Python runtime of a
    checkout under /tmp, say): they are bound again, read-only, into the fresh folder.
    """
    _mount("none", "/", None, MS_REC | MS_PRIVATE)
    kept = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in keep}
    size = f"size={disk_mb * 1024 * 1024},nr_inodes=65536,mode=0755"
    for folder in [WORK_DIR, "/tmp", *writable]:
        _mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, size)
    for path, fd in kept.items():
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
        with contextlib.suppress(OSError):  # the bind keeps its source's read-only flag anyway
            _mount("none", path, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
        os.close(fd)
        if not os.statvfs(path).f_flag & os.ST_RDONLY:
            raise OSError(f"{path} is writable after binding it again")
    # /dev is the template's, shared by every job it forks: read-only, with a fresh /dev/shm (whose
    # pages would otherwise stay charged to the memory cgroup the next job gets).
    _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, size)
    _mount("none", "/dev", None, MS_BIND | MS_REMOUNT | MS_RDONLY | (os.statvfs("/dev").f_flag & KEPT_FLAGS))
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)


def loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sH", b"lo", IFF_UP | IFF_LOOPBACK | IFF_RUNNING))


def drop_capabilities() -> None:
    """Empty the bounding, ambient, effective, permitted and inheritable sets; no_new_privs on."""
    for cap in range(64):
        _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)  # fails (harmlessly) past the last capability
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = _CapHeader(CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    _check(_libc.capset(ctypes.byref(header), data), "capset")
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    status = open("/proc/self/status").read()  # noqa: SIM115 - checked, not trusted
    for line in status.splitlines():
        if line.startswith(("CapEff:", "CapPrm:", "CapBnd:", "CapAmb:")) and int(line.split()[1], 16):
            raise OSError(f"capabilities left after dropping them: {line}")


def _status(wait_status: int) -> bytes:
    return str(os.waitstatus_to_exitcode(wait_status)).encode()


def _job_process(header: dict[str, Any], fds: dict[str, int], cgroups: list[int], inherited: list[int]) -> None:
    """Pid 1 of the job's pid namespace: join its cgroups, isolate, then run the job; never returns.

    `inherited` are the template's own descriptors (its control socket, its pid namespace, the
    status pipe), closed before anything else.
    """
    from gradekit.entry import read_job, run_job

    code = FAILED_SETUP
    try:
        _libc.prctl(PR_SET_NAME, f"lp-{header['role']}".encode(), 0, 0, 0)  # what ps and top show
        for fd in inherited:
            os.close(fd)
        for fd in cgroups:
            os.write(fd, b"0")
            os.close(fd)
        os.dup2(fds["output"], 1)  # first, so that the host sees why a setup step failed
        os.dup2(fds["output"], 2)
        os.close(fds["output"])
        network = header["role"] in FRESH_NETWORK
        unshare_namespaces(network)
        fresh_mounts(int(header["disk"]), list(header.get("writable", [])), list(header.get("keep", [])))
        if network:
            loopback_up()
        drop_capabilities()
        os.chdir(WORK_DIR)
        config = {"role": header["role"], "channel_fd": fds["channel"], "report_fd": fds.get("report")}
        code = run_job(config, read_job(fds["job"]))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:  # noqa: BLE001 - reported as output, the host decides
        print(f"job process failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        os._exit(code)


def run_job_process(header: dict[str, Any], fds: dict[str, int], cgroups: list[int], control: socket.socket,
                    own_pid_namespace: int) -> None:
    """Fork the job process into a fresh pid namespace, wait for it and write its exit status."""
    status_fd = fds.pop("status")
    try:
        fresh_pid_namespace_for_next_child(own_pid_namespace)
        pid = os.fork()
    except OSError as exc:
        print(f"job setup failed: {exc}", file=sys.stderr, flush=True)
        pid = -1
    if pid == 0:
        _job_process(header, fds, cgroups, [control.fileno(), own_pid_namespace, status_fd])
    for fd in [*cgroups, *fds.values()]:
        os.close(fd)
    status = _status(os.waitpid(pid, 0)[1]) if pid > 0 else str(FAILED_SETUP).encode()
    with contextlib.suppress(OSError):  # the host may have stopped waiting for this job
        os.write(status_fd, status)
    os.close(status_fd)


def _receive(control: socket.socket) -> tuple[dict[str, Any], dict[str, int], list[int]] | None:
    """The next job: its header, its descriptors by name, and the cgroup.procs files to join."""
    message, received, _, _ = socket.recv_fds(control, MAX_HEADER, MAX_FDS)
    if not message:
        return None
    header = json.loads(message)
    names: list[str] = header.pop("fds")
    fds: dict[str, int] = {}
    cgroups: list[int] = []
    for name, fd in zip(names, received, strict=True):
        if name == "cgroup":
            cgroups.append(fd)
        else:
            fds[name] = fd
    return header, fds, cgroups


def serve(config: dict[str, Any]) -> None:
    """Warm up, say ready, then fork one child per job until the host hangs up."""
    from gradekit.entry import warm_up

    control = socket.socket(fileno=config["control_fd"])
    init_of_own_pid_namespace(control)
    own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY)
    _libc.prctl(PR_SET_NAME, f"lp-{config['role']}-tpl".encode(), 0, 0, 0)
    warm_up(config.get("imports", []))
    control.send(b"ready")
    while (job := _receive(control)) is not None:
        header, fds, cgroups = job
        sys.stdout.flush()
        run_job_process(header, fds, cgroups, control, own_pid_namespace)
        control.send(b"next")


def main() -> None:
    serve(json.loads(sys.argv[1]))
