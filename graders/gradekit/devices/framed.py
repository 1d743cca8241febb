"""A binary framed protocol with checksums: STX, length, command, payload, XOR checksum.

Frame: 0x02 | length (command + payload bytes, 1..255) | command | payload | checksum (XOR of
length, command and payload). Commands: 0x01 PING → 0x81 with b"PONG"; 0x10 READ channel → 0x90
with the channel and a 2-byte big-endian value; 0x20 SET value (2 bytes, big-endian) → 0xA0
echoing it. A frame with a bad checksum gets a NAK frame (command 0x15, no payload): send it
again. A well-formed frame the device cannot carry out (an unknown command or channel, a payload
of the wrong size) gets an ERROR frame (command 0x7F, one byte: 1 unknown command, 2 unknown
channel, 3 bad payload); sending it again cannot help. A frame that stops arriving for 0.2 s is
dropped, as a real receiver's inter-byte timeout does.

Tests damage the link with `corrupt_replies(n)` (the next n replies arrive with a damaged byte
and the original checksum), `nak_requests(n)` (the next n frames are answered NAK, as if they had
arrived damaged) and the generic faults (noise, partial, delay, disconnect).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from gradekit.devices import Device

STX, NAK, ERROR = 0x02, 0x15, 0x7F
PING, READ, SET = 0x01, 0x10, 0x20
UNKNOWN_COMMAND, UNKNOWN_CHANNEL, BAD_PAYLOAD = 1, 2, 3
FRAME_GAP = 0.2  # seconds without a byte after which a partial frame is dropped


def checksum(body: bytes) -> int:
    value = 0
    for byte in body:
        value ^= byte
    return value


def frame(command: int, payload: bytes = b"") -> bytes:
    body = bytes([len(payload) + 1, command]) + payload
    return bytes([STX]) + body + bytes([checksum(body)])


@dataclass
class FramedDevice(Device):
    name = "framed"
    buffer: bytearray = field(default_factory=bytearray)
    last_byte: float = 0.0
    values: dict[int, int] = field(default_factory=lambda: {0: 1234, 1: 42, 2: 65535, 3: 0})
    setting: int = 0
    frames: list[dict[str, Any]] = field(default_factory=list)
    corrupt_next: int = 0
    nak_next: int = 0

    def corrupt_replies(self, count: int) -> None:
        """The next `count` replies arrive damaged: one byte changed, the checksum left as it was."""
        self.corrupt_next = max(0, int(count))

    def nak_requests(self, count: int) -> None:
        """The next `count` well-formed frames are answered NAK, as if they had arrived damaged."""
        self.nak_next = max(0, int(count))

    def boot(self) -> None:
        self.buffer.clear()

    def tick(self, now: float) -> None:
        if self.buffer and now - self.last_byte > FRAME_GAP:
            self.buffer.clear()

    def on_bytes(self, data: bytes) -> None:
        self.last_byte = time.monotonic()
        self.buffer += data
        while True:
            start = self.buffer.find(bytes([STX]))
            if start < 0:
                self.buffer.clear()
                return
            del self.buffer[:start]
            if len(self.buffer) < 2:
                return
            length = self.buffer[1]
            if length == 0:  # not a frame: look for the next STX
                del self.buffer[:1]
                continue
            if len(self.buffer) < length + 3:
                return
            body = bytes(self.buffer[1: length + 2])
            check = self.buffer[length + 2]
            del self.buffer[: length + 3]
            valid = checksum(body) == check
            record = {"t": self.elapsed(), "command": body[1], "payload": list(body[2:]), "valid": valid,
                      "reply": None}
            if valid and self.nak_next:
                self.nak_next -= 1
                record["valid"] = False
                valid = False
            reply = self.answer(body) if valid else frame(NAK)
            record["reply"] = reply[2]
            with self.lock:
                self.frames.append(record)
            self.reply(reply)

    def answer(self, body: bytes) -> bytes:
        command, payload = body[1], body[2:]
        if command == PING:
            return frame(0x81, b"PONG") if not payload else frame(ERROR, bytes([BAD_PAYLOAD]))
        if command == READ:
            if len(payload) != 1:
                return frame(ERROR, bytes([BAD_PAYLOAD]))
            if payload[0] not in self.values:
                return frame(ERROR, bytes([UNKNOWN_CHANNEL]))
            return frame(0x90, bytes([payload[0]]) + self.values[payload[0]].to_bytes(2, "big"))
        if command == SET:
            if len(payload) != 2:
                return frame(ERROR, bytes([BAD_PAYLOAD]))
            self.setting = int.from_bytes(payload, "big")
            self.values[3] = self.setting
            return frame(0xA0, payload)
        return frame(ERROR, bytes([UNKNOWN_COMMAND]))

    def reply(self, data: bytes) -> None:
        if self.corrupt_next:
            self.corrupt_next -= 1
            damaged = bytearray(data)
            index = len(damaged) - 2 if len(damaged) > 4 else len(damaged) - 1  # the last payload byte
            damaged[index] ^= 0x5A
            data = bytes(damaged)
        self.write(data)

    def state(self) -> dict[str, Any]:
        with self.lock:
            return {"setting": self.setting, "values": dict(self.values), "frames": [dict(f) for f in self.frames]}


DEVICE = FramedDevice
