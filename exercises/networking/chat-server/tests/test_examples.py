"""Example tests: run them with "Run examples". `talk["a"].lines` are the lines client a read
(None where nothing came in time)."""


def test_welcome(net):
    """NICK answers WELCOME"""
    talk = net.talk(("connect", "a"), ("send", "a", "NICK alice\n"), ("readline", "a"))
    assert talk["a"].lines == ["WELCOME alice\n"]


def test_message_reaches_the_other(net):
    """a message reaches the other client"""
    talk = net.talk(("connect", "a"), ("send", "a", "NICK alice\n"), ("readline", "a"),
                    ("connect", "b"), ("send", "b", "NICK bob\n"), ("readline", "b"),
                    ("readline", "a"),
                    ("send", "a", "hi bob\n"), ("readline", "b"))
    assert talk["a"].lines == ["WELCOME alice\n", "* bob joined\n"]
    assert talk["b"].lines == ["WELCOME bob\n", "<alice> hi bob\n"]
