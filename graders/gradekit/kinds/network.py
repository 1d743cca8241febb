"""The `network` kind: asyncio servers and clients on the subject's loopback interface.

The learner's module defines a server coroutine (`async def serve(host, port)`, or a factory that
returns an `asyncio.Server`) or a client function. The subject runs it on 127.0.0.1 and plays the
other end from a script the test sends (see `gradekit.loopback`); the `net` fixture in the
harness sends the scripts and reads back plain transcripts.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import time
from typing import Any

from gradekit import codec
from gradekit.kinds import Kind, Loaded
from gradekit.learnerloop import LearnerLoop, call_learner
from gradekit.loopback import HOST, Conversation, ScriptedServer, free_port, listening

LISTEN_TIMEOUT = 3.0


def _plain(data: Any) -> Any:
    def refuse(info: dict[str, Any]) -> Any:
        raise ValueError("a network script holds plain data only")

    return codec.decode(data, refuse)


class Lab:
    """The subject's side of the `net` fixture: one learner server at a time, and client runs."""

    def __init__(self, module: Any, options: dict[str, Any]) -> None:
        self.module = module
        self.options = options
        self.loop: LearnerLoop | None = None
        self.task: Any = None
        self.port = 0

    def function(self, name: str) -> Any:
        found = getattr(self.module, name, None)
        if not callable(found):
            raise LookupError(f"{self.module.__name__}.py does not define a function `{name}`")
        return found

    def handle(self, request: dict[str, Any]) -> Any:
        action = str(request.get("action"))
        if action == "start":
            return self.start(request)
        if action == "talk":
            return self.talk(request)
        if action == "stop":
            return self.stop()
        if action == "client":
            return self.client(request)
        raise ValueError(f"unknown network action {action!r}")

    def start(self, request: dict[str, Any]) -> dict[str, Any]:
        """Start the learner's server on a fresh port and wait until it listens."""
        self.stop()
        function = self.function(str(request.get("function") or self.options.get("server", "serve")))
        args = _plain(request.get("args", []))
        self.port = free_port()
        self.loop = loop = LearnerLoop("learner-server")

        async def run() -> Any:
            result = function(HOST, self.port, *args)
            if inspect.isawaitable(result):
                result = await result
            if isinstance(result, asyncio.AbstractServer):  # a factory: keep its server running
                async with result:
                    await result.serve_forever()
            return result

        self.task = loop.submit(run())
        wait = min(float(request.get("timeout", LISTEN_TIMEOUT)), float(request.get("budget", LISTEN_TIMEOUT)))
        deadline = time.monotonic() + wait
        while not listening(self.port) and not self.task.done() and time.monotonic() < deadline:
            time.sleep(0.02)
        is_listening = listening(self.port)
        if self.task.done() and not self.task.cancelled() and self.task.exception() is not None:
            raise self.task.exception()
        return {"port": self.port, "listening": is_listening, "returned": self.task.done(), "waited": wait}

    def talk(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run a scripted conversation against the learner's server; return its transcript."""
        if self.loop is None:
            raise RuntimeError("start the server with net.start() before talking to it")
        self.loop.reset()
        steps = _plain(request.get("steps", []))
        transcript = asyncio.run(Conversation(self.port, steps, float(request.get("budget", 5))).run())
        transcript.update(self.loop.report())
        transcript["server"] = self.status()
        return transcript

    def status(self) -> dict[str, Any]:
        task = self.task
        if task is None or not task.done():
            return {"running": True, "error": None}
        exc = None if task.cancelled() else task.exception()
        return {"running": False, "error": f"{type(exc).__name__}: {exc}" if exc else None}

    def stop(self) -> dict[str, Any]:
        if self.loop is None:
            return {"stopped": True}
        stopped = self.loop.close()
        self.loop, self.task = None, None
        return {"stopped": stopped}

    def client(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run the learner's client function against a scripted server; return both sides' record."""
        function = self.function(str(request["function"]))
        budget = float(request.get("budget", 5))
        server = ScriptedServer(_plain(request.get("server", [])), float(request.get("listen_after", 0)))
        loop = LearnerLoop("learner-client")
        args = [HOST, server.port, *_plain(request.get("args", []))]
        outcome = call_learner(loop, function, args, _plain(request.get("kwargs", {})), budget * 0.8)
        outcome["connections"] = server.stop(min(0.3, budget * 0.05))
        outcome.update(loop.report())
        exc = outcome.pop("exception", None)
        if exc is not None:
            from gradekit.subject import _builtin_exception_names, describe_error

            outcome["error"] = describe_error(exc, _builtin_exception_names())
        loop.close(0.2)
        return outcome


class NetworkKind(Kind):
    name = "network"
    paced = True
    heavy_imports = ("asyncio",)

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        module = importlib.import_module(self.main_module(files, options))
        lab = Lab(module, options)
        return Loaded(module=module, ops={"net": lab.handle})


KIND = NetworkKind()
