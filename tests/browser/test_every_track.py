"""The shipped catalog in a real browser: every track's first exercise, solved as a new learner would.

The learner reads the statement, writes the solution into the editor (or uploads the notebook),
submits and reads the verdict. A screenshot of each track page and each solved exercise is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import ROOT, Learner, Server
from gradekit.spec import load_catalog
from playwright.sync_api import expect

CATALOG = load_catalog(ROOT)


@pytest.fixture(scope="module")
def catalog_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    instance = tmp_path_factory.mktemp("catalog-instance")
    running = Server(instance, ROOT)
    yield running
    running.stop()


@pytest.fixture
def newcomer(context, catalog_server: Server) -> Iterator[Learner]:
    created = Learner(context, catalog_server)
    yield created
    assert created.errors == [], f"the browser reported errors: {created.errors}"


def test_the_catalog_lists_a_track_for_every_role(newcomer: Learner):
    """Does the catalog show every track under its career role?"""
    newcomer.register()
    page = newcomer.page
    for track in CATALOG.tracks:
        expect(page.get_by_role("heading", name=track.role, exact=True)).to_be_visible()
        expect(page.get_by_role("link", name=track.title, exact=True)).to_be_visible()
    newcomer.screenshot("catalog/00-catalog")


@pytest.mark.parametrize("track", CATALOG.tracks, ids=lambda t: t.slug)
def test_the_first_exercise_of_each_track_is_solved_in_the_page(newcomer: Learner, track, tmp_path: Path):
    """Can a new learner open each track, read its first exercise, write the solution and pass?"""
    exercise = CATALOG.exercises[f"{track.slug}/{track.exercises[0]}"]
    newcomer.register()
    page = newcomer.page
    page.get_by_role("link", name=track.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(track.title)
    newcomer.screenshot(f"catalog/{track.slug}-track")

    page.get_by_role("link", name=exercise.title, exact=True).click()
    expect(page.get_by_role("article", name="Statement")).to_contain_text(exercise.title)
    for name, text in exercise.solution_files().items():
        if name.endswith(".ipynb"):
            upload = tmp_path / name
            upload.write_text(text, encoding="utf-8")
            page.locator(".file-upload input[type=file]").set_input_files(str(upload))
            expect(page.get_by_text(f"Loaded {name}")).to_be_visible()
            expect(page.locator("#save-state")).to_have_text("All changes saved")
        else:
            if len(exercise.files) > 1:
                page.get_by_role("tab", name=name, exact=True).click()
            newcomer.type_code(name, text)
    page.get_by_role("button", name="Submit").click()
    feedback = page.locator("#feedback")
    expect(feedback.locator(".verdict")).to_contain_text(re.compile(r"Passed"), timeout=90_000)
    expect(feedback.locator(".badge-pass").first).to_be_visible()
    newcomer.screenshot(f"catalog/{track.slug}-{exercise.slug}-passed")
