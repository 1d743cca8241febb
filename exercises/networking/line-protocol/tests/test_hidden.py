"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pytest


def ask(net, *lines, client="a"):
    """Send each line and read one reply to it; the transcript's replies for `client`."""
    steps = [("connect", client)]
    for line in lines:
        steps += [("send", client, line), ("readline", client)]
    return net.talk(*steps)[client].lines


def test_missing_key(net):
    """GET of a key never set answers NOT_FOUND"""
    assert ask(net, "GET nowhere\n") == ["NOT_FOUND\n"], "a missing key answers NOT_FOUND"


def test_value_with_spaces(net):
    """a value keeps its spaces"""
    replies = ask(net, "SET motto  keep it  simple\n", "GET motto\n")
    assert replies == ["OK\n", "VALUE  keep it  simple\n"], \
        "the value is everything after the key and one space, spaces included"
    replies = ask(net, "SET pad hello  \n", "GET pad\n")
    assert replies == ["OK\n", "VALUE hello  \n"], \
        "spaces at the end of a value belong to it too: remove only the \\n and a \\r before it, do not strip()"


def test_case(net):
    """command words are case-insensitive, keys are not"""
    replies = ask(net, "set Key 1\n", "GeT Key\n", "GET key\n")
    assert replies[:2] == ["OK\n", "VALUE 1\n"], "command words in lower or mixed case are the same as SET and GET"
    assert replies[2] == "NOT_FOUND\n", "keys are case-sensitive: two keys that differ only in case are different keys"


def test_delete(net):
    """DEL removes a key and says whether it was there"""
    replies = ask(net, "SET k v\n", "DEL k\n", "GET k\n", "DEL k\n")
    assert replies == ["OK\n", "DELETED\n", "NOT_FOUND\n", "NOT_FOUND\n"], \
        "DEL answers DELETED the first time and NOT_FOUND once the key is gone"


@pytest.mark.points(2)
def test_shared_store(net):
    """clients share one store"""
    talk = net.talk(("connect", "a"), ("connect", "b"),
                    ("send", "a", "SET shared 42\n"), ("readline", "a"),
                    ("send", "b", "GET shared\n"), ("readline", "b"))
    assert talk["b"].lines == ["VALUE 42\n"], "a value set by one client must be visible to the others"


@pytest.mark.points(2)
def test_command_in_pieces(net):
    """a command that arrives in pieces is answered once, when its newline arrives"""
    talk = net.talk(("connect", "a"), ("send", "a", "SE"), ("listen", "a", 0.3),
                    ("send", "a", "T a 1"), ("listen", "a", 0.3), ("send", "a", "\nGET a\n"),
                    ("readline", "a"), ("readline", "a"))
    assert talk.values("listen", "a") == ["", ""], \
        "the server answered before the line was complete; collect bytes until the newline (readline())"
    assert talk["a"].lines == ["OK\n", "VALUE 1\n"], "once complete, the command must be answered"


def test_pipelined(net):
    """several commands in one packet are answered in order"""
    talk = net.talk(("connect", "a"), ("send", "a", "SET a 1\nGET a\nGET b\n"),
                    ("readline", "a"), ("readline", "a"), ("readline", "a"))
    assert talk["a"].lines == ["OK\n", "VALUE 1\n", "NOT_FOUND\n"], "answer every command of a packet, in order"


def test_crlf(net):
    """a \\r before the newline is ignored"""
    assert ask(net, "SET a 1\r\n", "GET a\r\n") == ["OK\n", "VALUE 1\n"], \
        "strip a trailing \\r: telnet ends lines with \\r\\n, and the value must not keep it"


@pytest.mark.points(2)
def test_malformed_lines(net):
    """malformed commands get ERR replies and the connection stays usable"""
    replies = ask(net, "DANCE\n", "\n", "SET lonely\n", "GET a b\n", "DEL\n", "SET a 1\n")
    assert None not in replies and "" not in replies, \
        "every line needs a reply, even a malformed one; did the handler raise or close the connection?"
    assert all(r.startswith("ERR ") for r in replies[:5]), "a malformed command is answered with `ERR reason`"
    assert replies[5] == "OK\n", "after an error the connection must keep working"


def test_error_texts(net):
    """the ERR replies say what was wrong"""
    replies = ask(net, "DANCE\n", "SET lonely\n", "GET\n")
    assert replies == ["ERR unknown command\n", "ERR usage: SET key value\n", "ERR usage: GET key\n"], \
        "use the error texts from the statement's table"
    assert ask(net, "DEL a b\n") == ["ERR usage: DEL key\n"], \
        "DEL takes exactly one key: extra words are a usage error, not ignored"


def test_invalid_utf8(net):
    """a line that is not UTF-8 gets ERR, not a dead connection"""
    replies = ask(net, b"SET k \xff\xfe\n", "GET k\n")
    assert replies == ["ERR invalid utf-8\n", "NOT_FOUND\n"], \
        "decoding can fail: answer `ERR invalid utf-8` and keep going"


def test_quit_with_words(net):
    """QUIT with extra words is an error, not a goodbye"""
    talk = net.talk(("connect", "a"), ("send", "a", "QUIT now\n"), ("readline", "a"),
                    ("send", "a", "GET x\n"), ("readline", "a"))
    assert talk["a"].lines == ["ERR usage: QUIT\n", "NOT_FOUND\n"], "`QUIT now` is malformed; the connection stays"


def test_closes_at_end_of_stream(net):
    """the server closes the connection when the client closes its side"""
    talk = net.talk(("connect", "a"), ("send", "a", "GET a\n"), ("readline", "a"), ("eof", "a"),
                    ("wait_closed", "a", 2))
    assert talk["a"].closed, "when readline() returns b'' close the writer"
