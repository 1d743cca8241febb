"""Example tests: run them with "Run examples". `talk["a"].received` is every byte client a
read; ("read", "a", n) reads n bytes (fewer if they did not come in time)."""

import struct


def frame(payload):
    return struct.pack(">I", len(payload)) + payload


def test_encode_frame(submission):
    """encode_frame() puts a 4-byte big-endian length first"""
    assert submission.encode_frame(b"hello") == b"\x00\x00\x00\x05hello"


def test_one_frame(net):
    """a frame comes back with its payload reversed"""
    talk = net.talk(("connect", "a"), ("send", "a", frame(b"abc")), ("read", "a", 7))
    assert talk["a"].received == frame(b"cba")
