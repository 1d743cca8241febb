import os
import sqlite3

TABLES = ("customers", "orders")


def _null_rates(connection, table, rows):
    columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    rates = {}
    for column in columns:
        nulls = connection.execute(f'SELECT COUNT(*) FROM {table} WHERE "{column}" IS NULL').fetchone()[0]
        rates[column] = round(nulls / rows, 3) if rows else 0.0
    return rates


def quality_report(db_path):
    """Data-quality facts about the customers and orders tables, as a dict."""
    connection = sqlite3.connect(db_path)
    try:
        counts = {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        null_rates = {t: _null_rates(connection, t, counts[t]) for t in TABLES}
        duplicates = [email for (email,) in connection.execute(
            "SELECT lower(trim(email)) AS e FROM customers WHERE email IS NOT NULL "
            "GROUP BY e HAVING COUNT(*) > 1 ORDER BY e")]
        orphans = [order_id for (order_id,) in connection.execute(
            "SELECT id FROM orders WHERE customer_id IS NOT NULL "
            "AND customer_id NOT IN (SELECT id FROM customers) ORDER BY id")]
        negative = [order_id for (order_id,) in connection.execute(
            "SELECT id FROM orders WHERE amount < 0 ORDER BY id")]
    finally:
        connection.close()
    passed = (not duplicates and not orphans and not negative
              and null_rates["customers"].get("email", 0) == 0 and null_rates["orders"].get("customer_id", 0) == 0)
    return {
        "row_counts": counts,
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
