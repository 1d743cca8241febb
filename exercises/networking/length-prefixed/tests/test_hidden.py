"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import struct

import pytest

MAX_FRAME = 1_048_576


def frame(payload):
    return struct.pack(">I", len(payload)) + payload


def test_encode_empty_and_binary(submission):
    """encode_frame() handles empty and binary payloads"""
    assert submission.encode_frame(b"") == b"\x00\x00\x00\x00", "an empty payload is a frame with length 0"
    payload = bytes(range(256)) * 2
    assert submission.encode_frame(payload) == b"\x00\x00\x02\x00" + payload, \
        "the length is 4 bytes, big-endian (struct format \">I\")"


def test_encode_too_long(submission):
    """encode_frame() refuses a payload longer than MAX_FRAME"""
    with pytest.raises(ValueError):
        submission.encode_frame(b"x" * (MAX_FRAME + 1))
    assert len(submission.encode_frame(b"x" * MAX_FRAME)) == MAX_FRAME + 4, "exactly MAX_FRAME bytes is allowed"


@pytest.mark.points(2)
def test_frame_in_pieces(net):
    """a frame split into small pieces is answered once it is complete"""
    data = frame(b"pieces!")
    steps = [("connect", "a")]
    for index in range(0, len(data), 3):
        steps += [("send", "a", data[index : index + 3]), ("sleep", 0.05)]
    talk = net.talk(*steps, ("read", "a", len(data), 2))
    assert talk["a"].received == frame(b"!seceip"), \
        "read the header and then the payload with readexactly(); read(n) returns only what has arrived so far"


def test_nothing_before_complete(net):
    """nothing is sent back for half a frame"""
    talk = net.talk(("connect", "a"), ("send", "a", frame(b"0123456789")[:8]), ("listen", "a", 0.4))
    assert talk["a"].received == b"", "the server answered before the whole payload had arrived"


def test_several_frames_at_once(net):
    """several frames in one packet are each answered, in order"""
    payloads = [b"one", b"", b"three", b"\n\x00\n"]
    expected = b"".join(frame(p[::-1]) for p in payloads)
    talk = net.talk(("connect", "a"), ("send", "a", b"".join(frame(p) for p in payloads)),
                    ("read", "a", len(expected), 2))
    assert talk["a"].received == expected, \
        "every frame of a packet needs its own reply, in order; an empty frame too, and newlines are plain bytes"


@pytest.mark.points(2)
def test_large_frame(net):
    """a 300 000-byte frame comes back whole"""
    payload = bytes(range(251)) * 1200
    talk = net.talk(("connect", "a"), ("send", "a", frame(payload)), ("read", "a", len(payload) + 4, 4))
    assert talk["a"].received == frame(payload[::-1]), \
        "a large payload arrives in many pieces: readexactly() waits for all of them"


@pytest.mark.points(2)
def test_too_long_closes(net):
    """a frame announcing more than MAX_FRAME bytes closes the connection at once"""
    talk = net.talk(("connect", "a"), ("send", "a", struct.pack(">I", MAX_FRAME + 1) + b"xyz"),
                    ("wait_closed", "a", 1.5))
    assert talk["a"].received == b"", "an oversized frame gets no answer"
    assert talk["a"].closed, "close the connection as soon as the header announces more than MAX_FRAME bytes"


def test_largest_header_closes(net):
    """a header with its top bit set is a length over MAX_FRAME, not an error"""
    talk = net.talk(("connect", "a"), ("send", "a", b"\xff\xff\xff\xff" + b"xyz"), ("wait_closed", "a", 1.5))
    assert talk["a"].received == b"", "an oversized frame gets no answer"
    assert talk["a"].closed, "close the connection as soon as the header announces more than MAX_FRAME bytes"
    assert not talk.errors, (
        "the handler raised on a header with its top bit set: the length is unsigned (struct format \">I\"), "
        "so it announces more than MAX_FRAME bytes; close the connection"
    )


def test_exactly_max_frame(net):
    """a frame of exactly MAX_FRAME bytes is answered"""
    payload = bytes(range(256)) * (MAX_FRAME // 256)
    expected = frame(payload[::-1])
    talk = net.talk(("connect", "a"), ("send", "a", frame(payload)), ("read", "a", len(expected), 4))
    received = talk["a"].received
    assert received[:4] == expected[:4], (
        "a frame of exactly MAX_FRAME bytes is allowed: only a length above MAX_FRAME is a protocol error"
    )
    # the record keeps the first MiB a client read: compare that much
    assert len(received) >= min(len(expected), MAX_FRAME) and expected.startswith(received), (
        "a frame of exactly MAX_FRAME bytes must come back whole, reversed"
    )


def test_end_inside_a_frame(net):
    """a client that stops in the middle of a frame is disconnected quietly"""
    talk = net.talk(("connect", "a"), ("send", "a", frame(b"ok")), ("read", "a", 6),
                    ("send", "a", frame(b"unfinished")[:7]), ("eof", "a"), ("wait_closed", "a", 1.5))
    assert talk["a"].received == frame(b"ko"), "the complete frame must be answered"
    assert talk["a"].closed, "when the stream ends inside a frame, close the connection"
    assert not talk.errors, "the end of the stream inside a frame raised in the handler: catch IncompleteReadError"


def test_clean_end(net):
    """the connection is closed when the client closes its side between frames"""
    talk = net.talk(("connect", "a"), ("send", "a", frame(b"x")), ("read", "a", 5), ("eof", "a"),
                    ("wait_closed", "a", 1.5))
    assert talk["a"].closed, "when the client closes its side, close the connection"
    assert not talk.errors, "a clean end of stream must not raise in the handler"


def test_two_clients(net):
    """two clients' frames do not mix"""
    first, second = frame(b"first client"), frame(b"second")
    talk = net.talk(("connect", "a"), ("connect", "b"),
                    ("send", "a", first[:6]), ("send", "b", second), ("send", "a", first[6:]),
                    ("read", "b", len(second)), ("read", "a", len(first)))
    assert talk["a"].received == frame(b"tneilc tsrif") and talk["b"].received == frame(b"dnoces"), \
        "each client has its own stream of frames"
