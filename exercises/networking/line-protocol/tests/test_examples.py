"""Example tests: run them with "Run examples". `talk["a"].lines` are the reply lines client a read
(None where no reply came in time)."""


def test_set_then_get(net):
    """SET then GET returns the value"""
    talk = net.talk(("connect", "a"),
                    ("send", "a", "SET greeting hello\n"), ("readline", "a"),
                    ("send", "a", "GET greeting\n"), ("readline", "a"))
    assert talk["a"].lines == ["OK\n", "VALUE hello\n"]


def test_quit(net):
    """QUIT answers BYE and closes the connection"""
    talk = net.talk(("connect", "a"), ("send", "a", "QUIT\n"), ("readline", "a"), ("wait_closed", "a"))
    assert talk["a"].lines == ["BYE\n"]
    assert talk["a"].closed
