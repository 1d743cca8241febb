import itertools

from flask import Flask, abort, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

app = Flask(__name__)

TASKS = {}  # id -> {"id": int, "title": str, "done": bool}
ids = itertools.count(1)  # next(ids) gives 1, 2, 3, ...: an id is never used twice


@app.get("/api/tasks")
def list_tasks():
    return jsonify(list(TASKS.values()))


@app.post("/api/tasks")
def create_task():
    # TODO: check the JSON body, store the task, answer 201 with a Location header
    data = request.get_json()
    task = {"id": next(ids), "title": data["title"], "done": False}
    TASKS[task["id"]] = task
    return jsonify(task)


# TODO: GET, PATCH and DELETE /api/tasks/<id>; JSON errors for everything
