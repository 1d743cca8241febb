"""Hidden tests: the learner sees each docstring's first line and the assertion's message.

The `net` fixture runs the learner's server on 127.0.0.1 and plays scripted clients against it.
"""


def test_two_clients(net):
    """two clients each get their own lines back"""
    talk = net.talk(
        ("connect", "a"), ("connect", "b"),
        ("send", "b", "from b\n"), ("send", "a", "from a\n"),
        ("readline", "a"), ("readline", "b"),
    )
    assert talk["a"].lines == ["from a\n"] and talk["b"].lines == ["from b\n"], \
        "each client must get back exactly the lines it sent"


def test_closes(net):
    """the server closes the connection when the client stops sending"""
    talk = net.talk(("connect", "a"), ("send", "a", "bye\n"), ("eof", "a"), ("wait_closed", "a"))
    assert talk["a"].closed, "when readline() returns b'' the client is done: close the writer"
