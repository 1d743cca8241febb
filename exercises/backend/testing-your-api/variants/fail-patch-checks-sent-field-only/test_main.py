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


def create(client, **fields):
    response = client.post("/todos", json={"title": "water the plants", **fields})
    assert response.status_code == 201
    return response.json()


def test_create(client):
    todo = create(client)
    assert (todo["title"], todo["priority"], todo["done"]) == ("water the plants", 3, False)


def test_empty_title(client):
    assert client.post("/todos", json={"title": ""}).status_code == 422


def test_unknown(client):
    assert client.get("/todos/123456").status_code == 404


def test_delete(client):
    todo = create(client)
    client.delete(f"/todos/{todo['id']}")
    assert client.get(f"/todos/{todo['id']}").status_code == 404


def test_patch(client):
    todo = create(client)
    response = client.patch(f"/todos/{todo['id']}", json={"title": "water the garden"})
    assert response.status_code == 200
    assert response.json()["title"] == "water the garden"
