import re
import sqlite3

def create_schema(db_path):
    """Create the shop's four tables, with their keys and constraints, in the database at `db_path`."""
    connection = sqlite3.connect(db_path)
    connection.executescript("""
        CREATE TABLE IF NOT EXISTS customers (
            id INTEGER PRIMARY KEY,
            email TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS products (
            sku TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            price REAL NOT NULL CHECK (price >= 0)
        );
        CREATE TABLE IF NOT EXISTS orders (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS order_items (
            order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
            sku TEXT NOT NULL REFERENCES products (sku),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            PRIMARY KEY (order_id, sku)
        );
    """)
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
