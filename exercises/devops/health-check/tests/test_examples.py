NOW = "2024-06-01T12:00:00"


def test_heartbeat_example(submission):
    """A fresh heartbeat is healthy"""
    service = {"name": "worker", "type": "heartbeat", "path": "hb_worker.txt", "max_age": 120}
    assert submission.check_service(service, NOW) == {"name": "worker", "ok": True, "detail": "ok"}


def test_command_example(submission):
    """A failing command reports its exit code"""
    service = {"name": "db", "type": "command", "argv": ["false"]}
    assert submission.check_service(service, NOW) == {"name": "db", "ok": False, "detail": "exit 1"}


def test_main_example(submission):
    """healthcheck services.json exits with 1 (degraded)"""
    code, printed = submission.run(["services.json", "--now", NOW])
    assert code == 1
    assert printed.strip().splitlines()[-1] == "status: degraded"
