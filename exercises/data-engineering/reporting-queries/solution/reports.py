import os
import sqlite3

REVENUE_BY_CATEGORY = """
SELECT c.name, ROUND(COALESCE(SUM(oi.quantity * oi.unit_price), 0), 2) AS revenue
FROM categories AS c
LEFT JOIN products AS p ON p.category_id = c.id
LEFT JOIN order_items AS oi ON oi.product_id = p.id
GROUP BY c.id, c.name
ORDER BY revenue DESC, c.name
"""

TOP_CUSTOMERS = """
SELECT cu.name, COUNT(DISTINCT o.id) AS orders, ROUND(SUM(oi.quantity * oi.unit_price), 2) AS total
FROM customers AS cu
JOIN orders AS o ON o.customer_id = cu.id
JOIN order_items AS oi ON oi.order_id = o.id
GROUP BY cu.id, cu.name
ORDER BY total DESC, cu.name
LIMIT ?
"""

MONTHLY_REVENUE = """
WITH monthly AS (
    SELECT substr(o.created_at, 1, 7) AS month, SUM(oi.quantity * oi.unit_price) AS revenue
    FROM orders AS o
    JOIN order_items AS oi ON oi.order_id = o.id
    GROUP BY month
)
SELECT month, ROUND(revenue, 2), ROUND(SUM(revenue) OVER (ORDER BY month), 2) AS running_total
FROM monthly
ORDER BY month
"""

WITHOUT_ORDERS = """
SELECT cu.name
FROM customers AS cu
WHERE NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.customer_id = cu.id)
ORDER BY cu.name
"""


def _rows(db_path, sql, params=()):
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()


def revenue_by_category(db_path):
    """[(category, revenue)] for every category, biggest revenue first."""
    return _rows(db_path, REVENUE_BY_CATEGORY)


def top_customers(db_path, limit):
    """[(name, orders, total)] for the `limit` customers who spent the most."""
    return _rows(db_path, TOP_CUSTOMERS, (limit,))


def monthly_revenue(db_path):
    """[(month, revenue, running_total)] per month, in month order."""
    return _rows(db_path, MONTHLY_REVENUE)


def customers_without_orders(db_path):
    """Names of the customers who never ordered, A to Z."""
    return [name for (name,) in _rows(db_path, WITHOUT_ORDERS)]


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
