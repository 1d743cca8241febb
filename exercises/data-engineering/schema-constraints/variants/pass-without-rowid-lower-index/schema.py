import re
import sqlite3

STATEMENTS = [
    """CREATE TABLE IF NOT EXISTS customers (
        id    INTEGER NOT NULL,
        email TEXT    NOT NULL,
        name  TEXT    NOT NULL,
        CONSTRAINT customers_pk PRIMARY KEY (id)
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS customers_email_any_case ON customers (lower(email))",
    """CREATE TABLE IF NOT EXISTS products (
        sku   TEXT NOT NULL,
        name  TEXT NOT NULL,
        price REAL NOT NULL,
        CONSTRAINT products_pk PRIMARY KEY (sku),
        CONSTRAINT price_not_negative CHECK (price >= 0)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS orders (
        id          INTEGER NOT NULL,
        customer_id INTEGER NOT NULL,
        created_at  TEXT    NOT NULL,
        CONSTRAINT orders_pk PRIMARY KEY (id),
        CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT
    )""",
    """CREATE TABLE IF NOT EXISTS order_items (
        order_id INTEGER NOT NULL,
        sku      TEXT    NOT NULL,
        quantity INTEGER NOT NULL,
        CONSTRAINT order_items_pk PRIMARY KEY (order_id, sku),
        CONSTRAINT items_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
        CONSTRAINT items_product FOREIGN KEY (sku) REFERENCES products (sku),
        CONSTRAINT quantity_positive CHECK (quantity > 0)
    ) WITHOUT ROWID""",
]


def create_schema(db_path):
    """Create the shop's four tables, with their keys and constraints, in the database at `db_path`."""
    connection = sqlite3.connect(db_path)
    try:
        with connection:
            for statement in STATEMENTS:
                connection.execute(statement)
    finally:
        connection.close()


# ---------------------------------------------------------------------------------------------
# Given helpers: leave these as they are (the tests use them to try your schema).

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def connect(db_path):
    """A connection to `db_path` with foreign-key checks switched on (SQLite has them off by default)."""
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def insert(db_path, table, row):
    """Insert the dict `row` into `table` and commit; return the new row's rowid."""
    names = [table, *row]
    if not all(IDENTIFIER.fullmatch(name) for name in names):
        raise ValueError("table and column names must be plain identifiers")
    sql = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})"
    connection = connect(db_path)
    try:
        with connection:
            return connection.execute(sql, list(row.values())).lastrowid
    finally:
        connection.close()


def execute(db_path, sql, params=()):
    """Run one statement with foreign keys on, commit, and return its rows as a list of tuples."""
    connection = connect(db_path)
    try:
        with connection:
            return [tuple(r) for r in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
