import csv
import sqlite3


def load_orders(csv_path, db_path):
    """Load the orders CSV into the customers and orders tables; return the row counts afterwards."""
    # TODO: create the tables if needed, insert or update every customer and order, commit,
    # and return {"customers": ..., "orders": ...}.
    raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to look inside your database).

def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path` and return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()

