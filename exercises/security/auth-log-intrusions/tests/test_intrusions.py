import ipaddress
import re
from collections import Counter, defaultdict
from datetime import datetime

import pytest

REFERENCE = re.compile(
    r"^(?P<month>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})\s+(?P<clock>\d{2}:\d{2}:\d{2})\s+\S+\s+sshd\[\d+\]:\s+"
    r"(?P<event>Failed|Accepted) \S+ for (?P<invalid>invalid user )?(?P<user>.*) "
    r"from (?P<ip>\S+) port \d+ ssh2(?::.*)?$"
)


def reference_events(path, year=2024):
    for line in path.read_text(encoding="utf-8").splitlines():
        m = REFERENCE.match(line)
        if m:
            when = datetime.strptime(f"{year} {m['month']} {m['day']} {m['clock']}", "%Y %b %d %H:%M:%S")
            yield {"time": when, "event": m["event"].lower(), "user": m["user"], "ip": m["ip"]}


def reference_flagged(path, threshold=5, window=60):
    times = defaultdict(list)
    for e in reference_events(path):
        if e["event"] == "failed":
            times[e["ip"]].append(e["time"])
    flagged = [ip for ip, ts in times.items()
               if any((ts[i + threshold - 1] - ts[i]).total_seconds() <= window for i in range(len(ts) - threshold + 1))]
    return sorted(flagged, key=ipaddress.ip_address), times


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def parsed(submission, line, what, year=None):
    got = submission.parse_line(line) if year is None else submission.parse_line(line, year)
    assert got is None or isinstance(got, dict), f"parse_line of {what} returned a {kind(got)}; return a dict or None"
    return got


RULES = {
    "time": "a datetime of the line's month, day and clock in the year you are given",
    "event": "'failed' or 'accepted', in lower case",
    "user": "the whole user name between 'for' (or 'for invalid user') and the last 'from', spaces included",
    "ip": "the address after the LAST 'from' of the line, as written (IPv6 included)",
    "invalid_user": "True exactly when the line says 'invalid user'",
}


def expect(got, what, **fields):
    assert got is not None, f"parse_line returned None for {what}; it is a login line and must be parsed"
    for key, value in fields.items():
        assert key in got, f"parse_line of {what} has no key {key!r}"
        if key == "time":
            assert isinstance(got[key], datetime), f"parse_line of {what}: time is a {kind(got[key])}; make it a datetime"
        assert got[key] == value, f"parse_line of {what}: {key} is wrong; it must be {RULES[key]}"


# ------------------------------------------------------------------ parse_line


@pytest.mark.points(3)
def test_parse_login_lines(submission):
    """parse_line reads failed and accepted logins of every kind"""
    cases = [
        ("Mar  3 02:13:09 web1 sshd[3366]: Failed password for invalid user admin from 203.0.113.50 port 61328 ssh2",
         "a failed login for an invalid user",
         dict(time=datetime(2024, 3, 3, 2, 13, 9), event="failed", user="admin", ip="203.0.113.50", invalid_user=True)),
        ("Mar 13 04:40:30 web1 sshd[4001]: Failed password for root from 198.51.100.23 port 40022 ssh2\n",
         "a failed login for a real user (with its newline)",
         dict(time=datetime(2024, 3, 13, 4, 40, 30), event="failed", user="root", ip="198.51.100.23", invalid_user=False)),
        ("Dec 31 23:59:59 db2 sshd[77]: Accepted publickey for deploy from 10.0.0.5 port 44630 ssh2: ED25519 SHA256:Zm9vYmFy",
         "an accepted public-key login",
         dict(time=datetime(2024, 12, 31, 23, 59, 59), event="accepted", user="deploy", ip="10.0.0.5", invalid_user=False)),
        ("Jan  9 10:59:55 web1 sshd[3001]: Failed keyboard-interactive for invalid user guest from 198.51.100.99 port 50000 ssh2",
         "a failed keyboard-interactive login",
         dict(time=datetime(2024, 1, 9, 10, 59, 55), event="failed", user="guest", ip="198.51.100.99", invalid_user=True)),
    ]
    for line, what, fields in cases:
        expect(parsed(submission, line, what), what, **fields)


def test_parse_year(submission):
    """parse_line uses the year it is given"""
    line = "Feb 29 12:00:00 web1 sshd[1]: Failed password for bob from 10.0.0.34 port 1234 ssh2"
    what = "a Feb 29 line with a leap year other than 2024 given"
    got = parsed(submission, line, what, 2028)
    expect(got, what, time=datetime(2028, 2, 29, 12, 0, 0))


