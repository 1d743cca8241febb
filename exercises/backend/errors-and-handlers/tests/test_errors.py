import pytest

UNKNOWN = 987001


def open_account(client, owner="Ada", balance=0):
    response = client.post("/accounts", json={"owner": owner, "balance": balance})
    assert response.status_code == 201, (
        f"POST /accounts returned {response.status_code}; opening an account must still answer 201 "
        "as in the starter"
    )
    return response.json()


def balance_of(client, account_id):
    response = client.get(f"/accounts/{account_id}")
    assert response.status_code == 200, f"GET /accounts/{{id}} of an open account returned {response.status_code}"
    return response.json()["balance"]


def transfer(client, from_id, to_id, amount):
    return client.post("/transfers", json={"from_id": from_id, "to_id": to_id, "amount": amount})


def json_object(response, request):
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith("application/json"), (
        f"{request} answered {response.status_code} with a content-type that is not application/json; error "
        "answers must be JSON"
    )
    body = response.json()
    assert isinstance(body, dict), f"{request} must answer with a JSON object"
    return body


def detail_names(response, request, account_id):
    body = json_object(response, request)
    assert "detail" in body, (
        f"{request} answered {response.status_code} without a \"detail\" key; a 404 from HTTPException has "
        "a \"detail\""
    )
    assert isinstance(body["detail"], str) and str(account_id) in body["detail"], (
        f"{request} answered a detail that does not name the missing id; make it a sentence that names it, "
        "such as \"Account 7 not found\""
    )


@pytest.mark.points(2)
def test_read_unknown_account(client):
    """GET /accounts/{id} of an unknown account answers 404 with a detail naming the id"""
    response = client.get(f"/accounts/{UNKNOWN}")
    assert response.status_code != 500, (
        "GET /accounts/{id} of an unknown id crashed (500); raise HTTPException(status_code=404, ...) instead "
        "of letting the KeyError escape"
    )
    assert response.status_code == 404, (
        f"GET /accounts/{{id}} of an unknown id returned {response.status_code}; it must answer 404"
    )
    detail_names(response, "GET /accounts/{id} of an unknown id", UNKNOWN)


def test_freeze(client):
    """POST /accounts/{id}/freeze freezes the account (200), twice is fine, unknown ids get 404"""
    account = open_account(client, "Frida", 500)
    response = client.post(f"/accounts/{account['id']}/freeze")
    no_route = response.status_code == 404 and response.json() == {"detail": "Not Found"}
    assert not no_route, "POST /accounts/{id}/freeze returned 404 Not Found: there is no such endpoint yet"
    assert response.status_code == 200, f"POST /accounts/{{id}}/freeze returned {response.status_code}; expected 200"
    body = json_object(response, "POST /accounts/{id}/freeze")
    assert body.get("frozen") is True, "POST /accounts/{id}/freeze must answer the account with \"frozen\": true"
    assert body.get("id") == account["id"], "POST /accounts/{id}/freeze must answer the account it froze"
    read = client.get(f"/accounts/{account['id']}").json()
    assert read.get("frozen") is True, "GET /accounts/{id} after freezing it still shows frozen false"
    again = client.post(f"/accounts/{account['id']}/freeze")
    assert again.status_code == 200, f"freezing an account a second time returned {again.status_code}; expected 200"
    unknown = client.post(f"/accounts/{UNKNOWN}/freeze")
    assert unknown.status_code == 404, (
        f"POST /accounts/{{id}}/freeze of an unknown id returned {unknown.status_code}; it must answer 404"
    )


@pytest.mark.points(2)
def test_transfer_moves_money(client):
    """A valid transfer answers 200 with both new balances, and the accounts show them"""
    a, b = open_account(client, "Ann", 10000), open_account(client, "Ben", 250)
    response = transfer(client, a["id"], b["id"], 1234)
    assert response.status_code == 200, f"a valid POST /transfers returned {response.status_code}; expected 200"
    body = json_object(response, "POST /transfers")
    expected = {"from_id": a["id"], "to_id": b["id"], "amount": 1234, "from_balance": 8766, "to_balance": 1484}
    for key, value in expected.items():
        assert body.get(key) == value, (
            f"a valid POST /transfers answered the wrong {key}; the answer repeats from_id, to_id and amount, "
            "and from_balance and to_balance are the two balances after the transfer"
        )
    assert balance_of(client, a["id"]) == 8766 and balance_of(client, b["id"]) == 1484, (
        "after a valid POST /transfers, GET /accounts/{id} does not show the new balances"
    )


