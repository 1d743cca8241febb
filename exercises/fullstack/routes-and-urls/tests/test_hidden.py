"""Hidden tests: routes, converters, redirects and 404s of the book catalogue."""

import pytest
from bs4 import BeautifulSoup


def links(html):
    return [(a["href"], a.get_text()) for a in BeautifulSoup(html, "html.parser").select("li a")]


def test_unknown_book_is_404(client):
    """GET /books/<slug> of a book that does not exist is a 404"""
    response = client.get("/books/war-and-peace")
    assert response.status_code == 404, f"an unknown slug returned {response.status_code}; use abort(404)"


def test_book_page_links_back(client):
    """a book's page links back to the list"""
    page = BeautifulSoup(client.get("/books/emma").text, "html.parser")
    hrefs = [a.get("href") for a in page.find_all("a")]
    assert "/books/" in hrefs, "the book's page needs a link to the list, built with url_for"
    assert "by Jane Austen, 1815" in page.get_text(), "the page says 'by <author>, <year>'"


@pytest.mark.points(2)
def test_books_are_read_at_request_time(client, submission):
    """a book added to BOOKS is listed and has its own page"""
    submission.BOOKS.update({"kindred": {"title": "Kindred", "author": "Octavia E. Butler", "year": 1979}})
    listed = links(client.get("/books/").text)
    assert ("/books/kindred", "Kindred") in listed, "the list must be built from BOOKS on every request"
    assert [title for _, title in listed] == sorted(title for _, title in listed), "keep the list sorted by title"
    page = client.get("/books/kindred")
    assert page.status_code == 200 and "<h1>Kindred</h1>" in page.text, "every book in BOOKS has a page"


def test_list_without_slash(client):
    """GET /books (no trailing slash) still reaches the list"""
    response = client.get("/books")
    assert response.status_code == 200 and "/books/dune" in response.text, (
        "declare the list's route as /books/ (with the slash) and Flask redirects /books to it"
    )


def test_years(client):
    """GET /years/<year> lists only that year's books"""
    response = client.get("/years/1815")
    assert response.status_code == 200, f"GET /years/1815 returned {response.status_code}"
    assert links(response.text) == [("/books/emma", "Emma")], "list only the books of that year, linked as on /books/"
    assert "<h1>Books from 1815</h1>" in response.text, "the heading says which year"


def test_year_without_books(client):
    """a year with no books is a 404"""
    assert client.get("/years/2001").status_code == 404, "a year without books should be a 404"


def test_year_must_be_a_number(client):
    """GET /years/<not a number> is a 404, not a crash"""
    for path in ("/years/nineteen", "/years/19.65"):
        status = client.get(path).status_code
        assert status == 404, f"a year that is not a whole number returned {status}; the <int:year> converter helps"


def test_find_redirects_to_the_book(client):
    """GET /find?title=... redirects to the book's page"""
    response = client.get("/find", params={"title": "Neuromancer"}, follow_redirects=False)
    assert response.status_code == 302, f"GET /find returned {response.status_code}, expected a redirect"
    assert response.headers.get("location") == "/books/neuromancer", "redirect to the book's URL, made with url_for"


def test_find_ignores_case_and_spaces(client):
    """GET /find matches titles whatever their case, ignoring spaces around"""
    response = client.get("/find", params={"title": "  the LEFT hand of darkness "}, follow_redirects=False)
    assert response.headers.get("location") == "/books/the-left-hand-of-darkness", (
        "compare titles case-insensitively, after stripping the spaces around the query"
    )


def test_find_unknown_title(client):
    """GET /find with a title that is not in the catalogue is a 404"""
    assert client.get("/find", params={"title": "Dun"}).status_code == 404, "only a whole title matches"


def test_find_without_title(client):
    """GET /find without a title, or a blank one, is a 400"""
    assert client.get("/find").status_code == 400, "GET /find without ?title= should be a 400 Bad Request"
    assert client.get("/find", params={"title": "   "}).status_code == 400, "a blank title should be a 400"
