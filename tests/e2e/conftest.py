"""A real `learnpath serve` process on a free port, and a browser-like HTTP client for it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A `learnpath serve` process with its own instance folder."""

    def __init__(self, instance: Path, workers: int) -> None:
        self.instance = instance
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "LEARNPATH_INSTANCE_PATH": str(instance), "LEARNPATH_CONTENT_ROOT": str(ROOT)}
        self.log = (instance / f"serve-{self.port}.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "learnpath.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/", timeout=1)
                return
            except httpx.TransportError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the server did not start: " + (instance / f"serve-{self.port}.log").read_text())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class Learner:
    """An HTTP client that fills in forms the way a browser does, CSRF token included."""

    def __init__(self, server: Server) -> None:
        self.client = httpx.Client(base_url=server.url, follow_redirects=True, timeout=30)

    def form(self, path: str, data: dict[str, str]) -> httpx.Response:
        page = self.client.get(path)
        token = CSRF.search(page.text)
        assert token, f"no CSRF token on {path}"
        return self.client.post(path, data={"csrf_token": token.group(1), **data})

    def register(self, email: str, password: str = "correct horse battery") -> httpx.Response:
        return self.form("/auth/register", {"email": email, "display_name": email.split("@")[0],
                                            "password": password, "confirm": password})

    def submit(self, exercise: str, files: dict[str, str], mode: str = "submit") -> int:
        page = self.client.get(f"/tracks/{exercise}")
        labels = re.findall(r'<label[^>]*for="(file_\d+)"[^>]*>\s*([^<\s]+)\s*<', page.text)
        field_for = {name: field for field, name in labels}
        data = {field_for[name]: text for name, text in files.items()}
        response = self.form(f"/tracks/{exercise}", {**data, mode: "1"})
        match = re.search(r"/submissions/(\d+)", str(response.url))
        assert match, f"no submission page after submitting: {response.url}\n{response.text[:2000]}"
        return int(match.group(1))

    def wait_for_result(self, submission_id: int, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = self.client.get(f"/api/submissions/{submission_id}").json()
            if data["state"] == "done":
                return data
            time.sleep(0.2)
        raise AssertionError(f"submission {submission_id} was not graded within {timeout} s")


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def server(instance: Path) -> Iterator[Server]:
    running = Server(instance, workers=2)
    yield running
    running.stop()


@pytest.fixture
def learner(server: Server) -> Learner:
    return Learner(server)
