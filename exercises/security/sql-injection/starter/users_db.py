import sqlite3

COLUMNS = ("id", "username", "email", "role")


def connect(script="users.sql"):
    """A fresh in-memory database built from `script`. Already written: don't change it."""
    conn = sqlite3.connect(":memory:")
    with open(script, encoding="utf-8") as handle:
        conn.executescript(handle.read())
    return conn


def find_user(conn, username):
    """The user named exactly `username` as a dict, or None."""
    raise NotImplementedError("write find_user")


def search_users(conn, text):
    """Usernames of users whose username or email contains `text` literally (any case), sorted."""
    raise NotImplementedError("write search_users")


def add_user(conn, username, email, role="user"):
    """Insert a user and return its id; ValueError for a bad role or a taken username."""
    raise NotImplementedError("write add_user")


def list_users(conn, order_by="id", descending=False):
    """All usernames sorted by the column `order_by` (whitelisted), then by id."""
    raise NotImplementedError("write list_users")
