"""Example tests: "Run examples" runs the learner's tests against the correct weather.py and the example bug."""

from gradekit.suite import mutants

EXAMPLE = mutants(__file__)[0]


def test_passes_on_correct_code(suite):
    """your tests pass against the correct weather.py"""
    suite.assert_passes()


def test_catches_the_example_bug(suite):
    """your tests catch the example bug: a version whose cache never expires"""
    suite.assert_catches(EXAMPLE)
