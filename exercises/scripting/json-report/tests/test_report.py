import json
from collections import Counter, defaultdict

import pytest


def reference(orders):
    paid = [o for o in orders if o["status"] == "paid"]
    total = lambda o: sum(i["qty"] * i["price"] for i in o["items"])  # noqa: E731
    regions = defaultdict(lambda: [0, 0.0, Counter()])
    customers = defaultdict(float)
    for o in paid:
        r = regions[o["region"]]
        r[0] += 1
        r[1] += total(o)
        for i in o["items"]:
            r[2][i["sku"]] += i["qty"]
        customers[o["customer"]] += total(o)
    by_region = {
        name: {"orders": n, "revenue": round(rev, 2),
               "top_sku": sorted(units.items(), key=lambda p: (-p[1], p[0]))[0][0] if units else None}
        for name, (n, rev, units) in regions.items()
    }
    top = sorted(customers.items(), key=lambda p: (-round(p[1], 2), p[0]))[:3]
    return {"orders": len(orders), "revenue": round(sum(map(total, paid)), 2),
            "by_status": dict(Counter(o["status"] for o in orders)), "by_region": by_region,
            "top_customers": [{"customer": c, "revenue": round(v, 2)} for c, v in top]}


def sample(data_dir):
    return json.loads((data_dir / "orders.json").read_text(encoding="utf-8"))


def tied():
    """Ties on sku units and on customer revenue; a paid order without items; a refunded big spender."""
    return [
        {"id": "B-1", "customer": "Uma", "region": "Coast", "status": "paid",
         "items": [{"sku": "ZINC", "qty": 4, "price": 2.5}, {"sku": "ALU", "qty": 4, "price": 0.1}]},
        {"id": "B-2", "customer": "Ben", "region": "Coast", "status": "paid", "items": [{"sku": "ZINC", "qty": 1, "price": 10.4}]},
        {"id": "B-3", "customer": "Cleo", "region": "Hills", "status": "paid", "items": []},
        {"id": "B-4", "customer": "Al", "region": "Hills", "status": "refunded", "items": [{"sku": "GOLD", "qty": 1, "price": 999.0}]},
        {"id": "B-5", "customer": "Dan", "region": "Plain", "status": "paid",
         "items": [{"sku": "TIN", "qty": 3, "price": 0.1}, {"sku": "TIN", "qty": 3, "price": 0.2}]},
        {"id": "B-6", "customer": "Ava", "region": "Plain", "status": "paid", "items": [{"sku": "ALU", "qty": 6, "price": 5.1}]},
        {"id": "B-7", "customer": "Dan", "region": "Plain", "status": "pending", "items": [{"sku": "ALU", "qty": 50, "price": 5.0}]},
    ]


def report_of(submission, orders, what):
    result = submission.build_report(orders)
    assert isinstance(result, dict), f"build_report() of {what} must return a dict"
    missing = {"orders", "revenue", "by_status", "by_region", "top_customers"} - set(result)
    assert not missing, f"build_report() of {what} has no key {sorted(missing)[0]!r}"
    return result


@pytest.mark.points(2)
def test_totals(submission, data_dir):
    """orders counts every order; revenue adds up only paid orders, rounded to 2 decimals"""
    for orders, what in ((sample(data_dir), "orders.json"), (tied(), "a second set of orders")):
        expected = reference(orders)
        got = report_of(submission, orders, what)
        assert got["orders"] == expected["orders"], f"build_report() of {what}: 'orders' must count every order"
        assert isinstance(got["revenue"], (int, float)), f"build_report() of {what}: 'revenue' must be a number"
        assert got["revenue"] == expected["revenue"], (
            f"build_report() of {what}: revenue is wrong; add qty * price over the items of the paid "
            "orders only, then round(total, 2)"
        )


def test_by_status(submission, data_dir):
    """by_status counts the orders of each status that occurs"""
    for orders, what in ((sample(data_dir), "orders.json"), (tied(), "a second set of orders")):
        got = report_of(submission, orders, what)["by_status"]
        assert got == reference(orders)["by_status"], (
            f"build_report() of {what}: by_status is wrong; count the orders per status, listing only the "
            "statuses that occur"
        )


