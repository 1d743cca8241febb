"""Hidden tests: inheritance, loops, escaping and the note pages."""

import pytest
from bs4 import BeautifulSoup

SCRIPT = "<script>alert('pwned')</script>"


def soup(response):
    return BeautifulSoup(response.text, "html.parser")


def add(client, author, text, tags=""):
    return client.post("/notes", data={"author": author, "text": text, "tags": tags}, follow_redirects=False)


@pytest.fixture(autouse=True)
def empty_board(submission):
    submission.NOTES.clear()


def test_note_page_uses_the_layout(client):
    """a note's page extends base.html, with its own title"""
    add(client, "Grace", "Compilers are fun")
    response = client.get("/notes/1")
    assert response.status_code == 200, f"GET /notes/1 returned {response.status_code}"
    page = soup(response)
    assert page.title is not None and page.title.get_text() == "Note 1 · Notice board", (
        "note.html should extend base.html and fill the title block with 'Note <number>'"
    )
    assert page.nav is not None and page.footer is not None, "the page should have the nav and footer of base.html"
    assert page.h1 is not None and page.h1.get_text(strip=True) == "Note 1", "the heading is 'Note <number>'"
    assert page.blockquote is not None and page.blockquote.get_text(strip=True) == "Compilers are fun", (
        "the note's text goes in a <blockquote>"
    )
    assert page.select_one("p.author").get_text(strip=True) == "by Grace", "the author line is 'by <author>'"


def test_list_keeps_order_and_numbers(client):
    """GET / lists the notes oldest first, each linking to its page"""
    for author in ("Ann", "Bob", "Cy"):
        add(client, author, f"note from {author}")
    notes = soup(client.get("/")).select("li.note")
    assert [li.a.get_text() for li in notes] == ["Ann", "Bob", "Cy"], "list the notes in the order they were added"
    assert [li.a["href"] for li in notes] == ["/notes/1", "/notes/2", "/notes/3"], (
        "link each note to /notes/<number>, counting from 1 (loop.index)"
    )
    assert soup(client.get("/notes/2")).blockquote.get_text(strip=True) == "note from Bob", "/notes/2 is the second"


def test_count_is_pluralised(client):
    """the count reads '1 note', '2 notes'"""
    add(client, "Ann", "one")
    assert soup(client.get("/")).select_one("p.count").get_text(strip=True) == "1 note", "one note is '1 note'"
    add(client, "Bob", "two")
    assert soup(client.get("/")).select_one("p.count").get_text(strip=True) == "2 notes", "two notes are '2 notes'"


def test_no_empty_item_with_notes(client):
    """the 'No notes yet.' item only shows on an empty board"""
    add(client, "Ann", "hello")
    assert soup(client.get("/")).select("li.empty") == [], "with notes on the board, leave out the empty item"


def test_tags_are_cleaned(client):
    """tags are split on commas, trimmed, and blank ones dropped"""
    add(client, "Ann", "tagged", " a ,, b c ,  ")
    tags = [span.get_text() for span in soup(client.get("/notes/1")).select("span.tag")]
    assert tags == ["a", "b c"], "split the tags on commas, strip each one and drop the empty ones"
    assert add(client, "Bob", "untagged").status_code == 303, "tags are optional"
    assert soup(client.get("/notes/2")).select("span.tag") == [], "a note without tags shows no tag"


@pytest.mark.points(3)
def test_script_is_escaped_everywhere(client):
    """text typed by visitors is escaped, never run as HTML"""
    add(client, SCRIPT, SCRIPT, SCRIPT)
    for path in ("/", "/notes/1"):
        response = client.get(path)
        assert soup(response).find("script") is None, (
            f"a <script> posted in a note ran as HTML on {path}; let Jinja escape it (no |safe, no Markup)"
        )
        assert "&lt;script&gt;" in response.text, f"the posted text should still be shown, escaped, on {path}"


def test_unknown_note_is_404(client):
    """GET /notes/<number> outside the board is a 404"""
    add(client, "Ann", "only one")
    for path in ("/notes/2", "/notes/0"):
        assert client.get(path).status_code == 404, "a note number that is not on the board should be a 404"


def test_blank_note_is_refused(client):
    """a note without an author or text is refused with 400"""
    assert add(client, "   ", "text").status_code == 400, "a blank author should be a 400"
    assert add(client, "Ann", "").status_code == 400, "an empty text should be a 400"
    assert client.post("/notes", data={"author": "Ann"}).status_code == 400, "a missing text field should be a 400"
    assert soup(client.get("/")).select("li.note") == [], "a refused note must not be added"
