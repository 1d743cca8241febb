import time

import serial

STX = 0x02
PING, READ, SET = 0x01, 0x10, 0x20
NAK, ERROR = 0x15, 0x7F
REPLY = 0x80  # a reply's command is the request's command with this bit set


def checksum(body):
    """XOR of every byte of `body` (length, command and payload)."""
    # TODO
    return 0


def encode_frame(command, payload=b""):
    """STX | length | command | payload | checksum, as bytes."""
    # TODO
    return b""


def decode_frame(data):
    """(command, payload) of one whole frame; ValueError if it is not exactly one valid frame."""
    # TODO: check STX, the length byte and the checksum
    raise NotImplementedError


class FramedLink:
    """A device that speaks the framed protocol, with checksums checked and retries on damage."""

    def __init__(self, port, timeout=0.3, retries=3):
        self.link = serial.Serial(port, 9600, timeout=timeout)
        self.timeout = timeout
        self.retries = retries

    def close(self):
        self.link.close()

    def request(self, command, payload=b""):
        """Send a request until a valid reply arrives; return the reply's payload."""
        # TODO: send encode_frame(command, payload), read the reply frame, check it, retry
        raise NotImplementedError

    def ping(self):
        return self.request(PING) == b"PONG"

    def read_channel(self, channel):
        # TODO: READ the channel; the reply's payload is the channel and a 2-byte value
        raise NotImplementedError

    def set_value(self, value):
        # TODO: check the value, then SET it as 2 bytes
        raise NotImplementedError