@pytest.mark.points(3)
def test_by_region(submission, data_dir):
    """by_region has the paid orders, revenue and top sku of every region with paid orders"""
    for orders, what in ((sample(data_dir), "orders.json"), (tied(), "a second set of orders")):
        expected = reference(orders)["by_region"]
        got = report_of(submission, orders, what)["by_region"]
        assert isinstance(got, dict), f"build_report() of {what}: by_region must be a dict keyed by region"
        assert set(got) == set(expected), (
            f"build_report() of {what}: by_region has missing or extra regions; "
            "list every region with at least one paid order, and only those"
        )
        for region, exp in expected.items():
            entry = got[region]
            # The regions of orders.json are in the learner's data file; those of the second set are not.
            label = f"by_region[{region!r}]" if what == "orders.json" else "a region's entry in by_region"
            assert isinstance(entry, dict) and set(entry) == {"orders", "revenue", "top_sku"}, (
                f"build_report() of {what}: {label} needs exactly the keys orders, revenue, top_sku"
            )
            assert entry["orders"] == exp["orders"], (
                f"build_report() of {what}: {label} has the wrong 'orders'; count the region's paid orders"
            )
            assert entry["revenue"] == exp["revenue"], (
                f"build_report() of {what}: {label} has the wrong 'revenue'; add up the "
                "region's paid order totals, then round to 2 decimals"
            )
            assert entry["top_sku"] == exp["top_sku"], (
                f"build_report() of {what}: {label} has the wrong 'top_sku'; take the "
                "sku with the most units (qty, not orders or money), ties to the alphabetically first, None "
                "when there are no items"
            )


@pytest.mark.points(2)
def test_top_customers(submission, data_dir):
    """top_customers lists the three biggest paying customers, ties broken by name"""
    for orders, what in ((sample(data_dir), "orders.json"), (tied(), "a second set of orders")):
        expected = reference(orders)["top_customers"]
        got = report_of(submission, orders, what)["top_customers"]
        assert isinstance(got, list), f"build_report() of {what}: top_customers must be a list"
        assert len(got) == len(expected), f"build_report() of {what}: top_customers must hold 3 customers"
        assert all(isinstance(e, dict) and set(e) == {"customer", "revenue"} for e in got), (
            f"build_report() of {what}: each top_customers entry is a dict with the keys customer and revenue"
        )
        assert sorted(e["customer"] for e in got) == sorted(e["customer"] for e in expected), (
            f"build_report() of {what}: top_customers names the wrong customers; add up each customer's paid "
            "orders (refunded and pending orders don't count)"
        )
        assert got == expected, (
            f"build_report() of {what}: top_customers is in the wrong order or has wrong amounts; highest "
            "revenue first, equal revenue by name A to Z, amounts rounded to 2 decimals"
        )


def test_empty(submission):
    """build_report([]) gives zeros and empty collections"""
    got = submission.build_report([])
    assert got == {"orders": 0, "revenue": 0, "by_status": {}, "by_region": {}, "top_customers": []}, (
        "build_report([]) must give zero orders and revenue and empty by_status, by_region and top_customers"
    )


def test_save_matches_report(submission, data_dir):
    """save_report() of orders.json saves the full report"""
    orders = sample(data_dir)
    saved = submission.save_report(orders, "unchanged.json")
    assert json.loads(saved) == reference(orders), (
        "save_report() must save exactly build_report() of the orders it is given"
    )


@pytest.mark.points(2)
def test_save_format(submission):
    """save_report() writes sorted, indented UTF-8 JSON with a final newline"""
    orders = tied() + [{"id": "B-8", "customer": "Zoë", "region": "Fjörd", "status": "paid",
                        "items": [{"sku": "ÅNG", "qty": 1, "price": 3.0}]}]
    text = submission.save_report(orders, "tied.json")
    assert isinstance(text, str), "save_report() must return the text of the file it wrote"
    try:
        data = json.loads(text)
    except ValueError:
        raise AssertionError("save_report() returned text that is not valid JSON") from None
    assert data == reference(orders), "the saved JSON must be exactly build_report() of the orders"
    assert "\\u00f6" not in text and "Fjörd" in text and "ÅNG" in text, (
        "non-ASCII characters are escaped in the file; use ensure_ascii=False (and open the file with "
        "encoding='utf-8')"
    )
    assert text.endswith("}\n"), "the file must end with a single newline after the closing brace"
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", (
        "the file's layout is wrong; use indent=2 and sort_keys=True"
    )


def test_save_uses_path(submission):
    """save_report() writes to the path it is given"""
    first = submission.save_report(tied()[:2], "first.json")
    second = submission.save_report(tied()[2:], "second.json")
    assert json.loads(first)["orders"] == 2 and json.loads(second)["orders"] == 5, (
        "save_report() must write each report to the path it is given and return that file's text"
    )