def test_whole_balance(client):
    """Moving exactly the whole balance is allowed"""
    a, b = open_account(client, "Cleo", 700), open_account(client, "Dan", 0)
    response = transfer(client, a["id"], b["id"], 700)
    assert response.status_code == 200, (
        f"POST /transfers of exactly the whole balance returned {response.status_code}; it must be allowed "
        "(the balance must be at least the amount, not more than it)"
    )
    assert balance_of(client, a["id"]) == 0 and balance_of(client, b["id"]) == 700, (
        "after moving the whole balance, the balances must be 0 and the amount"
    )


def test_same_account(client):
    """A transfer to the same account answers 400"""
    a = open_account(client, "Eve", 500)
    response = transfer(client, a["id"], a["id"], 100)
    assert response.status_code == 400, (
        f"POST /transfers with from_id equal to to_id returned {response.status_code}; it must answer 400: "
        "raise HTTPException(status_code=400, ...)"
    )
    body = json_object(response, "POST /transfers to the same account")
    assert "detail" in body, "the 400 answer must have a \"detail\" explaining the problem"


@pytest.mark.points(2)
def test_unknown_accounts(client):
    """A transfer from or to an unknown account answers 404 naming that id"""
    a = open_account(client, "Finn", 500)
    for what, from_id, to_id in (("an unknown from_id", UNKNOWN, a["id"]), ("an unknown to_id", a["id"], UNKNOWN)):
        response = transfer(client, from_id, to_id, 100)
        assert response.status_code != 500, (
            f"POST /transfers with {what} crashed (500); look the account up and raise HTTPException(404)"
        )
        assert response.status_code == 404, (
            f"POST /transfers with {what} returned {response.status_code}; it must answer 404"
        )
        detail_names(response, f"POST /transfers with {what}", UNKNOWN)


@pytest.mark.points(3)
def test_insufficient_funds_body(client):
    """Too little money answers 409 with error, detail, available and requested at the top level"""
    a, b = open_account(client, "Gus", 300), open_account(client, "Hal", 0)
    response = transfer(client, a["id"], b["id"], 301)
    assert response.status_code != 200, (
        "POST /transfers of more than the balance was accepted (200); it must answer 409"
    )
    assert response.status_code == 409, (
        f"POST /transfers of more than the balance returned {response.status_code}; it must answer 409 Conflict"
    )
    body = json_object(response, "POST /transfers of more than the balance")
    assert "error" in body or not isinstance(body.get("detail"), dict), (
        "POST /transfers of more than the balance put everything under \"detail\" (that is what HTTPException "
        "does); raise your own exception and register an @app.exception_handler that answers the body yourself"
    )
    assert body.get("error") == "insufficient_funds", (
        "POST /transfers of more than the balance answered " + (
            "another \"error\"" if "error" in body else "without a top-level \"error\"")
        + "; it must be \"error\": \"insufficient_funds\""
    )
    assert body.get("available") == 300, (
        "the 409 answer has the wrong \"available\"; it must be the source account's balance, in cents"
    )
    assert body.get("requested") == 301, (
        "the 409 answer has the wrong \"requested\"; it must be the amount asked for, in cents"
    )
    assert "detail" in body, "the 409 answer must also have a \"detail\" sentence for people"


