"""End to end, as a new learner: register, open an exercise, submit, and read the verdict."""

from __future__ import annotations

from pathlib import Path

from journey_support import ROOT, Learner
from markupsafe import escape
from serve_support import Server

EXERCISE = "backend/hello-api"


def files_of(folder: str) -> dict[str, str]:
    path = ROOT / "exercises" / EXERCISE / folder
    return {p.name: p.read_text() for p in path.iterdir() if p.is_file()}


def test_reference_solution_passes_and_starter_fails(learner: Learner):
    """Does a new learner get "pass" for the reference solution and a named failure per test for the starter?"""
    assert "Log out" in learner.register("ada@example.com").text
    catalog = learner.client.get("/").text
    assert "Build APIs with FastAPI" in catalog
    assert "Hello, API" in learner.client.get("/tracks/backend").text

    passed = learner.wait_for_result(learner.submit(EXERCISE, files_of("solution")))
    assert passed["status"] == "pass"
    tests = passed["report"]["tests"]
    assert tests and all(t["status"] == "pass" for t in tests)
    page = learner.client.get(f"/submissions/{passed['id']}").text
    assert all(str(escape(t["name"])) in page for t in tests)

    failed = learner.wait_for_result(learner.submit(EXERCISE, files_of("starter")))
    assert failed["status"] == "fail"
    failing = [t for t in failed["report"]["tests"] if t["status"] == "fail"]
    assert failing and all(t["message"] for t in failing)
    page = learner.client.get(f"/submissions/{failed['id']}").text
    assert str(escape(failing[0]["name"])) in page and str(escape(failing[0]["message"])) in page


def test_exit_at_import_does_not_pass(learner: Learner):
    """Does a submission that calls os._exit(0) at import fail on the site too?"""
    learner.register("mallory@example.com")
    result = learner.wait_for_result(learner.submit(EXERCISE, {"main.py": "import os\nos._exit(0)\n"}))
    assert result["status"] == "fail"


def test_another_learners_submission_is_not_found(server: Server, learner: Learner):
    """Does another learner's submission page and API answer 404?"""
    learner.register("owner@example.com")
    submission_id = learner.submit(EXERCISE, files_of("starter"), mode="examples")
    other = Learner(server)
    other.register("other@example.com")
    assert other.client.get(f"/submissions/{submission_id}").status_code == 404
    assert other.client.get(f"/api/submissions/{submission_id}").status_code == 404


def test_queued_work_survives_a_restart(instance: Path):
    """Is a submission queued while no worker runs graded after the server restarts with workers?"""
    first = Server(instance, workers=0)
    try:
        learner = Learner(first)
        learner.register("patient@example.com")
        submission_id = learner.submit(EXERCISE, files_of("solution"))
        assert learner.client.get(f"/api/submissions/{submission_id}").json()["state"] == "queued"
        cookies = learner.client.cookies
    finally:
        first.stop()
    second = Server(instance, workers=1)
    try:
        learner = Learner(second)
        learner.client.cookies = cookies
        assert learner.wait_for_result(submission_id)["status"] == "pass"
    finally:
        second.stop()
