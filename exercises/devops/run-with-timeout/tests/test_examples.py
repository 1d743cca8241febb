import sys


def test_hello(submission):
    """run_command() of a program that prints hello"""
    result = submission.run_command([sys.executable, "-c", "print('hello')"], 5)
    assert result == {"status": "ok", "returncode": 0, "stdout": "hello\n", "stderr": ""}


def test_steps(submission):
    """run_steps() stops after the first failing step"""
    assert submission.run_steps([["true"], ["false"], ["true"]], 5) == [["true", "ok"], ["false", "failed"]]
