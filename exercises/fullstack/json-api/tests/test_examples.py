"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_create_and_read(client):
    """POST /api/tasks creates a task, GET /api/tasks/<id> reads it"""
    response = client.post("/api/tasks", json={"title": "Water the plants"})
    assert response.status_code == 201
    task = response.json()
    assert task == {"id": task["id"], "title": "Water the plants", "done": False}
    assert response.headers["location"] == f"/api/tasks/{task['id']}"
    assert client.get(f"/api/tasks/{task['id']}").json() == task


def test_blank_title_is_a_json_400(client):
    """a blank title is a 400 with a JSON error"""
    response = client.post("/api/tasks", json={"title": "   "})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert isinstance(response.json()["error"], str)


def test_unknown_task_is_a_json_404(client):
    """GET /api/tasks/<id> of an unknown task is a 404 with a JSON error"""
    response = client.get("/api/tasks/99999")
    assert response.status_code == 404
    assert isinstance(response.json()["error"], str)
