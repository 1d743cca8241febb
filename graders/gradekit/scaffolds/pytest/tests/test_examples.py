"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_passes_on_correct_code(suite):
    """your tests pass against the correct leap.py"""
    suite.assert_passes()
