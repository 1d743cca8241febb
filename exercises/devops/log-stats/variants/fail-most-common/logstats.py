import math
import re
from collections import Counter

LINE = re.compile(
    r'(?P<ip>\S+) \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<method>[A-Z]+) (?P<path>\S+) (?P<protocol>[^"\s]+)" '
    r'(?P<status>\d{3}) (?P<bytes>\d+|-) "(?P<referer>[^"]*)" "(?P<agent>[^"]*)" (?P<seconds>\d+(?:\.\d+)?)'
)


def parse_line(line):
    """The fields of one access-log line as a dict, or None when the line is malformed."""
    match = LINE.match(line.strip())
    if not match:
        return None
    return {
        "ip": match["ip"],
        "method": match["method"],
        "path": match["path"].split("?", 1)[0],
        "status": int(match["status"]),
        "ms": float(match["seconds"]) * 1000,
    }


def percentile(values, pct):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = math.ceil(pct / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def log_stats(path):
    """Request count, malformed lines, status counts, 5xx rate, p95 latency and top paths of a log file."""
    entries, malformed = [], 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            entry = parse_line(line)
            if entry is None:
                malformed += 1
            else:
                entries.append(entry)
    statuses = Counter(e["status"] for e in entries)
    paths = Counter(e["path"] for e in entries)
    errors = sum(n for status, n in statuses.items() if status >= 500)
    return {
        "requests": len(entries),
        "malformed": malformed,
        "status_counts": dict(sorted(statuses.items())),
        "error_rate": round(errors / len(entries), 4) if entries else 0.0,
        "p95_ms": round(percentile([e["ms"] for e in entries], 95), 1) if entries else None,
        "top_paths": [[p, n] for p, n in paths.most_common(3)],
    }
