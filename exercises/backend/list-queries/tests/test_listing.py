import itertools

import pytest

markers = itertools.count(1)


def marker():
    """A word no other test uses, so that q=<marker> finds only this test's tasks."""
    return f"mk{next(markers)}q"


def create(client, title, **fields):
    response = client.post("/tasks", json={"title": title, **fields})
    assert response.status_code == 201, f"POST /tasks returned {response.status_code}; it must still answer 201"
    return response.json()


def shown(params):
    return "GET /tasks" + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def listing(client, **params):
    """GET /tasks with params; check for a page and return it."""
    params = {k: str(v).lower() if isinstance(v, bool) else v for k, v in params.items()}
    response = client.get("/tasks", params=params)
    assert response.status_code == 200, f"{shown(params)} returned {response.status_code}; expected 200"
    body = response.json()
    assert isinstance(body, dict), f"{shown(params)} answered a {type(body).__name__}; it must be a page object"
    for key in ("items", "total", "limit", "offset"):
        assert key in body, f"{shown(params)} answered without the key {key!r}; a page has items, total, limit, offset"
    assert isinstance(body["items"], list), f"{shown(params)} answered items that is not a list"
    return body


def ids(body):
    return [task.get("id") for task in body["items"]]


def test_defaults(client):
    """Without parameters: limit 20, offset 0, at most 20 tasks in id order"""
    mark = marker()
    for n in range(3):
        create(client, f"{mark} default {n}")
    body = listing(client)
    assert body["limit"] == 20 and body["offset"] == 0, (
        "GET /tasks answered the wrong limit or offset; the defaults are 20 and 0"
    )
    assert len(body["items"]) <= 20, "GET /tasks answered more than 20 tasks; the default limit is 20"
    assert ids(body) == sorted(ids(body)), "GET /tasks without sort must list the tasks in id order"


@pytest.mark.points(2)
def test_limit_and_offset(client):
    """limit and offset cut consecutive pages, and total counts every match"""
    mark = marker()
    made = [create(client, f"{mark} page {n}")["id"] for n in range(7)]
    seen = []
    for offset in (0, 3, 6):
        body = listing(client, q=mark, limit=3, offset=offset)
        assert body["total"] == 7, (
            f"GET /tasks?q=...&limit=3&offset={offset} answered the wrong total for 7 matching tasks; "
            "total counts every match, not just this page"
        )
        assert body["limit"] == 3 and body["offset"] == offset, (
            f"GET /tasks?limit=3&offset={offset} answered the wrong limit or offset; the page repeats the values "
            "asked for"
        )
        seen += ids(body)
    assert seen == made, (
        "the pages offset=0, 3, 6 with limit=3 did not give the 7 matching tasks each once, in id order"
    )
    body = listing(client, q=mark, offset=50)
    assert body["items"] == [] and body["total"] == 7, (
        "GET /tasks with an offset past the end must answer an empty items list and the usual total"
    )