@pytest.mark.points(2)
def test_parse_ignores_other_lines(submission):
    """parse_line returns None for every line that isn't a Failed or Accepted login"""
    lines = [
        ("Mar  3 02:13:09 web1 sshd[3366]: Invalid user admin from 203.0.113.50 port 61328", "an 'Invalid user' line"),
        ("Mar  3 02:13:10 web1 sshd[3366]: Connection closed by authenticating user admin 203.0.113.50 port 61328 [preauth]",
         "a 'Connection closed' line"),
        ("Mar  3 06:27:03 web1 sshd[2081]: pam_unix(sshd:session): session opened for user deploy(uid=1000) by (uid=0)",
         "a session line"),
        ("Nov 29 00:02:12 bastion sshd[912]: Received disconnect from 198.51.100.200 port 40006:11: disconnected by user",
         "a 'Received disconnect' line"),
        ("Mar  3 06:17:01 web1 CRON[4627]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
         "a CRON line"),
        ("Mar  3 02:14:00 web1 sudo[99]: alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls",
         "a sudo line"),
        ("", "an empty line"),
        ("\n", "a blank line"),
    ]
    for line, what in lines:
        got = parsed(submission, line, what)
        assert got is None, f"parse_line returned a dict for {what}; only Failed and Accepted lines count"


@pytest.mark.points(3)
def test_parse_injected_user(submission):
    """parse_line takes the address from the last "from <ip> port <n>", whatever the user name says"""
    line = ("Mar  3 14:30:00 web1 sshd[5000]: Failed password for invalid user x from 10.0.0.1 port 22 "
            "from 203.0.113.66 port 51234 ssh2")
    got = parsed(submission, line, "a line whose user name contains a fake address", None)
    assert got is not None, "parse_line returned None for a failed login whose user name contains spaces"
    assert got.get("ip") == "203.0.113.66", (
        "parse_line read the wrong address from a line whose attacker-chosen user name contains a fake "
        "'from <ip> port <n>'; the real address is in the LAST 'from <ip> port <port>' of the line"
    )
    assert got.get("user") == "x from 10.0.0.1 port 22", (
        "parse_line must keep the whole user name, spaces included, when it contains a fake 'from ... port ...'"
    )
    line = "Mar  3 14:31:00 web1 sshd[5001]: Failed password for invalid user mary ann from 203.0.113.66 port 5 ssh2"
    expect(parsed(submission, line, "a user name with a space"), "a user name with a space", user="mary ann")


def test_parse_ipv6(submission):
    """parse_line reads IPv6 addresses"""
    line = "Mar  3 08:00:00 web1 sshd[6000]: Failed password for root from 2001:db8::7 port 4444 ssh2"
    expect(parsed(submission, line, "a login from an IPv6 address"), "a login from an IPv6 address", ip="2001:db8::7")


# ------------------------------------------------------------------ counts


@pytest.mark.points(2)
def test_failed_counts(submission, data_dir):
    """failed_counts counts each address's failed logins, once per attempt"""
    for name in ("auth.log", "auth_small.log"):
        expected = Counter(e["ip"] for e in reference_events(data_dir / name) if e["event"] == "failed")
        got = submission.failed_counts(name)
        assert isinstance(got, dict), f"failed_counts({name!r}) returned a {kind(got)}; return a dict"
        got = dict(got)
        if name == "auth.log" and got.get("203.0.113.50") == 2 * expected["203.0.113.50"]:
            raise AssertionError("failed_counts counted each attempt twice; ignore 'Invalid user ...' lines, only "
                                 "'Failed ...' lines are failures")
        assert set(got) == set(expected), (
            f"failed_counts({name!r}) has the wrong set of addresses; count only Failed lines, by the address "
            "after the last 'from'"
        )
        wrong = sorted(ip for ip in expected if got[ip] != expected[ip])
        assert not wrong, f"failed_counts({name!r}) has the wrong count for {wrong[0]}"


# ------------------------------------------------------------------ brute force


@pytest.mark.points(4)
def test_brute_force_auth_log(submission, data_dir):
    """brute_force_ips finds the bursts in a day of traffic, with a sliding 60 s window"""
    expected, times = reference_flagged(data_dir / "auth.log")
    got = submission.brute_force_ips("auth.log")
    assert isinstance(got, list), f"brute_force_ips returned a {kind(got)}; return a list of addresses"
    found = set(got)
    if "198.51.100.23" in found:
        raise AssertionError("brute_force_ips flagged an address with many failures spread over several minutes; "
                             "only count failures that fall within `window` seconds of each other")
    if "10.0.0.77" in found:
        raise AssertionError("brute_force_ips flagged an address with threshold - 1 failures; it needs at least "
                             "`threshold`")
    if "198.51.100.150" in found:
        raise AssertionError("brute_force_ips flagged an address whose 5 failures span 61 s; the window is 60 s")
    if "10.0.0.1" in found or "203.0.113.66" not in found:
        raise AssertionError("brute_force_ips was fooled by user names containing a fake 'from <ip> port <n>'; "
                             "the attacker's address is the last one on the line")
    if "198.51.100.99" not in found:
        raise AssertionError("brute_force_ips missed a burst that crosses a minute boundary; use a sliding window "
                             "over each address's failure times, not fixed one-minute buckets")
    if "10.0.0.10" not in found:
        raise AssertionError("brute_force_ips missed 5 failures spanning exactly 60 s; the window includes its "
                             "edge (last - first <= window)")
    assert found == set(expected), "brute_force_ips returned the wrong addresses"
    assert len(got) == len(found), "brute_force_ips lists an address more than once"
    assert got == expected, (
        "brute_force_ips must sort the addresses by numeric value (10.0.0.9 before 10.0.0.10): "
        "sorted(ips, key=ipaddress.ip_address)"
    )


