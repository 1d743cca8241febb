import itertools

import pytest

KEYS = {"id", "title", "description", "priority", "done"}
counter = itertools.count(1)


def title():
    return f"Task number {next(counter)} of the hidden checks"


def create(client, **fields):
    fields.setdefault("title", title())
    response = client.post("/tasks", json=fields)
    assert response.status_code != 405, "POST /tasks returned 405: add an @app.post(\"/tasks\") endpoint"
    assert response.status_code == 201, (
        f"POST /tasks with a valid new task returned {response.status_code}; it must answer 201"
    )
    task = response.json()
    assert isinstance(task, dict), "POST /tasks must answer the new task as a JSON object"
    missing = sorted(KEYS - set(task))
    assert not missing, (
        f"POST /tasks answered a task without {', '.join(missing)}; a task has exactly id, title, description, "
        "priority and done"
    )
    assert set(task) == KEYS, (
        "POST /tasks answered a task with keys of its own; a task has exactly id, title, description, priority "
        "and done (answer a TaskOut)"
    )
    return task


def wrong_fields(body, expected):
    """The names of the expected fields that `body` gets wrong (never the values: the learner's code chose them)."""
    if not isinstance(body, dict):
        return "answered something that is not a JSON object"
    wrong = [key for key in expected if key not in body or body[key] != expected[key]]
    extra = set(body) - set(expected)
    return "answered the wrong " + ", ".join(wrong) if wrong else (
        "answered keys other than id, title, description, priority and done" if extra else "")


def read(client, task_id, request="GET /tasks/{id}"):
    response = client.get(f"/tasks/{task_id}")
    assert response.status_code == 200, f"{request} of an existing task returned {response.status_code}"
    return response.json()


@pytest.mark.points(2)
def test_create_with_defaults(client):
    """POST /tasks answers 201 with the task: a new id, the fields sent and the defaults"""
    name = title()
    task = create(client, title=name)
    expected = {"id": task["id"], "title": name, "description": "", "priority": 3, "done": False}
    assert task == expected, (
        f"POST /tasks with only a title {wrong_fields(task, expected)}; the title is the one sent, and the "
        "defaults are description \"\", priority 3, done false"
    )
    full = create(client, description="all of it", priority=5, done=True)
    assert (full["description"], full["priority"], full["done"]) == ("all of it", 5, True), (
        "POST /tasks with every field answered different values than were sent"
    )
    assert isinstance(task["id"], int) and task["id"] != full["id"], "every task needs its own whole-number id"


def test_create_validated(client):
    """POST /tasks with a bad task answers 422"""
    for what, body in (("no title", {"priority": 2}), ("an empty title", {"title": ""}),
                       ("priority 6", {"title": title(), "priority": 6}),
                       ("a 101-character title", {"title": "t" * 101})):
        response = client.post("/tasks", json=body)
        assert response.status_code == 422, f"POST /tasks with {what} returned {response.status_code}; expected 422"


@pytest.mark.points(2)
def test_read_one(client):
    """GET /tasks/{id} answers the task; an unknown id answers 404"""
    task = create(client, priority=1)
    response = client.get(f"/tasks/{task['id']}")
    assert response.status_code != 404 or response.json() != {"detail": "Not Found"}, (
        "GET /tasks/{id} returned 404 Not Found for a task that was just created: is there an "
        "@app.get(\"/tasks/{task_id}\") endpoint?"
    )
    assert response.status_code == 200, f"GET /tasks/{{id}} of a new task returned {response.status_code}"
    assert response.json() == task, "GET /tasks/{id} must answer the same task that POST /tasks answered"
    response = client.get("/tasks/999999")
    assert response.status_code == 404, (
        f"GET /tasks/{{id}} of an unknown id returned {response.status_code}; expected 404"
    )


