"""The harness/subject channel: length-prefixed JSON messages over an inherited socket."""

from __future__ import annotations

import json
import re
import socket
import struct
from typing import Any

from gradekit.errors import ChannelError, SubjectGone, TooManyValues

HEADER = struct.Struct("!I")
MAX_MESSAGE = 32 * 1024 * 1024
# Parsed, a message costs memory per value far more than per byte (`[[],[],...]` is 3 bytes but
# some 60 bytes of objects a list), so how many values a message may hold is limited as well.
MAX_VALUES = 2_000_000
STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


class Channel:
    """One end of a connected stream socket carrying JSON objects."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    @classmethod
    def from_fd(cls, fd: int) -> Channel:
        return cls(socket.socket(fileno=fd))

    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":"), allow_nan=False).encode("utf-8")
        if len(data) > MAX_MESSAGE:
            raise ChannelError(f"message of {len(data)} bytes is over the {MAX_MESSAGE} byte limit")
        try:
            self.sock.sendall(HEADER.pack(len(data)) + data)
        except OSError as exc:
            raise SubjectGone(f"the other side closed the channel ({exc.strerror})") from exc

    def receive(self, timeout: float | None = None) -> dict[str, Any]:
        self.sock.settimeout(timeout)
        (size,) = HEADER.unpack(self._read(HEADER.size))
        if size > MAX_MESSAGE:
            raise ChannelError(f"message of {size} bytes is over the {MAX_MESSAGE} byte limit")
        data = self._read(size)
        if size > MAX_VALUES and values(data) > MAX_VALUES:  # a shorter message cannot hold that many
            raise TooManyValues(f"it holds more than {MAX_VALUES:,} values")
        try:
            message = json.loads(data)
        except RecursionError:
            raise TooManyValues("it is nested too deeply") from None
        except ValueError as exc:
            raise ChannelError("a message was not valid JSON") from exc
        if type(message) is not dict:
            raise ChannelError("a message was not a JSON object")
        return message

    def _read(self, size: int) -> bytes:
        chunks = bytearray()
        while len(chunks) < size:
            try:
                chunk = self.sock.recv(min(size - len(chunks), 1 << 20))
            except TimeoutError:
                raise
            except OSError as exc:
                raise SubjectGone(f"the channel broke ({exc.strerror})") from exc
            if not chunk:
                raise SubjectGone("the other side closed the channel")
            chunks += chunk
        return bytes(chunks)

    def close(self) -> None:
        self.sock.close()


def values(data: bytes) -> int:
    """About how many values the JSON text `data` holds: its commas and opening brackets outside strings."""

    def count(text: bytes) -> int:
        return text.count(b",") + text.count(b"[") + text.count(b"{")

    found = count(data)
    if found > MAX_VALUES:  # those inside strings counted too: count again without the strings
        found = count(STRING.sub(b"", data))
    return found
