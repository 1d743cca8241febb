import pytest
from gradekit.remote import LearnerError

USERS = {
    "alice": (1, "alice@example.com", "admin"), "bob": (2, "bob@example.org", "user"),
    "carol": (3, "carol.smith@example.com", "user"), "dave": (4, "dave@corp.example", "user"),
    "o'brien": (5, "obrien@example.ie", "user"), "dev_ops": (6, "devops@example.com", "admin"),
    "erin": (7, "erin@example.com", "user"), "frank": (8, "frank@mail.example", "user"),
}

INJECTIONS = [
    "' OR '1'='1", "' OR 1=1 --", "alice' --", "alice'/*", "' OR ''='", "x' OR username LIKE '%",
    "x' UNION SELECT 1, 'hacker', 'h@x.example', 'admin' --", "bob\" OR \"1\"=\"1", "'; DROP TABLE users; --",
]


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def call(what, function, *args):
    """Call the learner; explain a database error as the sign of SQL built from input."""
    try:
        return function(*args)
    except LearnerError as exc:
        if exc.type_name in ("OperationalError", "ProgrammingError", "Warning", "DatabaseError"):
            raise AssertionError(
                f"{what} made the database raise {exc.type_name}: the input was pasted into the SQL text and "
                "broke it; pass values with ? placeholders instead"
            ) from None
        raise


def row_count(conn):
    return conn.execute("SELECT count(*) FROM users").fetchone()[0]


def table_intact(conn, expected, what):
    try:
        count = row_count(conn)
    except LearnerError:
        raise AssertionError(f"after {what} the users table is gone: the input was run as SQL") from None
    assert count == expected, f"after {what} the users table has the wrong number of rows: the input was run as SQL"


def as_user(name):
    user_id, email, role = USERS[name]
    return {"id": user_id, "username": name, "email": email, "role": role}


# ------------------------------------------------------------------ find_user


@pytest.mark.points(2)
def test_find_existing(submission):
    """find_user returns every field of existing users, including a name with a quote"""
    conn = submission.connect()
    for name in ("alice", "dev_ops", "frank", "o'brien"):
        what = "find_user for a name with a quote" if "'" in name else "find_user"
        got = call(what, submission.find_user, conn, name)
        assert isinstance(got, dict), f"find_user of an existing user returned a {kind(got)}; return a dict"
        assert got == as_user(name), (
            "find_user returned the wrong fields; the dict has the keys id, username, email and role with the "
            "row's values"
        )


def test_find_missing(submission):
    """find_user returns None for a user that doesn't exist"""
    conn = submission.connect()
    got = call("find_user", submission.find_user, conn, "zelda")
    assert got is None, f"find_user of a missing user returned a {kind(got)}; return None"


@pytest.mark.points(3)
def test_find_injection(submission):
    """find_user treats every name as plain text, never as SQL"""
    conn = submission.connect()
    for attack in INJECTIONS:
        got = call("find_user with a malicious name", submission.find_user, conn, attack)
        assert got is None, (
            "find_user returned a user for a malicious name that isn't in the table: the name was run as SQL; "
            "use a ? placeholder: conn.execute('... WHERE username = ?', (username,))"
        )
    table_intact(conn, len(USERS), "find_user with malicious names")


@pytest.mark.points(2)
def test_find_exact(submission):
    """find_user matches the whole name exactly, not as a pattern"""
    conn = submission.connect()
    for name in ("ALICE", "alice ", "ali", "%", "dev%", "___", "b_b"):
        got = call("find_user", submission.find_user, conn, name)
        assert got is None, (
            "find_user found a user for a name that only resembles one (other case, a prefix or a wildcard); "
            "compare with = and a ? placeholder, not LIKE"
        )


# ------------------------------------------------------------------ search_users


def search(submission, conn, text):
    got = call("search_users", submission.search_users, conn, text)
    assert isinstance(got, list), f"search_users returned a {kind(got)}; return a list of usernames"
    assert all(isinstance(name, str) for name in got), "search_users must return usernames (str), not rows"
    return got


def expected_search(text, extra=()):
    users = {name: email for name, (_, email, _) in USERS.items()}
    users.update(extra)
    return sorted(n for n, e in users.items() if text.lower() in n.lower() or text.lower() in e.lower())


@pytest.mark.points(2)
def test_search_plain(submission):
    """search_users finds text in usernames and emails, ignoring case, sorted"""
    conn = submission.connect()
    for text in ("example.com", "EXAMPLE.ORG", "Ar", "o", ".example", "zzz", "@corp", "e"):
        got = search(submission, conn, text)
        expected = expected_search(text)
        assert sorted(got) == expected, (
            "search_users found the wrong users; look for the text anywhere in the username OR the email, "
            "ignoring upper/lower case"
        )
        assert got == expected, "search_users must return the usernames sorted A to Z"


@pytest.mark.points(3)
def test_search_wildcards_literal(submission):
    """search_users takes % and _ literally"""
    conn = submission.connect()
    for text in ("%", "_", "a_i", "%e%", "e_ample", "\\", "\\%", "[a]"):
        got = search(submission, conn, text)
        expected = expected_search(text)
        assert got == expected, (
            "search_users treated % or _ in the search text as a wildcard; escape them (and the escape "
            "character) and add ESCAPE '\\' to the LIKE, or use instr() instead of LIKE"
        )
    call("add_user", submission.add_user, conn, "100%_sure", "sure@example.net")
    got = search(submission, conn, "%_")
    assert got == ["100%_sure"], (
        "search_users for a text made only of % and _ must find only the user whose name contains those "
        "characters literally"
    )


