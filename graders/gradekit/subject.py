"""The subject runner: loads the learner's files and answers the harness's requests.

This runs inside the subject sandbox, in the same process as the learner's code, so nothing here
is trusted: it only turns requests into calls and results into plain data. Verdicts are decided
in the harness. A kind that names referee ops forks first (`gradekit.referee`): the referee, a
process the learner's code cannot reach into, keeps the harness's channel and answers those ops,
and this runner serves the referee from the learner's process instead.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import sys
import traceback
from collections.abc import Iterator
from typing import Any

from gradekit import codec
from gradekit.channel import MAX_MESSAGE, Channel
from gradekit.errors import ChannelError, SubjectGone
from gradekit.kinds import Loaded, get_kind
from gradekit.sandbox import WORK_DIR

OUTPUT_CAP = 64 * 1024

def _builtin_exception_names() -> set[str]:
    import builtins

    return {n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)}


class CappedText(io.StringIO):
    """A text buffer that keeps the first OUTPUT_CAP characters."""

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # as a real text stream does; click probes with write(b"")
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = OUTPUT_CAP - self.tell()
        if room > 0:
            super().write(str(text)[:room])
        return len(text)


BETWEEN_REQUESTS = CappedText()  # where a refereed learner's process prints when it answers no request


def printed_between_requests() -> str:
    """What the learner's code printed outside any request since the last call (then forgotten)."""
    text = BETWEEN_REQUESTS.getvalue()
    BETWEEN_REQUESTS.seek(0)
    BETWEEN_REQUESTS.truncate(0)
    return text


@contextlib.contextmanager
def captured() -> Iterator[CappedText]:
    buffer = CappedText()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        yield buffer


def is_learner_file(filename: str) -> bool:
    """Learner files sit directly in the work folder; the runtime never does."""
    return os.path.dirname(filename) == WORK_DIR


