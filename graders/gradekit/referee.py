"""The referee: a process in the subject sandbox that the learner's code cannot reach into.

For most kinds what the learner's code returns is the thing judged, so it may come from the
learner's own process. A kind whose tests judge how the code behaves (the network kind: what a
client saw on its socket, and when) must not take that record from the process being judged,
where the learner's code could rewrite it. Such a kind names a referee (`Kind.referee`):

- Before any learner file is loaded, the subject forks. The parent, the referee, keeps the
  harness's channel and makes itself non-dumpable, so its memory and descriptors are closed to
  ptrace, /proc/<pid>/mem and pidfd_getfd. Where it is pid 1 of the job's pid namespace (a warm
  sandbox) the learner's code cannot even kill it; elsewhere killing it ends the run as a crash.
- The child loads the learner's files and serves the usual subject requests over a private
  socket pair. It never holds the harness's channel.
- The referee answers its kind's own requests itself, asking the child only to run the learner's
  code, and passes every other request through unchanged.

Nothing the child sends is trusted: its replies are the learner's data, read with a timeout, and
a reply to an earlier request that arrives late is dropped.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import signal
import socket
import time
from collections.abc import Callable
from typing import Any

from gradekit import codec
from gradekit.channel import Channel
from gradekit.errors import SubjectGone

PR_SET_DUMPABLE = 4


class LearnerSilent(Exception):
    """The learner's process did not answer the referee in time, or with data it could not read."""


class Learner:
    """The referee's line to the learner's process."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.ids = itertools.count(1)
        self.output: list[str] = []  # what the learner's code printed while answering, oldest first

    def ask(self, request: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
        """Send `request` (under an id of the referee's own); the child's whole reply, whose id is
        then the caller's. Raises LearnerSilent when no reply came within `timeout` seconds."""
        own = f"r{next(self.ids)}"
        self.channel.send({**request, "id": own})
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            try:
                if left is not None and left <= 0:
                    raise TimeoutError
                reply = self.channel.receive(left)
            except TimeoutError:
                raise LearnerSilent(f"the learner's code did not answer within {timeout:g} s") from None
            if reply.get("id") == own:
                self.output.append(str(reply.get("output", "")))
                return {**reply, "id": request.get("id")}

    def result(self, request: dict[str, Any], timeout: float | None = None) -> Any:
        """The learner-side result of `request`, decoded; raises LearnerFailed with the child's reply
        when the learner's code raised. A handle to one of the learner's objects stays as it came
        (`Opaque`): the referee never holds the object, and the harness can still ask the child
        about it."""
        reply = self.ask(request, timeout)
        if not reply.get("ok"):
            raise LearnerFailed(reply)
        try:
            return codec.decode(reply.get("value"), Opaque)
        except Exception:  # noqa: BLE001 - whatever the learner's data makes the decoder raise
            raise LearnerSilent("the learner's process answered with data that could not be read") from None

    def take_output(self) -> str:
        text, self.output = "".join(self.output), []
        return text


class Opaque:
    """A handle from the learner's process, passed on to the harness untouched."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info


class LearnerFailed(Exception):
    """The learner's code raised while the referee had it run something: `reply` says how."""

    def __init__(self, reply: dict[str, Any]) -> None:
        super().__init__("the learner's code raised")
        self.reply = reply


# An op the referee answers itself: (request, learner) -> a plain-data value.
Op = Callable[[dict[str, Any], Learner], Any]


class Referee:
    """Serves the harness: its kind's ops itself, everything else through the learner's process."""

    def __init__(self, harness: Channel, learner: Learner, ops: dict[str, Op]) -> None:
        self.harness, self.learner, self.ops = harness, learner, ops

    def serve(self) -> None:
        try:
            self.harness.send(self.learner.channel.receive())  # the child's hello, as it is
            while True:
                request = self.harness.receive()
                op = self.ops.get(str(request.get("op")))
                self.harness.send(self.learner.ask(request) if op is None else self.answer(request, op))
        except SubjectGone:
            return  # either side hung up: the harness sees this end close too

    def answer(self, request: dict[str, Any], op: Op) -> dict[str, Any]:
        def handle(obj: Any) -> dict[str, Any]:
            if isinstance(obj, Opaque):
                return obj.info
            raise TypeError(f"a referee's record holds plain data only, not {type(obj).__name__}")

        try:
            value = codec.encode(op(request, self.learner), handle)
        except LearnerFailed as failed:
            return {**failed.reply, "output": self.learner.take_output()}
        except LearnerSilent as exc:
            error = {"type": "RuntimeError", "builtin": True, "bases": ["RuntimeError", "Exception"],
                     "message": str(exc), "traceback": ""}
            return {"id": request.get("id"), "ok": False, "error": error, "output": self.learner.take_output()}
        return {"id": request.get("id"), "ok": True, "value": value, "output": self.learner.take_output()}


def split(harness: Channel, ops: dict[str, Op]) -> Channel | None:
    """Fork the learner's process. In the child: the channel to serve the referee on. In the
    parent: None, once the referee has served the harness to the end and the child is gone."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)  # before the fork: the child must never see a dumpable referee
    mine, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # the learner's process is as any other kind's
        harness.close()
        mine.close()
        return Channel(theirs)
    theirs.close()
    try:
        Referee(harness, Learner(Channel(mine)), ops).serve()
    finally:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    return None
