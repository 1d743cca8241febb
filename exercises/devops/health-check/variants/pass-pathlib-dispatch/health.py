import argparse
import contextlib
import io
import json
import subprocess
from datetime import datetime
from pathlib import Path


def file_check(service, now):
    path = Path(service["path"])
    if not path.is_file():
        return "missing"
    return "ok" if path.stat().st_size > 0 else "empty"


def heartbeat_check(service, now):
    path = Path(service["path"])
    if not path.is_file():
        return "missing"
    try:
        last = datetime.fromisoformat(path.read_text(encoding="utf-8").strip())
    except ValueError:
        return "unreadable"
    return "ok" if (datetime.fromisoformat(now) - last).total_seconds() <= service["max_age"] else "stale"


def command_check(service, now):
    try:
        code = subprocess.run(service["argv"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              stdin=subprocess.DEVNULL, timeout=service.get("timeout", 5)).returncode
    except subprocess.TimeoutExpired:
        return "timeout"
    except OSError:
        return "not found"
    return "ok" if code == 0 else f"exit {code}"


CHECKS = {"file": file_check, "heartbeat": heartbeat_check, "command": command_check}


def check_service(service, now):
    check = CHECKS.get(service.get("type"))
    detail = check(service, now) if check else "unknown type"
    return {"name": service["name"], "ok": detail == "ok", "detail": detail}


def check_all(services, now):
    checks, worst = [], 0
    for service in services:
        result = check_service(service, now)
        checks.append(result)
        if not result["ok"]:
            worst = max(worst, 2 if service.get("critical", True) else 1)
    return {"status": ["ok", "degraded", "down"][worst], "exit_code": worst, "checks": checks}


def main(argv):
    parser = argparse.ArgumentParser(prog="healthcheck", exit_on_error=False)
    parser.add_argument("services")
    parser.add_argument("--now", required=True)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    except argparse.ArgumentError:
        return 2
    report = check_all(json.loads(Path(args.services).read_text(encoding="utf-8")), args.now)
    for check in report["checks"]:
        print(("OK  " if check["ok"] else "FAIL"), f"{check['name']}: {check['detail']}")
    print("status:", report["status"])
    return report["exit_code"]


# ---------------------------------------------------------------------------------------------
# Given helper: leave it as it is (the tests use it to run main() and see what it printed).

def run(argv):
    """Call main(argv) and return [exit_code, printed_stdout]."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return [code, out.getvalue()]
