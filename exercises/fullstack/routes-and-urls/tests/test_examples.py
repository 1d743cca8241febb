"""Example tests: the learner sees these and can run them with "Run examples"."""

from bs4 import BeautifulSoup


def links(html):
    return [(a["href"], a.get_text()) for a in BeautifulSoup(html, "html.parser").select("li a")]


def test_index_lists_books_by_title(client):
    """GET /books/ links to every book, sorted by title"""
    response = client.get("/books/")
    assert response.status_code == 200
    assert links(response.text) == [
        ("/books/dune", "Dune"),
        ("/books/emma", "Emma"),
        ("/books/neuromancer", "Neuromancer"),
        ("/books/pride-and-prejudice", "Pride and Prejudice"),
        ("/books/the-left-hand-of-darkness", "The Left Hand of Darkness"),
    ]
    assert "<li><a href=\"/books/dune\">Dune</a> (1965)</li>" in response.text


def test_book_page(client):
    """GET /books/dune shows the book"""
    response = client.get("/books/dune")
    assert response.status_code == 200
    assert "<h1>Dune</h1>" in response.text
    assert "by Frank Herbert, 1965" in response.text


def test_home_redirects_to_the_list(client):
    """GET / redirects to /books/"""
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == "/books/"
