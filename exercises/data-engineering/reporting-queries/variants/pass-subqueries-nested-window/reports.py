import os
import sqlite3
from contextlib import closing


def _all(db_path, sql, params=()):
    with closing(sqlite3.connect(db_path)) as connection:
        return [tuple(row) for row in connection.execute(sql, params)]


def revenue_by_category(db_path):
    """[(category, revenue)] for every category, biggest revenue first."""
    return _all(db_path, """
        SELECT c.name,
               ROUND(IFNULL((SELECT SUM(oi.quantity * oi.unit_price)
                             FROM order_items oi JOIN products p ON p.id = oi.product_id
                             WHERE p.category_id = c.id), 0), 2) AS revenue
        FROM categories c
        ORDER BY revenue DESC, c.name
    """)


def top_customers(db_path, limit):
    """[(name, orders, total)] for the `limit` customers who spent the most."""
    return _all(db_path, """
        WITH order_totals AS (
            SELECT o.id, o.customer_id, SUM(oi.quantity * oi.unit_price) AS total
            FROM orders o JOIN order_items oi ON oi.order_id = o.id
            GROUP BY o.id
        )
        SELECT cu.name, COUNT(*) AS orders, ROUND(SUM(t.total), 2) AS spent
        FROM order_totals t JOIN customers cu ON cu.id = t.customer_id
        GROUP BY cu.id
        ORDER BY spent DESC, cu.name
        LIMIT :limit
    """, {"limit": limit})


def monthly_revenue(db_path):
    """[(month, revenue, running_total)] per month, in month order."""
    return _all(db_path, """
        SELECT strftime('%Y-%m', o.created_at) AS month,
               ROUND(SUM(oi.quantity * oi.unit_price), 2),
               ROUND(SUM(SUM(oi.quantity * oi.unit_price)) OVER (ORDER BY strftime('%Y-%m', o.created_at)
                                                                 ROWS UNBOUNDED PRECEDING), 2)
        FROM orders o JOIN order_items oi ON oi.order_id = o.id
        GROUP BY month
        ORDER BY month
    """)


def customers_without_orders(db_path):
    """Names of the customers who never ordered, A to Z."""
    rows = _all(db_path, """
        SELECT cu.name FROM customers cu LEFT JOIN orders o ON o.customer_id = cu.id
        WHERE o.id IS NULL ORDER BY cu.name
    """)
    return [name for (name,) in rows]


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
