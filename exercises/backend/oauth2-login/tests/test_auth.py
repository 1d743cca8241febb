import hashlib
import itertools

import pytest

counter = itertools.count(1)
PROTECTED = [("GET", "/users/me"), ("GET", "/notes"), ("POST", "/notes"), ("POST", "/logout")]


def fresh_name():
    return f"user{next(counter)}zz"


def register(client, username, password):
    response = client.post("/users", json={"username": username, "password": password})
    assert response.status_code == 201, (
        f"POST /users with a new username returned {response.status_code}; it must answer 201"
    )
    return response


def login(client, username, password):
    response = client.post("/token", data={"username": username, "password": password})
    assert response.status_code == 200, (
        f"POST /token with the right username and password returned {response.status_code}; it must answer 200"
    )
    body = response.json()
    assert isinstance(body, dict) and isinstance(body.get("access_token"), str) and body["access_token"], (
        "POST /token must answer {\"access_token\": \"<token>\", \"token_type\": \"bearer\"}"
    )
    return body["access_token"]


def account(client, password=None):
    """A new user, logged in: (username, password, token)."""
    username, password = fresh_name(), password or f"pw-{next(counter)}-long-enough"
    register(client, username, password)
    return username, password, login(client, username, password)


SHARED: dict[str, tuple[str, str, str]] = {}


def shared(client, name):
    """An account made once per run and reused by the tests that only read with it (hashing is slow)."""
    if name not in SHARED:
        SHARED[name] = account(client)
    return SHARED[name]


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def call(client, method, path, headers=None):
    json = {"text": "a note"} if (method, path) == ("POST", "/notes") else None
    return client.request(method, path, headers=headers or {}, json=json)


def refused(response, request):
    assert response.status_code == 401, f"{request} returned {response.status_code}; it must answer 401"
    challenge = response.headers.get("www-authenticate", "")
    assert challenge.lower().startswith("bearer"), (
        f"{request} answered 401 without the header WWW-Authenticate: Bearer; add "
        "headers={\"WWW-Authenticate\": \"Bearer\"} to the HTTPException"
    )


@pytest.mark.points(2)
def test_register(client):
    """POST /users answers 201 with the username only; a taken name gets 409, a bad one 422"""
    username, password = fresh_name(), "correct horse battery"
    response = register(client, username, password)
    assert response.json() == {"username": username}, (
        "POST /users answered another body; it must be {\"username\": <the username registered>} and nothing "
        "else (never the password or its hash)"
    )
    response = client.post("/users", json={"username": username, "password": "another password"})
    assert response.status_code == 409, (
        f"POST /users with a username that is taken returned {response.status_code}; it must answer 409"
    )
    response = client.post("/users", json={"username": fresh_name(), "password": "short"})
    assert response.status_code == 422, f"POST /users with a 5-character password returned {response.status_code}"


@pytest.mark.points(2)
def test_token_answer(client):
    """POST /token answers a random bearer token that is not the username or password"""
    username, password = fresh_name(), "Tr0ub4dor&3-long"
    register(client, username, password)
    response = client.post("/token", data={"username": username, "password": password})
    assert response.status_code == 200, f"POST /token with the right password returned {response.status_code}"
    body = response.json()
    assert str(body.get("token_type", "")).lower() == "bearer", (
        "POST /token answered without token_type \"bearer\"; it must be \"bearer\""
    )
    token = body.get("access_token")
    assert isinstance(token, str) and len(token) >= 16, (
        "POST /token must answer a long random access_token (secrets.token_urlsafe(32) gives 43 characters)"
    )
    assert username not in token and password not in token, (
        "the access token contains the username or the password; make it random (secrets.token_urlsafe)"
    )
    other = shared(client, "bob")[2]
    assert other != token, "two users got the same access token; every login needs a new random token"


@pytest.mark.points(2)
def test_wrong_credentials(client):
    """POST /token with a wrong password or an unknown user is refused with 401"""
    username, password = fresh_name(), "the right password"
    register(client, username, password)
    for what, form in (("a wrong password", {"username": username, "password": "the wrong password"}),
                       ("an unknown username", {"username": fresh_name(), "password": password}),
                       ("the password of another case", {"username": username, "password": password.upper()})):
        response = client.post("/token", data=form)
        assert response.status_code in (400, 401), (
            f"POST /token with {what} returned {response.status_code}; it must be refused with 401"
        )
        if response.status_code == 401:
            refused(response, f"POST /token with {what}")
        assert "access_token" not in response.text, f"POST /token with {what} answered an access token"


def test_login_form_fields(client):
    """POST /token needs both form fields, and reads passwords with & = + % and spaces"""
    response = client.post("/token", data={"username": fresh_name()})
    assert response.status_code == 422, f"POST /token without a password returned {response.status_code}; expected 422"
    username, password, token = account(client, password="p&ss= wörd+1%20x")
    assert token, "logging in with a password holding & = + % and a space must work"


@pytest.mark.points(2)
def test_me(client):
    """GET /users/me answers the username the token belongs to"""
    for name in ("alice", "bob"):
        username, _, token = shared(client, name)
        response = client.get("/users/me", headers=bearer(token))
        assert response.status_code == 200, f"GET /users/me with a valid token returned {response.status_code}"
        assert response.json() == {"username": username}, (
            "GET /users/me answered another body; it must be {\"username\": <the token owner's username>}"
        )


