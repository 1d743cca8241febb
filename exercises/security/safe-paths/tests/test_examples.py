import pytest


def test_inside(submission):
    """safe_path of a file inside base is its full path"""
    tb = submission.testbed.build()
    assert submission.safe_path(tb["base"], "docs/readme.txt") == tb["base"] + "/docs/readme.txt"


def test_traversal(submission):
    """safe_path refuses ../secret.txt"""
    tb = submission.testbed.build()
    with pytest.raises(ValueError):
        submission.safe_path(tb["base"], "../secret.txt")