def learner_traceback(exc: BaseException) -> str:
    """The traceback limited to frames in the learner's own files."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if is_learner_file(f.filename)]
    lines = traceback.format_list(frames) if frames else []
    if isinstance(exc, SyntaxError) and exc.filename and is_learner_file(exc.filename):
        lines = []
    detail = "".join(traceback.format_exception_only(type(exc), exc))
    head = "Traceback (most recent call last):\n" if lines else ""
    return (head + "".join(lines) + detail).replace(WORK_DIR + "/", "")


@contextlib.contextmanager
def harness_int_limit() -> Iterator[None]:
    """Python's default limit on the digits of an int, as the harness reads replies with it, while a
    reply is written (the learner's code may have raised the limit for itself)."""
    learners = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(sys.int_info.default_max_str_digits)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(learners)


def unsendable(request: dict[str, Any], reply: dict[str, Any], exc: Exception) -> dict[str, Any]:
    """The reply sent instead of one that could not be written or is over the channel's limit: a
    learner error saying why, with the call's output."""
    http = request.get("op") == "http"
    what, fix = ("the app's response", "send a smaller one") if http else ("its result", "return a smaller value")
    if isinstance(exc, ChannelError):
        why = f"over {MAX_MESSAGE // 2**20} MB"
    elif isinstance(exc, RecursionError):
        why = "nested too deeply"
    elif "integer string conversion" in str(exc):
        why = f"an int with more than {sys.int_info.default_max_str_digits} digits"
    else:
        why = f"{type(exc).__name__}: {str(exc)[:200]}"
    message = f"{what} is too large to send back to the tests ({why}); {fix}"
    return {"id": reply.get("id"), "ok": False, "output": str(reply.get("output", ""))[:OUTPUT_CAP],
            "error": {"type": "ResultTooLarge", "builtin": False, "bases": [], "message": message, "traceback": ""}}


def describe_error(exc: BaseException, builtin_names: set[str]) -> dict[str, Any]:
    name = type(exc).__name__
    try:
        message = str(exc)
    except Exception:  # a learner exception whose __str__ fails
        message = ""
    bases = [c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins" and c.__name__ in builtin_names]
    info: dict[str, Any] = {
        "type": name,
        "builtin": name in builtin_names and type(exc).__module__ == "builtins",
        "bases": bases[:6],
        "message": message[:2000],
        "traceback": learner_traceback(exc)[:8000],
    }
    if isinstance(exc, SyntaxError):
        info["message"] = str(exc.msg)[:2000]
        info["filename"] = (exc.filename or "").replace(WORK_DIR + "/", "")
        info["lineno"] = exc.lineno
    return info


class Subject:
    """Serves one harness: calls, attribute reads and HTTP requests against what the kind loaded."""

    def __init__(self, channel: Channel | None, loaded: Loaded) -> None:
        self.channel = channel
        self.loaded = loaded
        self.handles: dict[int, Any] = {}
        self.builtin_names = _builtin_exception_names()

    def make_handle(self, value: Any) -> dict[str, Any]:
        key = len(self.handles) + 1
        self.handles[key] = value
        try:
            text = repr(value)[:200]
        except Exception:
            text = "<unprintable>"
        return {"$t": "handle", "id": key, "type": type(value).__name__, "repr": text}

    def resolve_handle(self, info: dict[str, Any]) -> Any:
        return self.handles[int(info["id"])]

    def target(self, request: dict[str, Any]) -> Any:
        handle = request.get("target")
        obj = self.loaded.module if handle is None else self.handles[int(handle)]
        for name in request.get("path", []):
            obj = getattr(obj, str(name))
        return obj

    def serve(self) -> None:
        assert self.channel is not None
        while True:
            try:
                request = self.channel.receive()
            except SubjectGone:
                return
            try:
                self.send(request, self.answer(request))
            except SubjectGone:
                return

    def send(self, request: dict[str, Any], reply: dict[str, Any]) -> None:
        """Send the reply to `request`, or a learner error saying why it could not be sent."""
        assert self.channel is not None
        with harness_int_limit():
            try:
                self.channel.send(reply)
            except SubjectGone:
                raise
            except (ChannelError, ValueError, RecursionError) as exc:  # refused before a byte was sent
                self.channel.send(unsendable(request, reply, exc))

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.loaded.bridge is not None and request.get("op") in ("call", "get", "figures"):
            return {**self.loaded.bridge(request), "id": request.get("id")}
        reply: dict[str, Any] = {"id": request.get("id")}
        with captured() as output:
            try:
                reply["value"] = self.handle(request)
                reply["ok"] = True
            except BaseException as exc:  # noqa: BLE001 - every learner failure is reported, even SystemExit
                reply["ok"] = False
                reply["error"] = describe_error(exc, self.builtin_names)
        reply["output"] = output.getvalue()
        return reply

    def handle(self, request: dict[str, Any]) -> Any:
        op = request.get("op")
        if op == "call":
            args = codec.decode(request.get("args", []), self.resolve_handle)
            kwargs = codec.decode(request.get("kwargs", {"$t": "dict", "v": []}), self.resolve_handle)
            result = self.target(request)(*args, **kwargs)
            return codec.encode(result, self.make_handle)
        if op == "get":
            return codec.encode(self.target(request), self.make_handle)
        if op == "http":
            return self.http(request)
        if op in self.loaded.ops:
            return codec.encode(self.loaded.ops[str(op)](request), self.make_handle)
        if op == "figures":
            from gradekit.figures import describe_figures

            return codec.encode(describe_figures(), self.make_handle)
        raise ValueError(f"unknown request {op!r}")

    def http(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.loaded.app is None:
            raise LookupError("this exercise has no web app to send requests to")
        if self.loaded.app_protocol == "wsgi":
            return self.wsgi_http(request)
        client = self.loaded.client
        body = base64.b64decode(request.get("body", ""))
        client.cookies.clear()  # the harness's client keeps cookies, for one test only
        try:
            response = client.request(
                str(request["method"]), str(request["url"]), headers=request.get("headers", []), content=body
            )
        except Exception as exc:
            print(learner_traceback(exc), file=sys.stderr)
            return {"status": 500, "headers": [["content-type", "text/plain"]],
                    "body": base64.b64encode(b"Internal Server Error").decode(), "exception": type(exc).__name__}
        return {
            "status": response.status_code,
            "headers": [[k, v] for k, v in response.headers.multi_items()],
            "body": base64.b64encode(response.content).decode(),
        }

    def wsgi_http(self, request: dict[str, Any]) -> dict[str, Any]:
        """One request through a WSGI app. No cookies are kept here: the harness's client keeps them
        for the length of one test, so each test starts logged out."""
        from werkzeug.test import EnvironBuilder, run_wsgi_app

        headers = [(str(k), str(v)) for k, v in request.get("headers", [])]
        builder = EnvironBuilder(path=str(request["url"]), base_url="http://testserver", method=str(request["method"]),
                                 headers=headers, data=base64.b64decode(request.get("body", "")))
        try:
            environ = builder.get_environ()
            chunks, status, response_headers = run_wsgi_app(self.loaded.app, environ, buffered=True)
            body = b"".join(chunks)
        except Exception as exc:  # an app that lets its exceptions through (Flask in debug or testing mode)
            print(learner_traceback(exc), file=sys.stderr)
            return {"status": 500, "headers": [["content-type", "text/plain"]],
                    "body": base64.b64encode(b"Internal Server Error").decode(), "exception": type(exc).__name__}
        finally:
            builder.close()
        return {
            "status": int(status.split(None, 1)[0]),
            "headers": [[k, v] for k, v in response_headers.to_wsgi_list()],
            "body": base64.b64encode(body).decode(),
        }


def run(channel_fd: int, kind_name: str, files: tuple[str, ...], options: dict[str, Any]) -> None:
    """Load the learner's files, say hello, then serve requests until the harness hangs up."""
    channel = Channel.from_fd(channel_fd)
    kind = get_kind(kind_name)
    referee_ops = kind.referee(options)
    if referee_ops:
        from gradekit.referee import split

        learners_channel = split(channel, referee_ops)
        if learners_channel is None:
            return  # the referee, done: its child ran the learner's code
        channel = learners_channel
        # The learner's threads print while the referee, not a request here, waits on them.
        sys.stdout = sys.stderr = BETWEEN_REQUESTS
    sys.path.insert(0, WORK_DIR)
    os.chdir(WORK_DIR)
    hello: dict[str, Any] = {"hello": True}
    loaded = None
    with captured() as output:
        try:
            loaded = kind.load(files, options)
            hello["ok"] = True
        except BaseException as exc:  # noqa: BLE001 - a failing import is the learner's verdict
            hello["ok"] = False
            hello["error"] = describe_error(exc, _builtin_exception_names())
    hello["output"] = output.getvalue()
    if loaded is not None:
        hello.update(loaded.hello)
    channel.send(hello)
    if loaded is not None:
        Subject(channel, loaded).serve()
