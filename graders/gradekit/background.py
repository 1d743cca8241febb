"""Background threads that are reused: a task handed to an idle thread starts no new one.

Every grading reads two sandboxes' output and the harness's events, and destroys its pair, each
in the background. Starting a thread for each makes the caller wait until the new thread holds
the GIL, which a busy worker thread next door can delay by a whole switch interval; a thread that
already waits on a queue needs no such handshake. `concurrent.futures.ThreadPoolExecutor` is not
used because interpreter exit joins its threads, and a reader blocked on a sandbox's pipe would
hold the exit up.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class Task:
    """One call run on a background thread; `join` waits for it as `Thread.join` would."""

    def __init__(self, target: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.target = target
        self.args = args
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.target(*self.args)
        except Exception:
            log.exception("background task %r failed", getattr(self.target, "__qualname__", self.target))
        finally:
            self.done.set()

    def join(self, timeout: float | None = None) -> None:
        self.done.wait(timeout)

    def is_alive(self) -> bool:
        return not self.done.is_set()


class BackgroundThreads:
    """Daemon threads that take tasks from one queue; a new thread starts only when none is idle."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tasks: queue.SimpleQueue[Task] = queue.SimpleQueue()
        self.lock = threading.Lock()
        self.idle = 0
        self.started = 0

    def submit(self, target: Callable[..., Any], *args: Any) -> Task:
        task = Task(target, args)
        with self.lock:
            reuse = self.idle > 0
            if reuse:
                self.idle -= 1  # that thread is promised this task, whichever one takes it
            else:
                self.started += 1
        self.tasks.put(task)
        if not reuse:
            threading.Thread(target=self._serve, name=f"{self.name}-{self.started}", daemon=True).start()
        return task

    def _serve(self) -> None:
        while True:
            self.tasks.get().run()
            with self.lock:
                self.idle += 1


THREADS = BackgroundThreads("gradekit-background")


def in_background(target: Callable[..., Any], *args: Any) -> Task:
    """Run `target(*args)` on a reused background thread of this process."""
    return THREADS.submit(target, *args)
