"""Do drafts, live runs, notebooks, hints, history, progress pages and throttling work for the right learner only?"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import nbformat
import pytest
from learnpath import queue
from learnpath.extensions import db
from learnpath.models import Submission
from sqlalchemy import select
from web_support import CONTENT, PASSING_REPORT, claim, csrf_token, report_with, write_files

NOTEBOOK = nbformat.v4.new_notebook(
    cells=[nbformat.v4.new_markdown_cell("# Sales"), nbformat.v4.new_code_cell("total = 0")]
)
NOTEBOOK_CONTENT = {
    "tracks/data.toml": 'title = "Data"\nrole = "Data analyst"\nsummary = "Notebooks."\nexercises = ["totals"]\n',
    "exercises/data/totals/exercise.toml": (
        'title = "Totals"\nsummary = "Sum the sales"\nkind = "python"\nfiles = ["analysis.ipynb"]\n'
        'visible_tests = ["test_examples.py"]\n'
    ),
    "exercises/data/totals/README.md": "# Totals\n",
    "exercises/data/totals/starter/analysis.ipynb": nbformat.writes(NOTEBOOK),
    "exercises/data/totals/solution/analysis.ipynb": nbformat.writes(NOTEBOOK),
    "exercises/data/totals/tests/test_examples.py": "def test_x():\n    assert True\n",
    "exercises/data/totals/tests/test_hidden.py": "def test_y():\n    assert True\n",
}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write_files(root, {**CONTENT, **NOTEBOOK_CONTENT})
    return root


def send(client, files="def add(a, b):\n    return a + b\n", button="submit", key="basics/add", json_reply=True):
    headers = {"Accept": "application/json"} if json_reply else {}
    return client.post(f"/tracks/{key}", data={"file_0": files, button: "1"}, headers=headers)


def finish(app, report):
    job = claim(app)
    with app.app_context():
        assert queue.complete_job(job.submission_id, job.lease_token, report)
    return job.submission_id


def test_a_saved_draft_is_what_the_editor_opens_with(client, auth):
    """Does a draft saved through the API come back in the page after a reload?"""
    auth.register()
    empty = {"revision": 0, "files": None, "updated_at": None}
    assert client.get("/api/exercises/basics/add/draft").get_json() == empty
    saved = client.put("/api/exercises/basics/add/draft", json={"files": {"calc.py": "# typed\r\nx = 1\r\n"}})
    assert saved.status_code == 200 and saved.get_json()["revision"] == 1
    assert client.put("/api/exercises/basics/add/draft", json={"files": {"calc.py": "# typed\nx = 2\n"}}).get_json()[
        "revision"
    ] == 2
    page = client.get("/tracks/basics/add").get_data(as_text=True)
    assert "# typed\nx = 2\n</textarea>" in page and 'data-draft-revision="2"' in page


def test_drafts_refuse_bad_requests_and_belong_to_their_learner(client, auth):
    """Are unknown files and malformed bodies refused, and is one learner's draft invisible to another?"""
    auth.register()
    assert client.put("/api/exercises/basics/add/draft", json={"files": {"../x.py": ""}}).status_code == 400
    assert client.put("/api/exercises/basics/add/draft", json={"files": "nope"}).status_code == 400
    assert client.put("/api/exercises/basics/nope/draft", json={"files": {}}).status_code == 404
    client.put("/api/exercises/basics/add/draft", json={"files": {"calc.py": "# secret of ada\n"}})
    auth.logout()
    assert client.get("/api/exercises/basics/add/draft").status_code == 401
    auth.register(email="eve@example.com", name="Eve")
    assert client.get("/api/exercises/basics/add/draft").get_json()["files"] is None
    assert "# secret of ada" not in client.get("/tracks/basics/add").get_data(as_text=True)


def test_json_posts_need_the_csrf_token(make_app):
    """With CSRF protection on, is a draft saved only with the page's token in the X-CSRFToken header?"""
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    page = client.get("/auth/register").get_data(as_text=True)
    client.post(
        "/auth/register",
        data={"csrf_token": csrf_token(page), "email": "ada@example.com", "display_name": "Ada",
              "password": "correct horse", "confirm": "correct horse"},
    )
    token = csrf_token(client.get("/tracks/basics/add").get_data(as_text=True))
    body = {"files": {"calc.py": "x = 1\n"}}
    assert client.put("/api/exercises/basics/add/draft", json=body).status_code == 400
    assert client.post("/api/markdown", json={"text": "hi"}).status_code == 400
    assert client.post("/tracks/basics/add/hints").status_code == 400
    assert client.put("/api/exercises/basics/add/draft", json=body, headers={"X-CSRFToken": token}).status_code == 200


