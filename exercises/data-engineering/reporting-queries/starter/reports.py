import os
import sqlite3


def revenue_by_category(db_path):
    """[(category, revenue)] for every category, biggest revenue first."""
    # TODO: one SQL query
    raise NotImplementedError


def top_customers(db_path, limit):
    """[(name, orders, total)] for the `limit` customers who spent the most."""
    # TODO: one SQL query, with `limit` passed as a parameter
    raise NotImplementedError


def monthly_revenue(db_path):
    """[(month, revenue, running_total)] per month, in month order."""
    # TODO: one SQL query with a window function for the running total
    raise NotImplementedError


def customers_without_orders(db_path):
    """Names of the customers who never ordered, A to Z."""
    # TODO: one SQL query
    raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Given helpers: leave these as they are (the tests use them to build the database).

def seed(db_path, *scripts):
    """Create a new database at `db_path` (replacing an old one) from SQL scripts such as "shop.sql"."""
    if os.path.exists(db_path):
        os.remove(db_path)
    connection = sqlite3.connect(db_path)
    try:
        for script in scripts or ("shop.sql",):
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
