def test_pass_on_main(submission):
    """Your tests pass against the given main.py"""
    results = submission.run_tests("main")
    assert results, "run_tests() found no tests in test_main.py"
    failing = [name for name, passed in results.items() if not passed]
    assert failing == [], "these tests fail against the correct main.py"
