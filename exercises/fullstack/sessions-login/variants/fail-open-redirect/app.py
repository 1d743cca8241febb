import functools
import secrets

from flask import Flask, redirect, render_template, request, session, url_for
from markupsafe import escape
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__, template_folder=".")
# Signs the session cookie. A real deployment reads it from its configuration.
app.secret_key = secrets.token_hex(32)

USERS = {}  # username -> password hash


def add_user(username, password):
    """Create an account; ValueError if the name is taken or the password is under 8 characters."""
    if username in USERS:
        raise ValueError(f"{username!r} is taken")
    if len(password) < 8:
        raise ValueError("a password has at least 8 characters")
    USERS[username] = generate_password_hash(password)


def safe_next(target):
    """`target` when it is a path on this site, else the dashboard."""
    return target or url_for("dashboard")


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if "user" not in session:
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)

    return wrapped


@app.get("/login")
def login_form():
    return render_template("login.html", username="", error=None, next=request.args.get("next", ""))


@app.post("/login")
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    next_page = request.args.get("next", "")
    stored = USERS.get(username)
    if stored is None or not check_password_hash(stored, password):
        page = render_template("login.html", username=username, error="Wrong username or password.", next=next_page)
        return page, 401
    session.clear()
    session["user"] = username
    return redirect(safe_next(next_page), code=303)


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login_form"), code=303)


@app.get("/dashboard")
@login_required
def dashboard():
    return f"<h1>Welcome, {escape(session.get('user'))}!</h1>"


@app.get("/settings")
@login_required
def settings():
    return f"<h1>Settings for {escape(session.get('user'))}</h1>"
