"""Example tests: "Run examples" runs the learner's tests against the correct pricing.py and the example bug."""

from gradekit.suite import mutants

EXAMPLE = mutants(__file__)[0]


def test_passes_on_correct_code(suite):
    """your tests pass against the correct pricing.py"""
    suite.assert_passes()


def test_catches_the_example_bug(suite):
    """your tests catch the example bug: a version that forgets the discount for exactly 100 copies"""
    suite.assert_catches(EXAMPLE)
