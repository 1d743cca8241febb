import functools
import secrets

from flask import Flask, abort, redirect, render_template, request, session, url_for
from markupsafe import escape
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__, template_folder=".")
# Signs the session cookie. A real deployment reads it from its configuration.
app.secret_key = secrets.token_hex(32)

USERS = {}  # username -> password hash


def add_user(username, password):
    """Create an account; ValueError if the name is taken or the password is under 8 characters."""
    USERS[username] = password  # TODO: never store the password itself


@app.get("/login")
def login_form():
    return render_template("login.html", username="", error=None, next=request.args.get("next", ""))


@app.post("/login")
def login():
    # TODO: check the password, keep the user in the session, redirect to a safe `next` or /dashboard
    abort(401)


# TODO: a login_required decorator for the two pages below; POST /logout


@app.get("/dashboard")
def dashboard():
    return f"<h1>Welcome, {escape(session.get('user'))}!</h1>"


@app.get("/settings")
def settings():
    return f"<h1>Settings for {escape(session.get('user'))}</h1>"
