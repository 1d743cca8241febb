"""The event loop the learner's coroutines run on: its own thread, a stall meter, a writer record.

`LearnerLoop` runs in a daemon thread so a learner who blocks it never blocks gradekit. It reports
the longest time the loop was blocked (a `time.sleep` or a blocking socket call in a coroutine),
the exceptions nobody awaited (a client handler that raised), and how each `StreamWriter` made on
it was used: bytes written, the most written without a `drain()`, whether it was closed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import sys
import threading
import time
import weakref
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from gradekit.loopback import stop_loop

TICK = 0.01


@dataclass
class WriterStats:
    """How the learner used one StreamWriter: bytes written, the most written without a drain, closed."""

    written: int = 0
    undrained: int = 0
    max_undrained: int = 0
    drains: int = 0
    closed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"written": self.written, "max_undrained": self.max_undrained, "drains": self.drains,
                "closed": self.closed}


LEARNER_LOOPS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LearnerLoop] = weakref.WeakKeyDictionary()


def _stats(writer: asyncio.StreamWriter) -> WriterStats | None:
    owner = LEARNER_LOOPS.get(getattr(writer, "_loop", None))  # type: ignore[arg-type]
    if owner is None:
        return None
    return owner.writers.setdefault(id(writer), (writer, WriterStats()))[1]


def _track_writers() -> None:
    """Wrap StreamWriter once so writes, drains and closes on learner loops are counted."""
    cls = asyncio.StreamWriter
    if getattr(cls, "_loopback_tracked", False):
        return
    write, drain, close = cls.write, cls.drain, cls.close

    def tracked_write(self: asyncio.StreamWriter, data: Any) -> None:
        stats = _stats(self)
        if stats is not None:
            size = len(data) if isinstance(data, bytes | bytearray | memoryview) else 0
            stats.written += size
            stats.undrained += size
            stats.max_undrained = max(stats.max_undrained, stats.undrained)
        write(self, data)

    def tracked_writelines(self: asyncio.StreamWriter, data: Any) -> None:
        for chunk in list(data):
            tracked_write(self, chunk)

    async def tracked_drain(self: asyncio.StreamWriter) -> None:
        stats = _stats(self)
        if stats is not None:
            stats.drains += 1
            stats.undrained = 0
        await drain(self)

    def tracked_close(self: asyncio.StreamWriter) -> None:
        stats = _stats(self)
        if stats is not None:
            stats.closed = True
            stats.undrained = 0  # closing flushes what is left
        close(self)

    cls.write = tracked_write  # type: ignore[method-assign]
    cls.writelines = tracked_writelines  # type: ignore[method-assign]
    cls.drain = tracked_drain  # type: ignore[method-assign]
    cls.close = tracked_close  # type: ignore[method-assign]
    cls._loopback_tracked = True  # type: ignore[attr-defined]


class LearnerLoop:
    """An event loop in a daemon thread for the learner's coroutines, with a stall meter."""

    def __init__(self, name: str) -> None:
        _track_writers()
        self.loop = asyncio.new_event_loop()
        self.loop.set_exception_handler(self._unhandled)
        self.loop.set_task_factory(self._task)
        self.errors: list[str] = []
        self.own: set[int] = set()  # ids of the coroutines gradekit runs here, whose errors it handles itself
        self.reported: set[int] = set()
        self.writers: dict[int, tuple[asyncio.StreamWriter, WriterStats]] = {}
        self.stall = 0.0
        self.last_tick = time.monotonic()  # when the meter last ran; a busy loop leaves it behind
        LEARNER_LOOPS[self.loop] = self
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        meter = self._meter()
        self.own.add(id(meter))
        self.loop.create_task(meter)
        self.loop.run_forever()
        self.loop.close()

    async def _meter(self) -> None:
        self.last_tick = time.monotonic()
        while True:
            await asyncio.sleep(TICK)
            now = time.monotonic()
            self.stall = max(self.stall, now - self.last_tick - TICK)
            self.last_tick = now

    def longest_stall(self) -> float:
        """The longest block so far, counting one still going on (or just ended, before the meter
        ran again: a reply written right after a blocking call reaches the client first)."""
        return max(self.stall, time.monotonic() - self.last_tick - TICK)

    def _task(self, loop: asyncio.AbstractEventLoop, coroutine: Any, **kwargs: Any) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.Task(coroutine, loop=loop, **kwargs)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        """A learner task that raised (a client handler, say) is reported at once, not when collected."""
        if task.cancelled() or id(task.get_coro()) in self.own:
            return
        exc = task.exception()
        if exc is not None:
            self._report(exc, "")

    def _unhandled(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        self._report(exc if isinstance(exc, BaseException) else None, str(context.get("message")))

    def _report(self, exc: BaseException | None, message: str) -> None:
        """An exception nobody awaited: shown to the learner with their traceback."""
        from gradekit.subject import learner_traceback

        if exc is not None:
            if id(exc) in self.reported:
                return
            self.reported.add(id(exc))
        text = learner_traceback(exc) if exc is not None else message
        self.errors.append(text[:2000])
        print(text, file=sys.stderr)

    def reset(self) -> None:
        self.stall = 0.0
        self.last_tick = time.monotonic()
        self.errors.clear()
        self.writers.clear()

    def submit(self, coroutine: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        self.own.add(id(coroutine))
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def report(self) -> dict[str, Any]:
        return {"stall": round(self.longest_stall(), 3), "errors": list(self.errors),
                "writers": [stats.as_dict() for _, stats in self.writers.values()]}

    def close(self, timeout: float = 1.0) -> bool:
        """Cancel every task and stop the loop; False if the learner's code keeps it blocked."""
        if self.loop.is_closed() or not self.thread.is_alive():
            return True
        self.submit(stop_loop(timeout / 2))
        self.thread.join(timeout)
        return not self.thread.is_alive()


def call_learner(loop: LearnerLoop, function: Callable[..., Any], args: list[Any], kwargs: dict[str, Any],
                 timeout: float) -> dict[str, Any]:
    """Run `function(*args, **kwargs)` (awaited if it is a coroutine) on the learner's loop."""

    async def call() -> Any:
        result = function(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    began = time.monotonic()
    future = loop.submit(call())
    outcome: dict[str, Any] = {"finished": False, "value": None, "error": None}
    try:
        outcome["value"] = future.result(timeout)
        outcome["finished"] = True
    except concurrent.futures.TimeoutError:
        future.cancel()
    except BaseException as exc:  # noqa: BLE001 - the learner's exception is part of the record
        outcome["finished"] = True
        outcome["exception"] = exc
    outcome["elapsed"] = round(time.monotonic() - began, 3)
    return outcome

