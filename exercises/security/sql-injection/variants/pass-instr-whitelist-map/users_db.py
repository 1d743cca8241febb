import sqlite3

COLUMNS = ("id", "username", "email", "role")
ORDER_SQL = {column: f"ORDER BY {column} %s, id ASC" for column in COLUMNS}


def connect(script="users.sql"):
    """A fresh in-memory database built from `script`. Already written: don't change it."""
    conn = sqlite3.connect(":memory:")
    with open(script, encoding="utf-8") as handle:
        conn.executescript(handle.read())
    return conn


def find_user(conn, username):
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    row = cursor.execute("SELECT id, username, email, role FROM users WHERE username = ?", (username,)).fetchone()
    return dict(row) if row is not None else None


def search_users(conn, text):
    rows = conn.execute(
        "SELECT username FROM users"
        " WHERE instr(lower(username), lower(:text)) > 0 OR instr(lower(email), lower(:text)) > 0",
        {"text": text},
    ).fetchall()
    return sorted(username for (username,) in rows)


def add_user(conn, username, email, role="user"):
    if role not in ("user", "admin"):
        raise ValueError(f"unknown role {role!r}")
    try:
        with conn:
            cursor = conn.execute("INSERT INTO users (username, email, role) VALUES (?, ?, ?)", (username, email, role))
    except sqlite3.IntegrityError:
        raise ValueError(f"the username {username!r} is taken") from None
    return cursor.lastrowid


def list_users(conn, order_by="id", descending=False):
    try:
        clause = ORDER_SQL[order_by]
    except (KeyError, TypeError):
        raise ValueError(f"cannot order by {order_by!r}") from None
    sql = "SELECT username FROM users " + clause % ("DESC" if descending else "ASC")
    return [username for (username,) in conn.execute(sql)]
