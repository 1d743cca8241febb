"""Example tests: run them with "Run examples". `net.client("fetch", ...)` calls your
fetch("127.0.0.1", port, ...) against a scripted server; `server` lists what the server does on
each connection (the last script repeats), and `run.connections` is what the server saw."""

ANSWER = [("read_line",), ("send", "VALUE blue\n")]
HANG_UP = [("read_line",), ("close",)]


def test_value(net):
    """fetch() returns the value and sends GET key"""
    run = net.client("fetch", "colour", server=[ANSWER])
    assert run.result() == "blue"
    assert run.connections[0].lines == ["GET colour\n"]


def test_retries_after_hang_up(net):
    """fetch() tries again when the server hangs up without answering"""
    run = net.client("fetch", "colour", server=[HANG_UP, ANSWER])
    assert run.result() == "blue"
    assert len(run.connections) == 2
