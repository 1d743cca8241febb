import struct
import time
from functools import reduce
from operator import xor

import serial

STX = 0x02
PING, READ, SET = 0x01, 0x10, 0x20
NAK, ERROR = 0x15, 0x7F


def checksum(body):
    return reduce(xor, body, 0)


def encode_frame(command, payload=b""):
    body = struct.pack("BB", len(payload) + 1, command) + bytes(payload)
    return b"\x02" + body + struct.pack("B", checksum(body))


def decode_frame(data):
    data = bytes(data)
    if not data.startswith(b"\x02"):
        raise ValueError("no STX")
    if len(data) < 4 or data[1] < 1 or data[1] + 3 != len(data):
        raise ValueError("wrong length")
    if checksum(data[1:-1]) != data[-1]:
        raise ValueError("bad checksum")
    return data[2], data[3:-1]


class FramedLink:
    def __init__(self, port, timeout=0.3, retries=3):
        self.port = serial.Serial(port, baudrate=9600, timeout=0.02)
        self.timeout = timeout
        self.retries = retries

    def close(self):
        self.port.close()

    def _receive(self):
        """Collect bytes into a buffer until it holds one whole frame, or the attempt's time is up."""
        buffer = bytearray()
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            buffer += self.port.read(self.port.in_waiting or 1)
            start = buffer.find(STX)
            if start < 0:
                buffer.clear()
                continue
            del buffer[:start]
            if len(buffer) >= 2 and len(buffer) >= buffer[1] + 3:
                return bytes(buffer[: buffer[1] + 3])
        return None

    def request(self, command, payload=b""):
        attempts = 0
        while attempts < self.retries:
            attempts += 1
            self.port.reset_input_buffer()
            self.port.write(encode_frame(command, payload))
            data = self._receive()
            if data is None:
                continue
            try:
                kind, body = decode_frame(data)
            except ValueError:
                continue
            if kind == ERROR:
                raise ValueError(f"device error {body[:1].hex()}")
            if kind == command | 0x80:
                return body
        raise TimeoutError(f"gave up on command {command} after {attempts} attempts")

    def ping(self):
        return self.request(PING) == b"PONG"

    def read_channel(self, channel):
        _, value = struct.unpack(">BH", self.request(READ, bytes([channel])))
        return value

    def set_value(self, value):
        if type(value) is not int or value < 0 or value > 65535:
            raise ValueError("value out of range")
        self.request(SET, struct.pack(">H", value))
