"""Example tests: run them with "Run examples". The `net` fixture starts your `serve(host, port)`
on 127.0.0.1 and plays scripted clients against it; `talk["a"].lines` are the lines client a read
(None where nothing came in time)."""


def test_one_line(net):
    """a line comes back unchanged"""
    talk = net.talk(("connect", "a"), ("send", "a", "hello\n"), ("readline", "a"))
    assert talk["a"].lines == ["hello\n"]


def test_two_clients(net):
    """two clients each get their own line back"""
    talk = net.talk(
        ("connect", "a"), ("connect", "b"),
        ("send", "a", "hello\n"), ("send", "b", "bonjour\n"),
        ("readline", "b"), ("readline", "a"),
    )
    assert talk["a"].lines == ["hello\n"]
    assert talk["b"].lines == ["bonjour\n"]
