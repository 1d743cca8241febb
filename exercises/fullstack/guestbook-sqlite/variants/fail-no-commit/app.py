import os
import sqlite3
import tempfile
from contextlib import closing

from flask import Flask, abort, jsonify, redirect, render_template, request, url_for

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


def read_form():
    values = {field: request.form.get(field, "").strip() for field in ("name", "message")}
    errors = {}
    if not 1 <= len(values["name"]) <= 50:
        errors["name"] = "Your name is 1 to 50 characters."
    if not 1 <= len(values["message"]) <= 500:
        errors["message"] = "Your message is 1 to 500 characters."
    return values, errors


def page_of_entries(page):
    """This page's entries, newest first, and whether an older page exists."""
    with closing(connect()) as db:
        rows = db.execute("SELECT id, name, message FROM entries ORDER BY id DESC LIMIT ? OFFSET ?",
                          (PER_PAGE + 1, (page - 1) * PER_PAGE)).fetchall()
    entries = [{"id": id_, "name": name, "message": message} for id_, name, message in rows]
    return entries[:PER_PAGE], len(entries) > PER_PAGE


def show(page=1, values=None, errors=None):
    entries, older = page_of_entries(page)
    return render_template("guestbook.html", entries=entries, page=page, older=older,
                           values=values or {}, errors=errors or {})


@app.get("/")
def index():
    page = request.args.get("page", "1")
    if not (page.isascii() and page.isdigit() and int(page) >= 1):
        abort(404)
    return show(int(page))


@app.post("/")
def sign():
    values, errors = read_form()
    if errors:
        return show(1, values, errors), 400
    with closing(connect()) as db:
        db.execute("INSERT INTO entries (name, message) VALUES (?, ?)", (values["name"], values["message"]))
    return redirect(url_for("index"), code=303)


@app.post("/entries/<int:entry_id>/delete")
def delete(entry_id):
    with closing(connect()) as db:
        deleted = db.execute("DELETE FROM entries WHERE id = ?", (entry_id,)).rowcount
        db.commit()
    if not deleted:
        abort(404)
    return redirect(url_for("index"), code=303)


@app.get("/api/entries")
def api_entries():
    with closing(connect()) as db:
        rows = db.execute("SELECT id, name, message FROM entries ORDER BY id DESC").fetchall()
    return jsonify([{"id": id_, "name": name, "message": message} for id_, name, message in rows])
