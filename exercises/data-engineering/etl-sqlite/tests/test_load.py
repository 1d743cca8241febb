import csv

import pytest


def rows(data_dir, name):
    with open(data_dir / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load(submission, csv_name, db):
    counts = submission.load_orders(csv_name, db)
    assert isinstance(counts, dict) and set(counts) == {"customers", "orders"}, (
        "load_orders() must return a dict with the keys 'customers' and 'orders'"
    )
    return counts


@pytest.mark.points(2)
def test_rows_committed(submission, data_dir):
    """Every order and customer is stored and committed"""
    counts = load(submission, "orders_jan.csv", "t_commit.db")
    tables = {name for (name,) in submission.query("t_commit.db", "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"customers", "orders"} <= tables, "the database needs the tables customers and orders"
    stored = submission.query("t_commit.db", "SELECT COUNT(*) FROM orders")[0][0]
    assert stored > 0, (
        "another connection sees no orders: commit your changes (for example with `with connection:`)"
    )
    expected_orders = len(rows(data_dir, "orders_jan.csv"))
    assert stored == expected_orders, (
        "the orders table does not hold one row per order of the file; store every line, each order once"
    )
    assert counts == {"customers": 5, "orders": expected_orders}, (
        "load_orders() must return the number of rows in each table after the load"
    )


@pytest.mark.points(2)
def test_customers_once(submission):
    """Each customer is stored once, with name and country"""
    load(submission, "orders_jan.csv", "t_cust.db")
    got = submission.query("t_cust.db", "SELECT customer_id, name, country FROM customers ORDER BY customer_id")
    assert len(got) == 5, (
        "the customers table holds the wrong number of rows; store each customer once, however many orders they have"
    )
    assert got == [(17, "Ana Lima", "BR"), (23, "Seán O'Brien", "IE"), (31, "Chen, Mei", "CN"),
                   (42, "Robert'); DROP TABLE orders;--", "GB"), (55, "Kofi Mensah", "GH")], (
        "the customers' ids, names or countries are not stored exactly as in the file"
    )


@pytest.mark.points(2)
def test_types(submission):
    """Ids are stored as integers and amounts as real numbers"""
    load(submission, "orders_jan.csv", "t_types.db")
    types = set(submission.query("t_types.db",
                                 "SELECT typeof(order_id), typeof(customer_id), typeof(amount) FROM orders"))
    assert types == {("integer", "integer", "real")}, (
        f"the orders columns hold the types {sorted(types)}; convert ids with int() and amounts with float() "
        "(or declare the columns INTEGER and REAL)"
    )
    total = submission.query("t_types.db", "SELECT ROUND(SUM(amount), 2) FROM orders")[0][0]
    assert total == pytest.approx(942.64), "the amounts add up to the wrong total; store each order's amount"


@pytest.mark.points(2)
def test_rerun_idempotent(submission):
    """Loading the same file twice changes nothing"""
    first = load(submission, "orders_jan.csv", "t_rerun.db")
    snapshot = submission.query("t_rerun.db", "SELECT * FROM orders ORDER BY order_id")
    second = load(submission, "orders_jan.csv", "t_rerun.db")
    assert second == first, (
        "loading the same file a second time changed the counts; insert-or-update by id instead of inserting again"
    )
    assert submission.query("t_rerun.db", "SELECT * FROM orders ORDER BY order_id") == snapshot, (
        "loading the same file a second time changed the orders table"
    )


@pytest.mark.points(3)
def test_second_month(submission):
    """A later file adds new rows and updates changed ones"""
    load(submission, "orders_jan.csv", "t_feb.db")
    counts = load(submission, "orders_feb.csv", "t_feb.db")
    assert counts["orders"] != 4, (
        "after loading February the database holds only February's orders; add to the existing tables, "
        "don't drop and recreate them"
    )
    assert counts == {"customers": 6, "orders": 10}, (
        "after loading January and February the counts are wrong; an order that appears again must be "
        "updated, not added twice"
    )
    amount = submission.query("t_feb.db", "SELECT amount FROM orders WHERE order_id = ?", (5007,))
    assert amount == [(80.25,)], "order 5007 appears again in February with a new amount; keep the newest values"


def test_order_columns(submission):
    """The orders table keeps the customer id and the date of each order"""
    load(submission, "orders_jan.csv", "t_cols.db")
    got = submission.query("t_cols.db", "SELECT order_id, customer_id, order_date FROM orders ORDER BY order_id")
    assert got[:3] == [(5001, 17, "2024-01-03"), (5002, 23, "2024-01-04"), (5003, 17, "2024-01-04")], (
        "the orders table must keep order_id, customer_id and order_date exactly as in the file"
    )


def test_schema_constraints(submission):
    """The tables declare their primary keys and NOT NULL columns"""
    load(submission, "orders_jan.csv", "t_schema.db")
    for table, key, required in (("customers", "customer_id", {"name", "country"}),
                                 ("orders", "order_id", {"customer_id", "order_date", "amount"})):
        info = submission.query("t_schema.db", f"PRAGMA table_info({table})")
        columns = {row[1]: row for row in info}
        assert key in columns and columns[key][5] == 1, f"{table}.{key} must be the table's PRIMARY KEY"
        loose = sorted(c for c in required if c not in columns or columns[c][3] != 1)
        assert not loose, f"{table}.{loose[0] if loose else ''} must be declared NOT NULL"


@pytest.mark.points(2)
def test_bad_file_loads_nothing(submission):
    """A file with a bad row raises and leaves the database as it was"""
    load(submission, "orders_jan.csv", "t_bad.db")
    before = {table: submission.query("t_bad.db", f"SELECT * FROM {table} ORDER BY 1") for table in ("customers", "orders")}
    try:
        submission.load_orders("orders_bad.csv", "t_bad.db")
    except AssertionError:
        raise
    except Exception:  # noqa: BLE001 - any error the learner's code raises is fine here
        pass
    else:
        raise AssertionError(
            "load_orders() of a file with an amount that is not a number ('12,50') returned normally; it must "
            "raise an error instead of skipping or storing the row"
        )
    after = {table: submission.query("t_bad.db", f"SELECT * FROM {table} ORDER BY 1") for table in ("customers", "orders")}
    assert after == before, (
        "a load that failed part-way left rows of the bad file in the database; convert every row before "
        "writing, or make the whole load one transaction (`with connection:`, no commit per row) so that an "
        "error rolls it all back"
    )
