"""Loopback networking in the subject: the scripted side of every conversation, run by the referee.

The harness cannot reach the subject's sockets (each sandbox has its own network namespace), so
the `network` kind's referee (`gradekit.referee`), a process of the subject sandbox apart from the
learner's, plays the other end here, on 127.0.0.1: scripted clients for the learner's server
(`Conversation`) and a scripted server for the learner's client (`ScriptedServer`). The learner's
code runs in its own process, so a learner who blocks their loop never blocks the script, nothing
they run can rewrite the record, and every wait here has a timeout.

Scripts and transcripts are plain data: lists of `{"do": ...}` steps in, dicts out.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import socket
import struct
import termios
import threading
import time
from dataclasses import dataclass, field
from typing import Any

HOST = "127.0.0.1"
DEFAULT_TIMEOUT = 1.0
READ_CAP = 1 << 20  # bytes kept per connection in a record
# A scripted client's own socket buffers. Small and fixed (no autotuning), so that what a client can
# push while it reads nothing depends on the server, not on how much the client's kernel would hold.
CLIENT_BUFFER = 64 * 1024
FLOOD_CHUNK = 64 * 1024
FLOOD_IDLE = 0.5  # seconds without a byte taken in: the other side has stopped reading


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    """Is a socket in this network namespace listening on `port` (any local address)?"""
    found_table = False
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as handle:
                rows = handle.read().splitlines()[1:]
        except OSError:
            continue
        found_table = True
        for row in rows:
            fields = row.split()
            if len(fields) > 3 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                return True
    if found_table:
        return False
    with socket.socket() as probe:  # no /proc: a port someone holds cannot be bound again
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


async def stop_loop(grace: float) -> None:
    """Cancel the running loop's other tasks, let them finish for up to `grace` seconds, stop the loop."""
    tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=grace)
    asyncio.get_running_loop().stop()


async def _with_timeout(awaitable: Any, timeout: float) -> tuple[bool, Any]:
    try:
        return True, await asyncio.wait_for(awaitable, max(timeout, 0.0))
    except TimeoutError:
        return False, None


