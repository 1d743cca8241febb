"""The bubblewrap backend: each run in fresh user, pid, net, ipc, uts, cgroup and mount namespaces."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from gradekit.errors import SandboxError
from gradekit.sandbox import WORK_DIR, CappedOutput, Outcome, Run, Sandbox, SandboxSpec, process_tree
from gradekit.sandbox.cgroup import CgroupSet

SANDBOX_UID = 1000
ROLE_OFFSET = {"harness": 0, "subject": 1}
PASSWD = b"root:x:0:0::/:/usr/sbin/nologin\nlearner:x:1000:1000::/work:/usr/sbin/nologin\n"
GROUP = b"root:x:0:\nlearner:x:1000:\n"
SYSTEM_LINKS = {"/bin": "usr/bin", "/lib": "usr/lib", "/lib64": "usr/lib64", "/sbin": "usr/sbin"}
ETC_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/fonts", "/etc/mime.types")


def _memfd(name: str, content: bytes) -> int:
    fd = os.memfd_create(name, 0)
    os.write(fd, content)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _reachable(path: str) -> bool:
    """Can an unprivileged uid reach `path` (every folder above it world-searchable)?"""
    return all(os.stat(parent).st_mode & 1 for parent in Path(path).resolve().parents)


class BwrapRun(Run):
    def __init__(self, process: subprocess.Popen[bytes], cgroups: CgroupSet | None, output_cap: int) -> None:
        self.process = process
        self.cgroups = cgroups
        self.output_cap = output_cap
        self.timed_out = False
        self.cleaned = False
        assert process.stdout is not None
        self.output = CappedOutput(process.stdout.fileno(), output_cap, self.kill)

    def wait(self, timeout: float | None) -> int | None:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        """Kill the sandbox's init first, so bwrap reaps it and exits; then bwrap itself if needed."""
        if self.process.poll() is not None:
            return
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            children = []
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(child), signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(1 if children else 0.01)
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)

    def outcome(self) -> Outcome:
        if self.process.poll() is not None:
            self.output.join()
        return Outcome(
            exit_code=self.process.poll(),
            timed_out=self.timed_out,
            memory_exceeded=bool(self.cgroups and self.cgroups.memory_exceeded()),
            output_exceeded=self.output.exceeded,
            output=self.output.text(),
        )

    def prioritize(self) -> None:
        """Every thread of the sandbox back to niceness 0 (only root may lower it; the sandbox waits idle)."""
        for threads in process_tree(self.process.pid).values():
            for thread in threads:
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, thread, 0)

    def cleanup(self) -> None:
        if self.cleaned:
            return
        self.kill()
        self.process.wait()
        self.output.join()
        if self.process.stdout:
            self.process.stdout.close()
        if self.cgroups:
            self.cgroups.destroy()
        self.cleaned = True


class BwrapSandbox(Sandbox):
    name = "bwrap"

    def __init__(self, settings):  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.bwrap = shutil.which("bwrap")
        if self.bwrap is None:
            raise SandboxError("bubblewrap (bwrap) is not installed; install the Debian package `bubblewrap`")

    def host_uid(self, role: str) -> int | None:
        """The real uid for a role when running as root: distinct per role and per worker slot."""
        if os.geteuid() != 0:
            return None
        return self.settings.uid_base + 2 * self.settings.slot + ROLE_OFFSET[role]

    def command(self, spec: SandboxSpec, fds: dict[str, int]) -> list[str]:
        limits = spec.limits
        args = [
            self.bwrap or "bwrap", "--unshare-all", "--unshare-user", "--disable-userns",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--hostname", "sandbox",
            "--ro-bind", "/usr", "/usr",
        ]
        for capability in spec.capabilities:
            args += ["--cap-add", capability]
        for link, target in SYSTEM_LINKS.items():
            if Path(link).is_symlink():
                args += ["--symlink", target, link]
            elif Path(link).is_dir():
                args += ["--ro-bind", link, link]
        for path in ETC_FILES:
            args += ["--ro-bind-try", path, path]
        args += ["--file", str(fds["/etc/passwd"]), "/etc/passwd", "--file", str(fds["/etc/group"]), "/etc/group"]
        args += ["--proc", "/proc", "--dev", "/dev"]
        for host, inside in spec.devices:
            args += ["--dev-bind", host, inside]
        for folder in ["/dev/shm", "/tmp", WORK_DIR, *spec.writable]:
            args += ["--size", str(limits.disk * 1024 * 1024), "--tmpfs", folder]
        for host, inside in self.runtime_binds() + spec.binds:
            args += ["--ro-bind", host, inside]
        for folder in spec.masks:  # empty and read-only: nothing can be left there for a later job
            args += ["--perms", "0555", "--size", "4096", "--tmpfs", folder]
        made = {"/", WORK_DIR, "/tmp", "/etc"}
        for inside in spec.files:
            for parent in reversed(Path(inside).parents):
                if str(parent) not in made:
                    args += ["--dir", str(parent)]
                    made.add(str(parent))
            args += ["--perms", "0644", "--file", str(fds[inside]), inside]
        # Read-only beside the root: /dev (its device nodes; /dev/shm is a mount of its own) and the masks.
        for folder in ["/dev", *spec.masks, "/"]:
            args += ["--remount-ro", folder]
        args += ["--chdir", WORK_DIR, "--clearenv"]
        for key, value in spec.env.items():
            args += ["--setenv", key, value]
        return [*args, "--", *spec.argv]

    def runtime_binds(self) -> list[tuple[str, str]]:
        """The interpreter and its packages, at the same paths as on the host."""
        binds = []
        for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}:
            if prefix.startswith(WORK_DIR):
                raise SandboxError(f"the Python runtime at {prefix} overlaps the sandbox work folder {WORK_DIR}")
            if not prefix.startswith("/usr"):
                binds.append((prefix, prefix))
        return sorted(binds)

    def start(self, spec: SandboxSpec) -> Run:
        limits = spec.limits
        fds = {"/etc/passwd": _memfd("passwd", PASSWD), "/etc/group": _memfd("group", GROUP)}
        fds.update({inside: _memfd(Path(inside).name, content) for inside, content in spec.files.items()})
        cgroups = None
        if self.settings.cgroups and os.geteuid() == 0:
            cgroups = CgroupSet.create(limits.memory * 1024 * 1024, limits.processes)
        argv = self.command(spec, fds)
        uid = self.host_uid(spec.role)
        if uid is not None:
            for host, _ in self.runtime_binds() + spec.binds:
                if not _reachable(host):
                    raise SandboxError(f"{host} is not readable by other users, so the sandbox cannot use it; "
                                       "put the checkout where every folder above it is world-searchable")
        if uid is not None:
            argv = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--", *argv]
        if cgroups:
            joins = "; ".join(f"echo $$ > {path}" for path in cgroups.procs_files)
            argv = ["/bin/sh", "-c", f'{joins}; exec "$@"', "sh", *argv]
        if spec.nice and os.geteuid() == 0:  # root can lift it again when the job comes
            argv = ["nice", "-n", str(spec.nice), *argv]
        try:
            process = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                pass_fds=(*fds.values(), *spec.pass_fds), start_new_session=True, env={"PATH": "/usr/bin:/bin"},
            )
        except OSError as exc:
            if cgroups:
                cgroups.destroy()
            raise SandboxError(f"could not start bwrap: {exc}") from exc
        finally:
            for fd in fds.values():
                os.close(fd)
        return BwrapRun(process, cgroups, limits.output * 1024)
