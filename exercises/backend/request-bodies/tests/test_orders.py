import json

import pytest


def item(sku="BOOK-1", quantity=1, unit_price=10.0, **extra):
    return {"sku": sku, "quantity": quantity, "unit_price": unit_price, **extra}


def order(customer="Grace Hopper", items=None, **extra):
    return {"customer": customer, "items": [item()] if items is None else items, **extra}


def accepted(client, body, what):
    """POST /orders with `body`, check for a 200 JSON object, and return it."""
    response = client.post("/orders", json=body)
    assert response.status_code != 404, (
        "POST /orders returned 404: there is no endpoint yet; declare it with @app.post(\"/orders\")"
    )
    assert response.status_code != 405, "POST /orders returned 405: declare the endpoint with @app.post"
    assert response.status_code == 200, (
        f"POST /orders with {what} returned {response.status_code}; a valid order must get 200"
    )
    body = response.json()
    assert isinstance(body, dict), f"POST /orders with {what} must answer with a JSON object"
    return body


def rejected(client, body, what, hint):
    """POST /orders with `body` (a dict, or raw bytes) and check for 422."""
    if isinstance(body, bytes):
        response = client.post("/orders", content=body, headers={"content-type": "application/json"})
    else:
        response = client.post("/orders", json=body)
    assert response.status_code != 404, "POST /orders returned 404: there is no endpoint yet"
    assert response.status_code == 422, (
        f"POST /orders with {what} returned {response.status_code}; it must be rejected with 422 ({hint})"
    )


@pytest.mark.points(2)
def test_summary_counts_and_totals(client):
    """The summary adds up quantities and quantity × unit_price over all items"""
    cases = [
        ([item("A-1", 1, 4.0)], 1, 4.0),
        ([item("A-1", 3, 2.5), item("B-2", 4, 1.0)], 7, 11.5),
        ([item("C-3", 2, 0.25), item("C-4", 10, 3.0), item("C-5", 1, 100.0)], 13, 130.5),
    ]
    for items, count, total in cases:
        what = f"{len(items)} item(s)"
        body = accepted(client, order(items=items), what)
        for key in ("item_count", "total"):
            assert key in body, f"POST /orders with {what} answered without the key {key!r}"
        assert body["item_count"] == count and not isinstance(body["item_count"], str), (
            f"POST /orders with {what} answered the wrong item_count; it is the sum of the "
            "items' quantities (not the number of items), as a number"
        )
        assert isinstance(body["total"], int | float), (
            f"POST /orders with {what} answered a total that is not a number; it must be a JSON number"
        )
        assert abs(body["total"] - total) < 0.006, (
            f"POST /orders with {what} answered the wrong total; it is the sum of quantity × unit_price "
            "over all items"
        )


def test_customer_and_note_echoed(client):
    """customer and note come back as sent"""
    body = accepted(client, order(customer="Søren Kierkegaard", note="leave at the door"), "a note")
    assert body.get("customer") == "Søren Kierkegaard", (
        "POST /orders answered another customer; send back the customer as received"
    )
    assert body.get("note") == "leave at the door", (
        "POST /orders answered another note; send back the note as received"
    )


def test_note_optional(client):
    """Without a note (or with "note": null) the answer's note is null"""
    body = accepted(client, order(), "no note")
    assert "note" in body, "POST /orders without a note answered without the key 'note'; it must be there, as null"
    assert body["note"] is None, "POST /orders without a note answered a note that is not null; it must be null"
    body = accepted(client, order(note=None), "\"note\": null")
    assert body.get("note") is None, "POST /orders with \"note\": null must answer note null"


def test_exactly_four_keys(client):
    """The summary has exactly the keys customer, item_count, total and note"""
    body = accepted(client, order(note="x"), "a valid order")
    assert set(body) == {"customer", "item_count", "total", "note"}, (
        "POST /orders answered with keys other than customer, item_count, total and note; it must have "
        "exactly those four"
    )


