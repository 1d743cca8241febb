import sqlite3


def incremental_load(db_path, records):
    """Upsert the records changed since the last load; return the counts and the new watermark."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "price REAL NOT NULL, updated_at TEXT NOT NULL)")
    connection.execute("CREATE TABLE IF NOT EXISTS etl_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    row = connection.execute("SELECT value FROM etl_state WHERE name = 'products'").fetchone()
    watermark = row[0] if row else None
    result = {"inserted": 0, "updated": 0, "skipped": 0}
    try:
        with connection:
            new_watermark = watermark
            for record in sorted(records, key=lambda r: (r["updated_at"], r["id"])):
                if watermark is not None and record["updated_at"] <= watermark:
                    result["skipped"] += 1
                    continue
                if new_watermark is None or record["updated_at"] > new_watermark:
                    new_watermark = record["updated_at"]
                old = connection.execute("SELECT updated_at FROM products WHERE id = ?", (record["id"],)).fetchone()
                values = (record["name"], record["price"], record["updated_at"], record["id"])
                if old is None:
                    connection.execute("INSERT INTO products (name, price, updated_at, id) VALUES (?, ?, ?, ?)", values)
                    result["inserted"] += 1
                elif old[0] < record["updated_at"]:
                    connection.execute("UPDATE products SET name = ?, price = ?, updated_at = ? WHERE id = ?", values)
                    result["updated"] += 1
                else:
                    result["skipped"] += 1
            if new_watermark is not None:
                connection.execute("INSERT OR REPLACE INTO etl_state (name, value) VALUES ('products', ?)",
                                   (new_watermark,))
    finally:
        connection.close()
    result["watermark"] = new_watermark
    return result


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to look inside your database).

def query(db_path, sql, params=()):
    """Run one SQL statement on the database at `db_path`; return its rows as a list of tuples."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()
