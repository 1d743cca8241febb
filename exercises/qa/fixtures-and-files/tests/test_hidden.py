"""Hidden tests: every other faulty version of notes.py must make at least one of the learner's tests fail."""

import pytest
from gradekit.suite import mutants


@pytest.mark.parametrize("mutant", mutants(__file__)[1:])
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of notes.py"""
    suite.assert_catches(mutant)


def test_uses_tmp_path(suite):
    """your tests keep their files in pytest's temporary folder"""
    assert {"tmp_path", "tmp_path_factory"} & suite.identifiers(), (
        "ask for the `tmp_path` fixture and put the notes file there, so tests never touch real files or each other")


def test_defines_a_fixture(suite):
    """your tests share their setup through a fixture of your own"""
    assert {"pytest.fixture", "fixture"} & suite.identifiers(), (
        "write the setup that several tests repeat (an empty store on a file in tmp_path) as a @pytest.fixture, "
        "and take it as a test argument")
