import heapq
import re
from collections import defaultdict
from urllib.parse import urlsplit

PATTERN = re.compile(r"""
    ^(?P<ip>\S+)\ \S+\ \S+\                 # address, ident, user
    \[[^\]]*\]\                             # [time]
    "(?P<method>[A-Z]+)\ (?P<target>\S+)\ (?P<proto>[^"\s]+)"[ ]
    (?P<status>[0-9]{3})\ (?:[0-9]+|-)\     # status, size
    "[^"]*"\ "[^"]*"\                       # referer, agent
    (?P<secs>[0-9]+(?:\.[0-9]+)?)$          # request time
""", re.VERBOSE)


def parse_line(line):
    m = PATTERN.match(line.strip())
    if m is None:
        return None
    return {"ip": m["ip"], "method": m["method"], "path": urlsplit(m["target"]).path,
            "status": int(m["status"]), "ms": float(m["secs"]) * 1000.0}


def log_stats(path):
    entries = []
    malformed = 0
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            if raw.isspace() or not raw:
                continue
            e = parse_line(raw)
            if e:
                entries.append(e)
            else:
                malformed += 1
    n = len(entries)
    status_counts = defaultdict(int)
    path_counts = defaultdict(int)
    for e in entries:
        status_counts[e["status"]] += 1
        path_counts[e["path"]] += 1
    fivexx = sum(c for s, c in status_counts.items() if 500 <= s <= 599)
    if n:
        times = sorted(e["ms"] for e in entries)
        p95 = round(times[-(-95 * n // 100) - 1], 1)
        rate = round(fivexx / n, 4)
    else:
        p95, rate = None, 0.0
    top = heapq.nsmallest(3, path_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"requests": n, "malformed": malformed, "status_counts": dict(status_counts),
            "error_rate": rate, "p95_ms": p95, "top_paths": [[p, c] for p, c in top]}
