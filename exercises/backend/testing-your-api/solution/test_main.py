"""Tests for the Todo API in main.py.

Run them with `pytest test_main.py`. Against one of the broken copies:
`APP_MODULE=broken_delete pytest test_main.py`.
"""

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

HERE = Path(__file__).resolve().parent


# --- given: do not change ---------------------------------------------------------------------


def load_app(module_name: str):
    """A fresh copy of the app in `<module_name>.py`: every test starts with an empty API."""
    spec = importlib.util.spec_from_file_location(f"fresh_{module_name}", HERE / f"{module_name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.app


@pytest.fixture
def client():
    """A TestClient for a fresh app: main.py, or the module named by the APP_MODULE variable."""
    with TestClient(load_app(os.environ.get("APP_MODULE", "main"))) as test_client:
        yield test_client


def run_tests(app_module: str = "main") -> dict[str, bool]:
    """Run the tests of this file against the app in `<app_module>.py`; answer {test name: passed}."""
    results: dict[str, bool] = {}

    class Collect:
        def pytest_runtest_logreport(self, report):
            name = report.nodeid.split("::")[-1]
            if report.failed:
                results[name] = False
            elif report.when == "call":
                results.setdefault(name, report.passed)

    previous = os.environ.get("APP_MODULE")
    os.environ["APP_MODULE"] = app_module
    try:
        pytest.main([__file__, "-q", "-p", "no:cacheprovider", "-p", "no:warnings"],
                    plugins=[Collect()])
    finally:
        if previous is None:
            os.environ.pop("APP_MODULE", None)
        else:
            os.environ["APP_MODULE"] = previous
    return results


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
