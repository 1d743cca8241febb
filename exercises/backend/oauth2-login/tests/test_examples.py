def test_login_and_me(client):
    """Register, log in at POST /token, and read GET /users/me with the token"""
    response = client.post("/users", json={"username": "ada", "password": "analytical-engine"})
    assert response.status_code == 201
    response = client.post("/token", data={"username": "ada", "password": "analytical-engine"})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"].lower() == "bearer"
    token = body["access_token"]
    response = client.get("/users/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json() == {"username": "ada"}


def test_me_without_token(client):
    """GET /users/me without a token answers 401 with WWW-Authenticate: Bearer"""
    response = client.get("/users/me")
    assert response.status_code == 401
    assert response.headers.get("www-authenticate", "").lower().startswith("bearer")
