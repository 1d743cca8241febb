"""In a real browser: notebooks as cells, the rate limit's countdown, pages without scripts, other learners' pages."""

from __future__ import annotations

import json
import re

import nbformat
from browser_support import Learner
from playwright.sync_api import expect


def test_a_notebook_is_edited_as_cells_and_kept_across_a_reload(learner: Learner, tmp_path):
    """Can a learner add, move, delete, download and upload notebook cells, with everything kept after a reload?"""
    learner.register()
    page = learner.open("/tracks/data/totals")
    cells = page.locator(".cell")
    expect(cells).to_have_count(2)
    expect(cells.first.locator("h1")).to_have_text("Sales totals")  # Markdown rendered by the server
    expect(cells.first.locator("strong")).to_have_text("every")

    page.get_by_role("button", name="Add a code cell at the end").click()
    expect(cells).to_have_count(3)
    page.get_by_role("textbox", name="Cell 3 of analysis.ipynb (code)").click()
    page.keyboard.type("total = sum(sales)")
    page.get_by_role("button", name="Move cell 3 up").click()
    expect(page.get_by_role("textbox", name="Cell 2 of analysis.ipynb (code)")).to_have_text("total = sum(sales)")
    page.get_by_role("button", name="Delete cell 3").click()
    expect(cells).to_have_count(2)
    page.get_by_role("button", name="Edit cell 1").click()
    page.get_by_role("textbox", name="Cell 1 of analysis.ipynb (markdown)").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" <script>alert(1)</script>")
    page.get_by_role("button", name="Preview cell 1").click()
    expect(cells.first.locator(".cell-preview")).to_contain_text("Add up every sale.")
    expect(cells.first.locator(".cell-preview script")).to_have_count(0)
    expect(page.locator("#save-state")).to_have_text("All changes saved")
    learner.screenshot("11-notebook")

    page.reload()
    expect(cells).to_have_count(2)
    expect(page.get_by_role("textbox", name="Cell 2 of analysis.ipynb (code)")).to_have_text("total = sum(sales)")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download analysis.ipynb").click()
    saved = tmp_path / "downloaded.ipynb"
    download.value.save_as(saved)
    notebook = nbformat.read(saved, as_version=4)
    nbformat.validate(notebook)
    assert [cell.source for cell in notebook.cells][1] == "total = sum(sales)"

    uploaded = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"step = {n}") for n in range(3)])
    upload = tmp_path / "mine.ipynb"
    upload.write_text(nbformat.writes(uploaded))
    page.locator(".file-upload input[type=file]").set_input_files(str(upload))
    expect(cells).to_have_count(3)
    expect(page.get_by_text("Loaded mine.ipynb (3 cells).")).to_be_visible()
    expect(page.locator("#save-state")).to_have_text("All changes saved")
    sent = json.loads(learner.file_text("analysis.ipynb"))
    assert sent["nbformat"] == 4 and [c["source"] for c in sent["cells"]] == ["step = 0", "step = 1", "step = 2"]
    assert all(re.fullmatch(r"[0-9a-f]{8}", c["id"]) for c in sent["cells"])


def test_the_rate_limit_counts_down_and_sending_works_again(learner: Learner):
    """Past the submission limit, does the page say so with a countdown and disabled buttons instead of failing?"""
    learner.register()
    page = learner.open("/tracks/basics/add")
    token = page.locator("input[name=csrf_token]").first.input_value()
    for _ in range(4):  # SUBMISSIONS_PER_MINUTE of the test server
        response = page.request.post(
            learner.server.url + "/tracks/basics/add",
            form={"csrf_token": token, "file_0": "x = 1\n", "examples": "1"},
            headers={"Accept": "application/json"},
        )
        assert response.status == 202
    page.get_by_role("button", name="Run examples").click()
    notice = page.locator("#rate-limit")
    expect(notice).to_contain_text("You can send again in")
    seconds = int(notice.locator(".countdown").inner_text())
    assert 0 < seconds <= 60
    expect(page.get_by_role("button", name="Submit")).to_be_disabled()
    expect(notice.locator(".countdown")).not_to_have_text(str(seconds), timeout=3000)
    learner.screenshot("12-rate-limit")
    learner.errors.remove("Failed to load resource: the server responded with a status of 429 (TOO MANY REQUESTS)")


def test_the_site_works_without_javascript(browser, server):
    """With scripts off, can a learner still register, edit the plain text area and submit?"""
    context = browser.new_context(java_script_enabled=False)
    try:
        learner = Learner(context, server)
        page = learner.open("/auth/register")
        page.get_by_label("Email").fill("nojs@example.com")
        page.get_by_label("Display name").fill("No JS")
        page.get_by_label("Password", exact=True).fill("correct horse battery")
        page.get_by_label("Repeat the password").fill("correct horse battery")
        page.get_by_role("button", name="Create account").click()
        page = learner.open("/tracks/basics/add")
        page.get_by_label("calc.py").fill("def add(a, b):\n    return a + b\n")
        page.get_by_role("button", name="Submit").click()
        expect(page).to_have_url(re.compile(r"/submissions/\d+$"))
        expect(page.locator(".verdict")).to_contain_text("Passed", timeout=60_000)  # the page refreshes itself
        learner.screenshot("13-no-javascript")
    finally:
        context.close()


def test_another_learners_submission_is_not_found(learner: Learner, browser, server):
    """Does a submission URL opened by another learner show a 404 page?"""
    learner.register()
    page = learner.open("/tracks/basics/add")
    page.get_by_role("button", name="Run examples").click()
    link = page.locator("#feedback .feedback-title a")
    expect(link).to_have_text(re.compile(r"#\d+"))
    url = link.get_attribute("href")
    context = browser.new_context()
    try:
        other = Learner(context, server)
        other.register()
        response = other.page.goto(server.url + url)
        assert response.status == 404
        expect(other.page.get_by_role("heading", name="Page not found")).to_be_visible()
        other.screenshot("14-other-learner-404")
    finally:
        context.close()
    expect(page.locator("#feedback .verdict")).to_be_visible(timeout=60_000)


def test_pages_read_well_on_a_phone(browser, server):
    """On a phone-sized screen, do the exercise page and its editor fit without sideways scrolling?"""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        learner = Learner(context, server)
        learner.register()
        page = learner.open("/tracks/basics/shout")
        expect(page.locator(".cm-editor").first).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        learner.screenshot("15-phone-exercise")
        learner.open("/dashboard")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        learner.screenshot("16-phone-dashboard")
    finally:
        context.close()


def test_keyboard_users_can_reach_and_see_the_controls(learner: Learner):
    """Can the editor and the send buttons be reached with Tab (Esc first leaves the editor), with visible focus?"""
    learner.register()
    page = learner.open("/tracks/basics/add")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    focused = []
    for _ in range(40):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.value || ''")
        focused.append(name)
        if name == "calc.py":
            page.keyboard.press("Escape")  # in the editor Tab indents; Esc then Tab moves on
        if name == "Submit":
            break
    assert "calc.py" in focused and "Run examples" in focused and focused[-1] == "Submit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    learner.screenshot("17-keyboard-focus", full_page=False)
