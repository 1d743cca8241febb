import itertools

from flask import Flask, abort, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

app = Flask(__name__)

TASKS = {}  # id -> {"id": int, "title": str, "done": bool}
ids = itertools.count(1)  # next(ids) gives 1, 2, 3, ...: an id is never used twice


@app.errorhandler(HTTPException)
def json_error(error):
    return jsonify(error=error.description), error.code


def bad_request(message):
    abort(400, description=message)


def json_body():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        bad_request("the body must be a JSON object")
    return data


def checked_changes(data, creating):
    """The fields to set from `data`, after checking each; 400 on the first problem."""
    changes = {}
    if data.get("title") is not None or creating:
        title = data.get("title")
        if not isinstance(title, str) or not title.strip() or len(title) > 100:
            bad_request("title must be a text of 1 to 100 characters")
        changes["title"] = title.strip()
    if "done" in data and (creating or data["done"] is not None):
        if not isinstance(data["done"], bool):
            bad_request("done must be true or false")
        changes["done"] = data["done"]
    return changes


def find(task_id):
    if task_id not in TASKS:
        abort(404, description=f"there is no task {task_id}")
    return TASKS[task_id]


@app.get("/api/tasks")
def list_tasks():
    done = request.args.get("done")
    if done not in (None, "true", "false"):
        bad_request("done must be true or false")
    tasks = [task for _, task in sorted(TASKS.items())]
    if done is not None:
        tasks = [task for task in tasks if task["done"] == (done == "true")]
    return jsonify(tasks)


@app.post("/api/tasks")
def create_task():
    task = {"done": False, **checked_changes(json_body(), creating=True)}
    task = {"id": next(ids), "title": task["title"], "done": task["done"]}
    TASKS[task["id"]] = task
    return jsonify(task), 201, {"Location": url_for("get_task", task_id=task["id"])}


@app.get("/api/tasks/<int:task_id>")
def get_task(task_id):
    return jsonify(find(task_id))


@app.patch("/api/tasks/<int:task_id>")
def update_task(task_id):
    task = find(task_id)
    task.update(checked_changes(json_body(), creating=False))
    return jsonify(task)


@app.delete("/api/tasks/<int:task_id>")
def delete_task(task_id):
    find(task_id)
    del TASKS[task_id]
    return "", 204
