"""Example tests: the learner sees these and can run them with "Run examples"."""

PORT = "/dev/ttyACM0"


def test_three(submission):
    """reads three temperatures"""
    values = submission.read_temperatures(PORT, 3)
    assert len(values) == 3 and all(15 < v < 30 for v in values)
