import os
import sqlite3


def _run(db_path, sql, params=()):
    connection = sqlite3.connect(db_path)
    rows = connection.execute(sql, params).fetchall()
    connection.close()
    return rows


def revenue_by_category(db_path):
    """[(category, revenue)] for every category, biggest revenue first."""
    return _run(db_path, """
        SELECT categories.name, ROUND(COALESCE(SUM(order_items.quantity * order_items.unit_price), 0), 2) AS revenue
        FROM categories
        LEFT JOIN products ON products.category_id = categories.id
        LEFT JOIN order_items ON order_items.product_id = products.id
        GROUP BY categories.id
        ORDER BY revenue DESC, categories.name
    """)


def top_customers(db_path, limit):
    """[(name, orders, total)] for the `limit` customers who spent the most."""
    return _run(db_path, """
        SELECT customers.name, COUNT(orders.id), ROUND(SUM(order_items.quantity * order_items.unit_price), 2) AS total
        FROM customers
        JOIN orders ON orders.customer_id = customers.id
        JOIN order_items ON order_items.order_id = orders.id
        GROUP BY customers.id
        ORDER BY total DESC, customers.name
        LIMIT ?
    """, (limit,))


def monthly_revenue(db_path):
    """[(month, revenue, running_total)] per month, in month order."""
    return _run(db_path, """
        WITH months AS (
            SELECT substr(orders.created_at, 1, 7) AS month, SUM(order_items.quantity * order_items.unit_price) AS revenue
            FROM orders JOIN order_items ON order_items.order_id = orders.id
            GROUP BY month
        )
        SELECT month, ROUND(revenue, 2), ROUND(SUM(revenue) OVER (ORDER BY month), 2)
        FROM months
        ORDER BY month
    """)


def customers_without_orders(db_path):
    """Names of the customers who never ordered, A to Z."""
    rows = _run(db_path, "SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders) ORDER BY name")
    return [row[0] for row in rows]


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
