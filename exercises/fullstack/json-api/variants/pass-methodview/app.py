import json

from flask import Flask, request
from flask.views import MethodView
from werkzeug.exceptions import BadRequest, HTTPException, NotFound

app = Flask(__name__)

TASKS = {}
last_id = 0


@app.errorhandler(HTTPException)
def as_json(error):
    return {"error": f"{error.name}: {error.description}"}, error.code


def body():
    try:
        data = json.loads(request.get_data(as_text=True)) if request.is_json else None
    except ValueError:
        data = None
    if type(data) is not dict:
        raise BadRequest("send a JSON object")
    return data


def validate(data, required):
    out = {}
    if required or "title" in data:
        title = data.get("title")
        if type(title) is not str or not title.strip() or len(title.strip()) > 100:
            raise BadRequest("bad title")
        out["title"] = title.strip()
    if "done" in data:
        if data["done"] is not True and data["done"] is not False:
            raise BadRequest("bad done")
        out["done"] = data["done"]
    return out


class TaskList(MethodView):
    def get(self):
        wanted = request.args.get("done")
        if wanted is None:
            return [TASKS[k] for k in sorted(TASKS)]
        if wanted not in ("true", "false"):
            raise BadRequest("done is true or false")
        return [TASKS[k] for k in sorted(TASKS) if TASKS[k]["done"] is (wanted == "true")]

    def post(self):
        global last_id
        fields = validate(body(), required=True)
        last_id += 1
        task = {"id": last_id, "title": fields["title"], "done": fields.get("done", False)}
        TASKS[last_id] = task
        return task, 201, {"Location": f"/api/tasks/{last_id}"}


class TaskItem(MethodView):
    def task(self, task_id):
        try:
            return TASKS[task_id]
        except KeyError:
            raise NotFound("no such task") from None

    def get(self, task_id):
        return self.task(task_id)

    def patch(self, task_id):
        task = self.task(task_id)
        task.update(validate(body(), required=False))
        return task

    def delete(self, task_id):
        TASKS.pop(self.task(task_id)["id"])
        return "", 204


app.add_url_rule("/api/tasks", view_func=TaskList.as_view("tasks"))
app.add_url_rule("/api/tasks/<int:task_id>", view_func=TaskItem.as_view("task"))
