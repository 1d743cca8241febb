def test_pages(client):
    """GET /books?skip=2&limit=2 answers the third and fourth books"""
    response = client.get("/books", params={"skip": 2, "limit": 2})
    assert response.status_code == 200
    body = response.json()
    assert [book["id"] for book in body["items"]] == [3, 4]
    assert body["skip"] == 2 and body["limit"] == 2
    assert body["total"] >= 12


def test_me(client):
    """GET /me with Alice's key answers {"client": "alice"}"""
    response = client.get("/me", headers={"X-API-Key": "alice-key-1"})
    assert response.status_code == 200
    assert response.json() == {"client": "alice"}


def test_me_without_key(client):
    """GET /me without a key answers 401"""
    response = client.get("/me")
    assert response.status_code == 401
