def test_find_bob(submission):
    """find_user(conn, "bob") returns bob's row as a dict"""
    conn = submission.connect()
    assert submission.find_user(conn, "bob") == {"id": 2, "username": "bob", "email": "bob@example.org", "role": "user"}


def test_classic_injection(submission):
    """find_user(conn, "' OR '1'='1") finds nobody"""
    conn = submission.connect()
    assert submission.find_user(conn, "' OR '1'='1") is None


def test_search_example(submission):
    """search_users(conn, "EXAMPLE.COM") ignores case"""
    conn = submission.connect()
    assert submission.search_users(conn, "EXAMPLE.COM") == ["alice", "carol", "dev_ops", "erin"]
