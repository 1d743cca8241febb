def test_round_trip(submission):
    """A hashed password verifies, a different one doesn't"""
    stored = submission.hash_password("correct horse battery staple", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$")
    assert submission.verify_password("correct horse battery staple", stored) is True
    assert submission.verify_password("Correct horse battery staple", stored) is False


def test_fresh_salt(submission):
    """Hashing the same password twice gives two different strings"""
    assert submission.hash_password("hunter2", iterations=1000) != submission.hash_password("hunter2", iterations=1000)


def test_malformed(submission):
    """verify_password of something that is not a hash is False"""
    assert submission.verify_password("x", "not a hash") is False
