"""Example tests: the learner sees these and can run them with "Run examples"."""

from bs4 import BeautifulSoup


def test_empty_board(client, submission):
    """GET / with no notes uses the layout and says so"""
    submission.NOTES.clear()
    page = BeautifulSoup(client.get("/").text, "html.parser")
    assert page.title.get_text() == "Notes · Notice board"
    assert page.nav.a["href"] == "/"
    assert page.select_one("li.empty").get_text(strip=True) == "No notes yet."
    assert page.select_one("p.count").get_text(strip=True) == "0 notes"


def test_add_a_note(client, submission):
    """POST /notes adds a note, then GET / lists it"""
    submission.NOTES.clear()
    response = client.post("/notes", data={"author": "Ada", "text": "Tea at five", "tags": "tea, plans"},
                           follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    page = BeautifulSoup(client.get("/").text, "html.parser")
    note = page.select_one("li.note")
    assert note.a["href"] == "/notes/1" and note.a.get_text() == "Ada"
    assert "Tea at five" in note.get_text()
    assert [tag.get_text() for tag in note.select("span.tag")] == ["tea", "plans"]
    assert page.select_one("p.count").get_text(strip=True) == "1 note"
