"""Hidden tests: storage in SQLite, injection, escaping, validation, paging, deleting and the API."""

import pytest
from bs4 import BeautifulSoup

INJECTION = "Robert'); DROP TABLE entries;--"


@pytest.fixture
def db(submission):
    """A connection to the app's own database, through the app's connect()."""
    connection = submission.connect()
    connection.execute("DELETE FROM entries")
    connection.commit()
    yield connection
    connection.close()


def rows(db):
    return [tuple(row) for row in db.execute("SELECT name, message FROM entries ORDER BY id").fetchall()]


def sign(client, name, message):
    return client.post("/", data={"name": name, "message": message}, follow_redirects=False)


def shown(response):
    page = BeautifulSoup(response.text, "html.parser")
    return [(a.h2.get_text(strip=True), a.p.get_text(strip=True)) for a in page.select("article.entry")]


@pytest.mark.points(2)
def test_entries_are_stored_in_sqlite(client, db):
    """a signed entry is a row of the entries table, stripped"""
    sign(client, "  Linus ", " Hi there ")
    assert rows(db) == [("Linus", "Hi there")], "POST / should insert (name, message) into the entries table"


@pytest.mark.points(2)
def test_page_reads_the_database(client, db):
    """an entry written straight into the database shows on the page and in the API"""
    db.execute("INSERT INTO entries (name, message) VALUES (?, ?)", ("Direct", "from SQL"))
    db.commit()
    assert shown(client.get("/")) == [("Direct", "from SQL")], "GET / should read the entries from the database"
    api = client.get("/api/entries").json()
    assert [(e["name"], e["message"]) for e in api] == [("Direct", "from SQL")], "/api/entries reads it too"


@pytest.mark.points(2)
def test_sql_injection_is_stored_as_text(client, db):
    """a name full of SQL is stored as plain text"""
    response = sign(client, INJECTION, "it's \"quoted\"")
    assert response.status_code == 303, f"signing with quotes in the name returned {response.status_code}"
    assert rows(db) == [(INJECTION, "it's \"quoted\"")], (
        "pass the values as query parameters (?, ?) instead of putting them in the SQL text"
    )


def test_script_is_escaped(client, db):
    """a <script> in an entry is shown as text"""
    sign(client, "<script>alert(1)</script>", "<script>alert(2)</script>")
    response = client.get("/")
    assert BeautifulSoup(response.text, "html.parser").find("script") is None, "escape the name and message"
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in response.text, "show the message as text"


@pytest.mark.parametrize(("name", "message", "field"), [("", "hi", "name"), ("   ", "hi", "name"),
                                                        ("n" * 51, "hi", "name"), ("Ann", "", "message"),
                                                        ("Ann", "m" * 501, "message")])
def test_validation(client, db, name, message, field):
    """a blank or too long name or message is refused with 400 and its error"""
    response = sign(client, name, message)
    assert response.status_code == 400, f"an invalid {field} returned {response.status_code}, expected 400"
    page = BeautifulSoup(response.text, "html.parser")
    assert [e.get("id") for e in page.select(".error")] == [f"{field}-error"], f"show the error as #{field}-error"
    assert rows(db) == [], "a refused entry must not be stored"


def test_values_are_kept(client, db):
    """after an error the form keeps the typed name and message"""
    page = BeautifulSoup(sign(client, 'Bo "B" <b>', "").text, "html.parser")
    assert page.select_one("input[name=name]").get("value") == 'Bo "B" <b>', "keep the name in the input's value"
    assert sign(client, "Bo", "x" * 501).status_code == 400
    page = BeautifulSoup(sign(client, "", "keep me <3").text, "html.parser")
    assert page.select_one("textarea[name=message]").get_text() == "keep me <3", "keep the message in the textarea"


def test_missing_fields(client, db):
    """a POST without the fields is a 400 with both errors"""
    response = client.post("/", data={})
    assert response.status_code == 400, f"an empty POST returned {response.status_code}"
    ids = sorted(e.get("id") for e in BeautifulSoup(response.text, "html.parser").select(".error"))
    assert ids == ["message-error", "name-error"], "show an error for each missing field"


@pytest.mark.points(2)
def test_paging(client, db):
    """GET / shows the 5 newest entries, with a link to the older ones"""
    for number in range(1, 13):
        sign(client, f"guest {number}", f"message {number}")
    first = client.get("/")
    assert [name for name, _ in shown(first)] == [f"guest {n}" for n in (12, 11, 10, 9, 8)], (
        "the first page shows the five newest entries, newest first"
    )
    older = BeautifulSoup(first.text, "html.parser").select_one("a[rel=next]")
    assert older is not None and older.get("href") == "/?page=2", "link to the older entries with rel=next"
    assert [name for name, _ in shown(client.get("/?page=3"))] == ["guest 2", "guest 1"], "page 3 holds the rest"
    assert BeautifulSoup(client.get("/?page=3").text, "html.parser").select_one("a[rel=next]") is None, (
        "the last page has no link to older entries"
    )
    assert shown(client.get("/?page=4")) == [], "a page past the end shows no entries"


@pytest.mark.parametrize("page", ["0", "-1", "two"])
def test_bad_page(client, db, page):
    """a page that is not a positive whole number is a 404"""
    assert client.get("/", params={"page": page}).status_code == 404, "?page must be a whole number from 1"


def test_delete(client, db):
    """POST /entries/<id>/delete removes that entry; an unknown id is a 404"""
    sign(client, "keep", "me")
    sign(client, "remove", "me")
    target = client.get("/api/entries").json()[0]["id"]
    response = client.post(f"/entries/{target}/delete", follow_redirects=False)
    assert response.status_code == 303 and response.headers.get("location") == "/", "deleting redirects to /"
    assert rows(db) == [("keep", "me")], "only the chosen entry is deleted"
    assert client.post(f"/entries/{target}/delete").status_code == 404, "deleting an unknown entry is a 404"
    assert client.get(f"/entries/{target}/delete").status_code == 405, "deleting needs a POST"


def test_delete_buttons(client, db):
    """each entry has a form that posts to its delete URL"""
    sign(client, "x", "y")
    entry_id = client.get("/api/entries").json()[0]["id"]
    page = BeautifulSoup(client.get("/").text, "html.parser")
    form = page.select_one(f"article#entry-{entry_id} form")
    assert form is not None and form.get("method", "").lower() == "post", "each entry holds a POST form"
    assert form.get("action") == f"/entries/{entry_id}/delete", "the form posts to /entries/<id>/delete"
