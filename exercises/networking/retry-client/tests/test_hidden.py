"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pytest

ANSWER = [("read_line",), ("send", "VALUE blue\n")]
HANG_UP = [("read_line",), ("close",)]
SILENT = [("read_line",), ("sleep", 30)]


def test_not_found(net):
    """NOT_FOUND returns None without retrying"""
    run = net.client("fetch", "nothing", server=[[("read_line",), ("send", "NOT_FOUND\n")]])
    assert run.result() is None, "NOT_FOUND means the key has no value: return None"
    assert len(run.connections) == 1, "NOT_FOUND is an answer, not a failure: do not ask again"


def test_error_reply(net):
    """an ERR reply raises ValueError without retrying"""
    run = net.client("fetch", "bad key", server=[[("read_line",), ("send", "ERR usage: GET key\n")]])
    assert run.raised is not None, "an ERR reply must raise ValueError"
    with pytest.raises(ValueError):
        run.result()
    assert len(run.connections) == 1, "asking again would get the same ERR: do not retry it"


@pytest.mark.points(2)
def test_silent_server_times_out(net):
    """a server that never answers is given up on after `timeout` seconds"""
    run = net.client("fetch", "colour", timeout=0.4, server=[SILENT, ANSWER])
    assert run.finished, "fetch() waited for an answer that never came: wrap the read in asyncio.wait_for(...)"
    assert run.result() == "blue", "after a timeout, try again on a new connection"
    assert run.elapsed < 1.5, "the first attempt must end after `timeout` seconds"
    assert len(run.connections) == 2, "the second attempt must use a new connection"


@pytest.mark.points(2)
def test_never_answers(net):
    """fetch() gives up with ConnectionError when every attempt times out"""
    run = net.client("fetch", "colour", attempts=3, timeout=0.3, backoff=0.05, server=[SILENT])
    assert run.finished, "fetch() must give up after `attempts` timed-out attempts, not wait forever"
    assert run.raised is not None, "after the last failed attempt, raise ConnectionError"
    with pytest.raises(ConnectionError):
        run.result()
    assert len(run.connections) == 3, "make exactly `attempts` attempts"


def test_gives_up_after_attempts(net):
    """fetch() makes exactly `attempts` attempts, then raises ConnectionError"""
    run = net.client("fetch", "colour", attempts=5, backoff=0.02, server=[HANG_UP])
    with pytest.raises(ConnectionError):
        run.result()
    assert len(run.connections) == 5, "make exactly `attempts` attempts"


@pytest.mark.points(2)
def test_backoff_doubles(net):
    """the wait between attempts doubles"""
    run = net.client("fetch", "colour", attempts=4, backoff=0.15, server=[HANG_UP])
    with pytest.raises(ConnectionError):
        run.result()
    starts = [c.at for c in run.connections]
    gaps = [later - earlier for earlier, later in zip(starts, starts[1:])]
    assert len(gaps) == 3, "make exactly `attempts` attempts"
    for gap, wait in zip(gaps, [0.15, 0.3, 0.6]):
        assert wait - 0.03 <= gap <= wait + 0.4, \
            "wait backoff * 2 ** (k - 1) seconds after failed attempt k (0.15 s, 0.3 s, 0.6 s here)"


@pytest.mark.points(2)
def test_server_not_up_yet(net):
    """fetch() keeps trying while the server is not listening yet"""
    run = net.client("fetch", "colour", attempts=5, backoff=0.1, listen_after=0.35, server=[ANSWER])
    assert run.result() == "blue", "a refused connection is a failed attempt: wait and try again"
    assert run.elapsed >= 0.6, "the waits between attempts were too short; back off before trying again"


def test_cut_off_reply(net):
    """a reply cut off before its newline is a failed attempt"""
    run = net.client("fetch", "colour", server=[[("read_line",), ("send", "VALUE bl"), ("close",)], ANSWER])
    assert run.result() == "blue", "a line without its newline is incomplete: try again"
    assert len(run.connections) == 2, "the incomplete reply must be retried on a new connection"


def test_reply_in_pieces(net):
    """a reply that arrives in pieces is read whole"""
    run = net.client("fetch", "colour",
                     server=[[("read_line",), ("send", "VAL"), ("sleep", 0.2), ("send", "UE green\n")]])
    assert run.result() == "green", "read a whole line (readline()), not whatever bytes arrived first"


@pytest.mark.points(2)
def test_closes_every_connection(net):
    """every connection is closed, the failed ones too"""
    run = net.client("fetch", "colour", timeout=0.3, server=[HANG_UP, SILENT, ANSWER])
    assert run.result() == "blue", "the third attempt gets the answer"
    assert len(run.connections) == 3, "make one connection per attempt"
    assert all(c.closed for c in run.connections), \
        "close each connection (writer.close(), in a finally block), whether the attempt worked or not"


@pytest.mark.points(2)
def test_loop_not_blocked(net):
    """the wait between attempts does not block the event loop"""
    run = net.client("fetch", "colour", attempts=3, backoff=0.5, server=[HANG_UP, HANG_UP, ANSWER], together=2)
    assert run.result() == ["blue", "blue"], "two fetch() calls side by side each get the answer on their second try"
    second_tries = [connection.at for connection in run.connections[2:]]
    assert second_tries and max(second_tries) < 0.8, \
        "two fetch() calls waited out their 0.5 s backoffs one after the other: the event loop was blocked; " \
        "wait with `await asyncio.sleep()`, not time.sleep()"
