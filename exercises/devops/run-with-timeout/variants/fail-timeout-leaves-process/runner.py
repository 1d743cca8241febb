import subprocess


def run_command(argv, timeout, input_text=None):
    """Run `argv` for at most `timeout` seconds and report what happened."""
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
    except FileNotFoundError:
        return {"status": "not_found", "returncode": None, "stdout": "", "stderr": ""}
    try:
        out, err = process.communicate(input_text, timeout=timeout)
    except subprocess.TimeoutExpired:
        # gives up waiting, but the program keeps running in the background
        return {"status": "timeout", "returncode": None, "stdout": "", "stderr": ""}
    status = "ok" if process.returncode == 0 else "failed"
    return {"status": status, "returncode": process.returncode, "stdout": out, "stderr": err}


def run_steps(steps, timeout):
    done = []
    for argv in steps:
        result = run_command(argv, timeout)
        done.append([argv[0], result["status"]])
        if result["status"] != "ok":
            break
    return done
