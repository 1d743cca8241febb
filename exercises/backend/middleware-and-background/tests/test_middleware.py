import itertools

import pytest

counter = itertools.count(1)
REQUESTS = [("GET", "/audit", "GET /audit"), ("GET", "/orders/987654", "GET /orders/{unknown id} (404)"),
            ("GET", "/no/such/path", "GET of an unknown path (404)"), ("PUT", "/audit", "PUT /audit (405)"),
            ("POST", "/orders", "POST /orders with an invalid body (422)")]


def send(client, method, path, headers=None):
    json = {"item": "", "quantity": 0} if method == "POST" else None
    return client.request(method, path, headers=headers or {}, json=json)


def place(client, request_id=None):
    headers = {"X-Request-ID": request_id} if request_id else {}
    response = client.post("/orders", json={"item": f"item {next(counter)}", "quantity": 3}, headers=headers)
    assert response.status_code == 202, f"POST /orders with a valid order returned {response.status_code}; expected 202"
    return response


def audit(client, order_id):
    response = client.get("/audit", params={"order_id": order_id})
    assert response.status_code != 404, "GET /audit returned 404: add an @app.get(\"/audit\") endpoint"
    assert response.status_code == 200, f"GET /audit?order_id=N returned {response.status_code}"
    entries = response.json()
    assert isinstance(entries, list), "GET /audit must answer a JSON list of entries"
    return entries


@pytest.mark.points(2)
def test_request_id_echoed(client):
    """A valid incoming X-Request-ID is sent back on every response, even errors"""
    for method, path, what in REQUESTS:
        request_id = f"trace-{next(counter)}-ABC"
        response = send(client, method, path, {"X-Request-ID": request_id})
        got = response.headers.get("x-request-id")
        assert got is not None, (
            f"{what} answered without an X-Request-ID header; set it in an @app.middleware(\"http\") so that "
            "every response gets it"
        )
        assert got == request_id, (
            f"{what} with a valid X-Request-ID answered another X-Request-ID; send back the id the client chose"
        )


@pytest.mark.points(2)
def test_request_id_generated(client):
    """Without an X-Request-ID, every response gets a new, different one"""
    seen = []
    for method, path, what in REQUESTS * 2:
        got = send(client, method, path).headers.get("x-request-id")
        assert got, f"{what} without an X-Request-ID answered none; make a new one, e.g. str(uuid.uuid4())"
        seen.append(got)
    assert len(set(seen)) == len(seen), (
        "responses to different requests carried the same X-Request-ID; make a new random id for each request"
    )


def test_untrusted_request_id_replaced(client):
    """An X-Request-ID that is too long or has other characters is replaced by a new one"""
    for bad in ("x" * 65, "hello world", "id;drop", "a/b", "under_score", "<script>"):
        response = send(client, "GET", "/audit", {"X-Request-ID": bad})
        got = response.headers.get("x-request-id")
        assert got, "GET /audit with an invalid X-Request-ID answered without an X-Request-ID"
        assert got != bad, (
            "GET /audit echoed an X-Request-ID that is not 1 to 64 letters, digits and dashes; replace it with a new id"
        )
    response = send(client, "GET", "/audit", {"X-Request-ID": "y" * 64})
    assert response.headers.get("x-request-id") == "y" * 64, "an X-Request-ID of exactly 64 characters is valid"


@pytest.mark.points(2)
def test_process_time(client):
    """Every response has X-Process-Time: a small number of seconds"""
    for method, path, what in REQUESTS:
        value = send(client, method, path).headers.get("x-process-time")
        assert value is not None, f"{what} answered without an X-Process-Time header; add it in the middleware"
        try:
            seconds = float(value)
        except ValueError:
            pytest.fail(f"{what} answered an X-Process-Time that is not a number; it must be a number of seconds "
                        "like 0.0012")
        assert 0 <= seconds < 5, (
            f"{what} answered an X-Process-Time that is negative or 5 s or more; it is the seconds between the start "
            "and the end of the request (time.perf_counter() before and after call_next)"
        )


@pytest.mark.points(2)
def test_created_audit_entry(client):
    """POST /orders writes one "order_created" entry with the response's X-Request-ID"""
    for request_id in ("shop-42", None):
        response = place(client, request_id)
        order_id = response.json().get("id")
        header = response.headers.get("x-request-id")
        entries = audit(client, order_id)
        assert len(entries) == 1, (
            "after one POST /orders, GET /audit?order_id=N must answer exactly 1 entry for that order"
        )
        entry = entries[0]
        assert entry.get("event") == "order_created" and entry.get("order_id") == order_id, (
            "the audit entry after POST /orders must have event \"order_created\" and the order's id"
        )
        what = "a chosen X-Request-ID" if request_id else "no X-Request-ID (a generated one)"
        assert entry.get("request_id") == header, (
            f"after POST /orders with {what}, the audit entry's request_id is not the X-Request-ID of the "
            "response; read the id from request.state.request_id"
        )


@pytest.mark.points(2)
def test_cancelled_audit_entry(client):
    """DELETE /orders/{id} adds an "order_cancelled" entry after the "order_created" one"""
    order_id = place(client, "create-req").json()["id"]
    response = client.delete(f"/orders/{order_id}", headers={"X-Request-ID": "cancel-req"})
    assert response.status_code == 204, f"DELETE /orders/{{id}} returned {response.status_code}; expected 204"
    entries = audit(client, order_id)
    expected = [{"event": "order_created", "order_id": order_id, "request_id": "create-req"},
                {"event": "order_cancelled", "order_id": order_id, "request_id": "cancel-req"}]
    assert entries == expected, (
        "after placing and cancelling an order, GET /audit?order_id=N answered other entries; expected the "
        "created entry, then the cancelled one, each with event, order_id and its own request's id"
    )


def test_failures_write_nothing(client):
    """Failed requests (422, 404) write no audit entry"""
    before = client.get("/audit").json()
    assert isinstance(before, list), "GET /audit must answer a JSON list"
    assert client.post("/orders", json={"item": "x", "quantity": 0}).status_code == 422, (
        "POST /orders with quantity 0 must answer 422"
    )
    assert client.delete("/orders/987654").status_code == 404, "DELETE /orders/{unknown id} must answer 404"
    after = client.get("/audit").json()
    assert after == before, "a POST /orders that answered 422, or a DELETE that answered 404, wrote an audit entry"


def test_audit_lists_everything(client):
    """GET /audit without order_id lists every entry, oldest first"""
    first = place(client, "all-1").json()["id"]
    second = place(client, "all-2").json()["id"]
    entries = client.get("/audit").json()
    assert isinstance(entries, list), "GET /audit must answer a JSON list"
    mine = [e for e in entries if isinstance(e, dict) and e.get("order_id") in (first, second)]
    assert [e.get("request_id") for e in mine] == ["all-1", "all-2"], (
        "GET /audit must list every entry, oldest first"
    )
