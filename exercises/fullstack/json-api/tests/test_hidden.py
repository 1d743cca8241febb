"""Hidden tests: the list and its filter, type checks, PATCH and DELETE, and JSON for every error."""

import json

import pytest


@pytest.fixture(autouse=True)
def empty(submission):
    submission.TASKS.clear()


def create(client, title="a task", **fields):
    response = client.post("/api/tasks", json={"title": title, **fields})
    assert response.status_code == 201, f"POST /api/tasks with a valid task returned {response.status_code}"
    return response.json()


def json_error(response, status, what):
    assert response.status_code == status, f"{what}: expected {status}, got {response.status_code}"
    assert response.headers.get("content-type", "").startswith("application/json"), f"{what}: answer in JSON"
    body = response.json()
    assert isinstance(body, dict) and isinstance(body.get("error"), str) and body["error"], (
        f'{what}: the body should be {{"error": "<what went wrong>"}}'
    )


def test_list_in_id_order_with_filter(client):
    """GET /api/tasks lists the tasks by id, and ?done= filters them"""
    first = create(client, "first")
    second = create(client, "second", done=True)
    third = create(client, "  third  ")
    assert third["title"] == "third", "strip the spaces around the title"
    assert client.get("/api/tasks").json() == [first, second, third], "list every task, oldest (lowest id) first"
    assert client.get("/api/tasks", params={"done": "true"}).json() == [second], "?done=true lists the done ones"
    assert client.get("/api/tasks", params={"done": "false"}).json() == [first, third], "?done=false, the others"


def test_bad_filter(client):
    """GET /api/tasks?done=<not true or false> is a JSON 400"""
    json_error(client.get("/api/tasks", params={"done": "yes"}), 400, "?done= with a value other than true or false")


@pytest.mark.parametrize("body", [{"title": 42}, {"title": None}, {"title": ["a"]}, {}, {"title": "x" * 101},
                                  {"title": "ok", "done": "true"}, {"title": "ok", "done": 1},
                                  {"title": "ok", "done": None}])
def test_create_checks_types(client, submission, body):
    """POST /api/tasks refuses a missing, wrongly typed or too long field"""
    json_error(client.post("/api/tasks", json=body), 400, "a task with a wrong or missing field")
    assert submission.get("TASKS") == {}, "a refused task must not be stored"


@pytest.mark.parametrize("content", ['{"title": "unclosed"', '["a list"]', "null", "title=form"])
def test_create_needs_a_json_object(client, content):
    """POST /api/tasks with a body that is not a JSON object is a JSON 400"""
    response = client.post("/api/tasks", content=content, headers={"content-type": "application/json"})
    json_error(response, 400, "a body that is not a JSON object")


def test_create_needs_json_at_all(client):
    """POST /api/tasks with a form instead of JSON is a JSON 400"""
    json_error(client.post("/api/tasks", data={"title": "form"}), 400, "a form body instead of JSON")


def test_title_limit(client):
    """a title of exactly 100 characters is fine, even with spaces around it"""
    assert create(client, "y" * 100)["title"] == "y" * 100, "titles up to 100 characters are allowed"
    response = client.post("/api/tasks", json={"title": " " + "z" * 100 + " "})
    assert response.status_code == 201, (
        "POST /api/tasks with a title of 100 characters and spaces around them was refused; strip the spaces "
        "first, then check the length"
    )
    assert response.json()["title"] == "z" * 100, "strip the spaces around the title"
    task = create(client, "short")
    response = client.patch(f"/api/tasks/{task['id']}", json={"title": "  " + "w" * 100})
    assert response.status_code == 200, (
        "PATCH with a title of 100 characters after stripping its spaces was refused; strip first, then check "
        "the length"
    )


@pytest.mark.points(2)
def test_patch(client):
    """PATCH /api/tasks/<id> changes only the fields it is given"""
    task = create(client, "write tests")
    response = client.patch(f"/api/tasks/{task['id']}", json={"done": True})
    assert response.status_code == 200, f"PATCH returned {response.status_code}"
    assert response.json() == {**task, "done": True}, "PATCH with done changes done and keeps the title"
    renamed = client.patch(f"/api/tasks/{task['id']}", json={"title": " write more tests "}).json()
    assert renamed == {**task, "done": True, "title": "write more tests"}, "PATCH with a title keeps done"
    assert client.get(f"/api/tasks/{task['id']}").json() == renamed, "the change must be stored"


def test_patch_checks_before_changing(client):
    """a refused PATCH leaves the task as it was"""
    task = create(client, "stay as you are")
    json_error(client.patch(f"/api/tasks/{task['id']}", json={"title": "new title", "done": "yes"}), 400,
               "PATCH with a done that is not a boolean")
    json_error(client.patch(f"/api/tasks/{task['id']}", json={"title": ""}), 400, "PATCH with a blank title")
    assert client.get(f"/api/tasks/{task['id']}").json() == task, (
        "check every field before changing any: a refused PATCH must change nothing"
    )


@pytest.mark.parametrize("body", [{"title": None}, {"done": None}, {"title": 42}, {"done": "true"},
                                  {"done": 0}, {"title": "   "}, {"title": "x" * 101}])
def test_patch_checks_types(client, body):
    """PATCH /api/tasks/<id> refuses a field that is null, wrongly typed or too long"""
    task = create(client, "keep me")
    json_error(client.patch(f"/api/tasks/{task['id']}", json=body), 400,
               "PATCH with a field that is null, of the wrong type, blank or too long "
               "(a field sent is checked like in POST, and null is not a string nor a boolean)")
    assert client.get(f"/api/tasks/{task['id']}").json() == task, "a refused PATCH must change nothing"


def test_unknown_ids(client):
    """GET, PATCH and DELETE of an unknown task are JSON 404s"""
    task = create(client)
    unknown = task["id"] + 1000
    json_error(client.get(f"/api/tasks/{unknown}"), 404, "GET of an unknown task")
    json_error(client.patch(f"/api/tasks/{unknown}", json={"done": True}), 404, "PATCH of an unknown task")
    json_error(client.delete(f"/api/tasks/{unknown}"), 404, "DELETE of an unknown task")


def test_delete(client):
    """DELETE /api/tasks/<id> answers 204 with no body, then the task is gone"""
    task = create(client)
    response = client.delete(f"/api/tasks/{task['id']}")
    assert response.status_code == 204, f"DELETE returned {response.status_code}, expected 204 No Content"
    assert response.content == b"", "a 204 answer has no body"
    assert client.get(f"/api/tasks/{task['id']}").status_code == 404, "a deleted task is gone"
    json_error(client.delete(f"/api/tasks/{task['id']}"), 404, "deleting it again")


def test_ids_are_never_reused(client):
    """a new task never gets the id of a deleted one"""
    create(client, "one")
    last = create(client, "two")
    client.delete(f"/api/tasks/{last['id']}")
    assert create(client, "three")["id"] != last["id"], "a deleted task's id must not be given out again"


def test_unknown_url_and_method_are_json(client):
    """an unknown URL is a JSON 404 and a wrong method a JSON 405"""
    json_error(client.get("/api/nothing-here"), 404, "an unknown URL")
    json_error(client.put("/api/tasks", content=json.dumps({"title": "x"})), 405, "PUT /api/tasks")
