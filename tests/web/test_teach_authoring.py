"""Preview, versioned test suites and regrades: do instructors see and re-judge what learners face?"""

from __future__ import annotations

import time

from learnpath import queue
from learnpath.extensions import db
from learnpath.models import Regrade, Submission
from teach_support import SOLUTION, WRONG, graded, log_in, passing_report, user_with_role
from web_support import add_user

HIDDEN_TEST = "exercises/basics/add/tests/test_hidden.py"


def test_preview_shows_the_statement_hidden_tests_and_solution(app, client):
    """Does the preview show what a learner sees plus the hidden tests and the reference solution?"""
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "teacher@example.com")
    page = client.get("/teach/exercises/basics/add/preview").text
    assert "Write <code>add(a, b)</code>" in page and "<script>alert" not in page
    assert "negative numbers go wrong" in page  # the hidden test's source
    assert "return a + b" in page  # the reference solution
    assert "return 0" in page  # the starter
    assert client.get("/teach/exercises/basics/nope/preview").status_code == 404


def test_pasted_code_is_graded_through_the_queue(app, client):
    """Is pasted code graded by a worker against every test, and shown with the hidden results?"""
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "teacher@example.com")
    response = client.post("/teach/exercises/basics/add/preview", data={"pasted": "1", "file_0": WRONG["calc.py"]})
    submission_id = int(response.headers["Location"].rsplit("/", 1)[-1])
    assert queue.run_one(app, "test-worker")
    page = client.get(f"/teach/submissions/{submission_id}").text
    assert "negative numbers go wrong" in page and "return a - b" in page


def wait_for(app, regrade_id, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with app.app_context():
            if db.session.get(Regrade, regrade_id).state == "done":
                return
        time.sleep(0.2)
    raise AssertionError("the regrade did not finish")


def test_changed_tests_are_found_and_regraded_in_the_background(app, client, content):
    """After the tests change, can an instructor regrade the standing submissions and see who changed?"""
    ada, bob = add_user(app, "ada@example.com"), add_user(app, "bob@example.com")
    first = graded(app, ada, passing_report(tests_hash="old"), files=SOLUTION)
    kept = graded(app, bob, passing_report(tests_hash="old"), files={"calc.py": "def add(a, b):\n    return b + a\n"})
    user_with_role(app, "teacher@example.com", "instructor")
    log_in(client, "teacher@example.com")
    assert "2 learners" in client.get("/teach/exercises/basics/add").text

    # The author adds a hidden test that Ada's `a + b` passes and Bob's `b + a` does not.
    (content / HIDDEN_TEST).write_text(
        (content / HIDDEN_TEST).read_text()
        + '\n\ndef test_order(submission):\n    """add() keeps strings in order"""\n'
        '    assert submission.add("a", "b") == "ab", "add(\'a\', \'b\') should be \'ab\'"\n'
    )
    response = client.post("/teach/exercises/basics/add/regrade")
    assert response.status_code == 302
    regrade_id = int(response.headers["Location"].rsplit("/", 1)[-1])
    wait_for(app, regrade_id)
    page = client.get(f"/teach/regrades/{regrade_id}").text
    assert "2 of 2 graded" in page and "<progress" in page
    assert f"/teach/submissions/{kept}" in page and f"/teach/submissions/{first}" not in page
    with app.app_context():
        regrade = db.session.get(Regrade, regrade_id)
        verdicts = {item.submission_id: (item.old_status, item.new_status) for item in regrade.items}
        assert verdicts == {first: ("pass", "pass"), kept: ("pass", "fail")}
        assert db.session.get(Submission, kept).status == "pass"  # the original report stays
    assert "judged by the current tests" in client.get("/teach/exercises/basics/add").text
    assert "add() keeps strings in order" in client.get(f"/teach/submissions/{kept}").text
