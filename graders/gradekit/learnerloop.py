"""The event loop the learner's coroutines run on, in the learner's process: its own thread, and
the exceptions nobody awaited.

`LearnerLoop` runs in a daemon thread so a learner who blocks it never blocks the request loop of
`gradekit.subject`. It measures nothing that is judged: how the learner's code behaved on the
network is seen from the referee's process (`gradekit.referee`), at the sockets.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import sys
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from gradekit.loopback import stop_loop


class LearnerLoop:
    """An event loop in a daemon thread for the learner's coroutines."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.loop.set_exception_handler(self._unhandled)
        self.loop.set_task_factory(self._task)
        self.errors: list[str] = []
        self.own: set[int] = set()  # ids of the coroutines gradekit runs here, whose errors it handles itself
        self.reported: set[int] = set()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()
        self.loop.close()

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

    def submit(self, coroutine: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        self.own.add(id(coroutine))
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def close(self, timeout: float = 1.0) -> bool:
        """Cancel every task and stop the loop; False if the learner's code keeps it blocked."""
        if self.loop.is_closed() or not self.thread.is_alive():
            return True
        self.submit(stop_loop(timeout / 2))
        self.thread.join(timeout)
        return not self.thread.is_alive()


def call_learner(loop: LearnerLoop, function: Callable[..., Any], args: list[Any], kwargs: dict[str, Any],
                 timeout: float, together: int = 1) -> dict[str, Any]:
    """Run `function(*args, **kwargs)` (awaited if it is a coroutine) on the learner's loop; with
    `together` > 1, that many calls side by side, and the value is the list of their results."""

    async def one() -> Any:
        result = function(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def call() -> Any:
        if together == 1:
            return await one()
        calls = [one() for _ in range(together)]
        loop.own.update(id(c) for c in calls)  # their exceptions are the outcome's, not stray ones
        return list(await asyncio.gather(*calls))

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
    return outcome