@pytest.mark.points(2)
def test_validation(client):
    """Out-of-range or unknown parameter values are rejected with 422"""
    for params in ({"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "all"}, {"priority": 0},
                   {"priority": 6}, {"done": "maybe"}, {"sort": "name"}, {"sort": "--id"}, {"sort": "-"},
                   {"sort": "description"}):
        response = client.get("/tasks", params=params)
        assert response.status_code == 422, (
            f"{shown(params)} returned {response.status_code}; it must be rejected with 422"
        )
    for params, what in (({"q": ""}, "an empty q (GET /tasks?q=)"), ({"q": "x" * 101}, "a q of 101 characters")):
        response = client.get("/tasks", params=params)
        assert response.status_code == 422, (
            f"GET /tasks with {what} returned {response.status_code}; q must be 1 to 100 characters long, "
            "otherwise 422"
        )
    for params in ({"limit": 1}, {"limit": 100}, {"sort": "-priority"}, {"priority": 5}):
        listing(client, **params)


@pytest.mark.points(2)
def test_filter_done(client):
    """done=true and done=false keep only the matching tasks"""
    mark = marker()
    done = {create(client, f"{mark} finished {n}", done=True)["id"] for n in range(2)}
    open_ = {create(client, f"{mark} open {n}")["id"] for n in range(3)}
    for value, expected in ((True, done), (False, open_)):
        body = listing(client, q=mark, done=value)
        assert set(ids(body)) == expected and body["total"] == len(expected), (
            f"GET /tasks?q=...&done={str(value).lower()} answered the wrong tasks or the wrong total; expected "
            f"the {len(expected)} tasks whose done is {str(value).lower()}"
        )
    everything = listing(client, q=mark)
    assert everything["total"] == 5, "GET /tasks without done must not filter on done"


def test_filter_priority(client):
    """priority=N keeps only the tasks with exactly that priority"""
    mark = marker()
    wanted = {create(client, f"{mark} high {n}", priority=5)["id"] for n in range(2)}
    create(client, f"{mark} middle", priority=4)
    create(client, f"{mark} low", priority=1)
    body = listing(client, q=mark, priority=5)
    assert set(ids(body)) == wanted and body["total"] == 2, (
        "GET /tasks?q=...&priority=5 answered the wrong tasks or the wrong total; expected only the two tasks "
        "of priority 5"
    )


@pytest.mark.points(2)
def test_search_ignores_case(client):
    """q finds titles that contain it, whatever the upper/lower case"""
    mark = marker()
    upper = create(client, f"Quarterly {mark.upper()} Report")
    lower = create(client, f"weekly {mark} report")
    create(client, f"{mark[:-1]} unrelated")
    for q in (mark, mark.upper(), mark.capitalize()):
        body = listing(client, q=q)
        assert set(ids(body)) == {upper["id"], lower["id"]}, (
            "GET /tasks?q=... did not answer exactly the titles that contain q; q must match titles that contain "
            "it, ignoring upper and lower case (SQL LIKE, or compare lower-cased)"
        )
    body = listing(client, q=f"WEEKLY {mark}")
    assert ids(body) == [lower["id"]], "GET /tasks?q=<text with a space> must match the text as a whole"


def test_search_is_plain_text(client):
    """% and _ in q match themselves, not any characters"""
    mark = marker()
    percent = create(client, f"{mark} ship 100% of orders")
    create(client, f"{mark} ship 1000 orders")
    underscore = create(client, f"{mark} rename user_id")
    create(client, f"{mark} rename userXid")
    body = listing(client, q="100%", limit=100)
    found = [t.get("id") for t in body["items"] if mark in t.get("title", "")]
    assert found == [percent["id"]], (
        "GET /tasks?q=100% also matched a title without a %; escape % and _ in the search "
        "(Task.title.contains(q, autoescape=True))"
    )
    body = listing(client, q=f"{mark} rename user_id")
    assert ids(body) == [underscore["id"]], (
        "GET /tasks?q=... user_id also matched \"userXid\"; _ must match only an underscore"
    )


@pytest.mark.points(3)
def test_sorting(client):
    """sort orders by id, title or priority, ascending or descending, ties by id"""
    mark = marker()
    specs = [("kiwi", 2), ("apple", 5), ("mango", 2), ("banana", 5), ("cherry", 1), ("date", 2)]
    made = [create(client, f"{mark} {fruit}", priority=p) for fruit, p in specs]

    def expected(key, reverse):
        rows = sorted(made, key=lambda t: t["id"])
        if key == "id":
            return [t["id"] for t in sorted(rows, key=lambda t: t["id"], reverse=reverse)]
        groups = sorted({t[key] for t in rows}, reverse=reverse)
        return [t["id"] for value in groups for t in rows if t[key] == value]

    for sort in ("id", "-id", "title", "-title", "priority", "-priority"):
        body = listing(client, q=mark, sort=sort)
        want = expected(sort.removeprefix("-"), sort.startswith("-"))
        if sort.endswith("priority") and sorted(ids(body)) == sorted(want) and ids(body) != want:
            values = [t.get("priority") for t in body["items"]]
            wanted_values = [next(t["priority"] for t in made if t["id"] == i) for i in want]
            assert values != wanted_values, (
                f"GET /tasks?q=...&sort={sort} put tasks of the same priority in the wrong order; "
                "ties must be ordered by id, ascending (add Task.id as a second sort key)"
            )
        assert ids(body) == want, (
            f"GET /tasks?q=...&sort={sort} answered the tasks in the wrong order; sort by that column, "
            "descending with a leading -, ties by id"
        )


@pytest.mark.points(2)
def test_everything_together(client):
    """Filters, search, sort and paging combine, and total counts the matches before paging"""
    mark = marker()
    specs = [(f"{mark} alpha", 4, False), (f"{mark} bravo", 4, False), (f"{mark} charlie", 4, True),
             (f"{mark} delta", 4, False), (f"{mark} echo", 3, False), (f"{mark} foxtrot", 4, False)]
    made = {title: create(client, title, priority=p, done=d)["id"] for title, p, d in specs}
    matching = [made[f"{mark} {w}"] for w in ("foxtrot", "delta", "bravo", "alpha")]
    params = {"q": mark.upper(), "priority": 4, "done": "false", "sort": "-title", "limit": 2}
    first = listing(client, **params)
    second = listing(client, **params, offset=2)
    assert first["total"] == 4 and second["total"] == 4, (
        "GET /tasks with q, priority, done, sort and limit answered the wrong total; 4 tasks match all the "
        "filters, and total is the same on every page"
    )
    assert ids(first) + ids(second) == matching, (
        "GET /tasks with q, priority, done, sort=-title and limit=2, and its next page, answered the wrong tasks; "
        "apply every filter, then sort, then cut the page"
    )