@dataclass
class Peer:
    """One scripted connection: what it read, and whether the other side closed."""

    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    received: bytearray = field(default_factory=bytearray)
    lines: list[bytes | None] = field(default_factory=list)
    closed: bool = False  # the other side closed (EOF seen)
    error: str | None = None

    def keep(self, data: bytes) -> None:
        self.received += data[: max(0, READ_CAP - len(self.received))]
        if data == b"":
            self.closed = True

    async def read_line(self, timeout: float) -> bytes | None:
        """One line; None if none came in time (a partial line stays buffered), b"" at end of stream."""
        assert self.reader is not None
        try:
            done, line = await _with_timeout(self.reader.readuntil(b"\n"), timeout)
        except asyncio.IncompleteReadError as exc:
            done, line = True, exc.partial
        except asyncio.LimitOverrunError:
            done, line = True, await self.reader.read(self.reader._limit)  # type: ignore[attr-defined]
        except OSError as exc:
            self.error, done, line = type(exc).__name__, True, b""
        if done:
            self.keep(line)
            if line == b"":
                self.closed = True
        self.lines.append(line if done else None)
        return line if done else None

    async def read(self, size: int, timeout: float) -> bytes:
        """Up to `size` bytes: fewer if the stream ended or the time ran out."""
        assert self.reader is not None
        data = bytearray()
        deadline = time.monotonic() + timeout
        while len(data) < size:
            try:
                done, chunk = await _with_timeout(self.reader.read(size - len(data)), deadline - time.monotonic())
            except OSError as exc:
                self.error, done, chunk = type(exc).__name__, True, b""
            if not done:
                break
            self.keep(chunk)
            if not chunk:
                break
            data += chunk
        return bytes(data)

    async def read_for(self, seconds: float, until_closed: bool = False) -> bytes:
        """Everything that arrives within `seconds` (or until the other side closes)."""
        assert self.reader is not None
        data = bytearray()
        deadline = time.monotonic() + seconds
        while not self.closed and time.monotonic() < deadline:
            try:
                done, chunk = await _with_timeout(self.reader.read(65536), deadline - time.monotonic())
            except OSError as exc:
                self.error, done, chunk = type(exc).__name__, True, b""
            if done:
                self.keep(chunk)
                data += chunk
            if until_closed is False and not done:
                break
        return bytes(data)

    async def idle(self, seconds: float) -> None:
        """Wait without reading, but notice when the other side closes (its data stays buffered)."""
        assert self.reader is not None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not getattr(self.reader, "_eof", False):
            await asyncio.sleep(min(0.02, max(0.0, deadline - time.monotonic())))
        if getattr(self.reader, "_eof", False) and not self.reader._buffer:  # type: ignore[attr-defined]
            self.closed = True

    async def send(self, data: bytes, timeout: float = DEFAULT_TIMEOUT) -> None:
        assert self.writer is not None
        try:
            self.writer.write(data)
            await asyncio.wait_for(self.writer.drain(), timeout)
        except (OSError, TimeoutError) as exc:
            self.error = type(exc).__name__

    async def flood(self, data: bytes, times: int, timeout: float) -> int:
        """Send `data` `times` times without reading; how many bytes the other side took in (those
        still in this side's own buffers not counted). Ends when all were taken, when the other side
        took nothing for FLOOD_IDLE seconds (it stopped reading), or after `timeout` seconds."""
        assert self.writer is not None
        transport = self.writer.transport
        sock = transport.get_extra_info("socket")
        chunk = data * max(1, FLOOD_CHUNK // max(1, len(data)))
        total = len(data) * times
        sent = taken = 0
        now = began_idle = time.monotonic()
        deadline = now + timeout
        while now < deadline and taken < total and not transport.is_closing():
            while sent < total and transport.get_write_buffer_size() < 16 * FLOOD_CHUNK:
                piece = chunk[: total - sent]
                self.writer.write(piece)
                sent += len(piece)
            await asyncio.sleep(0.005)
            now = time.monotonic()
            try:
                newly = sent - transport.get_write_buffer_size() - _unsent(sock)
            except OSError as exc:
                self.error = type(exc).__name__
                break
            if newly > taken:
                taken, began_idle = newly, now
            elif now - began_idle > FLOOD_IDLE:
                break
        return max(0, taken)

    def summary(self) -> dict[str, Any]:
        return {"received": bytes(self.received), "lines": list(self.lines), "closed": self.closed,
                "error": self.error}


def _unsent(sock: Any) -> int:
    """Bytes still in a socket's own send queue (SIOCOUTQ); 0 where that cannot be asked."""
    if sock is None:
        return 0
    return int(struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0" * 4))[0])


async def _open_client(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A connection to `port` whose buffers are CLIENT_BUFFER bytes each, set before connecting."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, CLIENT_BUFFER)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, CLIENT_BUFFER)
        sock.setblocking(False)
        await asyncio.get_running_loop().sock_connect(sock, (HOST, port))
    except BaseException:
        sock.close()
        raise
    return await asyncio.open_connection(sock=sock)


def _timeout(step: dict[str, Any], remaining: float) -> float:
    return max(0.0, min(float(step.get("timeout", DEFAULT_TIMEOUT)), remaining))


class Conversation:
    """Scripted clients talking to a server on `port`; every step is timed and recorded."""

    def __init__(self, port: int, steps: list[dict[str, Any]], budget: float) -> None:
        self.port, self.steps, self.budget = port, steps, budget
        self.clients: dict[str, Peer] = {}
        self.events: list[dict[str, Any]] = []

    async def run(self) -> dict[str, Any]:
        start = time.monotonic()
        deadline = start + self.budget
        out_of_time = False
        for step in self.steps:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                out_of_time = True
                break
            began = time.monotonic()
            value = await self.do(step, remaining)
            self.events.append({"do": step.get("do"), "client": step.get("client"), "value": value,
                                "at": round(began - start, 3), "took": round(time.monotonic() - began, 3)})
        for peer in self.clients.values():
            if peer.writer is not None:
                peer.writer.transport.abort()
        return {"events": self.events, "clients": {n: p.summary() for n, p in self.clients.items()},
                "out_of_time": out_of_time}

    async def do(self, step: dict[str, Any], remaining: float) -> Any:
        action, name = str(step.get("do")), str(step.get("client", ""))
        if action == "sleep":
            await asyncio.sleep(min(float(step.get("seconds", 0)), remaining))
            return None
        if action == "connect":
            peer = self.clients[name] = Peer()
            try:
                done, pair = await _with_timeout(_open_client(self.port), _timeout(step, remaining))
            except OSError as exc:
                peer.error = type(exc).__name__
                return False
            if not done:
                peer.error = "TimeoutError"
                return False
            peer.reader, peer.writer = pair
            return True
        found = self.clients.get(name)
        if found is None or found.writer is None:
            return None  # never connected: the connect step already says why
        peer, writer = found, found.writer
        if action == "send":
            await peer.send(bytes(step.get("data", b"")), _timeout(step, remaining))
            return None
        if action == "readline":
            return await peer.read_line(_timeout(step, remaining))
        if action == "read":
            return await peer.read(int(step.get("size", 0)), _timeout(step, remaining))
        if action == "flood":
            return await peer.flood(bytes(step.get("data", b"")), int(step.get("times", 1)), _timeout(step, remaining))
        if action == "listen":
            return await peer.read_for(_timeout({"timeout": step.get("seconds", DEFAULT_TIMEOUT)}, remaining))
        if action == "wait_closed":
            await peer.read_for(_timeout(step, remaining), until_closed=True)
            return peer.closed
        if action == "eof":
            try:
                if writer.can_write_eof():
                    writer.write_eof()
            except OSError as exc:  # the server already dropped the connection
                peer.error = type(exc).__name__
            return None
        if action == "close":
            writer.close()
            return None
        raise ValueError(f"unknown conversation step {action!r}")


class ScriptedServer:
    """A server on a loop of its own; connection i follows scripts[min(i, last)]."""

    def __init__(self, scripts: list[list[dict[str, Any]]], listen_after: float) -> None:
        self.scripts = scripts or [[]]
        self.listen_after = listen_after
        self.port = free_port()
        self.connections: list[dict[str, Any]] = []
        self.peers: list[Peer] = []
        self.started = time.monotonic()
        self.loop = asyncio.new_event_loop()
        self.server: asyncio.AbstractServer | None = None
        self.thread = threading.Thread(target=self._run, name="scripted-server", daemon=True)
        self.thread.start()
        listening = asyncio.run_coroutine_threadsafe(self._listen(), self.loop)
        if listen_after <= 0:
            listening.result(2.0)  # the learner's first connect must find it listening

    def _run(self) -> None:
        self.loop.run_forever()
        self.loop.close()

    async def _listen(self) -> None:
        await asyncio.sleep(self.listen_after)
        self.server = await asyncio.start_server(self._serve, HOST, self.port)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        index = len(self.connections)
        peer = Peer(reader, writer)
        record: dict[str, Any] = {"at": round(time.monotonic() - self.started, 3)}
        self.connections.append(record)
        self.peers.append(peer)
        try:
            for step in self.scripts[min(index, len(self.scripts) - 1)]:
                action = str(step.get("do"))
                if action == "read_line":
                    await peer.read_line(float(step.get("timeout", DEFAULT_TIMEOUT)))
                elif action == "read":
                    await peer.read(int(step.get("size", 0)), float(step.get("timeout", DEFAULT_TIMEOUT)))
                elif action == "send":
                    await peer.send(bytes(step.get("data", b"")))
                elif action == "sleep":
                    await peer.idle(float(step.get("seconds", 0)))
                elif action == "close":
                    if writer.can_write_eof() and not writer.is_closing():
                        with contextlib.suppress(OSError):
                            writer.write_eof()  # hang up, then see whether the client closes its end too
                    break
                else:
                    raise ValueError(f"unknown server step {action!r}")
            await peer.read_for(3600, until_closed=True)
        finally:
            record["closed_at"] = round(time.monotonic() - self.started, 3)
            writer.transport.abort()

    def stop(self, grace: float) -> list[dict[str, Any]]:
        """Give open connections `grace` seconds to be closed by the client, then record and stop."""
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and not all(p.closed or p.writer is None for p in self.peers):
            time.sleep(0.02)

        async def shutdown() -> None:
            if self.server is not None:
                self.server.close()
            await stop_loop(0.3)

        asyncio.run_coroutine_threadsafe(shutdown(), self.loop)
        self.thread.join(0.5)
        return [{**record, **peer.summary(), "client_closed": peer.closed}
                for record, peer in zip(self.connections, self.peers, strict=False)]

