def test_root_greets(client):
    """GET / answers {"message": "Hello, World!"}"""
    response = client.get("/")
    status = response.status_code
    assert status == 200, "GET / should answer 200; is there an @app.get(\"/\") endpoint?"
    body = response.json()
    assert body == {"message": "Hello, World!"}
