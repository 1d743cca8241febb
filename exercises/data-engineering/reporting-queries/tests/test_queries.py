import itertools
import sqlite3

import pytest

COUNTER = itertools.count(1)

REFERENCE = {
    "revenue_by_category": """
        SELECT c.name, ROUND(COALESCE(SUM(oi.quantity * oi.unit_price), 0), 2) AS revenue
        FROM categories c LEFT JOIN products p ON p.category_id = c.id
        LEFT JOIN order_items oi ON oi.product_id = p.id
        GROUP BY c.id ORDER BY revenue DESC, c.name""",
    "top_customers": """
        SELECT cu.name, COUNT(DISTINCT o.id), ROUND(SUM(oi.quantity * oi.unit_price), 2) AS total
        FROM customers cu JOIN orders o ON o.customer_id = cu.id JOIN order_items oi ON oi.order_id = o.id
        GROUP BY cu.id ORDER BY total DESC, cu.name LIMIT ?""",
    "monthly_revenue": """
        WITH m AS (SELECT substr(o.created_at, 1, 7) AS month, SUM(oi.quantity * oi.unit_price) AS revenue
                   FROM orders o JOIN order_items oi ON oi.order_id = o.id GROUP BY month)
        SELECT month, ROUND(revenue, 2), ROUND(SUM(revenue) OVER (ORDER BY month), 2) FROM m ORDER BY month""",
    "customers_without_orders": """
        SELECT name FROM customers cu WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = cu.id)
        ORDER BY name""",
}


def expected(data_dir, scripts, name, params=()):
    connection = sqlite3.connect(":memory:")
    for script in scripts:
        connection.executescript((data_dir / script).read_text(encoding="utf-8"))
    rows = [tuple(r) for r in connection.execute(REFERENCE[name], params).fetchall()]
    connection.close()
    return rows


def fresh(submission, *scripts):
    path = f"report_{next(COUNTER)}.db"
    submission.seed(path, *scripts)
    return path


def as_rows(result, func, width):
    assert isinstance(result, list), f"{func}() must return a list"
    rows = [tuple(r) if isinstance(r, (list, tuple)) else (r,) for r in result]
    assert all(len(r) == width for r in rows), f"each row of {func}() must have {width} values"
    return rows


def same_numbers(got, exp, tolerance=0.011):
    return all(
        (g == pytest.approx(e, abs=tolerance) if isinstance(e, float) else g == e) for g, e in zip(got, exp)
    )


DATASETS = [("shop.sql",), ("shop.sql", "more.sql")]


@pytest.mark.points(3)
@pytest.mark.parametrize("scripts", DATASETS)
def test_revenue_by_category(submission, data_dir, scripts):
    """revenue_by_category() lists every category with its revenue, biggest first"""
    db = fresh(submission, *scripts)
    exp = expected(data_dir, scripts, "revenue_by_category")
    got = as_rows(submission.revenue_by_category(db), "revenue_by_category", 2)
    names = {name for name, _ in got}
    zero = {name for name, revenue in exp if revenue == 0}
    assert zero <= names, (
        "a category without sales is missing; start from categories and LEFT JOIN products and order_items, "
        "with COALESCE(..., 0) for the empty sum"
    )
    assert len(got) == len(exp), (
        "revenue_by_category() returned the wrong number of rows; there is one per category"
    )
    for g in got:
        assert g[1] is not None, "a category without sales must show 0, not NULL (use COALESCE)"
    exp_by_name = dict(exp)
    wrong = [name for name, revenue in got if revenue != pytest.approx(exp_by_name.get(name, -1), abs=0.011)]
    assert not wrong, (
        "the revenue of a category is wrong; add up quantity * unit_price of its order items (unit_price is "
        "what was paid; products.price is today's price)"
    )
    assert [n for n, _ in got] == [n for n, _ in exp], "the categories must be sorted by revenue, biggest first"


@pytest.mark.points(3)
@pytest.mark.parametrize("scripts", DATASETS)
def test_top_customers(submission, data_dir, scripts):
    """top_customers() ranks customers by money spent, counting distinct orders"""
    db = fresh(submission, *scripts)
    for limit in (1, 3, 10):
        exp = expected(data_dir, scripts, "top_customers", (limit,))
        got = as_rows(submission.top_customers(db, limit), "top_customers", 3)
        assert len(got) == len(exp), (
            "top_customers() returned the wrong number of rows; return at most `limit` rows, and only "
            "customers who ordered"
        )
        exp_orders = {name: n for name, n, _ in exp}
        for name, orders, total in got:
            if name in exp_orders and orders != exp_orders[name]:
                raise AssertionError(
                    "the order count of a customer is wrong; count distinct orders (COUNT(DISTINCT o.id)), "
                    "not order items"
                )
        assert [g[0] for g in got] == [e[0] for e in exp], (
            "top_customers() lists the wrong customers or in the wrong order; sort by total spent "
            "(quantity * unit_price), biggest first, then by name"
        )
        assert all(same_numbers(g, e) for g, e in zip(got, exp)), "a customer's total is wrong"


def test_top_customers_limit_is_a_parameter(submission, data_dir):
    """top_customers() uses its limit safely"""
    db = fresh(submission, "shop.sql")
    got = as_rows(submission.top_customers(db, 2), "top_customers", 3)
    assert len(got) == 2, "top_customers() must return `limit` rows when more customers than that ordered"


@pytest.mark.points(3)
@pytest.mark.parametrize("scripts", DATASETS)
def test_monthly_revenue(submission, data_dir, scripts):
    """monthly_revenue() gives each month's revenue and the running total"""
    db = fresh(submission, *scripts)
    exp = expected(data_dir, scripts, "monthly_revenue")
    got = as_rows(submission.monthly_revenue(db), "monthly_revenue", 3)
    assert [g[0] for g in got] == [e[0] for e in exp], (
        "the months are wrong; group by the 'YYYY-MM' part of created_at (substr(created_at, 1, 7)) and sort "
        "them in order"
    )
    for g, e in zip(got, exp):
        assert g[1] == pytest.approx(e[1], abs=0.011), (
            "the revenue of a month is wrong; add up quantity * unit_price of its orders"
        )
        assert g[2] == pytest.approx(e[2], abs=0.011), (
            "the running total of a month is wrong; it adds up the revenue of every month up to and including "
            "this one (SUM(...) OVER (ORDER BY month))"
        )


@pytest.mark.points(2)
@pytest.mark.parametrize("scripts", DATASETS)
def test_customers_without_orders(submission, data_dir, scripts):
    """customers_without_orders() lists the names of customers who never ordered"""
    db = fresh(submission, *scripts)
    exp = [name for (name,) in expected(data_dir, scripts, "customers_without_orders")]
    got = submission.customers_without_orders(db)
    assert isinstance(got, list) and all(isinstance(n, str) for n in got), (
        "customers_without_orders() must return a list of names (strings), not rows"
    )
    assert sorted(got) == sorted(exp), "customers_without_orders() returned the wrong customers"
    assert got == exp, "the names must be sorted A to Z"
