"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_hello(client):
    """GET /hello/Ada greets Ada"""
    response = client.get("/hello/Ada")
    assert response.status_code == 200
    assert response.json() == {"greeting": "Hello, Ada!"}
