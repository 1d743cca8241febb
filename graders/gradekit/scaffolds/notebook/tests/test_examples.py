"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_total(submission):
    """`total` is the sum of the units column"""
    assert submission.get("total") == 12
