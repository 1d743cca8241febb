import time

import serial

STX = 0x02
PING, READ, SET = 0x01, 0x10, 0x20
NAK, ERROR = 0x15, 0x7F
REPLY = 0x80  # a reply's command is the request's command with this bit set


def checksum(body):
    """XOR of every byte of `body` (length, command and payload)."""
    value = 0
    for byte in body:
        value ^= byte
    return value


def encode_frame(command, payload=b""):
    """STX | length | command | payload | checksum, as bytes."""
    payload = bytes(payload)
    if not 0 <= command <= 255 or len(payload) > 254:
        raise ValueError("a command is one byte and a payload at most 254 bytes")
    body = bytes([len(payload) + 1, command]) + payload
    return bytes([STX]) + body + bytes([checksum(body)])


def decode_frame(data):
    """(command, payload) of one whole frame; ValueError if it is not exactly one valid frame."""
    data = bytes(data)
    if len(data) < 4 or data[0] != STX:
        raise ValueError("a frame starts with STX and has at least 4 bytes")
    length = data[1]
    if length == 0 or len(data) != length + 3:
        raise ValueError(f"the length byte says {length}, the frame holds {len(data) - 3}")
    body, check = data[1:-1], data[-1]
    if checksum(body) != check:
        raise ValueError(f"bad checksum: got {check:#04x}, computed {checksum(body):#04x}")
    return data[2], data[3:-1]


class FramedLink:
    """A device that speaks the framed protocol, with checksums checked and retries on damage."""

    def __init__(self, port, timeout=0.3, retries=3):
        self.link = serial.Serial(port, 9600, timeout=timeout)
        self.timeout = timeout
        self.retries = retries

    def close(self):
        self.link.close()

    def _read_frame(self, deadline):
        """The next whole frame's bytes, or None when the deadline passes first."""
        while time.monotonic() < deadline:
            first = self.link.read(1)
            if first != bytes([STX]):
                continue
            length = self.link.read(1)
            if not length:
                return None
            rest = self.link.read(length[0] + 1)
            if len(rest) < length[0] + 1:
                return None
            return first + length + rest
        return None

    def request(self, command, payload=b""):
        """Send a request until a valid reply arrives; return the reply's payload."""
        for _ in range(self.retries):
            self.link.reset_input_buffer()
            self.link.write(encode_frame(command, payload))
            deadline = time.monotonic() + self.timeout
            while True:
                data = self._read_frame(deadline)
                if data is None:
                    break
                reply, body = data[2], data[3:-1]
                if reply == NAK:
                    break
                if reply == ERROR:
                    code = body[0] if body else 0
                    raise ValueError(f"the device refused command {command:#04x} (error {code})")
                if reply == command | REPLY:
                    return body
        raise TimeoutError(f"no valid reply to command {command:#04x} after {self.retries} attempts")

    def ping(self):
        return self.request(PING) == b"PONG"

    def read_channel(self, channel):
        body = self.request(READ, bytes([channel]))
        if len(body) != 3 or body[0] != channel:
            raise ValueError(f"unexpected reply to READ {channel}: {body!r}")
        return int.from_bytes(body[1:], "big")

    def set_value(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0xFFFF:
            raise ValueError(f"a value is a whole number from 0 to 65535, got {value!r}")
        self.request(SET, value.to_bytes(2, "big"))
