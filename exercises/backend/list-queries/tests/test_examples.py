def test_page(client):
    """GET /tasks?limit=2 answers a page of two and the total"""
    for n in range(3):
        client.post("/tasks", json={"title": f"example task {n}"})
    response = client.get("/tasks", params={"limit": 2})
    assert response.status_code == 200
    body = response.json()
    assert len(body["items"]) == 2
    assert body["total"] >= 3
    assert body["limit"] == 2 and body["offset"] == 0


def test_bad_sort(client):
    """GET /tasks?sort=name is rejected with 422"""
    response = client.get("/tasks", params={"sort": "name"})
    assert response.status_code == 422
