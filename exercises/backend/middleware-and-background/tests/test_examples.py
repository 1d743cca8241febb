def test_request_id_echoed(client):
    """A valid X-Request-ID comes back on the response"""
    response = client.get("/audit", headers={"X-Request-ID": "example-123"})
    assert response.headers.get("x-request-id") == "example-123"
    assert "x-process-time" in response.headers


def test_audit_after_order(client):
    """Placing an order writes an "order_created" audit entry with the request's id"""
    response = client.post("/orders", json={"item": "tea", "quantity": 1}, headers={"X-Request-ID": "order-1"})
    assert response.status_code == 202
    order_id = response.json()["id"]
    entries = client.get("/audit", params={"order_id": order_id}).json()
    assert entries == [{"event": "order_created", "order_id": order_id, "request_id": "order-1"}]
