"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_echo(net):
    """a line comes back unchanged"""
    talk = net.talk(("connect", "a"), ("send", "a", "hello\n"), ("readline", "a"))
    assert talk["a"].lines == ["hello\n"]
