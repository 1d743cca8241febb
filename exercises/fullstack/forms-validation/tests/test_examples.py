"""Example tests: the learner sees these and can run them with "Run examples"."""

from bs4 import BeautifulSoup

VALID = {"name": "Ada Lovelace", "email": "ada@example.com", "age": "36", "ticket": "vip"}


def test_form_page(client):
    """GET /register shows the form"""
    response = client.get("/register")
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    assert {field["name"] for field in page.select("form input, form select")} == {"name", "email", "age", "ticket"}
    assert page.select(".error") == []


def test_valid_registration_redirects(client):
    """a valid POST /register redirects to its confirmation page"""
    response = client.post("/register", data=VALID, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    assert "Thanks, Ada Lovelace!" in page.text


def test_bad_email_is_shown_with_the_values_kept(client):
    """a wrong email shows its error, status 400, and keeps what was typed"""
    response = client.post("/register", data={**VALID, "email": "ada.example.com"})
    assert response.status_code == 400
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("#email-error").get_text(strip=True) == "Enter a valid email address."
    assert [e["id"] for e in page.select(".error")] == ["email-error"]
    assert page.select_one("input[name=email]")["value"] == "ada.example.com"
    assert page.select_one("input[name=name]")["value"] == "Ada Lovelace"
