"""sshd log analysis with string splitting and a deque as the sliding window."""

import ipaddress
from collections import defaultdict, deque
from datetime import datetime


def parse_line(line, year=2024):
    parts = line.rstrip("\r\n").split(None, 4)
    if len(parts) < 5 or not parts[4].startswith("sshd["):
        return None
    month, day, clock, _host, rest = parts
    _program, sep, message = rest.partition(": ")
    event, _, message = message.partition(" ")
    if not sep or event not in ("Failed", "Accepted"):
        return None
    method, _, message = message.partition(" ")
    if not method or not message.startswith("for "):
        return None
    who, sep, where = message[len("for "):].rpartition(" from ")
    fields = where.split(" ", 3)
    if not sep or len(fields) < 3 or fields[1] != "port" or not fields[2].isdigit():
        return None
    if len(fields) == 4 and not (fields[3] == "ssh2" or fields[3].startswith("ssh2:")):
        return None
    invalid = who.startswith("invalid user ")
    try:
        ipaddress.ip_address(fields[0])
        time = datetime.strptime(f"{year} {month} {day} {clock}", "%Y %b %d %H:%M:%S")
    except ValueError:
        return None
    return {
        "time": time,
        "event": event.lower(),
        "user": who[len("invalid user "):] if invalid else who,
        "ip": fields[0],
        "invalid_user": invalid,
    }


def _events(path, year):
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            event = parse_line(line, year)
            if event is not None:
                yield event


def failed_counts(path, year=2024):
    counts = defaultdict(int)
    for event in _events(path, year):
        if event["event"] == "failed":
            counts[event["ip"]] += 1
    return dict(counts)


def _failures_by_ip(path, year):
    failures = defaultdict(list)
    for event in _events(path, year):
        if event["event"] == "failed":
            failures[event["ip"]].append(event["time"])
    return failures


def _bursting(times, threshold, window):
    recent = deque()
    for time in sorted(times):
        recent.append(time)
        while (time - recent[0]).total_seconds() > window:
            recent.popleft()
        if len(recent) >= threshold:
            return True
    return False


def brute_force_ips(path, threshold=5, window=60, year=2024):
    failures = _failures_by_ip(path, year)
    flagged = [ip for ip, times in failures.items() if _bursting(times, threshold, window)]
    return sorted(flagged, key=ipaddress.ip_address)


def compromised_logins(path, threshold=5, window=60, year=2024):
    failures = _failures_by_ip(path, year)
    first_failure = {ip: min(failures[ip]) for ip in brute_force_ips(path, threshold, window, year)}
    return [
        {"time": event["time"], "user": event["user"], "ip": event["ip"]}
        for event in _events(path, year)
        if event["event"] == "accepted" and event["ip"] in first_failure and event["time"] >= first_failure[event["ip"]]
    ]