def test_a_run_sent_by_the_script_gets_links_to_follow(app, client, auth):
    """Does a run posted with Accept: application/json answer 202 with where to poll, and save the draft?"""
    auth.register()
    response = send(client, files="def add(a, b):\r\n    return a + b\r\n", button="examples")
    assert response.status_code == 202
    body = response.get_json()
    assert body["mode"] == "examples"
    assert body["poll"] == f"/api/submissions/{body['id']}"
    assert body["feedback"] == f"/submissions/{body['id']}/feedback"
    draft = client.get("/api/exercises/basics/add/draft").get_json()
    assert draft["files"] == {"calc.py": "def add(a, b):\n    return a + b\n"}
    pending = client.get(body["feedback"]).get_data(as_text=True)
    assert 'data-state="queued"' in pending and "Waiting for a grader" in pending


def test_the_rate_limit_says_how_long_to_wait(make_app):
    """Is the run past the limit refused with 429, Retry-After and the seconds to wait in the JSON?"""
    app = make_app(SUBMISSIONS_PER_MINUTE=1)
    client = app.test_client()
    client.post("/auth/register", data={"email": "a@example.com", "display_name": "A",
                                        "password": "correct horse", "confirm": "correct horse"})
    assert send(client).status_code == 202
    refused = send(client)
    assert refused.status_code == 429
    wait = refused.get_json()["retry_after"]
    assert 50 <= wait <= 60 and refused.headers["Retry-After"] == str(wait)
    assert "Try again in" in refused.get_json()["error"]


def test_feedback_shows_tests_images_and_serial_traces_escaped(app, client, auth):
    """Does the feedback panel show each test, an image, a serial trace table and escaped output?"""
    auth.register()
    submission_id = send(client).get_json()["id"]
    trace = [
        {"t": 0.01, "dir": "tx", "data": "PING\r\n"},
        {"t": 0.02, "dir": "rx", "data": "<b>ok</b>", "fault": "noise"},
    ]
    report = report_with(
        status="fail", score=1,
        tests=[PASSING_REPORT["tests"][0], {**PASSING_REPORT["tests"][1], "status": "fail", "points": 0,
               "message": "expected <5>", "output": 'Traceback:\n  File "calc.py", line 2\n<script>x</script>'}],
        artifacts=[
            {"name": "plot.png", "media_type": "image/png", "test": "test_hidden.py::test_negative",
             "data": "iVBORw0KGgo="},
            {"name": "uart", "media_type": "application/vnd.learnpath.serial-trace+json", "test": None,
             "data": base64.b64encode(json.dumps(trace).encode()).decode()},
            {"name": "bad", "media_type": "application/vnd.learnpath.serial-trace+json", "test": None, "data": "!!"},
        ],
    )
    finish(app, report)
    panel = client.get(f"/submissions/{submission_id}/feedback").get_data(as_text=True)
    assert "1 of 2 tests passed" in panel and "expected &lt;5&gt;" in panel
    assert 'File &#34;calc.py&#34;, line 2\n&lt;script&gt;x&lt;/script&gt;' in panel
    assert '<img src="data:image/png;base64,iVBORw0KGgo=" alt="plot.png">' in panel
    assert "Serial trace: uart (2 messages)" in panel and "<code>&lt;b&gt;ok&lt;/b&gt;</code>" in panel
    assert "trace-rx trace-fault" in panel and "The trace could not be read." in panel
    page = client.get(f"/submissions/{submission_id}").get_data(as_text=True)
    assert "Serial trace: uart" in page and "data-poll-url" not in page


def test_feedback_of_another_learner_is_not_found(client, auth):
    """Do another learner's feedback panel, history restore and draft give nothing away?"""
    auth.register()
    submission_id = send(client).get_json()["id"]
    auth.logout()
    auth.register(email="eve@example.com", name="Eve")
    assert client.get(f"/submissions/{submission_id}/feedback").status_code == 404
    assert client.post(f"/submissions/{submission_id}/restore").status_code == 404
    assert f"#{submission_id}" not in client.get("/tracks/basics/add/history").get_data(as_text=True)


def test_history_shows_escaped_diffs_and_restores_a_version(app, client, auth):
    """Does the history diff each run against the one before, and does Restore put a version back?"""
    auth.register()
    first = send(client, files="def add(a, b):\n    return 0\n").get_json()["id"]
    second = send(client, files="def add(a, b):\n    return a + b  # <b>\n").get_json()["id"]
    finish(app, report_with(status="fail", score=0))
    page = client.get("/tracks/basics/add/history").get_data(as_text=True)
    assert page.index(f'id="submission-{second}"') < page.index(f'id="submission-{first}"')
    assert '<span class="diff-remove">-    return 0</span>' in page
    assert '<span class="diff-add">+    return a + b  # &lt;b&gt;</span>' in page
    assert "Your first run of this exercise." in page and "0 / 2 points" in page
    response = client.post(f"/submissions/{first}/restore")
    assert response.status_code == 302 and response.headers["Location"] == "/tracks/basics/add"
    page = client.get("/tracks/basics/add").get_data(as_text=True)
    assert "def add(a, b):\n    return 0\n</textarea>" in page and f"Restored the code of #{first}" in page


