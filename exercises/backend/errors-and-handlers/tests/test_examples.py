def test_transfer(client):
    """A transfer moves the money and answers both new balances"""
    alice = client.post("/accounts", json={"owner": "Alice", "balance": 10000}).json()
    bob = client.post("/accounts", json={"owner": "Bob", "balance": 1000}).json()
    response = client.post("/transfers", json={"from_id": alice["id"], "to_id": bob["id"], "amount": 2500})
    assert response.status_code == 200
    body = response.json()
    assert body["from_balance"] == 7500
    assert body["to_balance"] == 3500


def test_insufficient_funds(client):
    """Moving more than the balance answers 409 with error "insufficient_funds\""""
    alice = client.post("/accounts", json={"owner": "Alice", "balance": 7500}).json()
    bob = client.post("/accounts", json={"owner": "Bob"}).json()
    response = client.post("/transfers", json={"from_id": alice["id"], "to_id": bob["id"], "amount": 999999})
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "insufficient_funds"
    assert body["available"] == 7500
    assert body["requested"] == 999999
