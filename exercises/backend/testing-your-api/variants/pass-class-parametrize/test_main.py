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


class TestCreate:
    def test_answers_201_with_defaults(self, client):
        response = client.post("/todos", json={"title": "buy bread"})
        assert response.status_code == 201
        body = response.json()
        assert {k: body[k] for k in ("title", "priority", "done")} == {"title": "buy bread", "priority": 3,
                                                                      "done": False}
        assert type(body["id"]) is int

    @pytest.mark.parametrize("bad", [{"title": ""}, {"title": "x" * 101}, {"title": "ok", "priority": 9}, {}])
    def test_rejects_bad_bodies(self, client, bad):
        assert client.post("/todos", json=bad).status_code == 422
        assert client.get("/todos").json() == []


@pytest.mark.parametrize("method", ["get", "delete"])
def test_unknown_id_is_404(client, method):
    assert getattr(client, method)("/todos/999999").status_code == 404


def test_delete_removes(client):
    todo_id = client.post("/todos", json={"title": "a"}).json()["id"]
    assert client.delete(f"/todos/{todo_id}").status_code == 204
    assert client.get(f"/todos/{todo_id}").status_code == 404


@pytest.mark.parametrize("change", [{"title": "renamed"}, {"priority": 1}, {"done": True}])
def test_patch_keeps_the_rest(client, change):
    before = client.post("/todos", json={"title": "start", "priority": 5}).json()
    client.patch(f"/todos/{before['id']}", json={"done": True} if "done" not in change else {"title": "x"})
    before = client.get(f"/todos/{before['id']}").json()
    response = client.patch(f"/todos/{before['id']}", json=change)
    assert response.status_code == 200
    assert response.json() == before | change
