"""Hidden tests: the learner sees each docstring's first line and the assertion's message."""

import pytest


def test_other_name(client):
    """GET /hello/{name} uses the name from the path"""
    response = client.get("/hello/Grace")
    assert response.status_code == 200, f"GET /hello/Grace returned {response.status_code}"
    assert response.json() == {"greeting": "Hello, Grace!"}, "the greeting must use the name from the path"


@pytest.mark.points(2)
def test_rejects_digits(client):
    """GET /hello/{name} rejects a name with digits"""
    response = client.get("/hello/R2D2")
    assert response.status_code == 400, f"GET /hello/R2D2 returned {response.status_code}, expected 400"
