"""The `net` fixture: scripted loopback conversations with the learner's server or client.

The harness cannot reach the subject's sockets, so a test sends a whole script as plain data and
gets back what happened: the subject's referee, a process apart from the learner's, plays the
script and keeps the record (`gradekit.referee`, `gradekit.loopback`). Steps are tuples:

    net.start()                                   # the learner's `serve(host, port)`, listening
    talk = net.talk(("connect", "a"), ("send", "a", "hi\\n"), ("readline", "a"))
    talk["a"].lines == ["hi\\n"]

Conversation steps: ("connect", c), ("send", c, data), ("readline", c[, timeout]),
("read", c, size[, timeout]), ("listen", c, seconds), ("wait_closed", c[, timeout]), ("eof", c),
("close", c), ("sleep", seconds), ("flood", c, data, times[, timeout]): send `data` `times` times
without reading, and record how many bytes the server took in before it stopped reading or the
timeout ran out (a server that awaits `drain()` stops reading when the client does not read).
Scripted-server steps for `net.client`: ("read_line"[, timeout]),
("read", size[, timeout]), ("send", data), ("sleep", seconds), ("close",).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradekit.remote import (
    Connection,
    builtin_base,
    encode_argument,
    learner_exception,
    plain_error,
    shown_type,
)

MARGIN = 0.5  # seconds kept back from the call timeout so the subject always answers in time

CONVERSATION_FIELDS = {
    "connect": ("client", "timeout"), "send": ("client", "data"), "readline": ("client", "timeout"),
    "read": ("client", "size", "timeout"), "listen": ("client", "seconds"),
    "wait_closed": ("client", "timeout"), "eof": ("client",), "close": ("client",), "sleep": ("seconds",),
    "flood": ("client", "data", "times", "timeout"),
}
SERVER_FIELDS = {
    "read_line": ("timeout",), "read": ("size", "timeout"), "send": ("data",), "sleep": ("seconds",),
    "close": (),
}


class ServerNotListening(AssertionError):
    """The learner's server never listened on the port it was given."""


class ClientStillRunning(AssertionError):
    """The learner's client function had not returned when the time for it ran out."""