def test_list(client):
    """GET /tasks answers every task in id order"""
    made = [create(client) for _ in range(3)]
    response = client.get("/tasks")
    assert response.status_code == 200, f"GET /tasks returned {response.status_code}"
    listed = response.json()
    assert isinstance(listed, list), "GET /tasks must answer a JSON list"
    for task in made:
        assert task in listed, "GET /tasks is missing a task that was just created"
    ids = [t.get("id") for t in listed]
    assert ids == sorted(ids), "GET /tasks must list the tasks in id order"


@pytest.mark.points(2)
def test_duplicate_title(client):
    """Creating a task whose title is taken answers 409 and creates nothing"""
    task = create(client)
    before = len(client.get("/tasks").json())
    response = client.post("/tasks", json={"title": task["title"], "priority": 1})
    assert response.status_code != 500, (
        "POST /tasks with a title that is taken crashed (500); look for the title first, or catch the "
        "IntegrityError, and answer 409"
    )
    assert response.status_code == 409, (
        f"POST /tasks with a title that is taken returned {response.status_code}; it must answer 409 Conflict"
    )
    assert len(client.get("/tasks").json()) == before, "a POST /tasks answered 409 but a task was added anyway"
    assert client.post("/tasks", json={"title": title()}).status_code == 201, (
        "after a 409, creating a task with a new title must work again (roll the session back after an "
        "IntegrityError)"
    )


@pytest.mark.points(2)
def test_put_replaces(client):
    """PUT /tasks/{id} replaces every field; left-out fields go back to their defaults"""
    task = create(client, description="old words", priority=5, done=True)
    new_title = title()
    response = client.put(f"/tasks/{task['id']}", json={"title": new_title, "priority": 2})
    assert response.status_code != 405, "PUT /tasks/{id} returned 405: add an @app.put(\"/tasks/{task_id}\") endpoint"
    assert response.status_code == 200, f"PUT /tasks/{{id}} with a valid task returned {response.status_code}"
    expected = {"id": task["id"], "title": new_title, "description": "", "priority": 2, "done": False}
    assert response.json() == expected, (
        f"PUT /tasks/{{id}} {wrong_fields(response.json(), expected)}; PUT replaces the whole task: the fields "
        "sent take the values sent, and the fields left out (here description and done) go back to their defaults"
    )
    assert read(client, task["id"]) == expected, "after PUT /tasks/{id}, GET /tasks/{id} shows the old task"


def test_put_keeps_own_title(client):
    """PUT /tasks/{id} may keep the task's own title"""
    task = create(client)
    response = client.put(f"/tasks/{task['id']}", json={"title": task["title"], "done": True})
    assert response.status_code == 200, (
        f"PUT /tasks/{{id}} keeping the task's own title returned {response.status_code}; a title is only taken "
        "when *another* task has it"
    )


def test_put_errors(client):
    """PUT /tasks/{id} answers 404 for an unknown id, 409 for another task's title, 422 for a bad body"""
    first, second = create(client), create(client)
    response = client.put("/tasks/999999", json={"title": title()})
    assert response.status_code == 404, f"PUT /tasks/{{id}} of an unknown id returned {response.status_code}"
    response = client.put(f"/tasks/{second['id']}", json={"title": first["title"]})
    assert response.status_code == 409, (
        f"PUT /tasks/{{id}} with another task's title returned {response.status_code}; it must answer 409"
    )
    assert read(client, second["id"]) == second, "a PUT that answered 409 changed the task anyway"
    response = client.put(f"/tasks/{second['id']}", json={"priority": 2})
    assert response.status_code == 422, f"PUT /tasks/{{id}} without a title returned {response.status_code}"


