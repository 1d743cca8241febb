import ipaddress
import re
from collections import Counter, defaultdict
from datetime import datetime

# The greedy user group makes "from <ip> port <port>" match the last occurrence on the line.
AUTH = re.compile(
    r"^(?P<month>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})\s+(?P<clock>\d{2}:\d{2}:\d{2})\s+\S+\s+sshd\[\d+\]:\s+"
    r"(?P<event>Failed|Accepted) \S+ for (?P<invalid>invalid user )?(?P<user>.*) "
    r"from (?P<ip>\S+) port \d+ ssh2(?::.*)?$"
)


def parse_line(line, year=2024):
    """A dict for a Failed/Accepted sshd line (time, event, user, ip, invalid_user), else None."""
    match = AUTH.match(line.rstrip("\r\n"))
    if match is None:
        return None
    when = datetime.strptime(f"{year} {match['month']} {match['day']} {match['clock']}", "%Y %b %d %H:%M:%S")
    return {
        "time": when,
        "event": match["event"].lower(),
        "user": match["user"],
        "ip": match["ip"],
        "invalid_user": match["invalid"] is not None,
    }


def _events(path, year):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            event = parse_line(line, year)
            if event is not None:
                yield event


def failed_counts(path, year=2024):
    """{ip: number of failed logins} for the log file at `path`."""
    return dict(Counter(e["ip"] for e in _events(path, year) if e["event"] == "failed"))


def _failures(path, year):
    times = defaultdict(list)
    for event in _events(path, year):
        if event["event"] == "failed":
            times[event["ip"]].append(event["time"])
    return times


def _bursting(times, threshold, window):
    return any(
        (times[i + threshold - 1] - times[i]).seconds <= window for i in range(len(times) - threshold + 1)
    )


def brute_force_ips(path, threshold=5, window=60, year=2024):
    """IPs with `threshold` failures within `window` seconds, sorted by numeric address."""
    failures = _failures(path, year)
    flagged = [ip for ip, times in failures.items() if _bursting(times, threshold, window)]
    return sorted(flagged, key=ipaddress.ip_address)


def compromised_logins(path, threshold=5, window=60, year=2024):
    """Accepted logins from brute-forcing IPs at or after their first failure, in file order."""
    failures = _failures(path, year)
    flagged = set(brute_force_ips(path, threshold, window, year))
    return [
        {"time": e["time"], "user": e["user"], "ip": e["ip"]}
        for e in _events(path, year)
        if e["event"] == "accepted" and e["ip"] in flagged and e["time"] >= min(failures[e["ip"]])
    ]
