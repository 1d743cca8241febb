import os
import sqlite3


def _column_names(connection, table):
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def quality_report(db_path):
    """Data-quality facts about the customers and orders tables, as a dict."""
    connection = sqlite3.connect(db_path)
    report = {"row_counts": {}, "null_rates": {}}
    for table in ("customers", "orders"):
        total = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        report["row_counts"][table] = total
        rates = {}
        for column in _column_names(connection, table):
            filled = connection.execute(f"SELECT COUNT({column}) FROM {table}").fetchone()[0]
            rates[column] = round((total - filled) / total, 3) if total else 0.0
        report["null_rates"][table] = rates
    report["duplicate_emails"] = [row[0] for row in connection.execute(
        "SELECT lower(email) FROM customers WHERE email IS NOT NULL "
        "GROUP BY lower(email) HAVING COUNT(*) > 1 ORDER BY 1")]
    report["orphan_orders"] = [row[0] for row in connection.execute(
        "SELECT id FROM orders WHERE customer_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM customers WHERE customers.id = orders.customer_id) ORDER BY id")]
    report["negative_amounts"] = [row[0] for row in connection.execute(
        "SELECT id FROM orders WHERE amount < 0 ORDER BY id")]
    connection.close()
    report["passed"] = (not report["duplicate_emails"] and not report["orphan_orders"]
                        and not report["negative_amounts"]
                        and report["null_rates"]["customers"]["email"] == 0
                        and report["null_rates"]["orders"]["customer_id"] == 0)
    return report


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
