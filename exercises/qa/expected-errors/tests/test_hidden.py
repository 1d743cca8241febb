"""Hidden tests: every other faulty version of duration.py must make at least one of the learner's tests fail."""

import pytest
from gradekit.suite import mutants


@pytest.mark.parametrize("mutant", mutants(__file__)[1:])
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of duration.py"""
    suite.assert_catches(mutant)


def test_uses_pytest_raises(suite):
    """your tests check errors with pytest.raises"""
    assert {"pytest.raises", "raises"} & suite.identifiers(), (
        "check each expected error with `with pytest.raises(SomeError):` around the call; a try/except in a "
        "test passes silently when nothing is raised unless you remember to fail it yourself")
