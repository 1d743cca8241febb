"""The `network` kind: asyncio servers and clients on the subject's loopback interface.

The learner's module defines a server coroutine (`async def serve(host, port)`, or a factory that
returns an `asyncio.Server`) or a client function. The `net` fixture in the harness sends a test's
script; the subject's referee (`gradekit.referee`), a process apart from the learner's, plays the
other end from that script on 127.0.0.1 (see `gradekit.loopback`) and records what it saw. The
learner's process only runs the learner's code: `Lab` starts their server on the port the referee
picked, or calls their client with the referee's port, and reports the exceptions nobody awaited.
Nothing judged (what each side received, when, whether it closed) comes from the learner's process,
and the scripts never reach it.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import sys
import time
from typing import Any

from gradekit import codec
from gradekit.kinds import Kind, Loaded
from gradekit.learnerloop import LearnerLoop, call_learner
from gradekit.loopback import HOST, Conversation, ScriptedServer, free_port, listening
from gradekit.referee import Learner, Op

LISTEN_TIMEOUT = 3.0
ANSWER_MARGIN = 1.0  # seconds the referee waits for the learner's process beyond the time it was given


def _plain(data: Any) -> Any:
    def refuse(info: dict[str, Any]) -> Any:
        raise ValueError("a network script holds plain data only")

    return codec.decode(data, refuse)


class Lab:
    """The learner's process's side: one learner server at a time, and client calls."""

    def __init__(self, module: Any, options: dict[str, Any]) -> None:
        self.module = module
        self.options = options
        self.loop: LearnerLoop | None = None
        self.task: Any = None

    def function(self, name: str) -> Any:
        found = getattr(self.module, name, None)
        if not callable(found):
            raise LookupError(f"{self.module.__name__}.py does not define a function `{name}`")
        return found

    def handle(self, request: dict[str, Any]) -> Any:
        action = str(request.get("action"))
        if action == "serve":
            return self.serve(request)
        if action == "report":
            return self.report()
        if action == "stop":
            return self.stop()
        if action == "call":
            return self.call(request)
        raise ValueError(f"unknown network action {action!r}")

    def serve(self, request: dict[str, Any]) -> dict[str, Any]:
        """Start the learner's server on the port given; wait until it listens, returns or the time is up."""
        self.stop()
        function = self.function(str(request.get("function") or self.options.get("server", "serve")))
        args = _plain(request.get("args", []))
        port = int(request["port"])
        self.loop = loop = LearnerLoop("learner-server")

        async def run() -> Any:
            result = function(HOST, port, *args)
            if inspect.isawaitable(result):
                result = await result
            if isinstance(result, asyncio.AbstractServer):  # a factory: keep its server running
                async with result:
                    await result.serve_forever()
            return result

        self.task = loop.submit(run())
        deadline = time.monotonic() + float(request.get("wait", LISTEN_TIMEOUT))
        while not listening(port) and not self.task.done() and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.task.done() and not self.task.cancelled() and self.task.exception() is not None:
            raise self.task.exception()
        return {"returned": self.task.done()}

    def report(self) -> dict[str, Any]:
        """The exceptions raised in the learner's handlers since the last report, and whether the
        server still runs (the referee shows these to the learner; it judges nothing by them).
        What the server printed meanwhile becomes this request's output."""
        from gradekit.subject import printed_between_requests

        sys.stdout.write(printed_between_requests())
        task, errors = self.task, []
        if self.loop is not None:
            errors = list(self.loop.errors)
            self.loop.errors.clear()
        if task is None or not task.done():
            return {"errors": errors, "server": {"running": task is not None, "error": None}}
        exc = None if task.cancelled() else task.exception()
        error = f"{type(exc).__name__}: {exc}" if exc else None
        return {"errors": errors, "server": {"running": False, "error": error}}

    def stop(self) -> dict[str, Any]:
        if self.loop is None:
            return {"stopped": True}
        stopped = self.loop.close()
        self.loop, self.task = None, None
        return {"stopped": stopped}

    def call(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run the learner's client function (`together` calls side by side) against the referee's port."""
        function = self.function(str(request["function"]))
        loop = LearnerLoop("learner-client")
        args = [HOST, int(request["port"]), *_plain(request.get("args", []))]
        outcome = call_learner(loop, function, args, _plain(request.get("kwargs", {})), float(request["timeout"]),
                               together=int(request.get("together", 1)))
        exc = outcome.pop("exception", None)
        if exc is not None:
            from gradekit.subject import _builtin_exception_names, describe_error

            outcome["error"] = describe_error(exc, _builtin_exception_names())
        outcome["errors"] = list(loop.errors)
        loop.close(0.2)
        return outcome


class Referee:
    """The referee's side of the `net` fixture: it plays the scripted end and keeps the record."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        self.port = 0

    def handle(self, request: dict[str, Any], learner: Learner) -> Any:
        action = str(request.get("action"))
        if action == "start":
            return self.start(request, learner)
        if action == "talk":
            return self.talk(request, learner)
        if action == "stop":
            self.port = 0
            return learner.result({"op": "net", "action": "stop"}, LISTEN_TIMEOUT)
        if action == "client":
            return self.client(request, learner)
        raise ValueError(f"unknown network action {action!r}")

    def start(self, request: dict[str, Any], learner: Learner) -> dict[str, Any]:
        """Have the learner's server started on a fresh port; wait until it listens there."""
        wait = min(float(request.get("timeout", LISTEN_TIMEOUT)), float(request.get("budget", LISTEN_TIMEOUT)))
        self.port = port = free_port()
        began = time.monotonic()
        serve = {"op": "net", "action": "serve", "function": request.get("function"), "args": request.get("args", []),
                 "port": port, "wait": wait}
        started = learner.result(serve, wait + ANSWER_MARGIN)
        deadline = began + wait
        while not listening(port) and time.monotonic() < deadline:
            time.sleep(0.02)
        returned = bool(started.get("returned")) if isinstance(started, dict) else False
        return {"port": port, "listening": listening(port), "returned": returned, "waited": wait}

    def talk(self, request: dict[str, Any], learner: Learner) -> dict[str, Any]:
        """Run a scripted conversation against the learner's server; return its transcript."""
        if not self.port:
            raise RuntimeError("start the server with net.start() before talking to it")
        learner.result({"op": "net", "action": "report"}, ANSWER_MARGIN)  # errors from before this talk
        steps = _plain(request.get("steps", []))
        transcript = asyncio.run(Conversation(self.port, steps, float(request.get("budget", 5))).run())
        report = learner.result({"op": "net", "action": "report"}, ANSWER_MARGIN)
        transcript.update(_learner_report(report))
        return transcript

    def client(self, request: dict[str, Any], learner: Learner) -> dict[str, Any]:
        """Call the learner's client function against a scripted server; return both sides' record."""
        budget = float(request.get("budget", 5))
        server = ScriptedServer(_plain(request.get("server", [])), float(request.get("listen_after", 0)))
        call = {"op": "net", "action": "call", "function": request["function"], "port": server.port,
                "args": request.get("args", []), "kwargs": request.get("kwargs", {}), "timeout": budget * 0.8,
                "together": max(1, min(int(request.get("together", 1)), 8))}
        began = time.monotonic()
        try:
            outcome = learner.result(call, budget * 0.8 + ANSWER_MARGIN)
        finally:
            elapsed = time.monotonic() - began
            connections = server.stop(min(0.3, budget * 0.05))
        outcome = outcome if isinstance(outcome, dict) else {}
        error = outcome.get("error")
        return {"finished": outcome.get("finished") is True, "value": outcome.get("value"),
                "error": error if isinstance(error, dict) else None, "elapsed": round(elapsed, 3),
                "connections": connections, "errors": _shown_errors(outcome.get("errors"))}


def _shown_errors(errors: Any) -> list[str]:
    """The handler exceptions the learner's process reported, checked for shape: shown, never judged."""
    return [str(e)[:2000] for e in errors[:20]] if isinstance(errors, list) else []


def _learner_report(report: Any) -> dict[str, Any]:
    """What the learner's process said about its own code, checked for shape: shown, never judged."""
    report = report if isinstance(report, dict) else {}
    server = report.get("server")
    server = server if isinstance(server, dict) else {}
    return {"errors": _shown_errors(report.get("errors")),
            "server": {"running": server.get("running") is True, "error": str(server.get("error") or "")[:500] or None}}


class NetworkKind(Kind):
    name = "network"
    paced = True
    heavy_imports = ("asyncio",)

    def load(self, files: tuple[str, ...], options: dict[str, Any]) -> Loaded:
        module = importlib.import_module(self.main_module(files, options))
        lab = Lab(module, options)
        return Loaded(module=module, ops={"net": lab.handle})

    def referee(self, options: dict[str, Any]) -> dict[str, Op]:
        return {"net": Referee(options).handle}


KIND = NetworkKind()
