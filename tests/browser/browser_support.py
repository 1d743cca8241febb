"""A real `learnpath serve` process on a small content root, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import nbformat
from playwright.sync_api import BrowserContext, Page, expect
from serve_support import Server as ServeProcess

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SUBMISSIONS_PER_MINUTE = 4

ADD_SOLUTION = "def add(a, b):\n    return a + b\n"
NOTEBOOK = nbformat.v4.new_notebook(
    cells=[
        nbformat.v4.new_markdown_cell("# Sales totals\n\nAdd up **every** sale."),
        nbformat.v4.new_code_cell("sales = [3, 4, 5]\ntotal = 0"),
    ]
)

CONTENT = {
    "tracks/basics.toml": (
        'title = "Python basics"\nrole = "Backend developer"\nsummary = "Functions first."\n'
        'exercises = ["add", "shout", "final"]\n'
    ),
    "tracks/data.toml": (
        'title = "Data notebooks"\nrole = "Data analyst"\nsummary = "Notebooks."\nexercises = ["totals"]\n'
    ),
    "exercises/basics/add/exercise.toml": (
        'title = "Add two numbers"\nsummary = "Return the sum of two numbers"\nkind = "python"\nfiles = ["calc.py"]\n'
        'visible_tests = ["test_examples.py"]\nskills = ["functions"]\n'
        'hints = ["Use the + operator.", "return a + b"]\nhints_after = 1\n'
    ),
    "exercises/basics/add/README.md": "# Add two numbers\n\nWrite `add(a, b)` in **calc.py** that returns the sum.\n",
    "exercises/basics/add/starter/calc.py": "def add(a, b):\n    return 0\n",
    "exercises/basics/add/solution/calc.py": ADD_SOLUTION,
    "exercises/basics/add/tests/test_examples.py": (
        'def test_small(submission):\n    """add(1, 2) is 3"""\n'
        '    assert submission.add(1, 2) == 3, "add(1, 2) should be 3"\n'
    ),
    "exercises/basics/add/tests/test_hidden.py": (
        'def test_negative(submission):\n    """add() of negative numbers"""\n'
        '    assert submission.add(-2, -3) == -5, "negative numbers go wrong"\n'
    ),
    "exercises/basics/shout/exercise.toml": (
        'title = "Shout"\nsummary = "Upper-case a greeting, over two files"\nkind = "python"\n'
        'files = ["shout.py", "words.py"]\nvisible_tests = ["test_examples.py"]\n'
    ),
    "exercises/basics/shout/README.md": (
        "# Shout\n\n`shout(text)` in shout.py returns `loud(text) + \"!\"`; `loud` is in words.py.\n"
    ),
    "exercises/basics/shout/starter/shout.py": "from words import loud\n\n\ndef shout(text):\n    return loud(text)\n",
    "exercises/basics/shout/starter/words.py": "def loud(text):\n    return text\n",
    "exercises/basics/shout/solution/shout.py": (
        "from words import loud\n\n\ndef shout(text):\n    return loud(text) + \"!\"\n"
    ),
    "exercises/basics/shout/solution/words.py": "def loud(text):\n    return text.upper()\n",
    "exercises/basics/shout/tests/test_examples.py": (
        'def test_hi(submission):\n    """shout(\'hi\') is \'HI!\'"""\n    assert submission.shout("hi") == "HI!"\n'
    ),
    "exercises/basics/shout/tests/test_hidden.py": (
        'def test_empty(submission):\n    """shout(\'\') is \'!\'"""\n    assert submission.shout("") == "!"\n'
    ),
    "exercises/basics/final/exercise.toml": (
        'title = "Final"\nsummary = "Opens after Add"\nkind = "python"\nfiles = ["final.py"]\n'
        'visible_tests = ["test_examples.py"]\nrequires = ["add"]\n'
    ),
    "exercises/basics/final/README.md": "# Final\n",
    "exercises/basics/final/starter/final.py": "X = 0\n",
    "exercises/basics/final/solution/final.py": "X = 1\n",
    "exercises/basics/final/tests/test_examples.py": "def test_x(submission):\n    assert submission.X == 1\n",
    "exercises/basics/final/tests/test_hidden.py": "def test_y(submission):\n    assert submission.X == 1\n",
    "exercises/data/totals/exercise.toml": (
        'title = "Sales totals"\nsummary = "A notebook"\nkind = "python"\nfiles = ["analysis.ipynb"]\n'
        'visible_tests = ["test_examples.py"]\n'
    ),
    "exercises/data/totals/README.md": "# Sales totals\n\nSet `total` to the sum of `sales`.\n",
    "exercises/data/totals/starter/analysis.ipynb": nbformat.writes(NOTEBOOK),
    "exercises/data/totals/solution/analysis.ipynb": nbformat.writes(NOTEBOOK),
    "exercises/data/totals/tests/test_examples.py": "def test_x():\n    assert True\n",
    "exercises/data/totals/tests/test_hidden.py": "def test_y():\n    assert True\n",
}


