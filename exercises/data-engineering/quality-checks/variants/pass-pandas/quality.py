import os
import sqlite3

import pandas as pd


def _ids(values):
    return sorted(int(v) for v in values)


def quality_report(db_path):
    """Data-quality facts about the customers and orders tables, as a dict."""
    connection = sqlite3.connect(db_path)
    try:
        customers = pd.read_sql_query("SELECT * FROM customers", connection)
        orders = pd.read_sql_query("SELECT * FROM orders", connection)
    finally:
        connection.close()
    tables = {"customers": customers, "orders": orders}
    null_rates = {
        name: {column: (round(float(frame[column].isna().mean()), 3) if len(frame) else 0.0) for column in frame.columns}
        for name, frame in tables.items()
    }
    emails = customers["email"].dropna().astype(str).str.strip().str.lower()
    counts = emails.value_counts()
    duplicates = sorted(str(e) for e in counts[counts > 1].index)
    known = set(customers["id"].dropna())
    linked = orders[orders["customer_id"].notna()]
    orphans = _ids(linked.loc[~linked["customer_id"].isin(known), "id"])
    negative = _ids(orders.loc[orders["amount"] < 0, "id"])
    passed = bool(not duplicates and not orphans and not negative
                  and null_rates["customers"]["email"] == 0 and null_rates["orders"]["customer_id"] == 0)
    return {
        "row_counts": {name: int(len(frame)) for name, frame in tables.items()},
        "null_rates": null_rates,
        "duplicate_emails": duplicates,
        "orphan_orders": orphans,
        "negative_amounts": negative,
        "passed": passed,
    }


# ---------------------------------------------------------------------------------------------
# Given helpers: leave these as they are (the tests use them to build the database).

def seed(db_path, *scripts):
    """Create a new database at `db_path` (replacing an old one) from SQL scripts such as "dirty.sql"."""
    if os.path.exists(db_path):
        os.remove(db_path)
    connection = sqlite3.connect(db_path)
    try:
        for script in scripts or ("dirty.sql",):
            with open(script, encoding="utf-8") as handle:
                connection.executescript(handle.read())
        connection.commit()
    finally:
        connection.close()


def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path`; return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
