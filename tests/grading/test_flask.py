"""Is a Flask (WSGI) app graded over HTTP like an ASGI one, with sessions that last one test?"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from gradekit import Settings, grade, load_exercise
from gradekit.spec import Exercise

APP = '''
from flask import Flask, redirect, render_template, request, session, url_for

app = Flask(__name__, template_folder=".")
app.secret_key = "test"


@app.get("/")
def index():
    return render_template("page.html", user=session.get("user"), visits=session.get("visits", 0))


@app.post("/login")
def login():
    session["user"] = request.form["user"]
    return redirect(url_for("index"))


@app.post("/visit")
def visit():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}
'''

PAGE = "<p>{{ user or 'nobody' }} ({{ visits }})</p>\n"

EXAMPLES = '''
def test_page(client):
    """GET / answers with the page"""
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text == "<p>nobody (0)</p>"
'''

HIDDEN = '''
def test_login_is_kept(client):
    """the session cookie is sent back within a test"""
    response = client.post("/login", data={"user": "<ada>"}, follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == "/", "login redirects to /"
    assert client.get("/").text == "<p>&lt;ada&gt; (0)</p>", "the session should hold the user"
    assert [client.post("/visit").json()["visits"] for _ in range(3)] == [1, 2, 3], "visits count up"


def test_next_test_starts_afresh(client):
    """a new test starts without the last test's cookies"""
    assert client.get("/").text == "<p>nobody (0)</p>", "cookies leaked from the previous test"
'''


@pytest.fixture
def flask_exercise(tmp_path: Path) -> Exercise:
    folder = tmp_path / "exercises" / "web" / "visits"
    files = {
        "exercise.toml": 'title = "Visits"\nsummary = "A Flask app"\nkind = "flask"\n'
                         'files = ["app.py", "page.html"]\nvisible_tests = ["test_examples.py"]\n'
                         "[limits]\ntimeout = 15\ncall_timeout = 2\n",
        "README.md": "# Visits\n",
        "starter/app.py": "from flask import Flask\n\napp = Flask(__name__)\n",
        "solution/app.py": APP,
        "tests/test_examples.py": EXAMPLES,
        "tests/test_hidden.py": HIDDEN,
    }
    for part in ("starter", "solution"):
        files[f"{part}/page.html"] = PAGE
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text).lstrip("\n"))
    return load_exercise(folder)


def grade_app(exercise: Exercise, source: str) -> dict:
    return grade(exercise, {"app.py": textwrap.dedent(source).lstrip("\n"), "page.html": PAGE}, Settings())


def test_a_flask_app_passes_with_its_session_kept_per_test(flask_exercise):
    """Does a Flask app pass, rendering a template file, with cookies kept within a test and not across tests?"""
    report = grade(flask_exercise, flask_exercise.solution_files(), Settings())
    assert report["status"] == "pass", report
    assert report["grader"]["kind"] == "flask"


def test_a_session_that_is_never_kept_fails(flask_exercise):
    """Does an app that forgets the login fail the session test with the author's message?"""
    report = grade_app(flask_exercise, APP.replace('session["user"] = request.form["user"]', "pass"))
    failed = [t["message"] for t in report["tests"] if t["status"] == "fail"]
    assert failed == ["the session should hold the user"]


def test_a_missing_app_is_named(flask_exercise):
    """Does a module without `app` get a message saying how to create it?"""
    report = grade_app(flask_exercise, "from flask import Flask\napplication = Flask(__name__)\n")
    assert report["status"] == "fail" and report["score"] == 0
    assert "app.py does not define `app`; create it with `app = Flask(__name__)`" in report["message"]


def test_an_app_that_is_not_a_web_app_is_named(flask_exercise):
    """Is `app` bound to something that cannot serve requests refused with a clear message?"""
    report = grade_app(flask_exercise, "app = 'Flask(__name__)'\n")
    assert "`app` in app.py is a str, not a web app" in report["message"]


def test_an_app_raising_at_import_is_a_load_failure(flask_exercise):
    """Does an exception while the app is set up fail the run with the learner's traceback?"""
    report = grade_app(flask_exercise, """
        from flask import Flask
        app = Flask(__name__)
        app.config.from_mapping(SECRET_KEY=undefined_name)
    """)
    assert report["status"] == "fail" and report["reason"] == "crashed"
    assert "NameError" in report["message"] and "undefined_name" in report["message"]
    assert 'File "app.py", line 3' in report["tests"][0]["output"]


def test_a_view_exception_is_a_500_with_only_the_learners_frames(flask_exercise):
    """Does an exception in a view give Flask's 500 page and the learner's own traceback, without Flask's frames?"""
    report = grade_app(flask_exercise, APP.replace('return render_template(', 'return {}["x"] or render_template('))
    test = next(t for t in report["tests"] if t["visible"])
    assert "500" in test["message"]
    assert 'File "app.py", line 9, in index' in test["output"] and "KeyError" in test["output"]
    assert "flask/app.py" not in test["output"]


def test_app_run_at_import_does_not_block_loading(flask_exercise):
    """Is `app.run()` without a main guard skipped, with Flask's notice in the output?"""
    report = grade_app(flask_exercise, APP + "\napp.run()\n")
    assert report["status"] == "pass", report
    assert "Only call 'app.run()' in an 'if __name__ == \"__main__\"' guard" in report["tests"][0]["output"]


def test_a_request_that_hangs_is_a_timeout(flask_exercise):
    """Is a view that never returns stopped and named as the request that hung?"""
    report = grade_app(flask_exercise, APP.replace("def index():", "def index():\n    while True:\n        pass"))
    assert report["status"] == "fail" and report["reason"] == "timeout"
    assert "GET / did not return within 2 s" in next(t for t in report["tests"] if t["visible"])["message"]


def test_an_app_factory_can_be_named_in_the_options(flask_exercise):
    """Does `[options] app = "app:create_app()"` call the factory to get the app?"""
    toml = flask_exercise.path / "exercise.toml"
    toml.write_text(toml.read_text().replace("[limits]", '[options]\napp = "app:create_app()"\n[limits]'))
    exercise = load_exercise(flask_exercise.path)
    factory = APP.replace("app = Flask(", "def create_app():\n    return app\n\napp = Flask(")
    assert grade_app(exercise, factory)["status"] == "pass"
    report = grade_app(exercise, APP)
    assert "app.py does not define the app factory `create_app()`" in report["message"]
