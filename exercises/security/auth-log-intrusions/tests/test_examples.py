from datetime import datetime


def test_parse_accepted(submission):
    """parse_line of an Accepted line"""
    line = "Mar  3 11:03:10 web1 sshd[3836]: Accepted password for root from 192.0.2.77 port 41898 ssh2"
    assert submission.parse_line(line) == {"time": datetime(2024, 3, 3, 11, 3, 10), "event": "accepted",
                                           "user": "root", "ip": "192.0.2.77", "invalid_user": False}


def test_parse_other(submission):
    """parse_line of a CRON line is None"""
    line = "Mar  3 06:17:01 web1 CRON[4627]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)"
    assert submission.parse_line(line) is None


def test_small_log(submission):
    """brute_force_ips("auth_small.log") finds the one attacker"""
    assert submission.brute_force_ips("auth_small.log") == ["198.51.100.200"]
