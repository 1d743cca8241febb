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


# TODO: at least one test for each of
#   - POST /todos answers 201 and the new todo (its title, priority 3 by default, done false)
#   - POST /todos with an empty title answers 422
#   - GET /todos/{id} of an id that does not exist answers 404
#   - after DELETE /todos/{id}, the todo is gone (GET answers 404)
#   - PATCH /todos/{id} changes only the fields that were sent
