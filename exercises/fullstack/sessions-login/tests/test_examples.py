"""Example tests: the learner sees these and can run them with "Run examples"."""

from urllib.parse import parse_qs, urlsplit


def test_dashboard_needs_a_login(client):
    """GET /dashboard without logging in redirects to the login page"""
    response = client.get("/dashboard", follow_redirects=False)
    assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert location.path == "/login"
    assert parse_qs(location.query) == {"next": ["/dashboard"]}


def test_log_in_and_out(client, submission):
    """log in, see the dashboard, log out"""
    submission.add_user("ada", "analytical-engine")
    response = client.post("/login", data={"username": "ada", "password": "analytical-engine"},
                           follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard"
    assert client.get("/dashboard").text == "<h1>Welcome, ada!</h1>"
    assert client.post("/logout", follow_redirects=False).status_code == 303
    assert client.get("/dashboard", follow_redirects=False).status_code == 302
