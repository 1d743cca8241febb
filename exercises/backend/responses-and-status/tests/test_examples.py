def test_create_user(client):
    """POST /users answers 201 and the public user"""
    new_user = {"username": "ada", "email": "ada@example.com", "password": "analytical-engine"}
    response = client.post("/users", json=new_user)
    assert response.status_code == 201, "creating a user should answer 201 Created"
    body = response.json()
    assert "password" not in body, "the password must never be sent back"
    assert body["username"] == "ada"
    assert body["email"] == "ada@example.com"
    assert body["full_name"] is None
    assert isinstance(body["id"], int)


def test_delete_user(client):
    """DELETE /users/{id} answers 204 with an empty body"""
    new_user = {"username": "grace", "email": "grace@example.com", "password": "cobol-forever"}
    user_id = client.post("/users", json=new_user).json()["id"]
    response = client.delete(f"/users/{user_id}")
    assert response.status_code == 204, "deleting a user should answer 204 No Content"
    assert response.content == b"", "a 204 answer has no body"
