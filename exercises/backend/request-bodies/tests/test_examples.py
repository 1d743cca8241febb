def test_valid_order(client):
    """POST /orders with a valid order answers its summary"""
    order = {
        "customer": "Ada Lovelace",
        "items": [
            {"sku": "BOOK-1", "quantity": 2, "unit_price": 12.5},
            {"sku": "PEN-7", "quantity": 3, "unit_price": 1.2},
        ],
        "note": "gift wrap, please",
    }
    response = client.post("/orders", json=order)
    assert response.status_code == 200, "a valid order should get 200"
    body = response.json()
    assert body["customer"] == "Ada Lovelace"
    assert body["item_count"] == 5
    assert abs(body["total"] - 28.6) < 0.001
    assert body["note"] == "gift wrap, please"


def test_quantity_zero(client):
    """An item with quantity 0 is rejected with 422"""
    order = {"customer": "Ada Lovelace", "items": [{"sku": "BOOK-1", "quantity": 0, "unit_price": 12.5}]}
    response = client.post("/orders", json=order)
    assert response.status_code == 422, "quantity must be at least 1"
