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


def test_list_starts_empty(client):
    response = client.get("/todos")
    assert response.status_code == 200
    assert response.json() == []


def create(client, **fields):
    response = client.post("/todos", json={"title": "water the plants", **fields})
    assert response.status_code == 201
    return response.json()


def test_create_answers_201_and_the_todo(client):
    response = client.post("/todos", json={"title": "water the plants"})
    assert response.status_code == 201
    todo = response.json()
    assert todo["title"] == "water the plants"
    assert todo["priority"] == 3
    assert todo["done"] is False
    assert isinstance(todo["id"], int)


def test_created_todo_can_be_read_and_listed(client):
    todo = create(client, priority=5)
    assert client.get(f"/todos/{todo['id']}").json() == todo
    assert client.get("/todos").json() == [todo]


def test_empty_title_is_rejected(client):
    response = client.post("/todos", json={"title": ""})
    assert response.status_code == 422
    assert client.get("/todos").json() == []


def test_priority_out_of_range_is_rejected(client):
    for priority in (0, 6):
        assert client.post("/todos", json={"title": "x", "priority": priority}).status_code == 422


def test_unknown_id_answers_404(client):
    assert client.get("/todos/12345").status_code == 404
    assert client.patch("/todos/12345", json={"done": True}).status_code == 404
    assert client.delete("/todos/12345").status_code == 404


def test_deleted_todo_is_gone(client):
    todo = create(client)
    response = client.delete(f"/todos/{todo['id']}")
    assert response.status_code == 204
    assert client.get(f"/todos/{todo['id']}").status_code == 404
    assert client.get("/todos").json() == []


def test_patch_changes_only_what_was_sent(client):
    todo = create(client, priority=5)
    response = client.patch(f"/todos/{todo['id']}", json={"title": "water the garden"})
    assert response.status_code == 200
    assert response.json() == {**todo, "title": "water the garden"}
    response = client.patch(f"/todos/{todo['id']}", json={"done": True})
    assert response.json() == {**todo, "title": "water the garden", "done": True}
    assert client.get(f"/todos/{todo['id']}").json() == response.json()
