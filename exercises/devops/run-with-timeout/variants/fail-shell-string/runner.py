import subprocess


def run_command(argv, timeout, input_text=None):
    """Run `argv` (a list, no shell) for at most `timeout` seconds and report what happened."""
    try:
        completed = subprocess.run(
            " ".join(argv), shell=True, input=input_text, capture_output=True, text=True, timeout=timeout, check=False
        )
    except FileNotFoundError:
        return {"status": "not_found", "returncode": None, "stdout": "", "stderr": ""}
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "returncode": None, "stdout": "", "stderr": ""}
    return {
        "status": "ok" if completed.returncode == 0 else "failed",
        "returncode": completed.returncode,
        "stdout": completed.stdout,
        "stderr": completed.stderr,
    }


def run_steps(steps, timeout):
    """Run each command of `steps` in order, stopping after the first one that is not ok."""
    done = []
    for argv in steps:
        result = run_command(argv, timeout)
        done.append([argv[0], result["status"]])
        if result["status"] != "ok":
            break
    return done
