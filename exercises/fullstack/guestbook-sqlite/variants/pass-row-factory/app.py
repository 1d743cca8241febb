import os
import sqlite3
import tempfile
from contextlib import closing

from flask import Flask, abort, g, jsonify, redirect, render_template, request, url_for

app = Flask(__name__, template_folder=".")
# Each run of the app gets its own database file unless GUESTBOOK_DATABASE names one.
app.config["DATABASE"] = os.environ.get("GUESTBOOK_DATABASE") or os.path.join(tempfile.mkdtemp(), "guestbook.sqlite3")

PER_PAGE = 5


def connect():
    """A new connection to the guestbook's database (the tests use it too: keep it)."""
    return sqlite3.connect(app.config["DATABASE"])


def init_db():
    with closing(connect()) as db:
        db.execute("""CREATE TABLE IF NOT EXISTS entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            message TEXT NOT NULL
        )""")
        db.commit()


init_db()


def get_db():
    if "db" not in g:
        g.db = connect()
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exception):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@app.route("/", methods=["GET", "POST"])
def index():
    values, errors, status = {}, {}, 200
    if request.method == "POST":
        values = {"name": (request.form.get("name") or "").strip(), "message": (request.form.get("message") or "").strip()}
        limits = {"name": 50, "message": 500}
        errors = {k: f"{k.title()} must be 1 to {n} characters." for k, n in limits.items() if not 0 < len(values[k]) <= n}
        if not errors:
            get_db().execute("INSERT INTO entries (name, message) VALUES (:name, :message)", values)
            get_db().commit()
            return redirect("/", 303)
        status = 400
    try:
        page = int(request.args.get("page", "1")) if request.method == "GET" else 1
    except ValueError:
        abort(404)
    if page < 1:
        abort(404)
    rows = get_db().execute("SELECT * FROM entries ORDER BY id DESC LIMIT :n OFFSET :skip",
                            {"n": PER_PAGE + 1, "skip": (page - 1) * PER_PAGE}).fetchall()
    html = render_template("guestbook.html", entries=rows[:PER_PAGE], page=page, older=len(rows) > PER_PAGE,
                           values=values, errors=errors)
    return html, status


app.add_url_rule("/", endpoint="sign", view_func=index, methods=["POST"])


@app.post("/entries/<int:entry_id>/delete")
def delete(entry_id):
    db = get_db()
    if db.execute("SELECT 1 FROM entries WHERE id = ?", (entry_id,)).fetchone() is None:
        abort(404)
    db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
    db.commit()
    return redirect(url_for("index"), 303)


@app.get("/api/entries")
def api_entries():
    return [dict(row) for row in get_db().execute("SELECT id, name, message FROM entries ORDER BY id DESC")]
