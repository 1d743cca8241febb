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


@pytest.mark.parametrize("path", ["/todos", "/todos", "/todos", "/todos", "/todos"])
def test_list_answers(client, path):
    assert client.get(path).status_code == 200
