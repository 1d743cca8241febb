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


@app.get("/")
def index():
    # TODO: this page's entries, newest first, from the database
    return render_template("guestbook.html", entries=[], page=1, older=False, values={}, errors={})


@app.post("/")
def sign():
    # TODO: check the form, insert the entry, redirect to /
    return redirect(url_for("index"), code=303)


# TODO: POST /entries/<id>/delete and GET /api/entries
