"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pytest


def join(*names):
    """Steps that connect and join each client in turn, reading the join notices as they come."""
    steps = []
    for index, name in enumerate(names):
        steps += [("connect", name), ("send", name, f"NICK {name}\n"), ("readline", name)]
        steps += [("readline", earlier) for earlier in names[:index]]  # "* name joined"
    return steps


@pytest.mark.points(2)
def test_broadcast_to_all_others(net):
    """a message reaches every other client, and not its sender"""
    talk = net.talk(*join("ann", "ben", "cat"), ("send", "ann", "hello all\n"),
                    ("readline", "ben"), ("readline", "cat"), ("listen", "ann", 0.3))
    assert talk["ben"].lines[-1] == "<ann> hello all\n" and talk["cat"].lines[-1] == "<ann> hello all\n", \
        "every other joined client must get `<nick> text`"
    assert talk.values("listen", "ann") == [""], "the sender must not get its own message back"


def test_join_notices(net):
    """joined clients are told who joins; the newcomer is not told about itself"""
    talk = net.talk(*join("ann", "ben"), ("listen", "ben", 0.3))
    assert talk["ann"].lines == ["WELCOME ann\n", "* ben joined\n"], "others get `* nick joined` when someone joins"
    assert talk.values("listen", "ben") == [""], "the newcomer gets WELCOME only, not its own join notice"


def test_leave_on_quit(net):
    """QUIT answers BYE, closes, and the others are told"""
    talk = net.talk(*join("ann", "ben"), ("send", "ben", "QUIT\n"), ("readline", "ben"),
                    ("wait_closed", "ben"), ("readline", "ann"))
    assert talk["ben"].lines[-1] == "BYE\n" and talk["ben"].closed, "QUIT answers BYE and closes the connection"
    assert talk["ann"].lines[-1] == "* ben left\n", "the others get `* nick left`"


@pytest.mark.points(2)
def test_leave_on_disconnect(net):
    """a client that just disconnects is announced as gone and cleaned up"""
    talk = net.talk(*join("ann", "ben", "cat"), ("close", "ben"),
                    ("readline", "ann"), ("readline", "cat"),
                    ("send", "ann", "still here\n"), ("readline", "cat"))
    assert talk["ann"].lines[-1] == "* ben left\n" and talk["cat"].lines[-2] == "* ben left\n", \
        "a client that closes the connection without QUIT has left too: announce it (use try/finally)"
    assert talk["cat"].lines[-1] == "<ann> still here\n", "after a client left, messages must still reach the others"
    assert not talk.errors, "a client leaving made a handler raise; catch ConnectionError when writing to others"


@pytest.mark.points(2)
def test_nick_free_again(net):
    """a nick is free again once its owner has left"""
    talk = net.talk(*join("ann", "ben"), ("close", "ben"), ("readline", "ann"),
                    ("connect", "new"), ("send", "new", "NICK ben\n"), ("readline", "new"))
    assert talk["new"].lines == ["WELCOME ben\n"], "when a client leaves (in any way), remove its nick"


def test_nick_taken(net):
    """a nick in use is refused, and another one is accepted"""
    talk = net.talk(*join("ann"), ("connect", "b"), ("send", "b", "NICK ann\n"), ("readline", "b"),
                    ("send", "b", "NICK bea\n"), ("readline", "b"))
    assert talk["b"].lines == ["ERR nick taken\n", "WELCOME bea\n"], \
        "a nick in use answers `ERR nick taken`; the client may then try another"


def test_invalid_nicks(net):
    """invalid nicks are refused"""
    bad = ["NICK\n", "NICK two words\n", "NICK " + "x" * 17 + "\n", "NICK b@d\n", "NICK \n"]
    steps = [("connect", "a")]
    for line in bad:
        steps += [("send", "a", line), ("readline", "a")]
    talk = net.talk(*steps)
    assert talk["a"].lines == ["ERR invalid nick\n"] * len(bad), \
        "a nick is 1 to 16 letters, digits, `_` or `-`; anything else answers `ERR invalid nick`"


def test_nick_first(net):
    """a message before NICK is refused, and clients that have not joined hear nothing"""
    talk = net.talk(*join("ann"), ("connect", "lurker"), ("send", "lurker", "hello?\n"), ("readline", "lurker"),
                    ("send", "ann", "anyone?\n"), ("listen", "lurker", 0.3))
    assert talk["lurker"].lines == ["ERR send NICK first\n"], "before joining, anything but NICK answers an error"
    assert talk.values("listen", "lurker") == [""], "messages go to joined clients only"


def test_order_and_pieces(net):
    """messages arrive whole and in order"""
    talk = net.talk(*join("ann", "ben"), ("send", "ann", "one\ntwo\nthr"), ("sleep", 0.2), ("send", "ann", "ee\n"),
                    ("readline", "ben"), ("readline", "ben"), ("readline", "ben"))
    assert talk["ben"].lines[-3:] == ["<ann> one\n", "<ann> two\n", "<ann> three\n"], \
        "broadcast whole lines, in the order they were sent"


def test_empty_lines_ignored(net):
    """empty lines are not broadcast"""
    talk = net.talk(*join("ann", "ben"), ("send", "ann", "\n\nreal\n"), ("readline", "ben"))
    assert talk["ben"].lines[-1] == "<ann> real\n", "an empty line is not a message"
