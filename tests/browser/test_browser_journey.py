"""As a new learner in a real browser: register, browse, type, run, submit, read feedback, use history and progress."""

from __future__ import annotations

import re

from browser_support import ADD_SOLUTION, Learner
from playwright.sync_api import expect


def test_a_new_learner_solves_an_exercise_in_the_browser(learner: Learner):
    """Can a new learner go from registering to a passed exercise, with live feedback and no page reloads?"""
    learner.register()
    page = learner.page
    learner.screenshot("01-catalog")
    page.get_by_role("link", name="Python basics").click()
    expect(page.locator(".exercise-item .badge")).to_have_text(["Not started", "Not started", "Locked"])
    expect(page.get_by_text("Opens after: Add two numbers")).to_be_visible()
    expect(page.get_by_text("0 of 3 done")).to_be_visible()
    learner.screenshot("02-track")

    page.get_by_role("link", name="Start: Add two numbers").click()
    expect(page.locator(".cm-editor")).to_be_visible()
    expect(page.locator("textarea[data-file='calc.py']")).to_be_hidden()
    learner.screenshot("03-exercise")

    # Typed key by key: the editor indents the body of the function by itself.
    editor = page.get_by_role("textbox", name="calc.py", exact=True)
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("def add(a, b):\n")
    page.keyboard.type("return a - b")
    expect(page.locator("#save-state")).to_have_text("All changes saved")
    assert learner.file_text("calc.py") == "def add(a, b):\n    return a - b"

    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Run examples").click()
    feedback = page.locator("#feedback")
    expect(feedback.get_by_text(re.compile(r"Waiting for a grader|Running the tests"))).to_be_visible()
    expect(feedback.locator(".verdict")).to_contain_text("Not yet", timeout=60_000)
    expect(feedback.locator(".test-name")).to_have_text(["add(1, 2) is 3"])
    expect(feedback.locator(".test-message")).to_contain_text("add(1, 2) should be 3")
    expect(feedback.get_by_text("does not count as an attempt")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
    learner.screenshot("04-examples-failed")

    learner.type_code("calc.py", ADD_SOLUTION)
    editor.press("Control+Enter")
    expect(feedback.locator(".verdict")).to_contain_text("Passed — 2 of 2 points", timeout=60_000)
    expect(feedback.locator(".badge-pass")).to_have_count(2)
    assert page.evaluate("window.notReloaded") is True
    learner.screenshot("05-submitted-passed")

    page.get_by_role("link", name=re.compile("All runs")).click()
    expect(page.locator(".history-entry")).to_have_count(2)
    page.locator(".history-entry").first.get_by_text("Changes since the run before").click()
    expect(page.locator(".diff-remove")).to_have_text(["-    return a - b"])
    learner.screenshot("06-history")
    page.locator(".history-entry").last.get_by_role("button", name=re.compile("Restore")).click()
    expect(page.get_by_text(re.compile(r"Restored the code of #\d+"))).to_be_visible()
    expect(page.locator(".cm-content")).to_contain_text("return a - b")
    page.reload()
    expect(page.locator(".cm-content")).to_contain_text("return a - b")

    page.get_by_role("link", name="Dashboard").click()
    expect(page.locator("svg .chart-value").first).to_have_text("1/3")
    expect(page.locator(".activity li")).to_have_count(2)
    learner.screenshot("07-dashboard")
    learner.open("/tracks/basics")
    expect(page.locator(".exercise-item .badge")).to_have_text(["✓ Done", "Not started", "Not started"])


def test_typed_code_survives_a_reload_and_a_lost_connection(learner: Learner, browser):
    """Is what the learner typed still there after a reload, and after typing while offline?"""
    learner.register()
    page = learner.open("/tracks/basics/add")
    learner.type_code("calc.py", "# first idea\n")
    page.reload()
    expect(page.locator(".cm-content")).to_have_text("# first idea")

    learner.context.set_offline(True)
    page.get_by_role("textbox", name="calc.py", exact=True).click()
    page.keyboard.press("Control+End")
    page.keyboard.type("# typed offline")
    expect(page.locator("#save-state")).to_contain_text("Offline", timeout=10_000)
    page.close()
    learner.context.set_offline(False)

    page = learner.page = learner.watch(learner.context.new_page())
    learner.open("/tracks/basics/add")
    expect(page.locator(".cm-content")).to_contain_text("# typed offline")
    expect(page.locator("#save-state")).to_have_text("All changes saved")
    # The server has it too: a browser without this one's storage sees the same code.
    other = browser.new_context()
    try:
        other.add_cookies(learner.context.cookies())
        fresh = other.new_page()
        fresh.goto(learner.server.url + "/tracks/basics/add")
        expect(fresh.locator(".cm-content")).to_contain_text("# typed offline")
    finally:
        other.close()


def test_several_files_are_tabs_and_failures_point_at_the_learners_lines(learner: Learner):
    """Are two files shown as keyboard-switchable tabs, with a failing submission's feedback and a hint after it?"""
    learner.register()
    page = learner.open("/tracks/basics/shout")
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_text(["shout.py", "words.py"])
    tabs.first.focus()
    page.keyboard.press("ArrowRight")
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("textbox", name="words.py", exact=True)).to_be_visible()
    expect(page.get_by_role("textbox", name="shout.py", exact=True)).to_be_hidden()
    learner.type_code("words.py", "def loud(text):\n    return text.upper() + 1\n")
    learner.screenshot("08-tabs")

    page.get_by_role("button", name="Submit").click()
    feedback = page.locator("#feedback")
    expect(feedback.locator(".verdict")).to_contain_text("Not yet", timeout=60_000)
    expect(feedback.locator(".test-fail").first).to_contain_text('File "words.py", line 2')
    learner.screenshot("09-failure-traceback")


def test_hints_open_one_at_a_time_after_a_failed_attempt(learner: Learner):
    """Is the hint button offered only after a failed attempt, revealing one hint per press?"""
    learner.register()
    page = learner.open("/tracks/basics/add")
    expect(page.get_by_text("Hints open after 1 more submitted attempt")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator("#feedback .verdict")).to_contain_text("Not yet", timeout=60_000)
    page.reload()
    page.get_by_role("button", name="Show a hint (2 left)").click()
    expect(page.locator(".hint-list li")).to_have_text(["Use the + operator."])
    page.get_by_role("button", name="Show the next hint (1 left)").click()
    expect(page.locator(".hint-list li")).to_have_text(["Use the + operator.", "return a + b"])
    expect(page.get_by_text("That was the last hint.")).to_be_visible()
    learner.screenshot("10-hints")
