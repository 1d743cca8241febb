"""Does the dashboard tell instructors how learners do, and let them drill down and export?"""

from __future__ import annotations

import csv
import io

from learnpath.extensions import db
from learnpath.models import Submission
from teach_support import SOLUTION, failing_report, graded, log_in, passing_report, user_with_role
from web_support import add_user


def teacher(app, client):
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "teacher@example.com")


def test_exercise_statistics_count_learners_attempts_and_time_to_pass(app, client):
    """Are pass rate, attempts and medians computed from learners' counted submits only?"""
    ada, bob = add_user(app, "ada@example.com"), add_user(app, "bob@example.com")
    graded(app, ada, failing_report(), minutes_ago=30)
    graded(app, ada, failing_report("a different message"), minutes_ago=20)
    graded(app, ada, passing_report(), files=SOLUTION, minutes_ago=10)
    graded(app, bob, failing_report(), minutes_ago=5)
    graded(app, bob, passing_report(), files=SOLUTION, mode="examples")  # never counted
    staff = user_with_role(app, "tess@example.com", "instructor")
    graded(app, staff, failing_report(), minutes_ago=1)  # listed, said not to count
    teacher(app, client)
    page = client.get("/teach/exercises/basics/add").text
    assert "(instructor, not counted)" in page and page.count("not counted)") == 1
    assert "<dt>Learners</dt><dd>2</dd>" in page
    assert "<dt>Attempts</dt><dd>4</dd>" in page
    assert "<dt>Pass rate</dt><dd>50%</dd>" in page
    assert "<dt>Median attempts to pass</dt><dd>3</dd>" in page
    assert "<dt>Median time to pass</dt><dd>20 min</dd>" in page
    assert "add() of negative numbers" in page and "negative numbers go wrong" in page and "×2" in page
    assert page.count("<svg") == 2


def test_the_track_page_lists_exercises_and_learners_progress(app, client):
    """Does the track page show each exercise's numbers and each learner's progress and last activity?"""
    ada = add_user(app, "ada@example.com")
    graded(app, ada, passing_report(), files=SOLUTION)
    teacher(app, client)
    page = client.get("/teach/tracks/basics").text
    assert "Add two numbers" in page and "Shout" in page
    assert "ada@example.com" in page and "1 of 2" in page
    assert client.get("/teach/").status_code == 200
    assert "ada@example.com" in client.get("/teach/learners").text
    assert "Add two numbers" in client.get(f"/teach/learners/{ada}").text


def test_drill_down_shows_code_the_whole_report_and_history(app, client):
    """Does a submission's page show its code, hidden tests' results and the learner's other tries?"""
    ada = add_user(app, "ada@example.com")
    first = graded(app, ada, failing_report(tests_hash="abc123"))
    second = graded(app, ada, passing_report(), files=SOLUTION)
    teacher(app, client)
    page = client.get(f"/teach/submissions/{first}").text
    assert "return a - b" in page
    assert "negative numbers go wrong" in page and "hidden" in page and "abc123" in page
    assert f"/teach/submissions/{second}" in page
    assert client.get("/teach/submissions/999").status_code == 404


def test_the_gradebook_exports_best_scores_as_csv(app, client):
    """Does the CSV hold one row per learner with the best score per exercise, safe for spreadsheets?"""
    ada = add_user(app, "ada@example.com")
    evil = add_user(app, "evil@example.com")
    with app.app_context():
        from learnpath.models import User

        db.session.get(User, evil).display_name = "=HYPERLINK(1)"
        db.session.commit()
    graded(app, ada, failing_report())
    graded(app, ada, passing_report(), files=SOLUTION)
    teacher(app, client)
    response = client.get("/teach/gradebook.csv?track=basics")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:4] == ["email", "name", "basics/add", "basics/shout"]
    by_email = {row[0]: row for row in rows[1:]}
    assert by_email["ada@example.com"][2:5] == ["100", "", "1"]
    assert by_email["evil@example.com"][1] == "'=HYPERLINK(1)"
    assert "teacher@example.com" not in by_email
    assert "ada@example.com" in client.get("/teach/gradebook").text
    assert client.get("/teach/gradebook?track=nope").status_code == 404


def test_previews_are_never_statistics(app, client):
    """Is an instructor's preview left out of learners, attempts and pass rate?"""
    teacher(app, client)
    response = client.post("/teach/exercises/basics/add/preview", data={"reference": "1"})
    assert response.status_code == 302
    with app.app_context():
        preview = db.session.query(Submission).one()
        assert preview.mode == "preview" and preview.files == SOLUTION
    page = client.get("/teach/exercises/basics/add").text
    assert "<dt>Learners</dt><dd>0</dd>" in page


def test_chart_labels_fit_and_long_ones_show_whole_on_hover():
    """Is a long label cut to what the label column holds, with the whole label as its tooltip?"""
    from learnpath.teach.charts import LABEL_CHARS, bar_chart
    from markupsafe import escape

    long = "Data engineering: pipelines into SQL & <more>"
    chart = str(bar_chart("Pass rate per track", [(long, 0.5, "50%"), ("Short", 1.0, "100%")], maximum=1))
    assert f"<title>{escape(long)}</title>{escape(long[: LABEL_CHARS - 1])}…</text>" in chart
    assert "<title>Short</title>" not in chart and ">Short</text>" in chart