def write_content(root: Path) -> Path:
    for name, text in CONTENT.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


class Server(ServeProcess):
    """A server with the browser tests' rate limit, low enough to reach by hand."""

    def __init__(self, instance: Path, content: Path, workers: int = 2) -> None:
        super().__init__(instance, content, workers,
                         env={"LEARNPATH_SUBMISSIONS_PER_MINUTE": json.dumps(SUBMISSIONS_PER_MINUTE)})


_learners = itertools.count(1)
EXPECTED_ERRORS = [
    # Chromium's own editing code puts a style attribute on text inserted over a multi-line selection in a
    # contenteditable; the CSP blocks it (no effect on the text) and names no script as the source.
    re.compile(r"^Applying inline style violates .*'style-src 'self' 'nonce-"),
    re.compile(r"^CSP style-src-attr blocked inline at :0: $"),
    # Requests sent while the test has taken the browser offline.
    re.compile(r"net::ERR_INTERNET_DISCONNECTED"),
]
CSP_REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => console.error(
  `CSP ${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}: `
  + event.sample
));
"""


class Learner:
    """One learner's browser context: a page, its console errors, and the steps every test needs."""

    def __init__(self, context: BrowserContext, server: Server) -> None:
        self.context = context
        self.server = server
        self.errors: list[str] = []
        context.add_init_script(CSP_REPORTER)
        self.page = self.watch(context.new_page())
        self.email = f"learner{next(_learners)}@example.com"

    def watch(self, page: Page) -> Page:
        """Collect the page's console errors, script errors and CSP violations (with where they come from)."""
        page.on("console", lambda message: message.type == "error" and self.note(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def note(self, error: str) -> None:
        if not any(pattern.search(error) for pattern in EXPECTED_ERRORS):
            self.errors.append(error)

    def open(self, path: str) -> Page:
        self.page.goto(self.server.url + path)
        return self.page

    def register(self) -> None:
        page = self.open("/auth/register")
        page.get_by_label("Email").fill(self.email)
        page.get_by_label("Display name").fill(self.email.split("@")[0].title())
        page.get_by_label("Password", exact=True).fill("correct horse battery")
        page.get_by_label("Repeat the password").fill("correct horse battery")
        page.get_by_role("button", name="Create account").click()
        expect(page.get_by_text("Pick a track to start")).to_be_visible()

    def type_code(self, file_name: str, code: str) -> None:
        """Replace the file's text in the editor the way a learner pasting would, then wait for the autosave."""
        # The page's script replaces the plain text area with the code editor; wait for that first,
        # or the plain one (about to be hidden) may be the textbox found.
        expect(self.page.locator(f'textarea[data-file="{file_name}"]')).to_be_hidden()
        editor = self.page.get_by_role("textbox", name=file_name, exact=True)
        editor.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.insert_text(code)
        expect(self.page.locator("#save-state")).to_have_text("All changes saved")

    def file_text(self, file_name: str) -> str:
        return self.page.locator(f'textarea[data-file="{file_name}"]').input_value()

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        path = ARTIFACTS / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=full_page)
        return path
