"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pytest


@pytest.mark.points(2)
def test_half_a_line_does_not_block(net):
    """a client that sent half a line does not hold up the others"""
    talk = net.talk(("connect", "slow"), ("send", "slow", "PI"), ("sleep", 0.1),
                    ("connect", "b"), ("send", "b", "PING\n"), ("readline", "b", 1))
    assert talk["b"].lines == ["PONG\n"], \
        "while one client is in the middle of a line, the others must still be served; is each client its own task?"


@pytest.mark.points(2)
def test_work_in_parallel(net):
    """three clients' WORK 1 finish together, in about one second"""
    steps = [("connect", name) for name in "abc"]
    steps += [("send", name, "WORK 1\n") for name in "abc"]
    steps += [("readline", name, 4) for name in "abc"]
    talk = net.talk(*steps)
    assert all(talk[name].lines == ["DONE 1\n"] for name in "abc"), \
        "each client must get DONE 1 within a few seconds; are the clients served one after another?"
    started = talk.at("send", "a")
    finished = max(talk.at("readline", name) for name in "abc")
    assert finished - started < 1.8, \
        "three one-second WORKs took about three seconds: they ran one after another instead of side by side"


@pytest.mark.points(2)
def test_loop_not_blocked(net):
    """the event loop is never blocked while a client WORKs"""
    talk = net.talk(("connect", "a"), ("send", "a", "WORK 0.8\n"), ("sleep", 0.1),
                    ("connect", "b"), ("send", "b", "PING\n"), ("readline", "b", 0.4), ("readline", "a", 2))
    assert talk["a"].lines == ["DONE 0.8\n"], (
        "WORK with a fraction of a second must answer DONE with the number as the client wrote it"
    )
    assert talk["b"].lines == ["PONG\n"], \
        "a client who connected during another's WORK waited for its PONG: the event loop was blocked; " \
        "wait with `await asyncio.sleep()`, not time.sleep()"


def test_pong_arrives_first(net):
    """the quick reply arrives before the slow one"""
    talk = net.talk(("connect", "a"), ("connect", "b"),
                    ("send", "a", "WORK 1\n"), ("send", "b", "PING\n"),
                    ("readline", "b", 2), ("readline", "a", 2))
    assert talk["b"].lines == ["PONG\n"] and talk["a"].lines == ["DONE 1\n"], \
        "both clients must be answered; a client must not wait until another one has left"
    assert talk.at("readline", "b") < 0.5, "PONG must not wait for another client's WORK"


@pytest.mark.points(2)
def test_who_after_leaving(net):
    """WHO counts clients that left by QUIT, by closing or by vanishing"""
    talk = net.talk(
        *[("connect", name) for name in "abcd"], ("sleep", 0.1),
        ("send", "a", "WHO\n"), ("readline", "a"),
        ("send", "b", "QUIT\n"), ("readline", "b"),
        ("eof", "c"), ("close", "d"), ("sleep", 0.3),
        ("send", "a", "WHO\n"), ("readline", "a"),
    )
    first, after = talk["a"].lines
    assert first == "CLIENTS 4\n", "WHO must count every connected client, the asker included"
    assert after == "CLIENTS 1\n", \
        "a client that said QUIT, closed its side or disconnected must no longer be counted (use try/finally)"


def test_work_validation(net):
    """WORK without a valid number of seconds is an error"""
    lines = ["WORK\n", "WORK soon\n", "WORK -1\n", "WORK 9\n", "WORK nan\n", "PING\n"]
    steps = [("connect", "a")]
    for line in lines:
        steps += [("send", "a", line), ("readline", "a")]
    replies = net.talk(*steps)["a"].lines
    assert replies[:5] == ["ERR usage: WORK seconds\n"] * 5, "WORK needs a number of seconds from 0 to 5"
    assert replies[5] == "PONG\n", "after an error the connection must keep working"


def test_commands_in_order(net):
    """one client's commands are answered in the order sent"""
    talk = net.talk(("connect", "a"), ("send", "a", "WORK 0.3\nPING\n"),
                    ("readline", "a", 2), ("readline", "a", 2))
    assert talk["a"].lines == ["DONE 0.3\n", "PONG\n"], "replies on one connection come in the order of the commands"


def test_quit_closes(net):
    """QUIT answers BYE and closes the connection"""
    talk = net.talk(("connect", "a"), ("send", "a", "QUIT\n"), ("readline", "a"), ("wait_closed", "a"))
    assert talk["a"].lines == ["BYE\n"] and talk["a"].closed, "QUIT answers BYE and then closes the connection"


def test_unknown(net):
    """an unknown command is an error"""
    talk = net.talk(("connect", "a"), ("send", "a", "JUMP\n"), ("readline", "a"))
    assert talk["a"].lines == ["ERR unknown command\n"], "answer `ERR unknown command`"
