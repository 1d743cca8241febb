def test_staging(submission):
    """deploy web --env staging"""
    assert submission.run(["web", "--env", "staging"]) == [0, "deploying web:latest to staging with 1 replica\n", ""]


def test_production_needs_confirm(submission):
    """deploy web --env production without --confirm fails with exit code 1"""
    assert submission.run(["web", "--env", "production"]) == [1, "", "error: deploying to production needs --confirm\n"]


def test_bad_env(submission):
    """deploy web --env prod is a usage error (exit code 2)"""
    assert submission.run(["web", "--env", "prod"])[0] == 2
