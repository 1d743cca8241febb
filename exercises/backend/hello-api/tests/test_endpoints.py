import pytest


def json_body(response, request):
    """The response's JSON body, after checking that it is JSON at all."""
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith("application/json"), (
        f"{request} answered with a content-type that is not application/json; return a dict from the endpoint "
        "so FastAPI sends it as JSON"
    )
    return response.json()


@pytest.mark.points(2)
def test_health_ok(client):
    """GET /health answers 200 with {"status": "ok"}"""
    response = client.get("/health")
    assert response.status_code != 404, (
        "GET /health returned 404: there is no /health endpoint yet (check the path in the decorator)"
    )
    assert response.status_code == 200, f"GET /health returned {response.status_code}, expected 200"
    body = json_body(response, "GET /health")
    assert isinstance(body, dict), "GET /health must return a JSON object like {\"status\": ...}"
    assert "status" in body, "GET /health returned an object without the key \"status\""
    assert body["status"] == "ok", (
        "GET /health returned another status; it must be exactly \"ok\" (lowercase)"
    )
    assert body == {"status": "ok"}, "GET /health must return only the \"status\" key, nothing else"


def test_root_is_json_object(client):
    """GET / sends a JSON object, not plain text or a bare string"""
    response = client.get("/")
    assert response.status_code == 200, f"GET / returned {response.status_code}, expected 200"
    body = json_body(response, "GET /")
    assert isinstance(body, dict), (
        f"GET / returned a JSON {type(body).__name__}; return a dict such as {{\"message\": ...}} "
        "so the body is a JSON object"
    )


def test_root_exact_message(client):
    """GET / says exactly 'Hello, World!' under the key 'message'"""
    response = client.get("/")
    assert response.status_code == 200, f"GET / returned {response.status_code}, expected 200"
    body = json_body(response, "GET /")
    assert isinstance(body, dict) and "message" in body, "GET / must return a JSON object with the key \"message\""
    assert body["message"] == "Hello, World!", (
        "GET / returned another message; check the comma, the capitals and the "
        "exclamation mark: it must be exactly \"Hello, World!\""
    )
    assert body == {"message": "Hello, World!"}, "GET / must return only the \"message\" key, nothing else"


def test_app_title(client):
    """The application's title is "Hello API" (seen in /openapi.json and /docs)"""
    response = client.get("/openapi.json")
    assert response.status_code == 200, (
        f"GET /openapi.json returned {response.status_code}; keep FastAPI's built-in API docs switched on"
    )
    title = response.json().get("info", {}).get("title")
    assert title == "Hello API", (
        "the API's title is not \"Hello API\"; create the app with FastAPI(title=\"Hello API\")"
    )


def test_get_only(client):
    """The endpoints answer GET only: POST gets 405 Method Not Allowed"""
    for path in ("/", "/health"):
        response = client.post(path)
        assert response.status_code != 404, f"POST {path} returned 404: there is no endpoint at {path} yet"
        assert response.status_code == 405, (
            f"POST {path} returned {response.status_code}; declare the endpoint with @app.get so that "
            "other methods get 405"
        )
