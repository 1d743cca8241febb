"""Do the catalog, track, exercise and result pages show the right things to the right people?"""

from __future__ import annotations

import re

import pytest
from learnpath import queue
from learnpath.catalog import sync_catalog
from learnpath.extensions import db
from learnpath.models import Submission
from sqlalchemy import event, select
from web_support import PASSING_REPORT, claim, report_with


def post_solution(client, files="def add(a, b):\n    return a + b\n", button="submit", key="basics/add"):
    return client.post(f"/tracks/{key}", data={"file_0": files, button: "1"})


def finish(app, report):
    job = claim(app)
    with app.app_context():
        assert queue.complete_job(job.submission_id, job.lease_token, report)
    return job.submission_id


def test_catalog_groups_tracks_by_role(client):
    """Does the catalog list each track under its role with its exercise count?"""
    page = client.get("/").get_data(as_text=True)
    assert "<h2>Backend developer</h2>" in page
    assert 'href="/tracks/basics">Python basics</a>' in page
    assert "2 exercises" in page and "done" not in page


def test_catalog_shows_progress_when_logged_in(app, client, auth):
    """Does a logged-in learner see how much of each track is done?"""
    auth.register()
    post_solution(client)
    finish(app, PASSING_REPORT)
    page = client.get("/").get_data(as_text=True)
    assert "1 of 2 done" in page and '<progress max="2" value="1">' in page


