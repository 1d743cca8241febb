"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pytest


def test_several_lines_in_one_packet(net):
    """several lines sent at once come back one by one"""
    talk = net.talk(("connect", "a"), ("send", "a", "one\ntwo\nthree\n"),
                    ("readline", "a"), ("readline", "a"), ("readline", "a"))
    assert talk["a"].lines == ["one\n", "two\n", "three\n"], \
        "three lines sent in one packet must come back as the same three lines"


@pytest.mark.points(2)
def test_partial_line_waits(net):
    """half a line is not echoed until the rest of it arrives"""
    talk = net.talk(("connect", "a"), ("send", "a", "wor"), ("listen", "a", 0.4),
                    ("send", "a", "ld\n"), ("readline", "a"))
    early = talk.values("listen", "a")[0]
    assert early == "", "the server answered half a line; read whole lines with readline(), not read(n)"
    assert talk["a"].lines == ["world\n"], "once the newline arrives, the whole line must come back once"


@pytest.mark.points(2)
def test_closes_when_client_is_done(net):
    """the server closes the connection when the client has finished sending"""
    talk = net.talk(("connect", "a"), ("send", "a", "bye\n"), ("readline", "a"),
                    ("eof", "a"), ("wait_closed", "a", 2))
    assert talk["a"].lines == ["bye\n"], "the line must be echoed before the connection ends"
    assert talk["a"].closed, "when readline() returns b'' the client is done: close the writer"


def test_last_piece_without_newline(net):
    """a last piece without a newline is echoed before closing"""
    talk = net.talk(("connect", "a"), ("send", "a", "tail"), ("eof", "a"), ("wait_closed", "a", 2))
    assert talk["a"].received == b"tail", "at the end of the stream readline() returns what is left; echo it too"


def test_bytes_are_not_decoded(net):
    """bytes that are not UTF-8 come back unchanged"""
    data = b"\xff\xfe\x00 raw \x80\n"
    talk = net.talk(("connect", "a"), ("send", "a", data), ("readline", "a"))
    assert talk["a"].raw_lines == [data], "echo the bytes as they are; there is no need to decode them"


def test_long_line(net):
    """a 50 000-byte line comes back intact"""
    data = bytes(range(10)) * 5_000 + b"\n"
    talk = net.talk(("connect", "a"), ("send", "a", data), ("read", "a", len(data), 3))
    assert talk["a"].received == data, "a long line must come back whole and in order"


FLOOD_LINE = b"x" * 1023 + b"\n"
FLOOD_LINES = 65_536  # 64 MiB, more than the sockets' buffers can hold


@pytest.mark.points(2)
def test_drains_after_writing(net):
    """a client that never reads is made to wait: each write is followed by await writer.drain()"""
    talk = net.talk(("connect", "a"), ("send", "a", "first\n"), ("readline", "a"),
                    ("flood", "a", FLOOD_LINE, FLOOD_LINES, 3))
    assert talk["a"].lines == ["first\n"], "each line must come back"
    (taken,) = talk.values("flood")
    assert taken < len(FLOOD_LINE) * FLOOD_LINES, \
        "the server took in 64 MiB from a client that read none of its echoes, keeping them all in memory: " \
        "await writer.drain() after writer.write(...), so a slow client makes the server wait"


def test_survives_a_client_that_vanishes(net):
    """a client that disconnects abruptly does not stop the server"""
    talk = net.talk(("connect", "a"), ("send", "a", "x" * 1000 + "\n"), ("close", "a"), ("sleep", 0.2),
                    ("connect", "b"), ("send", "b", "still there?\n"), ("readline", "b"))
    assert talk["b"].lines == ["still there?\n"], "after one client vanished, the server must still answer others"
    assert talk.server["running"], "serve() must keep running when a client disconnects"
