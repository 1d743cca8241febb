"""The instructor's pages in a real browser: dashboard, preview and grading, classes, and a learner shut out."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import ADD_SOLUTION, ROOT, Learner, Server, write_content
from playwright.sync_api import Browser, expect

_admins = itertools.count(1)
PASSWORD = "correct horse battery"


@pytest.fixture
def admin(browser: Browser, server: Server) -> Iterator[Learner]:
    yield from make_admin(browser, server)


def make_admin(browser: Browser, server: Server) -> Iterator[Learner]:
    """An admin made with `learnpath create-admin`, logged in through the form in a browser context of its own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    person = Learner(context, server)
    person.email = f"admin{next(_admins)}@example.com"
    instance = server.instance
    subprocess.run(
        [sys.executable, "-m", "learnpath.cli", "create-admin", "--email", person.email, "--password", PASSWORD],
        check=True, cwd=ROOT, capture_output=True, env={"LEARNPATH_INSTANCE_PATH": str(instance), "PATH": "/usr/bin"},
    )
    page = person.open("/auth/login")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Teach")).to_be_visible()
    yield person
    context.close()
    assert person.errors == [], f"the browser reported errors: {person.errors}"


def test_an_instructor_previews_and_grades_the_reference_solution(admin: Learner):
    """Can an instructor go from the dashboard to an exercise's preview and grade its reference solution?"""
    page = admin.page
    page.get_by_role("link", name="Teach").click()
    expect(page.get_by_role("heading", name="How learners do")).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()
    page.get_by_role("link", name="Python basics").click()
    page.get_by_role("link", name="Add two numbers").first.click()
    page.get_by_role("link", name="Preview and grade code").click()
    expect(page.get_by_text("What the learner sees")).to_be_visible()
    expect(page.get_by_text("hidden", exact=True).first).to_be_visible()
    page.get_by_role("button", name="Grade the reference solution").click()
    expect(page.locator(".verdict")).to_contain_text("pass", timeout=60_000)
    admin.screenshot("instructor-preview-graded")


def test_a_class_code_lets_a_learner_join_and_teaching_pages_stay_closed(admin: Learner, learner: Learner):
    """Does a learner join with the class's code, and get 403 on the teaching pages?"""
    page = admin.page
    admin.open("/teach/classes")
    page.get_by_label("Class name").fill("Evening class")
    page.get_by_role("button", name="Create the class").click()
    code = page.locator("#invite-code").inner_text()

    learner.register()
    learner.open("/classes/")
    learner.page.get_by_label("Invite code").fill(code.lower())
    learner.page.get_by_role("button", name="Join").click()
    expect(learner.page.get_by_text("You joined Evening class.")).to_be_visible()
    response = learner.page.goto(learner.server.url + "/teach/")
    assert response is not None and response.status == 403
    learner.errors = [e for e in learner.errors if "403" not in e]

    admin.open("/teach/classes")
    page.get_by_role("link", name="Evening class").click()
    expect(page.get_by_text(learner.email)).to_be_visible()


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Server]:
    """A server of its own: this test changes an exercise's tests on disk."""
    (tmp_path / "instance").mkdir()
    running = Server(tmp_path / "instance", write_content(tmp_path / "content"))
    yield running
    running.stop()


def test_an_instructor_watches_an_attempt_changes_a_test_and_regrades(browser: Browser, own_server: Server):
    """Does a learner's attempt show on the dashboard, and does a changed test lead to a regrade that changes it?"""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    learner = Learner(context, own_server)
    learner.register()
    learner.open("/tracks/basics/add")
    learner.type_code("calc.py", ADD_SOLUTION)
    learner.page.get_by_role("button", name="Submit").click()
    expect(learner.page.locator("#feedback .verdict")).to_contain_text("Passed", timeout=60_000)
    name = learner.email.split("@")[0].title()

    admin = next(make_admin(browser, own_server))
    page = admin.open("/teach/exercises/basics/add")
    stats = page.locator(".stats")
    expect(stats).to_contain_text("Attempts1")
    expect(stats).to_contain_text("Pass rate100%")
    expect(page.get_by_role("link", name=name)).to_be_visible()
    expect(page.get_by_text("Every standing submission was judged by the current tests")).to_be_visible()

    tests = own_server.content / "exercises" / "basics" / "add" / "tests"
    (tests / "test_more.py").write_text(
        'def test_three(submission):\n    """add() of three numbers"""\n'
        '    assert submission.add(1, 2, 3) == 6, "add() takes any number of numbers now"\n'
    )
    page.reload()
    expect(page.locator("#regrade-notice")).to_contain_text("1 learner")
    page.get_by_role("button", name="Regrade them").click()
    expect(page.get_by_text("1 of 1 graded — done")).to_be_visible(timeout=60_000)
    changed = page.locator("#changed tbody tr")
    expect(changed).to_have_count(1)
    expect(changed).to_contain_text(name)
    expect(changed.locator(".badge")).to_have_text(["pass", "fail"])
    admin.screenshot("instructor-regraded")
    context.close()
    admin.context.close()
    assert learner.errors == [] and admin.errors == []
