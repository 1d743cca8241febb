import subprocess


def _result(status, returncode=None, stdout="", stderr=""):
    return {"status": status, "returncode": returncode, "stdout": stdout, "stderr": stderr}


def run_command(argv, timeout, input_text=None):
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE if input_text is not None else subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except (FileNotFoundError, NotADirectoryError):
        return _result("not_found")
    with process:
        try:
            out, err = process.communicate(input_text, timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return _result("timeout")
    return _result("ok" if process.returncode == 0 else "failed", process.returncode, out, err)


def run_steps(steps, timeout):
    report = []
    for argv in steps:
        status = run_command(argv, timeout)["status"]
        report.append([argv[0], status])
        if status != "ok":
            return report
    return report
