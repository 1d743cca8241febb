"""Tests for the Todo API in main.py.

Run them with `pytest test_main.py`. Against one of the broken copies:
`APP_MODULE=broken_delete pytest test_main.py`.
"""

import importlib
import os
import sys

import pytest
from fastapi.testclient import TestClient

# --- given: do not change ---------------------------------------------------------------------


@pytest.fixture
def client():
    """A TestClient for a fresh, empty copy of the app: main.py, or the module named by APP_MODULE."""
    name = os.environ.get("APP_MODULE", "main")
    sys.modules.pop(name, None)  # import it again, so that no todo is left from another test
    module = importlib.import_module(name)
    with TestClient(module.app) as test_client:
        yield test_client


# --- your tests -------------------------------------------------------------------------------


def test_create(client):
    response = client.post("/todos", json={"title": "water the plants"})
    assert response.status_code == 201
    assert response.json() == {"id": 1, "title": "water the plants", "priority": 3, "done": False}


def test_empty_title(client):
    assert client.post("/todos", json={"title": ""}).status_code == 422


def test_unknown(client):
    assert client.get("/todos/42").status_code == 404


def test_delete(client):
    client.post("/todos", json={"title": "a"})
    assert client.delete("/todos/1").status_code == 204
    assert client.get("/todos/1").status_code == 404


def test_patch(client):
    client.post("/todos", json={"title": "a", "priority": 5})
    client.patch("/todos/1", json={"done": True})
    response = client.patch("/todos/1", json={"title": "b"})
    assert response.json() == {"id": 1, "title": "b", "priority": 5, "done": True}
