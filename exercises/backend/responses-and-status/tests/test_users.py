import itertools

import pytest

PUBLIC_KEYS = {"id", "username", "email", "full_name"}
counter = itertools.count(1)


def new_user(**changes):
    n = next(counter)
    user = {"username": f"user{n}x", "email": f"user{n}@example.com", "password": f"Secret-pass-{n}-zq"}
    user.update(changes)
    return user


def create(client, user=None):
    """POST a new user; check 201 and that the answer is a JSON object; return (sent, answer)."""
    user = user or new_user()
    response = client.post("/users", json=user)
    assert response.status_code != 404, "POST /users returned 404: there is no endpoint yet"
    assert response.status_code in (200, 201), (
        f"POST /users with a valid user returned {response.status_code}; it must answer 201 Created"
    )
    body = response.json()
    assert isinstance(body, dict), "POST /users must answer with a JSON object (the public user)"
    assert "id" in body, "POST /users answered without an id; the public user needs an id"
    return user, body


def no_password(response, user, request):
    assert user["password"] not in response.text, (
        f"{request} sent the user's password back; answer through a response model without the password field"
    )


@pytest.mark.points(2)
def test_create_answers_201_public_user(client):
    """POST /users answers 201 Created with the public user"""
    user = new_user(full_name="Ada Lovelace")
    response = client.post("/users", json=user)
    assert response.status_code != 200, (
        "POST /users returned 200; creating something must answer 201 Created: "
        "declare it with @app.post(\"/users\", status_code=201)"
    )
    user, body = create(client, user)
    assert set(body) == PUBLIC_KEYS, (
        "POST /users answered with keys other than id, username, email and full_name; the public user has "
        "exactly those"
    )
    assert isinstance(body["id"], int) and not isinstance(body["id"], bool), (
        "POST /users answered an id that is not a whole number; the id must be a whole number"
    )
    for key in ("username", "email", "full_name"):
        assert body[key] == user[key], f"POST /users answered another {key}; it must be the {key} sent"


def test_full_name_defaults_to_null(client):
    """Without full_name, the public user's full_name is null"""
    _, body = create(client)
    assert "full_name" in body, "POST /users without full_name answered without the key full_name; it must be null"
    assert body["full_name"] is None, "POST /users without full_name answered a full_name that is not null"


@pytest.mark.points(3)
def test_password_never_sent_back(client):
    """No answer ever contains the password"""
    user = new_user()
    response = client.post("/users", json=user)
    assert response.status_code in (200, 201), f"POST /users returned {response.status_code}; it must answer 201"
    assert "password" not in response.json(), (
        "POST /users answered with a \"password\" key; declare a response model without the password "
        "(response_model=UserPublic) so FastAPI drops it"
    )
    no_password(response, user, "POST /users")
    user_id = response.json()["id"]
    response = client.get(f"/users/{user_id}")
    assert response.status_code == 200, f"GET /users/{{id}} of a new user returned {response.status_code}"
    no_password(response, user, "GET /users/{id}")
    response = client.get("/users")
    assert response.status_code == 200, f"GET /users returned {response.status_code}"
    no_password(response, user, "GET /users")


def test_ids_are_distinct(client):
    """Every new user gets a different id"""
    ids = [create(client)[1]["id"] for _ in range(3)]
    assert len(set(ids)) == 3, "three POST /users answered the same id twice; every user needs its own id"


@pytest.mark.points(2)
def test_read_one(client):
    """GET /users/{id} answers 200 with the public user"""
    user, created = create(client, new_user(full_name="Grace Hopper"))
    response = client.get(f"/users/{created['id']}")
    assert response.status_code != 405, "GET /users/{id} returned 405: add an @app.get(\"/users/{user_id}\") endpoint"
    assert response.status_code == 200, (
        f"GET /users/{{id}} of a new user returned {response.status_code}; it must answer 200 "
        "(is there an @app.get(\"/users/{user_id}\") endpoint?)"
    )
    body = response.json()
    assert isinstance(body, dict) and set(body) == PUBLIC_KEYS, (
        "GET /users/{id} answered something other than the public user; it must be the public "
        "user (id, username, email, full_name)"
    )
    assert body == created, "GET /users/{id} must answer the same public user that POST /users answered"


def test_read_unknown(client):
    """GET /users/{id} of an unknown id answers 404"""
    for user_id in (987654, 0):
        response = client.get(f"/users/{user_id}")
        assert response.status_code == 404, (
            f"GET /users/{user_id} (no such user) returned {response.status_code}; it must answer 404: "
            "raise HTTPException(status_code=404)"
        )