def _step(raw: Any, fields: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    if isinstance(raw, dict):
        step = dict(raw)
    else:
        action, *values = raw
        names = fields.get(str(action))
        if names is None or len(values) > len(names):
            raise ValueError(f"unknown step or too many values: {raw!r}; steps are {sorted(fields)}")
        step = {"do": action, **dict(zip(names, values, strict=False))}
    if step.get("do") not in fields:
        raise ValueError(f"unknown step {step.get('do')!r}; steps are {sorted(fields)}")
    if isinstance(step.get("data"), str):
        step["data"] = step["data"].encode()
    return step


def _text(line: bytes | None) -> str | None:
    return None if line is None else line.decode("utf-8", "replace")


@dataclass
class Peer:
    """One end's record: the bytes it received, the lines it read, whether the other side closed."""

    received: bytes = b""
    raw_lines: list[bytes | None] = field(default_factory=list)
    closed: bool = False
    error: str | None = None
    at: float = 0.0  # for a scripted server's connection: when it was accepted (s after the start)

    @classmethod
    def of(cls, data: dict[str, Any]) -> Peer:
        return cls(bytes(data.get("received", b"")), list(data.get("lines", [])),
                   bool(data.get("closed") or data.get("client_closed")), data.get("error"), data.get("at", 0.0))

    @property
    def text(self) -> str:
        return self.received.decode("utf-8", "replace")

    @property
    def lines(self) -> list[str | None]:
        """Each line read, as text: None where none came in time, "" where the stream had ended."""
        return [_text(line) for line in self.raw_lines]


@dataclass
class Transcript:
    """What a conversation with the learner's server did, step by step and client by client."""

    events: list[dict[str, Any]]
    clients: dict[str, Peer]
    errors: list[str]  # exceptions raised in the learner's handlers, with their tracebacks
    server: dict[str, Any]  # {"running", "error"}: whether the learner's server still runs
    out_of_time: bool

    def __getitem__(self, client: str) -> Peer:
        return self.clients.get(client) or Peer(error="never connected")

    def values(self, do: str, client: str | None = None) -> list[Any]:
        """The results of every `do` step (of one client), in order; lines and reads as text."""
        found = [e["value"] for e in self.events if e["do"] == do and client in (None, e["client"])]
        return [_text(v) if isinstance(v, bytes) else v for v in found]

    def at(self, do: str, client: str, index: int = 0) -> float:
        """When the index-th `do` step of `client` finished, in seconds after the start."""
        events = [e for e in self.events if e["do"] == do and e["client"] == client]
        return float(events[index]["at"] + events[index]["took"])


@dataclass(repr=False)
class ClientRun:
    """The learner's client function against a scripted server: its result and what the server saw."""

    finished: bool
    value: Any
    error: dict[str, Any] | None
    elapsed: float
    connections: list[Peer]
    errors: list[str]
    what: str
    reveal: bool = True  # may the test show what the learner's code named (see `remote.shown_type`)?

    def __repr__(self) -> str:
        if not self.finished:
            return f"<{self.what}: still running after {self.elapsed:g} s>"
        if self.error is not None:
            return f"<{self.what}: raised {self.raised}>"
        return f"<{self.what}: returned {self.value!r}>"

    @property
    def raised(self) -> str | None:
        """The name of the exception the learner's function raised, if any (in a hidden test, of a
        class of the learner's own, its nearest built-in base's)."""
        if self.error is None:
            return None
        error = plain_error(self.error)
        return shown_type(error["type"], self.reveal, builtin_base(error))

    def result(self) -> Any:
        """The value returned; re-raises the learner's exception (or a timeout) like a direct call."""
        if not self.finished:
            raise ClientStillRunning(f"{self.what} did not return within {self.elapsed:g} s; "
                                     "every network wait needs a timeout")
        if self.error is not None:
            raise learner_exception(self.error, self.what, self.reveal)
        return self.value


class Net:
    """The `net` fixture."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.started = False
        self.what = "serve(host, port)"

    @property
    def budget(self) -> float:
        return max(0.5, self._connection.call_timeout - MARGIN)

    def _do(self, action: str, what: str, **fields: Any) -> Any:
        message = {"op": "net", "action": action, "budget": self.budget, **fields}
        return self._connection.ask(message, what)

    def start(self, function: str | None = None, *args: Any, timeout: float = 3.0) -> int:
        """Start the learner's server on 127.0.0.1 and a fresh port; returns the port once it listens."""
        self.what = f"{function or 'serve'}(host, port{', ...' if args else ''})"
        info = self._do("start", self.what, function=function, args=encode_argument(list(args)), timeout=timeout)
        self.started = True
        where = f"127.0.0.1:{info['port']}"
        if not info["listening"] and info["returned"]:
            raise ServerNotListening(f"{self.what} returned without listening on {where}; keep it running, "
                                     "for example with `async with server: await server.serve_forever()`")
        if not info["listening"]:
            raise ServerNotListening(f"nothing listened on {where} within {info['waited']:g} s of calling "
                                     f"{self.what}; call asyncio.start_server(handler, host, port) with the "
                                     "host and port it is given")
        return int(info["port"])

    def talk(self, *steps: Any) -> Transcript:
        """Run the conversation steps in order; returns the transcript (never raises for a quiet server)."""
        if not self.started:
            self.start()
        script = [_step(s, CONVERSATION_FIELDS) for s in steps]
        data = self._do("talk", f"the conversation with {self.what}", steps=encode_argument(script))
        return Transcript(
            events=list(data["events"]), clients={n: Peer.of(c) for n, c in data["clients"].items()},
            errors=list(data["errors"]), server=dict(data["server"]), out_of_time=bool(data["out_of_time"]),
        )

    def stop(self) -> None:
        if self.started and not self._connection.broken:
            self._do("stop", f"stopping {self.what}")
        self.started = False

    def client(self, function: str, *args: Any, server: list[list[Any]] | None = None, listen_after: float = 0.0,
               together: int = 1, **kwargs: Any) -> ClientRun:
        """Call the learner's `function(host, port, *args, **kwargs)` against a scripted server.

        `server` holds one script per connection, in the order they arrive (later connections
        repeat the last one); with `listen_after` the port refuses connections for that many
        seconds first. With `together` > 1 (up to 8) that many calls run side by side on one event
        loop and the value is the list of their results: a call that blocks the loop holds up
        the others, which the server sees in when their connections arrive (`Peer.at`).
        """
        scripts = [[_step(s, SERVER_FIELDS) for s in script] for script in (server or [[]])]
        shown = ", ".join(["host", "port", *(repr(a) for a in args)]) if self._connection.reveal else "host, port, ..."
        what = f"{function}({shown})"
        data = self._do("client", what, function=function, args=encode_argument(list(args)),
                        kwargs=encode_argument(kwargs), server=encode_argument(scripts), listen_after=listen_after,
                        together=together)
        return ClientRun(
            finished=bool(data["finished"]), value=data["value"], error=data["error"], elapsed=float(data["elapsed"]),
            connections=[Peer.of(c) for c in data["connections"]], errors=list(data["errors"]), what=what,
            reveal=self._connection.reveal,
        )