@pytest.mark.points(2)
def test_patch_changes_only_what_was_sent(client):
    """PATCH /tasks/{id} changes the fields sent and keeps all others"""
    task = create(client, description="keep me", priority=4)
    for changes in ({"done": True}, {"priority": 1}, {"description": "new words", "done": False}):
        response = client.patch(f"/tasks/{task['id']}", json=changes)
        assert response.status_code != 405, (
            "PATCH /tasks/{id} returned 405: add an @app.patch(\"/tasks/{task_id}\") endpoint"
        )
        assert response.status_code == 200, f"PATCH /tasks/{{id}} with {changes} returned {response.status_code}"
        task = {**task, **changes}
        body = response.json()
        wrong = sorted(k for k in task if isinstance(body, dict) and body.get(k) != task[k])
        assert not wrong, (
            f"PATCH /tasks/{{id}} with {changes} answered the wrong {', '.join(wrong)}; only the fields sent may "
            "change (model_dump(exclude_unset=True))"
        )
        assert read(client, task["id"]) == task, (
            f"PATCH /tasks/{{id}} with {changes} answered the change, but GET /tasks/{{id}} afterwards shows other "
            "values: was the session committed?"
        )


def test_patch_errors(client):
    """PATCH /tasks/{id} answers 404 for an unknown id, 409 for another task's title, 422 for a bad value"""
    first, second = create(client), create(client)
    response = client.patch("/tasks/999999", json={"done": True})
    assert response.status_code == 404, f"PATCH /tasks/{{id}} of an unknown id returned {response.status_code}"
    response = client.patch(f"/tasks/{second['id']}", json={"title": first["title"]})
    assert response.status_code == 409, (
        f"PATCH /tasks/{{id}} to another task's title returned {response.status_code}; it must answer 409"
    )
    response = client.patch(f"/tasks/{second['id']}", json={"priority": 9})
    assert response.status_code == 422, f"PATCH /tasks/{{id}} with priority 9 returned {response.status_code}"
    assert read(client, second["id"]) == second, "a PATCH that was refused changed the task anyway"


@pytest.mark.points(2)
def test_delete(client):
    """DELETE /tasks/{id} answers 204; the task is gone and its title is free again"""
    task = create(client)
    response = client.delete(f"/tasks/{task['id']}")
    assert response.status_code != 405, (
        "DELETE /tasks/{id} returned 405: add an @app.delete(\"/tasks/{task_id}\") endpoint"
    )
    assert response.status_code == 204, f"DELETE /tasks/{{id}} returned {response.status_code}; it must answer 204"
    assert response.content == b"", "a 204 answer has no body"
    assert client.get(f"/tasks/{task['id']}").status_code == 404, "GET /tasks/{id} of a deleted task must answer 404"
    assert client.delete(f"/tasks/{task['id']}").status_code == 404, (
        "DELETE /tasks/{id} of a task deleted already must answer 404"
    )
    assert all(t.get("id") != task["id"] for t in client.get("/tasks").json()), "GET /tasks lists a deleted task"
    response = client.post("/tasks", json={"title": task["title"]})
    assert response.status_code == 201, (
        f"POST /tasks with the title of a deleted task returned {response.status_code}; the title is free again"
    )


@pytest.mark.points(3)
def test_stored_in_sqlite(client, submission):
    """Tasks are committed to the table "tasks" of the SQLite database app.db"""
    task = create(client)
    try:
        database = submission.engine.url.database.get()
    except Exception:  # no engine, or not a SQLAlchemy engine
        pytest.fail("main.py has no SQLAlchemy `engine` to read the database through; keep "
                    "engine = create_engine(\"sqlite:///./app.db\", ...) from the starter")
    assert isinstance(database, str) and database.endswith("app.db"), (
        "main.engine does not point at the database file app.db; create it with "
        "create_engine(\"sqlite:///./app.db\", ...)"
    )
    connection = submission.engine.connect()
    try:
        titles = connection.exec_driver_sql("SELECT title FROM tasks").scalars().all()
    except Exception as exc:  # the learner's table is missing or differently named
        pytest.fail(f"reading the table \"tasks\" through main.engine failed ({type(exc).__name__}); store the "
                    "tasks with an ORM model whose __tablename__ is \"tasks\"")
    finally:
        connection.close()
    assert task["title"] in titles, (
        "a task created with POST /tasks is not in the table \"tasks\" seen from another connection; store it "
        "with the session and call session.commit()"
    )
