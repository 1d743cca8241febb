"""The embedded grading workers: threads in the web process that claim and grade queued jobs."""

from __future__ import annotations

import os
import socket
import threading

from flask import Flask
from gradekit.pool import WarmPool
from gradekit.settings import Settings

from learnpath.queue import run_one

IDLE_SECONDS = 1.0  # how often an idle worker looks for queued jobs and expired leases
ERROR_PAUSE_SECONDS = 5.0  # back-off when the database itself fails


class WorkerPool:
    """`size` daemon threads, each with its own gradekit slot, woken by `enqueue`."""

    def __init__(self, app: Flask, size: int) -> None:
        self.app = app
        self.size = size
        self._stopping = threading.Event()
        self._wakeup = threading.Event()
        self._threads: list[threading.Thread] = []
        self.warm_pool: WarmPool | None = None

    def start(self) -> None:
        self.app.extensions["learnpath.wakeups"].append(self.wake)
        if self.app.config["WARM_PAIRS"] > 0:
            settings = Settings.from_mapping(dict(self.app.config["GRADER"]))
            self.warm_pool = WarmPool(settings, size=int(self.app.config["WARM_PAIRS"]))
        for slot in range(self.size):
            thread = threading.Thread(target=self._work, args=(slot,), name=f"grader-{slot}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def wake(self, _submission_id: int | None = None) -> None:
        self._wakeup.set()

    def stop(self, timeout: float | None = None) -> None:
        """Let each worker finish its current job, then return."""
        self._stopping.set()
        self._wakeup.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()
        if self.warm_pool is not None:
            self.warm_pool.close()
            self.warm_pool = None
        wakeups = self.app.extensions["learnpath.wakeups"]
        if self.wake in wakeups:
            wakeups.remove(self.wake)

    def _work(self, slot: int) -> None:
        worker_id = f"{socket.gethostname()}:{os.getpid()}:{slot}"
        while not self._stopping.is_set():
            self._wakeup.clear()
            try:
                busy = run_one(self.app, worker_id, slot, self.warm_pool)
            except Exception:
                self.app.logger.exception("grading worker %s could not reach the queue", worker_id)
                self._stopping.wait(ERROR_PAUSE_SECONDS)
                continue
            if not busy:
                self._wakeup.wait(IDLE_SECONDS)
