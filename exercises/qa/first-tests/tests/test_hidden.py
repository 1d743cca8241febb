"""Hidden tests: every other faulty version of slug.py must make at least one of the learner's tests fail."""

import pytest
from gradekit.suite import mutants


@pytest.mark.parametrize("mutant", mutants(__file__)[1:])
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of slug.py"""
    suite.assert_catches(mutant)


def test_several_tests(suite):
    """your file has a test for each behaviour, not one big test"""
    result = suite.correct()
    assert result.collected >= 3, (
        "write several small test functions (one per behaviour) so a failure tells you what broke; "
        f"pytest found {result.collected}")
