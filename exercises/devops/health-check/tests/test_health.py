import sys

import pytest

NOW = "2024-06-01T12:00:00"


def check(submission, service, now=NOW):
    result = submission.check_service(service, now)
    assert isinstance(result, dict) and set(result) == {"name", "ok", "detail"}, (
        "check_service() must return a dict with the keys name, ok and detail"
    )
    assert result["name"] == service["name"], "check_service() must return the service's name"
    assert isinstance(result["ok"], bool), "ok must be True or False"
    return result["ok"], result["detail"]


@pytest.mark.points(2)
def test_file_checks(submission):
    """file checks: present, missing and empty"""
    assert check(submission, {"name": "f", "type": "file", "path": "ready.flag"}) == (True, "ok"), (
        "an existing, non-empty file is healthy with detail 'ok'"
    )
    assert check(submission, {"name": "f", "type": "file", "path": "nope.flag"}) == (False, "missing"), (
        "a file that does not exist is not healthy, detail 'missing'"
    )
    assert check(submission, {"name": "f", "type": "file", "path": "empty.txt"}) == (False, "empty"), (
        "an empty file is not healthy, detail 'empty'"
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("path, max_age, now, expected", [
    ("hb_worker.txt", 120, NOW, (True, "ok")),
    ("hb_worker.txt", 30, NOW, (True, "ok")),
    ("hb_worker.txt", 29, NOW, (False, "stale")),
    ("hb_backup.txt", 600, NOW, (False, "stale")),
    ("hb_backup.txt", 600, "2024-06-01T11:50:00", (True, "ok")),
    ("hb_backup.txt", 3600, "2024-06-03T11:41:00", (False, "stale")),
    ("hb_broken.txt", 600, NOW, (False, "unreadable")),
    ("empty.txt", 600, NOW, (False, "unreadable")),
    ("hb_missing.txt", 600, NOW, (False, "missing")),
])
def test_heartbeats(submission, path, max_age, now, expected):
    """heartbeat checks compare the file's timestamp with now"""
    got = check(submission, {"name": "hb", "type": "heartbeat", "path": path, "max_age": max_age}, now)
    assert got == expected, (
        "a heartbeat check is wrong: it is healthy when now - timestamp <= max_age seconds (compare full "
        "datetimes, dates included); 'stale' when older, 'unreadable' when the file holds no timestamp, "
        "'missing' without a file"
    )


@pytest.mark.points(2)
def test_command_checks(submission):
    """command checks: exit codes, timeouts and missing programs"""
    py = sys.executable
    assert check(submission, {"name": "c", "type": "command", "argv": [py, "-c", "pass"]}) == (True, "ok"), (
        "a command exiting with 0 is healthy"
    )
    assert check(submission, {"name": "c", "type": "command", "argv": [py, "-c", "raise SystemExit(4)"]}) == (
        False, "exit 4"), "a command exiting with a non-zero code is not healthy, detail 'exit N' with its exit code"
    assert check(submission, {"name": "c", "type": "command", "argv": ["/usr/bin/not-installed-here"]}) == (
        False, "not found"), "a command that does not exist is not healthy, detail 'not found'"
    got = check(submission, {"name": "c", "type": "command", "argv": ["sleep", "10"], "timeout": 0.3})
    assert got == (False, "timeout"), "a command still running at its timeout is not healthy, detail 'timeout'"


def test_unknown_type(submission):
    """an unknown check type is unhealthy"""
    assert check(submission, {"name": "x", "type": "ping", "host": "db"}) == (False, "unknown type"), (
        "a service with an unknown type is not healthy, detail 'unknown type'"
    )


def overall(submission, services, now=NOW):
    report = submission.check_all(services, now)
    assert isinstance(report, dict) and set(report) == {"status", "exit_code", "checks"}, (
        "check_all() must return a dict with the keys status, exit_code and checks"
    )
    return report


FILE_OK = {"name": "a", "type": "file", "path": "ready.flag"}
FILE_BAD = {"name": "b", "type": "file", "path": "gone.flag"}


@pytest.mark.points(3)
@pytest.mark.parametrize("services, status, code", [
    ([FILE_OK], "ok", 0),
    ([], "ok", 0),
    ([FILE_OK, {**FILE_BAD, "critical": False}], "degraded", 1),
    ([FILE_OK, FILE_BAD], "down", 2),
    ([{**FILE_BAD, "critical": False}, {**FILE_BAD, "name": "c", "critical": True}], "down", 2),
    ([{**FILE_BAD, "critical": False}, {**FILE_BAD, "name": "c", "critical": False}], "degraded", 1),
    ([{**FILE_OK, "critical": False}, {"name": "z", "type": "ping"}], "down", 2),
])
def test_overall_status(submission, services, status, code):
    """check_all() is down for a critical failure, degraded for others only, ok otherwise"""
    report = overall(submission, services)
    assert (report["status"], report["exit_code"]) == (status, code), (
        "the overall status is wrong: 'down' (2) if any critical service fails (services are critical unless "
        "\"critical\" is false), 'degraded' (1) if only non-critical ones fail, 'ok' (0) otherwise"
    )


def test_checks_in_order(submission):
    """check_all() lists one check per service, in order"""
    services = [FILE_BAD, FILE_OK, {"name": "hb", "type": "heartbeat", "path": "hb_worker.txt", "max_age": 60}]
    report = overall(submission, services)
    assert [c["name"] for c in report["checks"]] == ["b", "a", "hb"], "checks must follow the order of the services"
    assert [c["ok"] for c in report["checks"]] == [False, True, True], "each check must match check_service()"


@pytest.mark.points(2)
@pytest.mark.parametrize("file, code, status", [
    ("services.json", 1, "degraded"), ("services_ok.json", 0, "ok"), ("services_down.json", 2, "down"),
])
def test_main(submission, file, code, status):
    """main() reads the JSON file, prints the status last and returns the exit code"""
    got, printed = submission.run([file, "--now", NOW])
    assert got == code, "main() must return the exit_code of check_all()'s report (0 ok, 1 degraded, 2 down)"
    lines = printed.strip().splitlines()
    assert lines and lines[-1] == f"status: {status}", "the last printed line must be 'status: <status>'"
    assert len(lines) >= 2, "main() must print a line per check before the status"


def test_main_usage_error(submission):
    """main() without --now is a usage error"""
    got, _ = submission.run(["services.json"])
    assert got == 2, "main() without --now must return 2, like any usage error"