@pytest.mark.points(2)
def test_missing_fields(client):
    """A missing required field, in the order or in an item, is rejected with 422"""
    full = order()
    for key in ("customer", "items"):
        body = {k: v for k, v in full.items() if k != key}
        rejected(client, body, f"no {key!r}", f"{key} is required")
    for key in ("sku", "quantity", "unit_price"):
        broken = {k: v for k, v in item().items() if k != key}
        rejected(client, order(items=[broken]), f"an item without {key!r}", f"an item's {key} is required")


def test_empty_items(client):
    """An order with an empty items list is rejected with 422"""
    rejected(client, order(items=[]), "\"items\": []", "an order needs at least one item: Field(min_length=1)")


@pytest.mark.points(2)
def test_quantity_range(client):
    """quantity must be a whole number from 1 to 99"""
    for bad in (0, -1, 100, 1000):
        rejected(client, order(items=[item(quantity=bad)]), f"quantity {bad}", "quantity goes from 1 to 99")
    for good in (1, 99):
        body = accepted(client, order(items=[item(quantity=good)]), f"quantity {good}")
        assert body.get("item_count") == good, (
            f"POST /orders with one item of quantity {good} answered the wrong item_count; "
            "item_count is the sum of the quantities"
        )


def test_unit_price_positive(client):
    """unit_price must be greater than 0"""
    for bad in (0, -5, -0.01):
        rejected(client, order(items=[item(unit_price=bad)]), f"unit_price {bad}",
                 "a price must be greater than 0: Field(gt=0)")
    body = accepted(client, order(items=[item(unit_price=0.01)]), "unit_price 0.01")
    assert abs(body.get("total", -1) - 0.01) < 0.006, "POST /orders with one item at 0.01 must answer total 0.01"


@pytest.mark.points(2)
def test_wrong_types(client):
    """Values of the wrong type are rejected with 422"""
    cases = [
        (order(items=[item(quantity="two")]), "quantity \"two\"", "quantity is a whole number"),
        (order(items=[item(quantity=2.5)]), "quantity 2.5", "quantity is a whole number"),
        (order(items=[item(unit_price="cheap")]), "unit_price \"cheap\"", "unit_price is a number"),
        (order(customer=123), "customer 123 (a number)", "customer is text"),
        (order(items=item()), "items as one object instead of a list", "items is a list"),
        (order(items=["BOOK-1"]), "items as a list of strings", "each item is an object"),
    ]
    for body, what, hint in cases:
        rejected(client, body, what, hint)


def test_text_lengths(client):
    """customer, sku and note respect their lengths, bounds included"""
    rejected(client, order(customer=""), "an empty customer", "customer needs 1 to 100 characters")
    rejected(client, order(customer="x" * 101), "a 101-character customer", "customer needs 1 to 100 characters")
    accepted(client, order(customer="x" * 100), "a 100-character customer")
    rejected(client, order(items=[item(sku="")]), "an empty sku", "sku needs 1 to 20 characters")
    rejected(client, order(items=[item(sku="S" * 21)]), "a 21-character sku", "sku needs 1 to 20 characters")
    accepted(client, order(items=[item(sku="S" * 20)]), "a 20-character sku")
    rejected(client, order(note="n" * 201), "a 201-character note", "note has at most 200 characters")
    accepted(client, order(note="n" * 200), "a 200-character note")


@pytest.mark.points(2)
def test_unknown_keys(client):
    """Unknown keys, in the order or in an item, are rejected with 422"""
    rejected(client, order(discount=50), "an unknown key \"discount\" in the order",
             "forbid extra keys: model_config = ConfigDict(extra=\"forbid\")")
    rejected(client, order(items=[{"sku": "A-1", "qty": 2, "quantity": 1, "unit_price": 3.0}]),
             "an unknown key \"qty\" in an item", "forbid extra keys on the item model too")


def test_not_json(client):
    """A body that is not JSON, or no body at all, is rejected with 422"""
    rejected(client, b"customer=Ada&items=3", "a body that is not JSON", "the body must be a JSON object")
    rejected(client, json.dumps(["Ada"]).encode(), "a JSON list instead of an object",
             "the body must be a JSON object")
    response = client.post("/orders")
    assert response.status_code == 422, (
        f"POST /orders without a body returned {response.status_code}; it must be rejected with 422"
    )