@pytest.mark.points(3)
def test_missing_token(client):
    """Every protected endpoint answers 401 with WWW-Authenticate: Bearer when no token is sent"""
    for method, path in PROTECTED:
        response = call(client, method, path)
        assert response.status_code != 404 and response.status_code != 405, (
            f"{method} {path} returned {response.status_code}: there is no such endpoint yet"
        )
        refused(response, f"{method} {path} without a token")


@pytest.mark.points(3)
def test_bad_tokens(client):
    """Unknown, forged or malformed tokens are refused with 401 and WWW-Authenticate: Bearer"""
    username, password, token = shared(client, "alice")
    cases = [
        ("an unknown token", bearer("x" * 43)),
        ("the token with a character added", bearer(token + "A")),
        ("the username as the token", bearer(username)),
        ("the password as the token", bearer(password)),
        ("a Basic header", {"Authorization": "Basic dXNlcjpwYXNz"}),
        ("the token without \"Bearer\"", {"Authorization": token}),
    ]
    for what, headers in cases:
        for method, path in (("GET", "/users/me"), ("GET", "/notes")):
            refused(call(client, method, path, headers), f"{method} {path} with {what}")


@pytest.mark.points(3)
def test_notes_are_private(client):
    """Notes belong to their author: GET /notes shows only the caller's own notes"""
    alice, _, alice_token = account(client)
    bob, _, bob_token = shared(client, "bob")
    written = []
    for text in ("buy oat milk", "call the plumber"):
        response = client.post("/notes", json={"text": text}, headers=bearer(alice_token))
        assert response.status_code == 201, (
            f"POST /notes with a valid token returned {response.status_code}; expected 201"
        )
        note = response.json()
        assert note.get("text") == text and note.get("owner") == alice, (
            "POST /notes answered the wrong text or owner; a note has the text sent and its owner (the caller's "
            "username)"
        )
        assert "id" in note, "POST /notes must answer the note with its id"
        written.append(note)
    response = client.post("/notes", json={"text": "bob's secret"}, headers=bearer(bob_token))
    assert response.status_code == 201, f"POST /notes returned {response.status_code}"
    bobs = response.json()
    listed = client.get("/notes", headers=bearer(alice_token)).json()
    assert isinstance(listed, list), "GET /notes must answer a JSON list"
    assert all(note in listed for note in written), "GET /notes is missing a note the caller just wrote"
    assert bobs not in listed and all(n.get("owner") == alice for n in listed), (
        "GET /notes shows notes of another user; keep only the caller's own"
    )
    assert bobs in client.get("/notes", headers=bearer(bob_token)).json(), (
        "GET /notes is missing a note the caller just wrote"
    )


def test_note_validation(client):
    """POST /notes with an empty text answers 422"""
    token = shared(client, "alice")[2]
    response = client.post("/notes", json={"text": ""}, headers=bearer(token))
    assert response.status_code == 422, f"POST /notes with an empty text returned {response.status_code}"


@pytest.mark.points(2)
def test_logout(client):
    """POST /logout answers 204 and that token is refused afterwards; other logins keep working"""
    username, password, token = account(client)
    second = login(client, username, password)
    response = client.post("/logout", headers=bearer(token))
    assert response.status_code == 204, f"POST /logout with a valid token returned {response.status_code}; expected 204"
    refused(client.get("/users/me", headers=bearer(token)), "GET /users/me with a token that was logged out")
    refused(client.post("/logout", headers=bearer(token)), "POST /logout with a token that was logged out")
    response = client.get("/users/me", headers=bearer(second))
    assert response.status_code == 200, (
        "after logging out one token, another token of the same user (from a second login) was refused; "
        "log out only the token that was sent"
    )
    assert login(client, username, password), "logging in again after logging out must work"


@pytest.mark.points(2)
def test_hash_is_salted(submission):
    """hash_password gives a different text each time and never contains the password"""
    password = "Correct-Horse-77"
    first, second = submission.hash_password(password), submission.hash_password(password)
    assert isinstance(first, str), f"hash_password must return text, got {type(first).__name__}"
    assert password not in first, "hash_password's result contains the password itself"
    assert first != second, (
        "hash_password gave the same text twice for the same password; use a fresh random salt every time "
        "(secrets.token_bytes(16))"
    )
    for digest in (hashlib.sha256(password.encode()).hexdigest(), hashlib.md5(password.encode()).hexdigest()):
        assert digest not in first, "hash_password is a plain unsalted digest; use PBKDF2 or scrypt with a salt"


@pytest.mark.points(2)
def test_verify_password(submission):
    """verify_password accepts the right password and rejects every other"""
    password = "Grüße aus Köln 42"
    stored = submission.hash_password(password)
    assert submission.verify_password(password, stored) is True, (
        "verify_password(password, hash_password(password)) must be True"
    )
    for wrong in ("Grüße aus Köln 43", password.lower()):
        assert submission.verify_password(wrong, stored) is False, (
            "verify_password accepted a wrong password; it must return False"
        )
    other = submission.hash_password("a different password")
    assert submission.verify_password(password, other) is False, (
        "verify_password accepted a password against another password's hash"
    )
