import itertools

import pytest

ALICE = {"X-API-Key": "alice-key-1"}
BOB = {"X-API-Key": "bob-key-2"}
counter = itertools.count(1)
KEYED = [("GET", "/me"), ("GET", "/books/mine"), ("POST", "/books")]


def new_book(**changes):
    book = {"title": f"Field Notes {next(counter)}", "author": "A. Tester", "year": 2020}
    book.update(changes)
    return book


def send(client, method, path, headers=None):
    json = new_book() if method == "POST" else None
    return client.request(method, path, headers=headers or {}, json=json)


def page(client, path, headers=None, **params):
    response = client.get(path, params=params, headers=headers or {})
    shown = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
    assert response.status_code == 200, f"GET {shown} returned {response.status_code}; expected 200"
    body = response.json()
    assert isinstance(body, dict), f"GET {shown} must answer a JSON object with items, total, skip and limit"
    for key in ("items", "total", "skip", "limit"):
        assert key in body, f"GET {shown} answered without the key {key!r}; a page has items, total, skip and limit"
    assert isinstance(body["items"], list), f"GET {shown} answered items that is not a list"
    return body


def all_books(client, path="/books", headers=None):
    """Every book of a list, read page by page."""
    first = page(client, path, headers, skip=0, limit=50)
    books = list(first["items"])
    while len(books) < first["total"]:
        more = page(client, path, headers, skip=len(books), limit=50)["items"]
        assert more, f"GET {path} with skip past the first page returned no items, although total says there are more"
        books += more
    return books


def create(client, headers=ALICE, **changes):
    response = client.post("/books", json=new_book(**changes), headers=headers)
    assert response.status_code != 405, "POST /books returned 405: add an @app.post(\"/books\") endpoint"
    assert response.status_code == 201, (
        f"POST /books with a valid key and book returned {response.status_code}; it must answer 201"
    )
    return response.json()


@pytest.mark.points(2)
def test_me_names_the_client(client):
    """GET /me answers the name of the client whose key was sent"""
    for headers, name in ((ALICE, "alice"), (BOB, "bob"), ({"x-api-key": "bob-key-2"}, "bob")):
        response = client.get("/me", headers=headers)
        assert response.status_code != 404, "GET /me returned 404: add an @app.get(\"/me\") endpoint"
        assert response.status_code != 401, (
            f"GET /me with the header {next(iter(headers))}: {headers[next(iter(headers))]} returned 401, as if no "
            "key was sent; read it with Header() (without it, FastAPI looks for a query parameter)"
        )
        assert response.status_code == 200, f"GET /me with {name}'s key returned {response.status_code}"
        assert response.json() == {"client": name}, (
            f"GET /me with {name}'s key answered another body; expected {{\"client\": \"{name}\"}}"
        )


@pytest.mark.points(2)
def test_missing_key_401(client):
    """Every endpoint that needs a key answers 401 without the X-API-Key header"""
    for method, path in KEYED:
        response = send(client, method, path)
        assert response.status_code == 401, (
            f"{method} {path} without an X-API-Key header returned {response.status_code}; it must answer 401"
        )


@pytest.mark.points(2)
def test_unknown_key_403(client):
    """Every endpoint that needs a key answers 403 for a key that is not known"""
    for key in ("wrong-key", "ALICE-KEY-1", "bob-key-1"):
        for method, path in KEYED:
            response = send(client, method, path, {"X-API-Key": key})
            assert response.status_code == 403, (
                f"{method} {path} with an unknown API key returned {response.status_code}; it must answer 403 "
                "(401 is for no key at all)"
            )
    response = send(client, "GET", "/me", {"X-API-Key": ""})
    assert response.status_code in (401, 403), (
        f"GET /me with an empty X-API-Key returned {response.status_code}; it must answer 401 or 403"
    )


def test_books_is_public(client):
    """GET /books needs no key"""
    response = client.get("/books")
    assert response.status_code == 200, f"GET /books without a key returned {response.status_code}; it is public"


def test_default_page(client):
    """GET /books without parameters answers the first 10 books, skip 0 and limit 10"""
    body = page(client, "/books")
    assert body["skip"] == 0 and body["limit"] == 10, (
        "GET /books answered the wrong skip or limit; the defaults are 0 and 10"
    )
    assert [b.get("id") for b in body["items"]] == list(range(1, 11)), (
        "GET /books answered other books; the first page is the books with the ids 1 to 10, in id order"
    )


