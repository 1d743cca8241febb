import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS products (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    price      REAL NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS etl_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def incremental_load(db_path, records):
    """Upsert the records changed since the last load; return the counts and the new watermark."""
    counts = {"inserted": 0, "updated": 0, "skipped": 0}
    connection = sqlite3.connect(db_path)
    try:
        with connection:
            connection.executescript(SCHEMA)
            row = connection.execute("SELECT value FROM etl_state WHERE name = 'products'").fetchone()
            watermark = row[0] if row else None
            newest = watermark
            for record in sorted(records, key=lambda r: (r["updated_at"], r["id"])):
                stamp = record["updated_at"]
                if watermark is not None and stamp <= watermark:
                    counts["skipped"] += 1
                    continue
                newest = stamp if newest is None or stamp > newest else newest
                watermark = newest      # move the watermark as we go
                current = connection.execute(
                    "SELECT updated_at FROM products WHERE id = ?", (record["id"],)
                ).fetchone()
                if current is None:
                    connection.execute(
                        "INSERT INTO products (id, name, price, updated_at) VALUES (?, ?, ?, ?)",
                        (record["id"], record["name"], record["price"], stamp),
                    )
                    counts["inserted"] += 1
                elif current[0] < stamp:
                    connection.execute(
                        "UPDATE products SET name = ?, price = ?, updated_at = ? WHERE id = ?",
                        (record["name"], record["price"], stamp, record["id"]),
                    )
                    counts["updated"] += 1
                else:
                    counts["skipped"] += 1
            if newest is not None:
                connection.execute(
                    "INSERT INTO etl_state (name, value) VALUES ('products', ?) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    (newest,),
                )
    finally:
        connection.close()
    return {**counts, "watermark": newest}


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to look inside your database).

def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path`; return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
