def test_defaults(client):
    """GET /items/3 answers with the id and the defaults"""
    response = client.get("/items/3")
    status = response.status_code
    assert status == 200, "GET /items/3 should answer 200"
    body = response.json()
    assert body == {"item_id": 3, "q": None, "limit": 10}


def test_query(client):
    """GET /items/3?q=blue&limit=5 reads both query parameters"""
    response = client.get("/items/3", params={"q": "blue", "limit": 5})
    status = response.status_code
    assert status == 200, "GET /items/3?q=blue&limit=5 should answer 200"
    body = response.json()
    assert body == {"item_id": 3, "q": "blue", "limit": 5}


def test_bad_id(client):
    """GET /items/abc is rejected with 422"""
    response = client.get("/items/abc")
    status = response.status_code
    assert status == 422, "an id that is not a whole number must be rejected with 422"
