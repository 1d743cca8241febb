"""Is compose.yaml a deployment that scales: healthy services, kept data, a worker that can run N times?"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from gradekit.kinds import registered_kinds

ROOT = Path(__file__).resolve().parent.parent
KINDS = sorted(registered_kinds())  # the docker backend asks for the image `learnpath-grader-<kind>`


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_the_four_parts_are_there_and_report_their_health(compose):
    """Do web, worker, PostgreSQL and Redis each run with a healthcheck?"""
    services = compose["services"]
    for name in ("web", "worker", "postgres", "redis"):
        assert "test" in services[name]["healthcheck"], f"{name} has no healthcheck"
    assert services["web"]["command"][0] == "gunicorn" and "learnpath:create_app()" in services["web"]["command"]
    assert services["worker"]["command"][:2] == ["learnpath", "worker"]


def test_data_lives_in_named_volumes(compose):
    """Are the database, the broker and the instance folder kept in volumes across restarts?"""
    declared = set(compose["volumes"])
    mounts = {
        name: {volume.split(":")[0] for volume in service.get("volumes", [])}
        for name, service in compose["services"].items()
    }
    assert "postgres-data" in mounts["postgres"] and "redis-data" in mounts["redis"]
    assert "instance" in mounts["web"] and "instance" in mounts["worker"]
    assert set().union(*mounts.values()) <= declared


def test_the_worker_can_be_scaled(compose):
    """Can `docker compose up --scale worker=N` run it: no fixed name, no host port, drained on stop?"""
    worker = compose["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker
    assert worker["stop_signal"] == "SIGTERM" and worker["stop_grace_period"]
    environment = worker["environment"]
    assert environment["LEARNPATH_BROKER_URL"].startswith("redis://redis:")
    assert environment["LEARNPATH_DATABASE_URL"].startswith("postgresql+psycopg://")


def test_web_and_workers_start_after_the_database_is_migrated(compose):
    """Do web and workers wait for the one-shot migration, which waits for a healthy PostgreSQL?"""
    services = compose["services"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_every_exercise_kind_has_a_grader_image(compose):
    """Is there a Dockerfile in graders/images/ for each kind, built by some service?"""
    built = {service["build"]["dockerfile"] for service in compose["services"].values() if "build" in service}
    for kind in KINDS:
        dockerfile = f"graders/images/{kind}/Dockerfile"
        assert (ROOT / dockerfile).is_file(), f"{dockerfile} is missing"
        assert dockerfile in built, f"compose.yaml builds no image from {dockerfile}"
        assert "bubblewrap" in (ROOT / dockerfile).read_text()


@pytest.mark.skipif(
    shutil.which("docker") is None
    or subprocess.run(["docker", "compose", "version"], capture_output=True).returncode != 0,
    reason="docker compose is not installed",
)
def test_docker_compose_accepts_the_file():
    """Does `docker compose config` read the file without complaint?"""
    result = subprocess.run(
        ["docker", "compose", "-f", str(ROOT / "compose.yaml"), "config", "--quiet"],
        capture_output=True, text=True, env={"LEARNPATH_SECRET_KEY": "check", "PATH": "/usr/bin:/usr/local/bin"},
    )
    assert result.returncode == 0, result.stderr
