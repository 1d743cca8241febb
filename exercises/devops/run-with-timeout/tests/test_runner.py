import sys
import time

import pytest

PY = sys.executable
KEYS = {"status", "returncode", "stdout", "stderr"}


def run(submission, argv, timeout, *rest):
    result = submission.run_command(argv, timeout, *rest)
    assert isinstance(result, dict) and set(result) == KEYS, (
        f"run_command() must return a dict with exactly the keys {sorted(KEYS)}"
    )
    return result


@pytest.mark.points(2)
def test_output_captured(submission):
    """stdout and stderr are captured separately, as text"""
    result = run(submission, [PY, "-c", "import sys; print('out 1'); print('err ✓', file=sys.stderr); print('out 2')"], 5)
    assert isinstance(result["stdout"], str) and isinstance(result["stderr"], str), (
        "stdout and stderr must be text (str), not bytes: use text=True"
    )
    assert result["stdout"] == "out 1\nout 2\n", "stdout must hold exactly what the program printed on stdout"
    assert result["stderr"] == "err ✓\n", "stderr must hold exactly what the program printed on stderr"
    assert result["status"] == "ok" and result["returncode"] == 0, "a program exiting with 0 is ok"


@pytest.mark.points(2)
def test_failed(submission):
    """A non-zero exit code is reported as failed, with its output"""
    result = run(submission, [PY, "-c", "import sys; print('partial'); sys.exit(3)"], 5)
    assert result["status"] == "failed", "a program exiting with a non-zero code has status 'failed'"
    assert result["returncode"] == 3, "returncode must be the program's exit code"
    assert result["stdout"] == "partial\n", "a failed program's output must be kept"


def test_killed_by_signal(submission):
    """A program killed by a signal is failed with a negative code"""
    result = run(submission, [PY, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"], 5)
    assert result["status"] == "failed" and result["returncode"] == -15, (
        "a program killed by SIGTERM must be 'failed' with returncode -15 (as subprocess reports it)"
    )


@pytest.mark.points(2)
def test_no_shell(submission):
    """Arguments are passed as they are, without a shell"""
    tricky = "$HOME; echo injected `id` *"
    result = run(submission, [PY, "-c", "import sys; print(sys.argv[1])", tricky], 5)
    assert result["stdout"] == tricky + "\n", (
        "an argument reached the program changed: run the argv list directly (no shell=True, no joining into a "
        "string)"
    )


def test_input_text(submission):
    """input_text is given to the program's standard input"""
    result = run(submission, [PY, "-c", "import sys; print(sys.stdin.read().upper(), end='')"], 5, "two\nlines\n")
    assert result["stdout"] == "TWO\nLINES\n", "the program must receive input_text on its standard input"
    empty = run(submission, [PY, "-c", "import sys; print(repr(sys.stdin.read()))"], 5)
    assert empty["status"] == "ok", "without input_text the program must still run"


@pytest.mark.points(2)
def test_not_found(submission):
    """A program that does not exist is reported, not raised"""
    result = run(submission, ["/usr/bin/no-such-program-here", "--version"], 5)
    assert result == {"status": "not_found", "returncode": None, "stdout": "", "stderr": ""}, (
        "a missing program must give status 'not_found' with returncode None and empty output "
        "(catch FileNotFoundError)"
    )


@pytest.mark.points(2)
def test_steps(submission):
    """run_steps() runs steps in order and stops at the first problem"""
    steps = [["true"], [PY, "-c", "pass"], ["no-such-step"], ["false"]]
    assert submission.run_steps(steps, 5) == [["true", "ok"], [PY, "ok"], ["no-such-step", "not_found"]], (
        "run_steps() must run the steps in order, report [argv[0], status] for each, and stop after the "
        "first one that is not ok"
    )
    assert submission.run_steps([["true"], ["true"]], 5) == [["true", "ok"], ["true", "ok"]], (
        "run_steps() must run every step when all are ok"
    )
    assert submission.run_steps([], 5) == [], "run_steps([]) must return []"


# The timeout checks come last: a call that ignores its timeout never returns and ends the run.

@pytest.mark.points(3)
def test_timeout(submission):
    """A program that runs too long is stopped at the timeout"""
    started = time.monotonic()
    result = run(submission, [PY, "-c", "import time; time.sleep(30)"], 0.5)
    elapsed = time.monotonic() - started
    assert result == {"status": "timeout", "returncode": None, "stdout": "", "stderr": ""}, (
        "a program still running at the timeout must give status 'timeout', returncode None and empty output"
    )
    assert elapsed < 3, "run_command() must return right after the timeout, not wait for the program"


@pytest.mark.points(2)
def test_timeout_kills(submission):
    """A timed-out program is killed, not left running"""
    script = "import time; time.sleep(0.6); open('still_running.txt', 'w').write('yes')"
    result = run(submission, [PY, "-c", script], 0.2)
    assert result["status"] == "timeout", "a program still running at the timeout must give status 'timeout'"
    time.sleep(0.8)
    check = run(submission, [PY, "-c", "import os; print(os.path.exists('still_running.txt'))"], 5)
    assert check["stdout"] == "False\n", (
        "the timed-out program kept running in the background: kill it at the timeout (subprocess.run does)"
    )


def test_steps_timeout(submission):
    """run_steps() stops at a step that times out"""
    steps = [["true"], ["sleep", "20"], ["true"]]
    assert submission.run_steps(steps, 0.3) == [["true", "ok"], ["sleep", "timeout"]], (
        "run_steps() must pass the timeout to every step and stop after a step that timed out"
    )
