"""A binary framed protocol with checksums: STX, length, command, payload, XOR checksum.

Frame: 0x02 | length (command + payload bytes) | command | payload | checksum (XOR of length,
command and payload). Commands: 0x01 PING → 0x81 with b"PONG"; 0x10 READ channel → 0x90 with the
channel and a 2-byte big-endian value; 0x20 SET value → 0xA0 echoing it. A frame with a bad
checksum gets a NAK frame (command 0x15); the learner's code should retry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradekit.devices import Device

STX, NAK = 0x02, 0x15


def frame(command: int, payload: bytes = b"") -> bytes:
    body = bytes([len(payload) + 1, command]) + payload
    check = 0
    for byte in body:
        check ^= byte
    return bytes([STX]) + body + bytes([check])


@dataclass
class FramedDevice(Device):
    name = "framed"
    buffer: bytearray = field(default_factory=bytearray)
    values: dict[int, int] = field(default_factory=lambda: {0: 1234, 1: 42, 2: 65535})
    setting: int = 0
    frames: list[dict[str, Any]] = field(default_factory=list)
    corrupt_next: int = 0

    def corrupt_replies(self, count: int) -> None:
        """The next `count` replies go out with a wrong checksum."""
        self.corrupt_next = count

    def on_bytes(self, data: bytes) -> None:
        self.buffer += data
        while True:
            start = self.buffer.find(bytes([STX]))
            if start < 0:
                self.buffer.clear()
                return
            del self.buffer[:start]
            if len(self.buffer) < 3 or len(self.buffer) < self.buffer[1] + 3:
                return
            length = self.buffer[1]
            body = bytes(self.buffer[1: length + 2])
            check = self.buffer[length + 2]
            del self.buffer[: length + 3]
            computed = 0
            for byte in body:
                computed ^= byte
            valid = computed == check
            self.frames.append({"command": body[1] if len(body) > 1 else None, "payload": list(body[2:]),
                                "valid": valid})
            self.reply(self.answer(body) if valid else frame(NAK))

    def answer(self, body: bytes) -> bytes:
        command, payload = body[1], body[2:]
        if command == 0x01:
            return frame(0x81, b"PONG")
        if command == 0x10 and payload and payload[0] in self.values:
            return frame(0x90, bytes([payload[0]]) + self.values[payload[0]].to_bytes(2, "big"))
        if command == 0x20 and len(payload) == 2:
            self.setting = int.from_bytes(payload, "big")
            return frame(0xA0, payload)
        return frame(NAK)

    def reply(self, data: bytes) -> None:
        if self.corrupt_next:
            self.corrupt_next -= 1
            data = data[:-1] + bytes([data[-1] ^ 0xFF])
        self.write(data)

    def state(self) -> dict[str, Any]:
        return {"setting": self.setting, "frames": list(self.frames)}


DEVICE = FramedDevice
