"""Example tests: run them with "Run examples". `talk["a"].lines` are the reply lines client a read
(None where no reply came in time); `talk.at("readline", "a")` is when a's first readline finished."""


def test_ping_and_work(net):
    """PING answers PONG and WORK answers DONE after the wait"""
    talk = net.talk(("connect", "a"),
                    ("send", "a", "PING\n"), ("readline", "a"),
                    ("send", "a", "WORK 0.2\n"), ("readline", "a"))
    assert talk["a"].lines == ["PONG\n", "DONE 0.2\n"]


def test_slow_client_does_not_block(net):
    """a PING is answered while another client's WORK is running"""
    talk = net.talk(("connect", "a"), ("connect", "b"),
                    ("send", "a", "WORK 1.5\n"), ("sleep", 0.1),
                    ("send", "b", "PING\n"), ("readline", "b", 0.5),
                    ("readline", "a", 3))
    assert talk["b"].lines == ["PONG\n"]
    assert talk["a"].lines == ["DONE 1.5\n"]
