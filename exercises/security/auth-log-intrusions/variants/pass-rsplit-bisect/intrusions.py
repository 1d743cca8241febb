import bisect
import ipaddress
from collections import defaultdict
from datetime import datetime


def parse_line(line, year=2024):
    line = line.rstrip("\r\n")
    if " sshd[" not in line or "]: " not in line:
        return None
    head, _, msg = line.partition("]: ")
    parts = head.split()
    if len(parts) < 5 or not parts[4].startswith("sshd["):
        return None
    if msg.startswith("Failed "):
        event = "failed"
    elif msg.startswith("Accepted "):
        event = "accepted"
    else:
        return None
    method_and_rest = msg.split(" ", 1)[1]
    method, sep, rest = method_and_rest.partition(" for ")
    if not sep or " " in method:
        return None
    # rest: "[invalid user ]NAME from IP port N ssh2[: ...]"
    key = rest.split(" ssh2", 1)
    body = rest.rsplit(" ssh2", 1)[0] if rest.endswith(" ssh2") else None
    if body is None:
        idx = rest.rfind(" ssh2: ")
        if idx < 0:
            return None
        body = rest[:idx]
    who, sep, tail = body.rpartition(" from ")
    if not sep:
        return None
    tail_parts = tail.split()
    if len(tail_parts) != 3 or tail_parts[1] != "port" or not tail_parts[2].isdigit():
        return None
    invalid = who.startswith("invalid user ")
    user = who[len("invalid user "):] if invalid else who
    month, day, clock = parts[0], parts[1], parts[2]
    when = datetime.strptime(f"{year} {month} {int(day):02d} {clock}", "%Y %b %d %H:%M:%S")
    return {"time": when, "event": event, "user": user, "ip": tail_parts[0], "invalid_user": invalid}


def _read(path, year):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            ev = parse_line(line, year)
            if ev:
                out.append(ev)
    return out


def failed_counts(path, year=2024):
    counts = {}
    for ev in _read(path, year):
        if ev["event"] == "failed":
            counts[ev["ip"]] = counts.get(ev["ip"], 0) + 1
    return counts


def _fail_times(events):
    t = defaultdict(list)
    for ev in events:
        if ev["event"] == "failed":
            t[ev["ip"]].append(ev["time"].timestamp())
    return t


def _flag(events, threshold, window):
    flagged = []
    for ip, ts in _fail_times(events).items():
        ts.sort()
        for i, start in enumerate(ts):
            j = bisect.bisect_right(ts, start + window)
            if j - i >= threshold:
                flagged.append(ip)
                break
    flagged.sort(key=lambda ip: (ipaddress.ip_address(ip).version, int(ipaddress.ip_address(ip))))
    return flagged


def brute_force_ips(path, threshold=5, window=60, year=2024):
    return _flag(_read(path, year), threshold, window)


def compromised_logins(path, threshold=5, window=60, year=2024):
    events = _read(path, year)
    flagged = set(_flag(events, threshold, window))
    first = {}
    for ev in events:
        if ev["event"] == "failed":
            first[ev["ip"]] = min(first.get(ev["ip"], ev["time"]), ev["time"])
    return [{"time": e["time"], "user": e["user"], "ip": e["ip"]} for e in events
            if e["event"] == "accepted" and e["ip"] in flagged and e["time"] >= first[e["ip"]]]
