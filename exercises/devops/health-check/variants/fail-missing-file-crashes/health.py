import argparse
import contextlib
import datetime
import io
import json
import os
import subprocess


def _file(service):
    path = service["path"]
    if not os.path.isfile(path):
        return False, "missing"
    if os.path.getsize(path) == 0:
        return False, "empty"
    return True, "ok"


def _heartbeat(service, now):
    path = service["path"]
    with open(path, encoding="utf-8") as handle:
        text = handle.read().strip()
    try:
        beat = datetime.datetime.fromisoformat(text)
    except ValueError:
        return False, "unreadable"
    age = (datetime.datetime.fromisoformat(now) - beat).total_seconds()
    return (True, "ok") if age <= service["max_age"] else (False, "stale")


def _command(service):
    try:
        completed = subprocess.run(service["argv"], capture_output=True, timeout=service.get("timeout", 5))
    except FileNotFoundError:
        return False, "not found"
    except subprocess.TimeoutExpired:
        return False, "timeout"
    if completed.returncode != 0:
        return False, f"exit {completed.returncode}"
    return True, "ok"


def check_service(service, now):
    """Check one service described by a dict; return {"name", "ok", "detail"}."""
    kind = service.get("type")
    if kind == "file":
        ok, detail = _file(service)
    elif kind == "heartbeat":
        ok, detail = _heartbeat(service, now)
    elif kind == "command":
        ok, detail = _command(service)
    else:
        ok, detail = False, "unknown type"
    return {"name": service["name"], "ok": ok, "detail": detail}


def check_all(services, now):
    """Check every service; the overall status and exit code follow from the failures."""
    checks = [check_service(service, now) for service in services]
    failed = [service for service, check in zip(services, checks) if not check["ok"]]
    if any(service.get("critical", True) for service in failed):
        status, code = "down", 2
    elif failed:
        status, code = "degraded", 1
    else:
        status, code = "ok", 0
    return {"status": status, "exit_code": code, "checks": checks}


def main(argv):
    """healthcheck SERVICES_JSON --now TIMESTAMP: print a report and return the exit code."""
    parser = argparse.ArgumentParser(prog="healthcheck")
    parser.add_argument("services")
    parser.add_argument("--now", required=True)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    with open(args.services, encoding="utf-8") as handle:
        services = json.load(handle)
    report = check_all(services, args.now)
    for check in report["checks"]:
        print(f"{'OK' if check['ok'] else 'FAIL':4} {check['name']}: {check['detail']}")
    print(f"status: {report['status']}")
    return report["exit_code"]


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to run main() and see what it printed).

def run(argv):
    """Call main(argv) and return [exit_code, printed_stdout]."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return [code, out.getvalue()]