@pytest.mark.parametrize(("page", "budget"), [("/", 3), ("/tracks/basics", 4), ("/tracks/basics/add", 6)])
def test_learner_pages_ask_the_database_a_fixed_number_of_queries(app, client, auth, page, budget):
    """Do the busiest pages stay within their query budget (the logged-in user's row included)?"""
    auth.register()
    post_solution(client)
    finish(app, report_with(status="fail", score=1))
    client.get("/tracks/basics/add")  # a draft, a submission and progress now exist for every query to find
    statements: list[str] = []
    with app.app_context():
        listen = (db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        event.listen(*listen)
        try:
            assert client.get(page).status_code == 200
        finally:
            event.remove(*listen)
    assert len(statements) <= budget, "\n".join(statements)


def test_track_page_lists_exercises_with_state(app, client, auth):
    """Does the track page show each exercise's state, locked until its requirement is done?"""
    anonymous = client.get("/tracks/basics").get_data(as_text=True)
    assert anonymous.index("Add two numbers") < anonymous.index("Shout")
    assert anonymous.count("Not started") == 2
    auth.register()
    page = client.get("/tracks/basics").get_data(as_text=True)
    assert re.findall(r"badge-(\w+)", page) == ["not_started", "locked"]
    post_solution(client)
    finish(app, report_with(status="fail", score=1))
    page = client.get("/tracks/basics").get_data(as_text=True)
    assert re.findall(r"badge-(\w+)", page) == ["in_progress", "locked"]
    post_solution(client)
    finish(app, PASSING_REPORT)
    page = client.get("/tracks/basics").get_data(as_text=True)
    assert re.findall(r"badge-(\w+)", page) == ["done", "not_started"]


def test_track_page_shows_progress_and_where_to_go_on(app, client, auth):
    """Does a learner see how much of the track is done and a link to the next open exercise?"""
    anonymous = client.get("/tracks/basics").get_data(as_text=True)
    assert "done" not in anonymous and "Continue:" not in anonymous
    auth.register()
    page = client.get("/tracks/basics").get_data(as_text=True)
    assert "0 of 2 done" in page and '<progress max="2" value="0">' in page
    assert 'href="/tracks/basics/add">Start: Add two numbers</a>' in page
    post_solution(client)
    finish(app, report_with(status="fail", score=1))
    page = client.get("/tracks/basics").get_data(as_text=True)
    assert 'href="/tracks/basics/add">Continue: Add two numbers</a>' in page
    post_solution(client)
    finish(app, PASSING_REPORT)
    page = client.get("/tracks/basics").get_data(as_text=True)
    assert "1 of 2 done" in page  # the second exercise opened when the first was done
    assert 'href="/tracks/basics/shout">Continue: Shout</a>' in page


def test_unknown_track_and_exercise_are_404(client, auth):
    """Do made-up slugs give a 404?"""
    auth.register()
    assert client.get("/tracks/nope").status_code == 404
    assert client.get("/tracks/basics/nope").status_code == 404


def test_exercise_page_renders_a_sanitized_statement_and_the_starter(client, auth):
    """Is the statement rendered from Markdown with scripts and script links removed?"""
    auth.register()
    page = client.get("/tracks/basics/add").get_data(as_text=True)
    assert "<strong>calc.py</strong>" in page
    assert "<script>alert" not in page and "owned" not in page
    assert "javascript:" not in page and "onclick" not in page
    assert '<label class="file-name" for="file_0">calc.py</label>' in page
    assert "def add(a, b):\n    return 0\n</textarea>" in page
    assert "Run examples" in page and "Use the + operator." not in page
    assert "Hints open after 1 more submitted attempt." in page


def test_pictures_of_the_exercise_folder_show_in_the_statement_and_nothing_else_is_served(app, client, auth, content):
    """Is a statement's picture served from the exercise folder, while its solution, tests and links are not?"""
    folder = content / "exercises" / "basics" / "add"
    picture = b"\x89PNG\r\n\x1a\n" + b"0" * 32
    (folder / "result.png").write_bytes(picture)
    (folder / "tests" / "secret.png").write_bytes(picture)
    (folder / "link.png").symlink_to(folder / "solution" / "calc.py")
    readme = folder / "README.md"
    readme.write_text(readme.read_text() + "\n![The result](result.png) ![up](../../x.png) ![far](https://example.com/a.png)\n")
    auth.register()
    with app.app_context():
        sync_catalog(app)
    page = client.get("/tracks/basics/add").get_data(as_text=True)
    assert '<img src="/tracks/basics/add/media/result.png" alt="The result">' in page
    assert "../../x.png" not in page and '<img alt="up">' in page
    response = client.get("/tracks/basics/add/media/result.png")
    assert response.status_code == 200 and response.data == picture and response.mimetype == "image/png"
    response.close()
    for name in ("calc.py", "link.png", "exercise.toml", "README.md", "tests%2Fsecret.png", "..%2Fadd%2Fresult.png"):
        assert client.get(f"/tracks/basics/add/media/{name}").status_code == 404, name
    assert client.get("/tracks/basics/add/media/solution/calc.py").status_code == 404


def test_submitting_queues_a_row_and_shows_the_pending_result(app, client, auth):
    """Does Submit store a queued row with the learner's files and show a self-updating page?"""
    auth.register()
    response = post_solution(client, files="def add(a, b):\r\n    return a + b\r\n")
    assert response.status_code == 302
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        assert (submission.state, submission.mode) == ("queued", "submit")
        assert submission.files == {"calc.py": "def add(a, b):\n    return a + b\n"}
    assert response.headers["Location"] == f"/submissions/{submission.id}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Waiting for a grader" in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert f'data-poll-url="/api/submissions/{submission.id}"' in page
    assert '<script src="/static/build/learnpath.js" defer></script>' in page
    api = client.get(f"/api/submissions/{submission.id}").get_json()
    assert (api["state"], api["status"], api["report"]) == ("queued", None, None)


def test_the_editor_starts_from_the_latest_submission(client, auth):
    """After submitting, does the exercise page show the learner's latest code, not the starter?"""
    auth.register()
    post_solution(client, files="# my attempt\n", button="examples")
    page = client.get("/tracks/basics/add").get_data(as_text=True)
    assert "# my attempt\n</textarea>" in page
    assert "examples" in page and "queued" in page


def test_run_examples_is_stored_as_an_example_run(app, client, auth):
    """Does the Run examples button queue a run in examples mode?"""
    auth.register()
    post_solution(client, button="examples")
    with app.app_context():
        assert db.session.scalar(select(Submission.mode)) == "examples"


def test_result_page_shows_per_test_feedback_escaped(app, client, auth):
    """Are test names, messages and output shown escaped, and images inline?"""
    auth.register()
    post_solution(client)
    report = report_with(
        status="fail",
        reason="tests_failed",
        score=1,
        message="1 of 2 tests failed.",
        tests=[
            {**PASSING_REPORT["tests"][0]},
            {
                **PASSING_REPORT["tests"][1],
                "status": "fail",
                "points": 0,
                "message": "negative numbers go <wrong>",
                "output": "<script>alert(1)</script>",
            },
        ],
        artifacts=[
            {
                "name": "plot.png",
                "media_type": "image/png",
                "test": "test_hidden.py::test_negative",
                "data": "iVBORw0KGgo=",
            }
        ],
    )
    submission_id = finish(app, report)
    page = client.get(f"/submissions/{submission_id}").get_data(as_text=True)
    assert "1 of 2 points" in page and "1 of 2 tests failed." in page
    assert "negative numbers go &lt;wrong&gt;" in page
    assert "<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>" in page
    assert '<img src="data:image/png;base64,iVBORw0KGgo=" alt="plot.png">' in page
    assert "noscript" not in page and "data-poll-url" not in page
    api = client.get(f"/api/submissions/{submission_id}").get_json()
    assert api["state"] == "done" and api["report"]["tests"][1]["status"] == "fail"


def test_grader_error_is_explained_and_not_counted(app, client, auth):
    """Does a grader error say it was not counted, instead of showing a score?"""
    auth.register()
    post_solution(client)
    submission_id = finish(app, report_with(status="error", reason="grader_error", score=0))
    page = client.get(f"/submissions/{submission_id}").get_data(as_text=True)
    assert "it was not counted as an attempt" in page


def test_hints_open_after_enough_attempts_and_are_revealed_one_at_a_time(app, client, auth):
    """Can a hint be revealed (and is it remembered) only once the learner has made `hints_after` attempts?"""
    auth.register()
    client.post("/tracks/basics/add/hints")
    assert "Use the + operator." not in client.get("/tracks/basics/add").get_data(as_text=True)
    post_solution(client)
    finish(app, report_with(status="fail", score=0))
    page = client.get("/tracks/basics/add").get_data(as_text=True)
    assert "Show a hint (1 left)" in page and "Use the + operator." not in page
    response = client.post("/tracks/basics/add/hints")
    assert response.status_code == 302 and response.headers["Location"].endswith("/tracks/basics/add#hints")
    page = client.get("/tracks/basics/add").get_data(as_text=True)
    assert "Use the + operator." in page and "That was the last hint." in page


def test_a_locked_exercise_cannot_be_submitted(app, client, auth):
    """Is a submission to an exercise whose requirement is not done refused?"""
    auth.register()
    page = client.get("/tracks/basics/shout").get_data(as_text=True)
    assert "Locked: finish" in page
    response = post_solution(client, files="def shout(t):\n    return t\n", key="basics/shout")
    assert response.status_code == 403
    assert b"Finish the exercises this one builds on first." in response.data
    with app.app_context():
        assert db.session.scalar(select(Submission)) is None


def test_other_learners_submissions_do_not_exist(app, client, auth):
    """Does another learner's submission id give 404 on both the page and the API?"""
    auth.register()
    post_solution(client)
    auth.logout()
    auth.register(email="eve@example.com", name="Eve")
    assert client.get("/submissions/1").status_code == 404
    assert client.get("/api/submissions/1").status_code == 404
    assert client.get("/submissions/999").status_code == 404
    auth.logout()
    assert client.get("/api/submissions/1").status_code == 401
    assert client.get("/submissions/1").status_code == 302


def test_submissions_are_rate_limited(make_app):
    """Is a learner who submits too fast told to wait, keeping the code they typed?"""
    app = make_app(SUBMISSIONS_PER_MINUTE=2)
    client = app.test_client()
    client.post(
        "/auth/register",
        data={
            "email": "ada@example.com",
            "display_name": "Ada",
            "password": "correct horse",
            "confirm": "correct horse",
        },
    )
    assert post_solution(client).status_code == 302
    assert post_solution(client).status_code == 302
    refused = post_solution(client, files="# third try\n")
    assert refused.status_code == 429
    assert b"You can send again in <span class=\"countdown\">" in refused.data and b"# third try" in refused.data
    assert 0 < int(refused.headers.get("Retry-After", "60")) <= 60
