import sqlite3


def incremental_load(db_path, records):
    """Upsert the records changed since the last load; return the counts and the new watermark."""
    # TODO
    raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to look inside your database).

def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path`; return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