@pytest.mark.points(2)
def test_frozen_accounts(client):
    """A transfer from or to a frozen account answers 423 with error "account_frozen" and its id"""
    rich, frozen = open_account(client, "Ivy", 5000), open_account(client, "Jay", 5000)
    assert client.post(f"/accounts/{frozen['id']}/freeze").status_code == 200, (
        "POST /accounts/{id}/freeze must answer 200"
    )
    for what, from_id, to_id in (("from a frozen account", frozen["id"], rich["id"]),
                                 ("to a frozen account", rich["id"], frozen["id"])):
        response = transfer(client, from_id, to_id, 100)
        assert response.status_code == 423, (
            f"POST /transfers {what} returned {response.status_code}; it must answer 423 Locked"
        )
        body = json_object(response, f"POST /transfers {what}")
        assert body.get("error") == "account_frozen", (
            f"POST /transfers {what} answered "
            + ("another \"error\"" if "error" in body else "without a top-level \"error\"")
            + "; it must have \"error\": \"account_frozen\" at the top level, from an exception handler"
        )
        assert body.get("account_id") == frozen["id"], (
            f"POST /transfers {what} answered the wrong \"account_id\"; it must be the frozen account's id"
        )


@pytest.mark.points(2)
def test_check_order(client):
    """When several rules are broken at once, the first in the order 400, 404, 423, 409 answers"""
    poor, rich = open_account(client, "Pia", 100), open_account(client, "Quin", 200)
    assert client.post(f"/accounts/{poor['id']}/freeze").status_code == 200, (
        "POST /accounts/{id}/freeze must answer 200"
    )
    cases = [
        ("from an unknown account to that same unknown account", UNKNOWN, UNKNOWN, 100, 400,
         "the same-account check (400) comes before looking the accounts up (404)"),
        ("from a frozen account to itself", poor["id"], poor["id"], 100, 400,
         "the same-account check (400) comes before the frozen check (423)"),
        ("from a frozen account to an unknown account", poor["id"], UNKNOWN, 100, 404,
         "both accounts must exist (404) before the frozen check (423)"),
        ("of more than the balance from a frozen account", poor["id"], rich["id"], 5000, 423,
         "the frozen check (423) comes before the balance check (409)"),
        ("of more than the balance to a frozen account", rich["id"], poor["id"], 5000, 423,
         "the frozen check (423) comes before the balance check (409)"),
    ]
    for what, from_id, to_id, amount, expected, rule in cases:
        response = transfer(client, from_id, to_id, amount)
        assert response.status_code == expected, (
            f"POST /transfers {what} returned {response.status_code}; it must answer {expected}: {rule}"
        )


@pytest.mark.points(3)
def test_failed_transfers_change_nothing(client):
    """A transfer that fails leaves both balances exactly as they were"""
    a, b = open_account(client, "Kim", 1000), open_account(client, "Lou", 50)
    frozen = open_account(client, "Max", 40)
    client.post(f"/accounts/{frozen['id']}/freeze")
    attempts = [
        ("of more than the balance", a["id"], b["id"], 5000),
        ("to an unknown account", a["id"], UNKNOWN, 200),
        ("to a frozen account", a["id"], frozen["id"], 200),
        ("to the same account", a["id"], a["id"], 200),
        ("of amount 0", a["id"], b["id"], 0),
    ]
    for what, from_id, to_id, amount in attempts:
        response = transfer(client, from_id, to_id, amount)
        assert response.status_code >= 400, f"POST /transfers {what} was accepted ({response.status_code})"
        balances = (balance_of(client, a["id"]), balance_of(client, b["id"]), balance_of(client, frozen["id"]))
        assert balances == (1000, 50, 40), (
            f"after a failed POST /transfers {what}, a balance changed; check every rule before moving any money"
        )


def test_amount_validation(client):
    """amount must be a whole number above 0, and the ids are required: otherwise 422"""
    a, b = open_account(client, "Ned", 1000), open_account(client, "Oda", 0)
    for amount in (0, -100, 2.5, "ten"):
        response = transfer(client, a["id"], b["id"], amount)
        assert response.status_code == 422, (
            f"POST /transfers with amount {amount!r} returned {response.status_code}; it must be rejected with 422"
        )
    response = client.post("/transfers", json={"from_id": a["id"], "amount": 10})
    assert response.status_code == 422, f"POST /transfers without to_id returned {response.status_code}; expected 422"
