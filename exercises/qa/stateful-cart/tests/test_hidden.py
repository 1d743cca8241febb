"""Hidden tests: every other faulty version of cart.py must make at least one of the learner's tests fail."""

import pytest
from gradekit.suite import mutants


@pytest.mark.parametrize("mutant", mutants(__file__)[1:])
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of cart.py"""
    suite.assert_catches(mutant)


def test_one_scenario_per_test(suite):
    """your tests check one scenario each"""
    collected = suite.correct().collected
    assert collected >= 5, (
        "a cart has many behaviours: give each scenario (adding twice, removing all, a coupon then more items, ...) "
        f"its own test, each starting from a fresh cart; pytest found {collected}")
