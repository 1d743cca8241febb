import pytest

BROKEN = {
    "broken_create_status": (
        "POST /todos answers 200 instead of 201 Created",
        "check the status code of a successful POST /todos",
    ),
    "broken_validation": (
        "an empty title is accepted instead of being rejected with 422",
        "send {\"title\": \"\"} and check for 422",
    ),
    "broken_not_found": (
        "GET /todos/{id} of an unknown id answers 200 (with null) instead of 404",
        "GET an id that was never created and check for 404",
    ),
    "broken_delete": (
        "DELETE /todos/{id} answers 204 but the todo stays",
        "after the DELETE, GET the same id and check for 404",
    ),
    "broken_patch": (
        "PATCH /todos/{id} resets the fields that were not sent (done, priority) to their defaults",
        "PATCH one field of a todo whose other fields are not the defaults, then check all of them",
    ),
}
CACHE: dict[str, dict] = {}


def results_for(submission, module):
    if module not in CACHE:
        results = submission.run_tests(module)
        assert isinstance(results, dict), (
            f"run_tests() returned a {type(results).__name__}; keep the given run_tests, which returns a dict"
        )
        CACHE[module] = results
    return CACHE[module]


def failing(results):
    return sorted(name for name, passed in results.items() if passed is not True)


@pytest.mark.points(2)
def test_pass_on_correct_app(submission):
    """Every test passes against the correct main.py"""
    results = submission.run_tests("main")  # not cached: this test shows pytest's output
    assert isinstance(results, dict), (
        f"run_tests() returned a {type(results).__name__}; keep the given run_tests, which returns a dict"
    )
    CACHE["main"] = results
    assert results, "run_tests(\"main\") ran no tests; write test functions named test_... in test_main.py"
    bad = failing(results)
    assert not bad, (
        f"these tests fail against main.py, which is correct: {', '.join(bad)}. A test must pass on a correct "
        "API; run pytest test_main.py to see why they fail"
    )


def test_enough_tests(submission):
    """test_main.py has at least 5 tests"""
    results = results_for(submission, "main")
    assert len(results) >= 5, (
        f"test_main.py has {len(results)} test(s); write at least 5 (one per behaviour the README lists). "
        "Test functions must be named test_... and take the client fixture"
    )


def test_pass_on_other_correct_app(submission):
    """Every test passes against another correct implementation (data/alt_main.py)"""
    bad = failing(results_for(submission, "alt_main"))
    assert not bad, (
        f"these tests fail against alt_main.py, another correct implementation of the same API: {', '.join(bad)}. "
        "Test what the README promises, not incidental details such as the id of the first todo"
    )


def catches(submission, module):
    bug, advice = BROKEN[module]
    results = results_for(submission, module)
    assert results, f"run_tests(\"{module}\") ran no tests"
    assert failing(results), (
        f"all your tests pass against {module}.py, where {bug}. Add a test that catches it: {advice}. "
        f"Try it with APP_MODULE={module} pytest test_main.py"
    )


@pytest.mark.points(2)
def test_catches_create_status(submission):
    """Your tests catch a POST /todos that answers 200 instead of 201"""
    catches(submission, "broken_create_status")


@pytest.mark.points(2)
def test_catches_missing_validation(submission):
    """Your tests catch an empty title that is accepted"""
    catches(submission, "broken_validation")


@pytest.mark.points(2)
def test_catches_missing_404(submission):
    """Your tests catch an unknown id that does not answer 404"""
    catches(submission, "broken_not_found")


@pytest.mark.points(2)
def test_catches_delete_that_keeps(submission):
    """Your tests catch a DELETE that does not delete"""
    catches(submission, "broken_delete")


@pytest.mark.points(2)
def test_catches_patch_that_resets(submission):
    """Your tests catch a PATCH that resets the fields it was not sent"""
    catches(submission, "broken_patch")
