"""Fixtures for the browser tests: one server and one chromium for the session, a fresh learner per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, Learner, Server, write_content

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing; `make test` installs Debian's chromium", allow_module_level=True)

from playwright.sync_api import Browser, BrowserContext, sync_playwright  # noqa: E402


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("browser")
    (root / "instance").mkdir()
    running = Server(root / "instance", write_content(root / "content"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    created.set_default_timeout(20_000)
    yield created
    created.close()


@pytest.fixture
def learner(context: BrowserContext, server: Server) -> Iterator[Learner]:
    created = Learner(context, server)
    yield created
    assert created.errors == [], f"the browser reported errors: {created.errors}"