def test_list(client):
    """GET /users lists every user, oldest first, as public users"""
    made = [create(client)[1] for _ in range(3)]
    response = client.get("/users")
    assert response.status_code != 405, "GET /users returned 405: add an @app.get(\"/users\") endpoint"
    assert response.status_code == 200, f"GET /users returned {response.status_code}"
    listed = response.json()
    assert isinstance(listed, list), f"GET /users must answer a JSON list, got {type(listed).__name__}"
    for user in made:
        assert user in listed, "GET /users is missing a user that was just created (or shows it differently)"
    positions = [listed.index(user) for user in made]
    assert positions == sorted(positions), "GET /users must list the users oldest first"
    for user in listed:
        assert isinstance(user, dict) and set(user) == PUBLIC_KEYS, (
            "every user in GET /users must be a public user: id, username, email, full_name"
        )


@pytest.mark.points(2)
def test_delete_answers_204_empty(client):
    """DELETE /users/{id} answers 204 No Content with an empty body"""
    _, created = create(client)
    response = client.delete(f"/users/{created['id']}")
    assert response.status_code != 405, (
        "DELETE /users/{id} returned 405: add an @app.delete(\"/users/{user_id}\") endpoint"
    )
    assert response.status_code == 204, (
        f"DELETE /users/{{id}} of a new user returned {response.status_code}; it must answer 204 No Content: "
        "declare @app.delete(\"/users/{user_id}\", status_code=204)"
    )
    assert response.content == b"", (
        "DELETE /users/{id} answered 204 with a body; a 204 has no body: return None"
    )


@pytest.mark.points(2)
def test_deleted_user_is_gone(client):
    """After DELETE, the user is gone: GET and a second DELETE answer 404, the list leaves it out"""
    _, created = create(client)
    user_id = created["id"]
    assert client.delete(f"/users/{user_id}").status_code == 204, "DELETE /users/{id} must answer 204"
    response = client.get(f"/users/{user_id}")
    assert response.status_code == 404, (
        f"GET /users/{{id}} after deleting that user returned {response.status_code}; it must answer 404"
    )
    response = client.delete(f"/users/{user_id}")
    assert response.status_code == 404, (
        f"DELETE /users/{{id}} of a user deleted already returned {response.status_code}; it must answer 404"
    )
    listed = client.get("/users").json()
    assert isinstance(listed, list) and all(u.get("id") != user_id for u in listed if isinstance(u, dict)), (
        "GET /users still lists a deleted user"
    )


def test_delete_unknown(client):
    """DELETE /users/{id} of an unknown id answers 404"""
    response = client.delete("/users/876543")
    assert response.status_code == 404, (
        f"DELETE /users/{{id}} of an unknown id returned {response.status_code}; it must answer 404"
    )


def test_invalid_user_rejected(client):
    """A new user that breaks the rules gets 422 (and is not created)"""
    for what, user in (("a 7-character password", new_user(password="short77")),
                       ("no email", {k: v for k, v in new_user().items() if k != "email"}),
                       ("a 2-character username", new_user(username="ab"))):
        response = client.post("/users", json=user)
        assert response.status_code == 422, f"POST /users with {what} returned {response.status_code}; expected 422"


def resolve(spec, schema):
    """The object schema behind a $ref, or behind the first object choice of anyOf/oneOf/allOf."""
    ref = schema.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        return spec.get("components", {}).get("schemas", {}).get(ref.rsplit("/", 1)[1], {})
    for key in ("anyOf", "oneOf", "allOf"):
        for choice in schema.get(key, []):
            found = resolve(spec, choice)
            if found.get("properties"):
                return found
    return schema


@pytest.mark.points(2)
def test_docs_show_public_user(client):
    """The API docs show the public user (with no password) as the answer of POST /users and GET /users/{id}"""
    spec = client.get("/openapi.json").json()
    paths = spec.get("paths", {})
    post = paths.get("/users", {}).get("post", {})
    responses = post.get("responses", {})
    assert "201" in responses, (
        "the docs list no 201 response for POST /users; declare status_code=201 on the "
        "decorator so the docs show 201"
    )
    get_one = next((ops.get("get", {}) for path, ops in paths.items() if path.startswith("/users/{")), {})
    for what, response in (("POST /users (201)", responses.get("201", {})),
                           ("GET /users/{id} (200)", get_one.get("responses", {}).get("200", {}))):
        schema = resolve(spec, response.get("content", {}).get("application/json", {}).get("schema", {}))
        properties = schema.get("properties", {})
        assert properties, (
            f"the docs show no response model for {what}; declare it with response_model=UserPublic "
            "or a return annotation"
        )
        assert "password" not in properties, f"the docs show a password in the answer of {what}"
        assert {"id", "username"} <= set(properties), (
            f"the docs show the answer of {what} without id or username; it must be the public user"
        )
