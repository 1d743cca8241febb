"""Hidden tests: each faulty version in mutants.toml must make at least one of the learner's tests fail.

The learner sees the mutant's description when their tests miss it, never its code.
"""

import pytest
from gradekit.suite import mutants


@pytest.mark.parametrize("mutant", mutants(__file__))
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of leap.py"""
    suite.assert_catches(mutant)
