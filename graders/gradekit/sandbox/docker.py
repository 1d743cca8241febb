"""The docker backend: each sandbox is a container with the same rules as bwrap.

No network, read-only root, tmpfs work folders, a non-root user, every capability dropped,
no-new-privileges, pids/memory/CPU limits, never privileged, and never the Docker socket inside.
Descriptors cannot be inherited by a container, so they cross through `FdBridge` sockets.
"""

from __future__ import annotations

import contextlib
from typing import Any

from gradekit.errors import SandboxError
from gradekit.sandbox import WORK_DIR, Outcome, Run, Sandbox, SandboxSpec
from gradekit.sandbox.fdbridge import INSIDE, FdBridge

CONTAINER_USER = "1000:1000"


def container_config(spec: SandboxSpec, image: str, bridge_folder: str | None) -> dict[str, Any]:
    """The keyword arguments for `client.containers.run` — the whole security contract, in one place."""
    if spec.capabilities:
        raise SandboxError("containers never keep capabilities; fork-server templates run only with bwrap")
    limits = spec.limits
    tmpfs = {folder: f"size={limits.disk}m,mode=1777" for folder in [WORK_DIR, "/tmp", *spec.writable]}
    tmpfs.update({folder: "size=4k,mode=555" for folder in spec.masks})
    config: dict[str, Any] = {
        "image": image,
        "command": spec.argv,
        "user": CONTAINER_USER,
        "working_dir": WORK_DIR,
        "environment": dict(spec.env),
        "network_mode": "none",
        "read_only": True,
        "tmpfs": tmpfs,
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges"],
        "privileged": False,
        "pids_limit": limits.processes,
        "mem_limit": f"{limits.memory}m",
        "memswap_limit": f"{limits.memory}m",
        "nano_cpus": 1_000_000_000,
        "ipc_mode": "private",
        "init": True,
        "detach": True,
        "stdin_open": False,
        "labels": {"learnpath.role": spec.role},
        "log_config": {"type": "json-file", "config": {"max-size": f"{limits.output}k", "max-file": "1"}},
        "volumes": {},
        "devices": [f"{host}:{inside}:rwm" for host, inside in spec.devices],
    }
    if bridge_folder:
        config["volumes"][bridge_folder] = {"bind": INSIDE, "mode": "rw"}
    for host, inside in spec.binds:
        if inside.startswith("/opt/gradekit"):
            continue  # the image has gradekit installed; nothing of the host's is mounted
        config["volumes"][host] = {"bind": inside, "mode": "ro"}
    return config


class DockerRun(Run):
    def __init__(self, container: Any, bridge: FdBridge, output_cap: int) -> None:
        self.container = container
        self.bridge = bridge
        self.output_cap = output_cap
        self.exit_code: int | None = None
        self.cleaned = False

    def wait(self, timeout: float | None) -> int | None:
        try:
            result = self.container.wait(timeout=timeout)
        except Exception:  # the SDK raises a requests timeout when the container is still running
            return None
        self.exit_code = int(result.get("StatusCode", -1))
        return self.exit_code

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.container.kill()

    def outcome(self) -> Outcome:
        with contextlib.suppress(Exception):
            self.container.reload()
        state = getattr(self.container, "attrs", {}).get("State", {})
        logs = b""
        with contextlib.suppress(Exception):
            logs = self.container.logs(stdout=True, stderr=True, tail=2000)
        return Outcome(
            exit_code=self.exit_code,
            memory_exceeded=bool(state.get("OOMKilled")),
            output_exceeded=len(logs) >= self.output_cap,
            output=logs[-self.output_cap:].decode("utf-8", "replace"),
        )

    def cleanup(self) -> None:
        if self.cleaned:
            return
        self.kill()
        with contextlib.suppress(Exception):
            self.container.remove(force=True)
        self.bridge.close()
        self.cleaned = True


class DockerSandbox(Sandbox):
    name = "docker"

    def __init__(self, settings):  # type: ignore[no-untyped-def]
        super().__init__(settings)
        try:
            import docker

            self.client = docker.from_env()
            self.client.ping()
        except Exception as exc:
            raise SandboxError(f"the docker backend needs a reachable Docker engine: {exc}") from exc

    def image(self, spec: SandboxSpec) -> str:
        return f"{self.settings.docker_image_prefix}-{spec.image or 'python'}"

    def start(self, spec: SandboxSpec) -> Run:
        bridge = FdBridge(spec.pass_fds, uid=1000)
        config = container_config(spec, self.image(spec), str(bridge.folder))
        config["environment"].update(bridge.env)
        try:
            container = self.client.containers.run(**config)
        except Exception as exc:
            bridge.close()
            raise SandboxError(f"could not start a {config['image']} container: {exc}") from exc
        return DockerRun(container, bridge, spec.limits.output * 1024)
