"""A real `learnpath serve` process on a free port, for the end-to-end and browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A `learnpath serve` process with its own instance folder and content root."""

    def __init__(self, instance: Path, content: Path = ROOT, workers: int = 2,
                 env: dict[str, str] | None = None) -> None:
        self.instance = instance
        self.content = content
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {**os.environ, **(env or {}),
                       "LEARNPATH_INSTANCE_PATH": str(instance), "LEARNPATH_CONTENT_ROOT": str(content)}
        self.log_path = instance / f"serve-{self.port}.log"
        self.log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "learnpath.cli", "serve", "--port", str(self.port), "--workers", str(workers)],
            env=environment, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT,
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
        raise RuntimeError("the server did not start: " + self.log_path.read_text())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