@pytest.mark.points(2)
def test_brute_force_parameters(submission, data_dir):
    """brute_force_ips uses the threshold and window it is given"""
    for threshold, window in ((3, 30), (8, 300), (5, 10)):
        expected, _ = reference_flagged(data_dir / "auth.log", threshold, window)
        got = submission.brute_force_ips("auth.log", threshold, window)
        assert isinstance(got, list) and got == expected, (
            "brute_force_ips with a threshold and window other than the defaults returned the wrong addresses; "
            "use the threshold and window you are given rather than fixed numbers (and fix the 60 s check first)"
        )


@pytest.mark.points(2)
def test_brute_force_across_days(submission, data_dir):
    """brute_force_ips compares whole time differences in a log that spans several days"""
    expected, _ = reference_flagged(data_dir / "auth_week.log")
    got = submission.brute_force_ips("auth_week.log")
    assert isinstance(got, list), f"brute_force_ips returned a {kind(got)}; return a list of addresses"
    found = set(got)
    if "198.51.100.7" in found:
        raise AssertionError("brute_force_ips flagged an address whose failures are days apart; a timedelta's "
                             ".seconds leaves out its days, compare (last - first).total_seconds() with the window")
    if "192.0.2.44" not in found:
        raise AssertionError("brute_force_ips missed a burst that crosses midnight; compare whole datetimes, "
                             "date included, not only the time of day")
    assert got == expected, "brute_force_ips returned the wrong addresses for a log that spans several days"


# ------------------------------------------------------------------ compromised


@pytest.mark.points(3)
def test_compromised(submission, data_dir):
    """compromised_logins lists the logins that followed a brute-force attack"""
    for name in ("auth.log", "auth_small.log", "auth_week.log"):
        path = data_dir / name
        flagged, times = reference_flagged(path)
        expected = [{"time": e["time"], "user": e["user"], "ip": e["ip"]} for e in reference_events(path)
                    if e["event"] == "accepted" and e["ip"] in flagged and e["time"] >= min(times[e["ip"]])]
        got = submission.compromised_logins(name)
        assert isinstance(got, list), f"compromised_logins({name!r}) returned a {kind(got)}; return a list of dicts"
        for item in got:
            assert isinstance(item, dict) and {"time", "user", "ip"} <= set(item), (
                f"compromised_logins({name!r}): each item must be a dict with time, user and ip"
            )
            assert isinstance(item["time"], datetime), (
                f"compromised_logins({name!r}): time is a {kind(item['time'])}; make it a datetime"
            )
        trimmed = [{"time": i["time"], "user": i["user"], "ip": i["ip"]} for i in got]
        if any(i["ip"] == "10.0.0.1" for i in trimmed):
            raise AssertionError("compromised_logins reported logins from an address that is not brute-forcing; "
                                 "make brute_force_ips pass its tests first (failures within `window` seconds of "
                                 "each other, by the address in the last 'from <ip> port <n>' of the line)")
        if any(i["ip"] in times and i["time"] < min(times[i["ip"]]) for i in trimmed):
            raise AssertionError(f"compromised_logins({name!r}) reported a login from before the address's first "
                                 "failed login; only Accepted logins at or after that first failure count")
        missed = [e for e in expected if e not in trimmed]
        if any(e["time"] > min(times[e["ip"]]) and e["time"] < max(times[e["ip"]]) for e in missed):
            raise AssertionError(f"compromised_logins({name!r}) left out a login made while the attack was still "
                                 "going on; count every Accepted login at or after the address's FIRST failure, "
                                 "not only those after its last one")
        if any(e["time"] == min(times[e["ip"]]) for e in missed):
            raise AssertionError(f"compromised_logins({name!r}) left out a login in the same second as the "
                                 "address's first failure; 'at or after' includes that second (>=, not >)")
        assert len(trimmed) == len(expected), (
            f"compromised_logins({name!r}) found the wrong number of logins; report every Accepted login from a "
            "brute-forcing address at or after its first failure, and nothing else"
        )
        assert trimmed == expected, (
            f"compromised_logins({name!r}) has the right number of logins but wrong details or order; "
            "keep the order of the file"
        )
