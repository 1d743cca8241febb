"""Hidden tests: the learner's tests run in their own pytest process against versions of the app.

Each version is compiled without its source, so a test can only tell versions apart by what the
API does. Besides main.py, the tests must pass on another correct implementation the learner never
sees (tests/versions/other_correct.py), and fail on each faulty version listed in mutants.toml.
"""

import ast
from pathlib import Path

import pytest
from gradekit.suite import mutants

OTHER_CORRECT = Path(__file__).parent / "versions" / "other_correct.py"


@pytest.mark.points(2)
def test_pass_on_correct_app(suite):
    """every test passes against the correct main.py"""
    suite.assert_passes()


def test_enough_tests(suite):
    """test_main.py has at least 5 tests"""
    collected = suite.assert_passes().collected
    assert collected >= 5, (
        f"pytest found {collected} test(s) in test_main.py; write at least 5, one per behaviour the README lists, "
        "as functions named test_... that take the client fixture"
    )


def shown_names(suite, broken):
    """The names of the failed tests that are written in the learner's file, without parametrize ids.

    A name made while the tests run (a parametrize id, a function defined by code) could carry what the
    learner's code saw of the hidden implementation, so only the names of `def` and `class` statements
    are shown."""
    defined = set()
    for text in suite.sources().values():
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        defined.update(node.name for node in ast.walk(tree)
                       if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef))
    names = []
    for failure in broken:
        name = failure.name.split("[", 1)[0]
        if all(part in defined for part in name.split("::")) and name not in names:
            names.append(name)
    return names


@pytest.mark.points(2)
def test_pass_on_another_correct_app(suite):
    """every test passes against another correct implementation of the same API"""
    suite.assert_passes()
    result = suite.run(OTHER_CORRECT.read_text(encoding="utf-8"),
                       "running your tests against another correct version of the API")
    if result.ok:
        return
    broken = [*result.failed, *result.errors]
    names = ", ".join(shown_names(suite, broken)[:5]) or "(the run did not finish)"
    pytest.fail(
        f"these tests fail against another correct implementation of the API: {names}. Test what the README "
        "promises, not incidental details of main.py such as the first id being 1, the exact text of an error "
        "or the order of keys; use the id that POST /todos answered",
        pytrace=False,
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("mutant", mutants(__file__))
def test_catches_faulty_version(suite, mutant):
    """your tests catch a faulty version of the API"""
    suite.assert_catches(mutant)
