import pytest


def ok_body(client, url, params=None, keys=("item_id", "q", "limit")):
    """GET url, check for a 200 JSON object holding `keys`, and return it."""
    response = client.get(url, params=params)
    shown = url if not params else f"{url}?" + "&".join(f"{k}={v}" for k, v in params.items())
    assert response.status_code != 404, (
        f"GET {shown} returned 404; the endpoint must be declared as @app.get(\"/items/{{item_id}}\")"
    )
    assert response.status_code == 200, f"GET {shown} returned {response.status_code}, expected 200"
    assert response.headers.get("content-type", "").startswith("application/json"), (
        f"GET {shown} did not answer with JSON; return a dict from the endpoint"
    )
    body = response.json()
    assert isinstance(body, dict), f"GET {shown} must answer with a JSON object"
    for key in keys:
        assert key in body, f"GET {shown} answered without the key {key!r}; the body needs item_id, q and limit"
    return body


def test_exactly_three_keys(client):
    """The answer has exactly the keys item_id, q and limit"""
    body = ok_body(client, "/items/11", {"q": "lamp", "limit": "3"})
    assert set(body) == {"item_id", "q", "limit"}, (
        "GET /items/11?q=lamp&limit=3 answered with keys other than item_id, q and limit; "
        "it must have exactly item_id, q and limit"
    )


@pytest.mark.points(2)
def test_item_id_is_a_number(client):
    """The id from the path comes back as a number, not as text"""
    for item_id in (42, 1234567):
        body = ok_body(client, f"/items/{item_id}", keys=["item_id"])
        assert body["item_id"] != str(item_id), (
            f"GET /items/{item_id} answered item_id \"{item_id}\" (text); annotate the parameter as "
            "`item_id: int` so FastAPI converts it to a number"
        )
        assert body["item_id"] == item_id, (
            f"GET /items/{item_id} answered another item_id; it must be the id from the path, as a number"
        )


@pytest.mark.points(2)
def test_non_integer_id_rejected(client):
    """GET /items/{id} rejects an id that is not a whole number with 422"""
    for bad in ("abc", "3.5", "seven"):
        response = client.get(f"/items/{bad}")
        assert response.status_code == 422, (
            f"GET /items/{bad} returned {response.status_code}; a path parameter declared as int must "
            "reject it with 422"
        )


def test_id_at_least_one(client):
    """GET /items/{id} rejects 0 and negative ids with 422, and accepts 1"""
    for bad in ("0", "-5"):
        response = client.get(f"/items/{bad}")
        assert response.status_code == 422, (
            f"GET /items/{bad} returned {response.status_code}; ids below 1 must be rejected with 422 "
            "(look at Path(ge=...))"
        )
    response = client.get("/items/1")
    assert response.status_code != 422, (
        "GET /items/1 was rejected with 422, but 1 is a valid id; ge=1 allows 1 itself (gt=1 would not)"
    )
    body = ok_body(client, "/items/1", keys=["item_id"])
    assert body["item_id"] == 1, "GET /items/1 must answer item_id 1: the smallest valid id is 1 itself"


def test_defaults(client):
    """Without query parameters, q is null and limit is 10"""
    body = ok_body(client, "/items/8")
    assert body["q"] is None, (
        "GET /items/8 answered a q that is not null; without ?q=... it must be null (default None)"
    )
    assert body["limit"] == 10 and not isinstance(body["limit"], str), (
        "GET /items/8 answered another limit; without ?limit=... it must be the number 10"
    )
    assert body["item_id"] == 8, "GET /items/8 answered another item_id; it must be the number 8"


def test_q_passed_through(client):
    """The search text q comes back exactly as sent"""
    for text in ("red shoes", "café & crème", "42"):
        body = ok_body(client, "/items/5", {"q": text}, keys=["q"])
        assert body["q"] == text, (
            f"GET /items/5 with q={text!r} answered another q; return the text exactly as received"
        )


def test_q_max_length(client):
    """q may have up to 50 characters; a longer one is rejected with 422"""
    body = ok_body(client, "/items/5", {"q": "x" * 50}, keys=["q"])
    assert body["q"] == "x" * 50, "a q of exactly 50 characters must be accepted and returned"
    response = client.get("/items/5", params={"q": "x" * 51})
    assert response.status_code == 422, (
        f"a q of 51 characters got status {response.status_code}; it must be rejected with 422 "
        "(look at Query(max_length=...))"
    )


@pytest.mark.points(2)
def test_limit_is_a_number(client):
    """limit from the query string comes back as a number"""
    for limit in (25, 7):
        body = ok_body(client, "/items/5", {"limit": str(limit)}, keys=["limit"])
        assert body["limit"] != str(limit), (
            f"GET /items/5?limit={limit} answered limit \"{limit}\" (text); declare it as `limit: int`"
        )
        assert body["limit"] == limit, (
            f"GET /items/5?limit={limit} answered another limit; it must be the value sent, as a number"
        )


def test_limit_bounds_included(client):
    """limit=1 and limit=100 are both accepted"""
    for limit in (1, 100):
        response = client.get("/items/5", params={"limit": str(limit)})
        assert response.status_code != 422, (
            f"GET /items/5?limit={limit} was rejected with 422; both bounds are allowed "
            "(ge= and le= include the bound, gt= and lt= don't)"
        )
        body = ok_body(client, "/items/5", {"limit": str(limit)}, keys=["limit"])
        assert body["limit"] == limit, (
            f"GET /items/5?limit={limit} answered another limit; both bounds are allowed "
            "(use ge= and le=, which include the bound)"
        )


@pytest.mark.points(2)
def test_limit_out_of_range(client):
    """limit below 1, above 100, or not a whole number is rejected with 422"""
    for bad in ("0", "101", "-3", "ten", "2.5"):
        response = client.get("/items/5", params={"limit": bad})
        assert response.status_code == 422, (
            f"GET /items/5?limit={bad} returned {response.status_code}; it must be rejected with 422 "
            "(limit is a whole number from 1 to 100)"
        )
