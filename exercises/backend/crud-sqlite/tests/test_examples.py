def test_create_task(client):
    """POST /tasks answers 201 and the new task with its defaults"""
    response = client.post("/tasks", json={"title": "Write the release notes", "priority": 2})
    assert response.status_code == 201
    task = response.json()
    assert task["title"] == "Write the release notes"
    assert task["priority"] == 2
    assert task["description"] == ""
    assert task["done"] is False
    assert isinstance(task["id"], int)


def test_patch_task(client):
    """PATCH /tasks/{id} changes only the fields sent"""
    task = client.post("/tasks", json={"title": "Review the pull request", "priority": 4}).json()
    response = client.patch(f"/tasks/{task['id']}", json={"done": True})
    assert response.status_code == 200
    assert response.json() == {**task, "done": True}