def test_search_injection(submission):
    """search_users treats the search text as plain text, never as SQL"""
    conn = submission.connect()
    for attack in ("') OR 1=1 --", "' OR '1'='1", "x%' OR 1=1 --", "' UNION SELECT email FROM users --"):
        got = search(submission, conn, attack)
        assert got == [], (
            "search_users found users for a malicious search text that no user contains: the text was run as SQL; "
            "pass the pattern with a ? placeholder"
        )
    table_intact(conn, len(USERS), "malicious searches")


# ------------------------------------------------------------------ add_user


@pytest.mark.points(3)
def test_add_dangerous_names(submission):
    """add_user stores names full of quotes and SQL exactly as given"""
    conn = submission.connect()
    names = ["Robert'); DROP TABLE users;--", "mc'donald", "quote\"double", "semi;colon", "x', 'admin') --"]
    for i, name in enumerate(names, start=1):
        new_id = call("add_user with a name full of quotes", submission.add_user, conn, name, f"user{i}@example.net")
        assert isinstance(new_id, int) and not isinstance(new_id, bool), (
            f"add_user returned a {kind(new_id)}; return the new user's id (cursor.lastrowid)"
        )
        table_intact(conn, len(USERS) + i, "add_user with a name full of quotes")
        got = call("find_user", submission.find_user, conn, name)
        assert got == {"id": new_id, "username": name, "email": f"user{i}@example.net", "role": "user"}, (
            "after add_user, find_user doesn't return the new user exactly as given (with the returned id and "
            "the default role 'user'); store the values with ? placeholders"
        )


@pytest.mark.points(2)
def test_add_role_whitelist(submission):
    """add_user accepts only the roles user and admin"""
    conn = submission.connect()
    new_id = call("add_user", submission.add_user, conn, "grace", "grace@example.com", "admin")
    assert call("find_user", submission.find_user, conn, "grace") == {
        "id": new_id, "username": "grace", "email": "grace@example.com", "role": "admin"}, (
        "add_user(..., role='admin') didn't store the role admin"
    )
    for role in ("superuser", "Admin", "", "user'), ('mallory', 'm@x.example', 'admin"):
        try:
            submission.add_user(conn, "heidi", "heidi@example.com", role)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"add_user with a bad role raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                                 "check the role against ('user', 'admin') first and raise ValueError") from None
        raise AssertionError("add_user with a bad role returned instead of raising; raise ValueError for any role "
                             "other than 'user' or 'admin'")
    table_intact(conn, len(USERS) + 1, "add_user with bad roles")
    assert call("find_user", submission.find_user, conn, "mallory") is None, "a role string managed to insert a user"


def test_add_duplicate(submission):
    """add_user raises ValueError for a username that is taken"""
    conn = submission.connect()
    try:
        submission.add_user(conn, "bob", "other-bob@example.com")
    except ValueError:
        table_intact(conn, len(USERS), "adding a duplicate user")
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"add_user with a taken username raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                             "catch sqlite3.IntegrityError and raise ValueError") from None
    raise AssertionError("add_user with a taken username returned instead of raising; raise ValueError")


# ------------------------------------------------------------------ list_users


@pytest.mark.points(2)
def test_list_orders(submission):
    """list_users sorts by the chosen column, either way, ties by id"""
    conn = submission.connect()
    rows = [(uid, name, email, role) for name, (uid, email, role) in USERS.items()]
    for column, index in (("id", 0), ("username", 1), ("email", 2), ("role", 3)):
        for descending in (False, True):
            ordered = sorted(rows, key=lambda r: r[0])
            ordered = sorted(ordered, key=lambda r: r[index], reverse=descending)
            if descending:  # ties stay in id order
                groups = {}
                for r in sorted(rows, key=lambda r: r[0]):
                    groups.setdefault(r[index], []).append(r)
                ordered = [r for key in sorted(groups, reverse=True) for r in groups[key]]
            expected = [r[1] for r in ordered]
            got = call("list_users", submission.list_users, conn, column, descending)
            assert isinstance(got, list), f"list_users returned a {kind(got)}; return a list of usernames"
            assert got == expected, (
                f"list_users(conn, {column!r}, descending={descending}) is in the wrong order; sort by that column "
                "(DESC when descending), then by id ascending"
            )
    assert call("list_users", submission.list_users, conn) == [r[1] for r in sorted(rows)], (
        "list_users(conn) must sort by id by default"
    )


@pytest.mark.points(3)
def test_list_whitelist(submission):
    """list_users rejects any order_by that isn't one of the four columns"""
    conn = submission.connect()
    for order_by in ("id; DROP TABLE users", "username DESC", "(SELECT 1)", "password", "email, role", "1", ""):
        try:
            result = submission.list_users(conn, order_by)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"list_users with an unknown order_by raised {kind(exc)}; "
                                 "check it against the allowed column names first and raise ValueError") from None
        raise AssertionError(f"list_users accepted an order_by that isn't an allowed column and returned a "
                             f"{kind(result)}; a column name can't be a placeholder, so whitelist it and raise "
                             "ValueError otherwise")
    table_intact(conn, len(USERS), "list_users with malicious order_by values")