def test_dashboard_charts_progress_and_completion_needs_every_exercise(app, client, auth):
    """Does the dashboard chart progress per track, and does the completion page open only when all is done?"""
    auth.register()
    assert "Nothing started yet" in client.get("/dashboard").get_data(as_text=True)
    send(client)
    finish(app, PASSING_REPORT)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "<svg" in page and 'class="chart-done"' in page and ">1/2</text>" in page
    assert "Add two numbers" in page and "submission #1" in page
    assert client.get("/tracks/basics/complete").status_code == 302
    send(client, files="def shout(t):\n    return t.upper()\n", key="basics/shout")
    finish(app, {**PASSING_REPORT, "exercise": "basics/shout"})
    assert "You finished this track." in client.get("/tracks/basics").get_data(as_text=True)
    complete = client.get("/tracks/basics/complete").get_data(as_text=True)
    assert "You completed Python basics" in complete and "all 2 exercises" in complete


def test_track_page_says_what_unlocks_a_locked_exercise(client, auth):
    """Does a locked exercise name the exercise it waits for?"""
    auth.register()
    assert "Opens after: Add two numbers" in client.get("/tracks/basics").get_data(as_text=True)


def test_notebook_exercises_take_valid_notebooks_only(app, client, auth):
    """Is a notebook file sent as nbformat 4 JSON accepted, and anything else refused with a reason?"""
    auth.register()
    page = client.get("/tracks/data/totals").get_data(as_text=True)
    assert 'data-file="analysis.ipynb"' in page and 'data-notebook="true"' in page
    assert "&#34;cell_type&#34;: &#34;markdown&#34;" in page
    refused = send(client, files='{"cells": []}', key="data/totals")
    assert refused.status_code == 400 and "analysis.ipynb must be an nbformat 4 notebook" in refused.get_json()["error"]
    refused = send(client, files="not json", key="data/totals", json_reply=False)
    assert refused.status_code == 400 and b"analysis.ipynb is not a notebook file" in refused.data
    edited = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("total = 42")])
    accepted = send(client, files=nbformat.writes(edited), key="data/totals")
    assert accepted.status_code == 202
    with app.app_context():
        stored = db.session.scalar(select(Submission)).files["analysis.ipynb"]
    assert nbformat.reads(stored, as_version=4).cells[0].source == "total = 42"


def test_markdown_cells_are_rendered_sanitized(client, auth):
    """Is a notebook's Markdown rendered with scripts and handlers removed?"""
    auth.register()
    html = client.post("/api/markdown", json={"text": "**hi** <script>alert(1)</script><img src=x onerror=alert(2)>"})
    body = html.get_json()["html"]
    assert "<strong>hi</strong>" in body and "<script" not in body and "onerror" not in body


def test_failed_logins_are_throttled_per_account(make_app):
    """After too many wrong passwords, is even the right one refused for a while with 429?"""
    app = make_app(FAILED_LOGINS_PER_15_MINUTES={"ip": 100, "email": 3})
    client = app.test_client()
    client.post("/auth/register", data={"email": "ada@example.com", "display_name": "Ada",
                                        "password": "correct horse", "confirm": "correct horse"})
    client.post("/auth/logout")
    for _ in range(3):
        assert client.post("/auth/login", data={"email": "ada@example.com", "password": "wrong!"}).status_code == 200
    refused = client.post("/auth/login", data={"email": "ada@example.com", "password": "correct horse"})
    assert refused.status_code == 429 and b"Too many failed attempts; try again in 15 minutes." in refused.data


def test_registrations_are_throttled_per_address(make_app):
    """Are accounts created from one address limited per hour?"""
    app = make_app(REGISTRATIONS_PER_HOUR=1)
    client = app.test_client()
    for number, expected in ((1, 302), (2, 429)):
        client.post("/auth/logout")
        response = client.post("/auth/register", data={"email": f"u{number}@example.com", "display_name": "U",
                                                       "password": "correct horse", "confirm": "correct horse"})
        assert response.status_code == expected


def test_pages_allow_the_editors_styles_by_nonce_only(client, auth):
    """Does the CSP allow styles only from the site and this response's nonce, and never inline scripts?"""
    auth.register()
    response = client.get("/tracks/basics/add")
    policy = response.headers["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<meta name="csp-nonce" content="{nonce}">' in response.get_data(as_text=True)
    assert "script-src" not in policy and "unsafe-inline" not in policy and "img-src 'self' data:" in policy
    assert nonce not in client.get("/tracks/basics/add").headers["Content-Security-Policy"]
