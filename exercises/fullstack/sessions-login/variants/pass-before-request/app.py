import secrets
from urllib.parse import urlsplit

from flask import Flask, g, redirect, render_template, request, session, url_for
from markupsafe import Markup
from werkzeug.security import check_password_hash, generate_password_hash

app = Flask(__name__, template_folder=".")
app.config["SECRET_KEY"] = secrets.token_bytes(32)

USERS = {}
PROTECTED = {"dashboard", "settings"}


def add_user(username, password):
    if len(password) < 8 or username in USERS:
        raise ValueError("taken name or short password")
    USERS[username] = generate_password_hash(password, method="pbkdf2:sha256:200000")


@app.before_request
def load_user():
    g.user = session.get("user")
    if request.endpoint in PROTECTED and g.user is None:
        return redirect(url_for("login_form", next=request.full_path.rstrip("?")))
    return None


def is_local(target):
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target


@app.route("/login", methods=["GET", "POST"])
def login_form():
    next_page = request.args.get("next", "")
    username = request.form.get("username", "")
    if request.method == "GET":
        return render_template("login.html", username="", error=None, next=next_page)
    if username in USERS and check_password_hash(USERS[username], request.form.get("password", "")):
        session.clear()
        session["user"] = username
        return redirect(next_page if is_local(next_page) else "/dashboard", 303)
    return render_template("login.html", username=username, error="Wrong username or password.",
                           next=next_page), 401


app.add_url_rule("/login", endpoint="login", view_func=login_form, methods=["POST"])


@app.route("/logout", methods=["POST"])
def logout():
    session.pop("user", None)
    return redirect("/login", 303)


@app.route("/dashboard")
def dashboard():
    return Markup("<h1>Welcome, {}!</h1>").format(g.user)


@app.route("/settings")
def settings():
    return Markup("<h1>Settings for {}</h1>").format(g.user)
