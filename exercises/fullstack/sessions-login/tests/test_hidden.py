"""Hidden tests: password storage, the login checks, protected pages, `next`, logout and the cookie."""

import base64
import json
import zlib
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from werkzeug.security import check_password_hash

PASSWORD = "correct horse battery"


def login(client, username, password=PASSWORD, next_page=None):
    params = {"next": next_page} if next_page is not None else None
    return client.post("/login", params=params, data={"username": username, "password": password},
                       follow_redirects=False)


def logged_in(client):
    return client.get("/dashboard", follow_redirects=False).status_code == 200


def session_text(cookie):
    """The readable part of Flask's session cookie: signed, not encrypted."""
    data = cookie.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    return (zlib.decompress(raw) if cookie.startswith(".") else raw).decode()


@pytest.mark.points(2)
def test_passwords_are_hashed(submission):
    """add_user keeps a salted hash, never the password"""
    submission.add_user("hash-one", PASSWORD)
    submission.add_user("hash-two", PASSWORD)
    users = submission.get("USERS")
    assert PASSWORD not in users["hash-one"], "USERS must hold a hash of the password, not the password"
    assert check_password_hash(users["hash-one"], PASSWORD), "store generate_password_hash(password)"
    assert users["hash-one"] != users["hash-two"], "the same password must hash differently each time (a salt)"


def test_add_user_refuses(submission):
    """add_user refuses a taken name and a short password"""
    submission.add_user("taken", PASSWORD)
    with pytest.raises(ValueError):
        submission.add_user("taken", "another password")
    with pytest.raises(ValueError):
        submission.add_user("shorty", "1234567")
    assert "shorty" not in submission.get("USERS"), "a refused account must not be stored"


def test_wrong_password(client, submission):
    """a wrong password is a 401 with the form, the username kept and nobody logged in"""
    submission.add_user("grace", PASSWORD)
    response = login(client, "grace", "wrong password")
    assert response.status_code == 401, f"a wrong password returned {response.status_code}, expected 401"
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one(".error") is not None, "show the error on the login page (class 'error')"
    assert page.select_one("input[name=username]").get("value") == "grace", "keep the username in the form"
    assert page.select_one("input[name=password]").get("value") in (None, ""), "never send the password back"
    assert not logged_in(client), "a failed login must not log anyone in"


def test_unknown_user_looks_the_same(client, submission):
    """an unknown username gets the same answer as a wrong password"""
    submission.add_user("linus", PASSWORD)
    wrong = login(client, "linus", "nope nope nope")
    unknown = login(client, "nobody-here", "nope nope nope")
    assert unknown.status_code == 401, "an unknown user is a 401 too"
    error = BeautifulSoup(wrong.text, "html.parser").select_one(".error").get_text(strip=True)
    other = BeautifulSoup(unknown.text, "html.parser").select_one(".error")
    assert other is not None and other.get_text(strip=True) == error, (
        "do not tell which of the username or password was wrong"
    )


def test_every_page_is_protected(client):
    """/dashboard and /settings both send visitors to log in, remembering where they were going"""
    for path in ("/dashboard", "/settings"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 302, f"GET {path} without a login returned {response.status_code}"
        location = urlsplit(response.headers["location"])
        assert location.path == "/login" and parse_qs(location.query) == {"next": [path]}, (
            f"redirect to /login?next={path}"
        )


def test_next_is_followed(client, submission):
    """after logging in, the visitor goes where they were going"""
    submission.add_user("margaret", PASSWORD)
    response = login(client, "margaret", next_page="/settings")
    assert response.headers.get("location") == "/settings", "redirect to the `next` page after a login"
    assert client.get("/settings").text == "<h1>Settings for margaret</h1>", "the settings page greets the user"


@pytest.mark.points(2)
@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x"])
def test_next_cannot_leave_the_site(client, submission, target):
    """a `next` that points to another site is ignored"""
    name = f"open-redirect-{abs(hash(target))}"
    submission.add_user(name, PASSWORD)
    response = login(client, name, next_page=target)
    assert response.status_code in (302, 303), "a successful login redirects"
    assert response.headers.get("location") == "/dashboard", (
        "a `next` that is not a path on this site must go to /dashboard (an open redirect helps phishers)"
    )


def test_logout(client, submission):
    """POST /logout ends the session; GET /logout is not allowed"""
    submission.add_user("katherine", PASSWORD)
    login(client, "katherine")
    assert client.get("/logout").status_code == 405, "logging out changes state: accept only POST"
    assert logged_in(client), "a GET /logout must not log out"
    response = client.post("/logout", follow_redirects=False)
    assert response.status_code in (302, 303) and urlsplit(response.headers["location"]).path == "/login", (
        "POST /logout redirects to the login page"
    )
    assert not logged_in(client), "after POST /logout the dashboard needs a login again"


def test_cookie_holds_no_password(client, submission):
    """the session cookie holds who is logged in, never the password"""
    submission.add_user("dorothy", PASSWORD)
    login(client, "dorothy")
    cookie = client.cookies.get("session")
    assert cookie, "a login sets Flask's session cookie"
    text = session_text(cookie)
    assert "dorothy" in text, "keep the username in the session"
    assert PASSWORD not in text and "pbkdf2" not in text and "scrypt" not in text, (
        "the session cookie can be read by anyone who has it: keep only the username there"
    )


def test_forged_cookie_is_refused(client):
    """a session cookie that was not signed by the app is ignored"""
    forged = base64.urlsafe_b64encode(json.dumps({"user": "admin"}).encode()).decode().rstrip("=")
    response = client.get("/dashboard", headers={"Cookie": f"session={forged}.aaaaaa.bbbbbbbbbbbb"},
                          follow_redirects=False)
    assert response.status_code == 302, "only a session signed with the app's secret key logs anyone in"


def test_username_is_escaped(client, submission):
    """a username with HTML in it is shown as text"""
    submission.add_user("<i>eve</i>", PASSWORD)
    login(client, "<i>eve</i>")
    assert "&lt;i&gt;eve&lt;/i&gt;" in client.get("/dashboard").text, "escape the username on the dashboard"
