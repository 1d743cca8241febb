"""Example tests: the learner sees these and can run them with "Run examples"."""


def test_pass_on_main(suite):
    """your tests pass against the given main.py"""
    suite.assert_passes()
