"""The scaled topology as real processes: PostgreSQL, a private Redis, gunicorn web, Celery workers."""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
STUB_WORKER = Path(__file__).with_name("stub_worker.py")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.2) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{what} within {timeout} s")


class Database:
    """A fresh PostgreSQL database on the shared server, dropped afterwards."""

    def __init__(self) -> None:
        self.name = f"learnpath_test_{uuid.uuid4().hex[:12]}"
        self.admin = create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT")
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = f"{POSTGRES}/{self.name}"
        self.engine: Engine = create_engine(self.url)

    def url_via(self, port: int) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{self.name}"

    def scalar(self, sql: str, **params: object) -> object:
        with self.engine.connect() as connection:
            return connection.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params: object) -> list:
        with self.engine.connect() as connection:
            return list(connection.execute(text(sql), params))

    def drop(self) -> None:
        self.engine.dispose()
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


class Redis:
    """A private redis-server without persistence, so a restart loses every message it held."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, 10, "redis did not start")

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


class Proxy:
    """A TCP forwarder to PostgreSQL that can be cut (refusing and dropping connections) and restored."""

    def __init__(self, target_port: int = 5432) -> None:
        self.port = free_port()
        self.target_port = target_port
        self.listener: socket.socket | None = None
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.start()

    def start(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        peers = {a: b, b: a}
        try:
            while True:
                readable, _, _ = select.select(list(peers), [], [], 1)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    peers[sock].sendall(data)
        except OSError:
            return
        finally:
            a.close()
            b.close()

    def cut(self) -> None:
        """Refuse new connections and drop the open ones, as if the database host went away."""
        if self.listener is not None:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            self.listener.close()
            self.listener = None
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()


class Cluster:
    """Processes sharing one environment: web (gunicorn) and `learnpath worker`s."""

    def __init__(self, folder: Path, database_url: str, broker_url: str, content: Path, **config: object) -> None:
        self.folder = folder
        self.env = {
            **os.environ,
            "LEARNPATH_INSTANCE_PATH": str(folder / "instance"),
            "LEARNPATH_SECRET_KEY": "scale-test-secret",
            "LEARNPATH_DATABASE_URL": database_url,
            "LEARNPATH_BROKER_URL": broker_url,
            "LEARNPATH_CONTENT_ROOT": str(content),
            "LEARNPATH_WARM_PAIRS": "0",
            **{f"LEARNPATH_{key}": str(value) for key, value in config.items()},
        }
        self.processes: list[subprocess.Popen] = []
        self.web_port = free_port()
        self.url = f"http://127.0.0.1:{self.web_port}"
        self.web: subprocess.Popen | None = None
        self.learners: list[Learner] = []
        self._run([sys.executable, "-m", "learnpath.cli", "sync"], check=True)

    def _run(self, argv: list[str], check: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(argv, env=self.env, cwd=ROOT, capture_output=True, text=True, check=check, timeout=120)

    def _spawn(self, argv: list[str], log_name: str) -> subprocess.Popen:
        log = (self.folder / log_name).open("ab")
        process = subprocess.Popen(argv, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        log.close()
        self.processes.append(process)
        return process

    def start_web(self, workers: int = 2, threads: int = 4) -> subprocess.Popen:
        self.web = self._spawn(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.web_port}", "--workers", str(workers),
             "--threads", str(threads), "--graceful-timeout", "10", "learnpath:create_app()"],
            "web.log",
        )
        wait_for(self._web_answers, 60, "the web server did not start")
        return self.web

    def _web_answers(self) -> bool:
        if self.web is not None and self.web.poll() is not None:
            raise AssertionError("the web server exited:\n" + self.log("web.log"))
        try:
            return httpx.get(self.url + "/", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def start_worker(self, concurrency: int = 1, stub: bool = False) -> subprocess.Popen:
        program = [str(STUB_WORKER)] if stub else ["-m", "learnpath.cli"]
        process = self._spawn(
            [sys.executable, *program, "worker", "--concurrency", str(concurrency), "--loglevel", "WARNING"],
            f"worker-{len(self.processes)}.log",
        )
        return process

    @staticmethod
    def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        """SIGTERM the main process (as `docker stop` does); any other signal goes to its whole group."""
        if process.poll() is None:
            if sig == signal.SIGTERM:
                process.send_signal(sig)
            else:
                os.killpg(process.pid, sig)
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            return process.wait()

    def log(self, name: str) -> str:
        path = self.folder / name
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def logs(self) -> str:
        return "\n".join(f"== {p.name}\n{self.log(p.name)}" for p in sorted(self.folder.glob("*.log")))

    def learner(self, email: str, password: str) -> Learner:
        learner = Learner(self.url, email, password)
        self.learners.append(learner)
        return learner

    def close(self) -> None:
        for learner in self.learners:
            learner.close()
        for process in self.processes:
            if process.poll() is None:
                self.stop(process, signal.SIGKILL, timeout=10)


class Learner:
    """A browser-like client: logs in once, reads an exercise's form once, then submits to it."""

    LABEL = re.compile(r'<label[^>]*for="(file_\d+)"[^>]*>\s*([^<\s]+)\s*<')

    def __init__(self, url: str, email: str, password: str) -> None:
        # A new connection per request: a kept-alive one that gunicorn closes after its keep-alive
        # time (2 s) while a request is being sent fails as "disconnected without a response"
        # (browsers retry such requests; this client need not).
        self.client = httpx.Client(base_url=url, timeout=60, limits=httpx.Limits(max_keepalive_connections=0))
        token = CSRF.search(self.client.get("/auth/login").text).group(1)
        response = self.client.post("/auth/login", data={"csrf_token": token, "email": email, "password": password})
        assert response.status_code == 302, f"login failed for {email}: {response.status_code}"
        self.forms: dict[str, tuple[str, dict[str, str]]] = {}

    def submit(self, exercise: str, files: dict[str, str]) -> int:
        """POST the exercise form; return the new submission's id."""
        if exercise not in self.forms:
            page = self.client.get(f"/tracks/{exercise}").text
            self.forms[exercise] = (CSRF.search(page).group(1), {name: f for f, name in self.LABEL.findall(page)})
        token, fields = self.forms[exercise]
        data = {"csrf_token": token, "submit": "1", **{fields[name]: text for name, text in files.items()}}
        response = self.client.post(f"/tracks/{exercise}", data=data)
        match = re.search(r"/submissions/(\d+)", response.headers.get("location", ""))
        assert response.status_code == 302 and match, f"submitting failed: {response.status_code} {response.text[:300]}"
        return int(match.group(1))

    def close(self) -> None:
        self.client.close()