@pytest.mark.points(2)
def test_pages_cover_the_list(client):
    """Pages follow each other without gaps or repeats, and total counts the whole list"""
    books = all_books(client)
    total = page(client, "/books", limit=3)["total"]
    assert total == len(books) and total >= 12, (
        "GET /books?limit=3 answered the wrong total; total is the number of books in the whole list, not the page"
    )
    ids = [b.get("id") for b in books]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), "GET /books must list the books in id order, once each"
    for skip, limit in ((0, 3), (3, 3), (5, 4), (11, 1), (10, 50)):
        body = page(client, "/books", skip=skip, limit=limit)
        assert [b.get("id") for b in body["items"]] == ids[skip:skip + limit], (
            f"GET /books?skip={skip}&limit={limit} answered the wrong books; skip that many books of the list "
            "in id order, then answer at most limit books"
        )
        assert body["skip"] == skip and body["limit"] == limit, (
            f"GET /books?skip={skip}&limit={limit} answered the wrong skip or limit; the page repeats the values "
            "asked for"
        )
    body = page(client, "/books", skip=10000)
    assert body["items"] == [] and body["total"] == len(books), (
        "GET /books?skip=10000 must answer an empty items list and the usual total"
    )


@pytest.mark.points(2)
def test_pagination_validated_everywhere(client):
    """skip and limit are validated the same way on /books and /books/mine"""
    for path in ("/books", "/books/mine"):
        for params in ({"limit": 0}, {"limit": 51}, {"skip": -1}, {"limit": "ten"}, {"skip": "1.5"}):
            response = client.get(path, params=params, headers=ALICE)
            shown = "&".join(f"{k}={v}" for k, v in params.items())
            assert response.status_code == 422, (
                f"GET {path}?{shown} returned {response.status_code}; it must be rejected with 422 "
                "(share one pagination dependency between the endpoints)"
            )
        body = page(client, path, ALICE, limit=50)
        assert body["limit"] == 50, f"GET {path}?limit=50 must be accepted: 50 is the largest limit"


@pytest.mark.points(2)
def test_create_book(client):
    """POST /books answers 201 with the new book, added by the calling client"""
    sent = new_book(year=1999)
    response = client.post("/books", json=sent, headers=BOB)
    assert response.status_code == 201, f"POST /books with Bob's key returned {response.status_code}; expected 201"
    body = response.json()
    for key in ("title", "author", "year"):
        assert body.get(key) == sent[key], f"POST /books answered another {key} than the one sent"
    assert body.get("added_by") == "bob", (
        "POST /books with Bob's key answered the wrong added_by; it must be \"bob\" "
        "(take it from the client dependency, never from the body)"
    )
    assert isinstance(body.get("id"), int), "POST /books must answer the new book's id"
    assert body in all_books(client), "a book made with POST /books must show up in GET /books"


def test_create_validated(client):
    """POST /books with a bad book answers 422"""
    for what, book in (("an empty title", new_book(title="")), ("year 2200", new_book(year=2200)),
                       ("no author", {"title": "x", "year": 2000})):
        response = client.post("/books", json=book, headers=ALICE)
        assert response.status_code == 422, f"POST /books with {what} returned {response.status_code}; expected 422"


@pytest.mark.points(2)
def test_mine_shows_only_own_books(client):
    """GET /books/mine lists only the calling client's books, paginated"""
    made = [create(client, ALICE) for _ in range(3)]
    bobs = create(client, BOB)
    mine = all_books(client, "/books/mine", ALICE)
    assert all(book.get("added_by") == "alice" for book in mine), (
        "GET /books/mine with Alice's key lists books that Alice did not add"
    )
    for book in made:
        assert book in mine, "GET /books/mine with Alice's key is missing a book Alice just added"
    assert bobs not in mine, "GET /books/mine with Alice's key lists Bob's book"
    first = page(client, "/books/mine", ALICE, limit=2)
    assert len(first["items"]) == 2 and first["total"] == len(mine), (
        "GET /books/mine?limit=2 answered the wrong number of items or the wrong total; expected 2 items, and "
        "a total that counts all of the client's books"
    )
