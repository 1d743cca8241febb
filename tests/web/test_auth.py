"""Can people register, log in and out safely?"""

from __future__ import annotations

import pytest
from learnpath.auth.views import safe_next
from learnpath.extensions import db
from learnpath.models import User
from sqlalchemy import select
from web_support import csrf_token


def test_register_creates_a_learner_with_a_salted_hash_and_logs_in(app, client, auth):
    """Is a new account a learner whose password is stored only as a salted hash?"""
    assert client.get("/auth/register").status_code == 200
    response = auth.register(email="  Ada@Example.com ")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "ada@example.com"
        assert user.role == "learner"
        assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))
        assert "correct horse" not in user.password_hash
    assert b"Log out" in client.get("/").data


def test_register_refuses_a_taken_email(client, auth):
    """Does a second account with the same email fail with a clear message?"""
    auth.register()
    auth.logout()
    response = auth.register(email="ADA@example.com")
    assert response.status_code == 200
    assert b"already exists" in response.data


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "not-an-email"}, b"Invalid email address"),
        ({"password": "short", "confirm": "short"}, b"at least 8"),
        ({"confirm": "something else"}, b"do not match"),
    ],
)
def test_register_validates_its_fields(client, data, message):
    """Are bad emails, short passwords and mismatched confirmations refused?"""
    form = {"email": "x@example.com", "display_name": "X", "password": "long enough", "confirm": "long enough", **data}
    response = client.post("/auth/register", data=form)
    assert response.status_code == 200
    assert message in response.data


def test_login_and_logout(client, auth):
    """Does logging in open the session and logging out (a POST) close it?"""
    auth.register()
    auth.logout()
    response = auth.login()
    assert response.status_code == 302
    assert b"Ada" in client.get("/").data
    assert client.get("/auth/logout").status_code == 405
    auth.logout()
    assert b"Log in" in client.get("/").data


@pytest.mark.parametrize(
    "email, password",
    [
        ("ada@example.com", "wrong password"),
        ("nobody@example.com", "correct horse"),
    ],
)
def test_bad_login_gives_one_generic_message(client, auth, email, password):
    """Does a wrong password read the same as an unknown email?"""
    auth.register()
    auth.logout()
    response = auth.login(email=email, password=password)
    assert response.status_code == 200
    assert b"The email or password is incorrect." in response.data
    assert b"Log out" not in response.data


def test_login_follows_a_local_next_only(client, auth):
    """Does login return to the page that asked for it, but never to another site?"""
    auth.register()
    auth.logout()
    assert auth.login(next="/tracks/basics").headers["Location"] == "/tracks/basics"
    auth.logout()
    assert auth.login(next="https://evil.example/").headers["Location"] == "/"


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/tracks/basics?x=1", "/tracks/basics?x=1"),
        ("//evil.example/", None),
        ("/\\evil.example", None),
        ("https://evil.example/", None),
        ("javascript:alert(1)", None),
        ("/\t/evil.example", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_next(target, expected):
    """Is only a path on this site accepted as a redirect target?"""
    assert safe_next(target) == expected


def test_exercise_pages_need_login(client):
    """Does an anonymous visit to an exercise go to the login page and come back after?"""
    response = client.get("/tracks/basics/add")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login?next=")
    page = client.get(response.headers["Location"])
    assert b'name="next" type="hidden" value="/tracks/basics/add"' in page.data


def test_csrf_is_enforced(make_app):
    """Is a form post without the page's CSRF token refused, and accepted with it?"""
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    form = {"email": "ada@example.com", "display_name": "Ada", "password": "correct horse", "confirm": "correct horse"}
    refused = client.post("/auth/register", data=form)
    assert refused.status_code == 400
    assert b"Reload the page" in refused.data
    token = csrf_token(client.get("/auth/register").get_data(as_text=True))
    assert client.post("/auth/register", data={**form, "csrf_token": token}).status_code == 302
    assert client.post("/auth/logout").status_code == 400
