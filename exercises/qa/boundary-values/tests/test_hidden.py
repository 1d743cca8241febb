"""Hidden tests: every other faulty version of pricing.py must make at least one of the learner's tests fail."""

import pytest
from gradekit.suite import mutants


@pytest.mark.parametrize("mutant", mutants(__file__)[1:])
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of pricing.py"""
    suite.assert_catches(mutant)


def test_uses_parametrize(suite):
    """your boundary cases are a parametrized test"""
    cases = [name for name in suite.correct().names if "[" in name]
    assert cases, ("write the boundary cases as one test with @pytest.mark.parametrize: pytest then runs and "
                   "reports each case on its own")
    assert len(cases) >= 6, "a parametrized test with only a few cases misses boundaries; test both sides of each"
