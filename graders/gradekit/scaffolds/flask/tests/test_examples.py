"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_stranger(client):
    """GET / greets a stranger"""
    response = client.get("/")
    assert response.status_code == 200
    assert "<h1>Hello, stranger!</h1>" in response.text
