"""Example tests: the learner sees these and can run them with "Run examples"."""

from bs4 import BeautifulSoup


def entries(response):
    page = BeautifulSoup(response.text, "html.parser")
    return [(a.h2.get_text(strip=True), a.p.get_text(strip=True)) for a in page.select("article.entry")]


def test_sign_the_guestbook(client):
    """POST / adds an entry, shown first on GET /"""
    response = client.post("/", data={"name": "Ada", "message": "Lovely site!"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert entries(client.get("/"))[0] == ("Ada", "Lovely site!")


def test_api_lists_entries(client):
    """GET /api/entries lists the entries as JSON, newest first"""
    client.post("/", data={"name": "Grace", "message": "Hello"})
    newest = client.get("/api/entries").json()[0]
    assert {k: newest[k] for k in ("name", "message")} == {"name": "Grace", "message": "Hello"}
    assert isinstance(newest["id"], int)
