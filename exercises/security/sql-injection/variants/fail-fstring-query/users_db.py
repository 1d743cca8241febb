import sqlite3

COLUMNS = ("id", "username", "email", "role")
ROLES = ("user", "admin")


def connect(script="users.sql"):
    """A fresh in-memory database built from `script`. Already written: don't change it."""
    conn = sqlite3.connect(":memory:")
    with open(script, encoding="utf-8") as handle:
        conn.executescript(handle.read())
    return conn


def find_user(conn, username):
    """The user named exactly `username` as a dict, or None."""
    row = conn.execute(
        f"SELECT id, username, email, role FROM users WHERE username = '{username}'"
    ).fetchone()
    return None if row is None else dict(zip(COLUMNS, row))


def _like_literal(text):
    """`text` with LIKE's wildcards and the escape character escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_users(conn, text):
    """Usernames of users whose username or email contains `text` literally (any case), sorted."""
    pattern = f"%{_like_literal(text)}%"
    rows = conn.execute(
        "SELECT username FROM users WHERE username LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' "
        "ORDER BY username",
        (pattern, pattern),
    )
    return [username for (username,) in rows]


def add_user(conn, username, email, role="user"):
    """Insert a user and return its id; ValueError for a bad role or a taken username."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    try:
        with conn:
            cursor = conn.execute(
                "INSERT INTO users (username, email, role) VALUES (?, ?, ?)", (username, email, role)
            )
    except sqlite3.IntegrityError:
        raise ValueError(f"the username {username!r} is taken") from None
    return cursor.lastrowid


def list_users(conn, order_by="id", descending=False):
    """All usernames sorted by the column `order_by` (whitelisted), then by id."""
    if order_by not in COLUMNS:
        raise ValueError(f"order_by must be one of {COLUMNS}")
    direction = "DESC" if descending else "ASC"
    rows = conn.execute(f"SELECT username FROM users ORDER BY {order_by} {direction}, id ASC")
    return [username for (username,) in rows]
