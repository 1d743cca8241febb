"""Hidden tests: every other faulty version of weather.py must make at least one of the learner's tests fail."""

import pytest
from gradekit.suite import mutants


@pytest.mark.parametrize("mutant", mutants(__file__)[1:])
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of weather.py"""
    suite.assert_catches(mutant)


def test_never_sleeps(suite):
    """your tests control the clock instead of waiting for it"""
    assert not {"sleep", "time.sleep"} & suite.identifiers(), (
        "a test that sleeps is slow and flaky: replace weather.monotonic with a fake clock (monkeypatch.setattr) "
        "and move it forward yourself")
