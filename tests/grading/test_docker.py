"""What the docker backend asks of a Docker engine, checked without one (none runs here).

The container specs are the backend's whole security contract, so they are checked exactly. The
descriptor bridge the containers rely on is exercised for real with a child process. Where an
engine is reachable (`docker info` works and the grader images are built), the last test grades
through containers; run it with `pytest tests/grading/test_docker.py` on such a machine.
"""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys

import pytest
from gradekit import Settings, grade
from gradekit.errors import SandboxError
from gradekit.sandbox import SandboxSpec
from gradekit.sandbox.docker import container_config
from gradekit.sandbox.fdbridge import ENV, INSIDE, FdBridge
from gradekit.spec import Limits


@pytest.fixture
def spec() -> SandboxSpec:
    return SandboxSpec(role="subject", argv=["python", "-c", "pass"], limits=Limits(memory=256, processes=64, disk=64),
                       binds=[("/host/gradekit", "/opt/gradekit/gradekit")], env={"HOME": "/home/learner"},
                       devices=[("/dev/pts/7", "/dev/ttyACM0")], writable=["/grader"], image="serial")


def test_containers_follow_every_sandbox_rule(spec):
    """Does each container get no network, a read-only root, no capabilities and the limits?"""
    config = container_config(spec, "learnpath-grader-serial", "/tmp/fds")
    assert config["network_mode"] == "none"
    assert config["read_only"] is True
    assert config["cap_drop"] == ["ALL"]
    assert config["security_opt"] == ["no-new-privileges"]
    assert config["privileged"] is False
    assert config["user"] == "1000:1000"
    assert config["pids_limit"] == 64
    assert config["mem_limit"] == config["memswap_limit"] == "256m"
    assert config["tmpfs"]["/home/learner"].startswith("size=64m")
    assert set(config["tmpfs"]) == {"/home/learner", "/tmp", "/grader"}
    assert config["devices"] == ["/dev/pts/7:/dev/ttyACM0:rwm"]


def test_containers_never_see_the_docker_socket_or_host_code(spec):
    """Is nothing mounted but the descriptor folder (never the Docker socket, never host code)?"""
    config = container_config(spec, "learnpath-grader-serial", "/tmp/fds")
    assert config["volumes"] == {"/tmp/fds": {"bind": INSIDE, "mode": "rw"}}
    assert not any("docker.sock" in path for path in config["volumes"])


def test_containers_never_keep_a_capability(spec):
    """Is a spec asking to keep capabilities (a fork-server template) refused, never given cap_add?"""
    spec.capabilities = ("CAP_SYS_ADMIN",)
    with pytest.raises(SandboxError):
        container_config(spec, "learnpath-grader-serial", "/tmp/fds")


def test_descriptors_cross_the_bridge_in_both_directions():
    """Do pipes and sockets reach a process that cannot inherit them, through the bridge?"""
    job_read, job_write = os.pipe()
    ready_read, ready_write = os.pipe()
    ours, theirs = socket.socketpair()
    bridge = FdBridge((job_read, ready_write, theirs.fileno()))
    child = (
        "import os, socket\nfrom gradekit.sandbox.fdbridge import connect_inherited\n"
        "os.environ.update(dict([tuple(a.split('=', 1)) for a in os.environ['SPEC'].split(';')]))\n"
        "connect_inherited()\n"
        f"job = os.read({job_read}, 100)\nos.write({ready_write}, b'ready:' + job)\n"
        f"s = socket.socket(fileno={theirs.fileno()})\ns.sendall(s.recv(100).upper())\n"
    )
    assert bridge.env[ENV].startswith(f"{job_read}={INSIDE}/")
    env = {**os.environ, "SPEC": ";".join(f"{k}={v}" for k, v in bridge.env_at(str(bridge.folder)).items())}
    process = subprocess.Popen([sys.executable, "-c", child], env=env)
    try:
        os.write(job_write, b"job-1")
        os.close(job_write)
        readable, _, _ = select.select([ready_read], [], [], 30)
        assert readable, f"the child never answered (exit code {process.poll()})"
        assert os.read(ready_read, 100) == b"ready:job-1"
        ours.sendall(b"hello")
        assert ours.recv(100) == b"HELLO"
        assert process.wait(30) == 0
    finally:
        bridge.close()
        for fd in (job_read, ready_read, ready_write):
            os.close(fd)
        ours.close()
        theirs.close()
        if process.poll() is None:
            process.kill()
            process.wait()


def engine_available() -> bool:
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not engine_available(), reason="no Docker engine on this machine")
def test_grading_in_containers(mean_exercise):
    """With an engine and the grader images built, does grading in containers give the same verdicts?"""
    assert grade(mean_exercise, mean_exercise.solution_files(), Settings(backend="docker"))["status"] == "pass"
    hostile = {"stats.py": "import os\nos._exit(0)\n"}
    assert grade(mean_exercise, hostile, Settings(backend="docker"))["status"] == "fail"
