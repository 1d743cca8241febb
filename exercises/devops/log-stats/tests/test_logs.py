import math
import re
from collections import Counter

import pytest

LINE = re.compile(
    r'(\S+) \S+ \S+ \[[^\]]+\] "([A-Z]+) (\S+) [^"\s]+" (\d{3}) (?:\d+|-) "[^"]*" "[^"]*" (\d+(?:\.\d+)?)')


def reference(data_dir, name):
    entries, malformed = [], 0
    for line in (data_dir / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        m = LINE.fullmatch(line.strip())
        if not m:
            malformed += 1
            continue
        entries.append((m[3].split("?")[0], int(m[4]), float(m[5]) * 1000))
    times = sorted(e[2] for e in entries)
    statuses = Counter(e[1] for e in entries)
    paths = Counter(e[0] for e in entries)
    return {
        "requests": len(entries), "malformed": malformed, "status_counts": dict(statuses),
        "error_rate": round(sum(n for s, n in statuses.items() if s >= 500) / len(entries), 4) if entries else 0.0,
        "p95_ms": round(times[math.ceil(0.95 * len(times)) - 1], 1) if times else None,
        "top_paths": [[p, n] for p, n in sorted(paths.items(), key=lambda i: (-i[1], i[0]))[:3]],
    }


def stats(submission, name):
    result = submission.log_stats(name)
    assert isinstance(result, dict), "log_stats() must return a dict"
    missing = {"requests", "malformed", "status_counts", "error_rate", "p95_ms", "top_paths"} - set(result)
    assert not missing, f"log_stats() has no key {sorted(missing)[0]!r}"
    return result


LOGS = ["access.log", "small.log", "checkout.log"]


@pytest.mark.points(2)
@pytest.mark.parametrize("name", LOGS)
def test_counts(submission, data_dir, name):
    """requests and malformed count well-formed and broken lines, ignoring blank ones"""
    got, exp = stats(submission, name), reference(data_dir, name)
    assert got["requests"] + got["malformed"] == exp["requests"] + exp["malformed"], (
        "requests + malformed must equal the number of non-blank lines; blank lines are ignored"
    )
    assert got["requests"] == exp["requests"], (
        "log_stats() counted the wrong number of requests; a line is a request only if it has the full shape "
        "(a request like \"-\" or a truncated line is malformed)"
    )
    assert got["malformed"] == exp["malformed"], "log_stats() counted the wrong number of malformed lines"


@pytest.mark.points(2)
@pytest.mark.parametrize("name", LOGS)
def test_status_counts(submission, data_dir, name):
    """status_counts counts requests per status code"""
    got, exp = stats(submission, name), reference(data_dir, name)
    counts = got["status_counts"]
    assert isinstance(counts, dict), "status_counts must be a dict"
    assert all(isinstance(k, int) for k in counts), "the keys of status_counts must be ints like 200, not strings"
    assert counts == exp["status_counts"], "status_counts is wrong"


@pytest.mark.parametrize("name", LOGS)
def test_error_rate(submission, data_dir, name):
    """error_rate is the share of 5xx responses"""
    got, exp = stats(submission, name), reference(data_dir, name)
    assert got["error_rate"] == pytest.approx(exp["error_rate"], abs=0.00006), (
        "error_rate must be the number of 5xx responses (500-599, not 4xx) divided by the requests, rounded to 4 "
        "decimals"
    )


@pytest.mark.points(3)
@pytest.mark.parametrize("name", LOGS)
def test_p95(submission, data_dir, name):
    """p95_ms is the nearest-rank 95th percentile in milliseconds"""
    got, exp = stats(submission, name), reference(data_dir, name)
    value = got["p95_ms"]
    assert isinstance(value, (int, float)), "p95_ms must be a number"
    assert value > 5, "p95_ms looks like seconds; convert the request time to milliseconds (× 1000)"
    assert value == pytest.approx(exp["p95_ms"], abs=0.051), (
        "p95_ms is not the nearest-rank percentile: sort the times and take the value at position "
        "ceil(0.95 * n), counting from 1 (no interpolation)"
    )


@pytest.mark.points(2)
@pytest.mark.parametrize("name", LOGS)
def test_top_paths(submission, data_dir, name):
    """top_paths lists the 3 busiest paths without query strings, ties by path"""
    got, exp = stats(submission, name), reference(data_dir, name)
    top = [list(p) for p in got["top_paths"]]
    assert not any("?" in str(p[0]) for p in top), "top_paths must count paths without their query string"
    assert len(top) == len(exp["top_paths"]), "top_paths must hold the 3 most requested paths"
    assert sorted(p[0] for p in top) == sorted(p[0] for p in exp["top_paths"]), "top_paths names the wrong paths"
    assert top == exp["top_paths"], "top_paths is in the wrong order or has wrong counts; ties are sorted by path"


def test_empty_log(submission):
    """A log without requests gives zeros, None and empty collections"""
    got = stats(submission, "empty.log")
    assert got == {"requests": 0, "malformed": 0, "status_counts": {}, "error_rate": 0.0, "p95_ms": None,
                   "top_paths": []}, "log_stats() of a log with only blank lines is wrong"


@pytest.mark.points(2)
def test_parse_line(submission):
    """parse_line() handles spaces in the user agent, a missing size and HEAD requests"""
    got = submission.parse_line('10.0.0.1 - - [01/Apr/2024:00:00:04 +0000] "HEAD /c/d?q=a%20b HTTP/1.0" 304 - "-" '
                                '"Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101" 2.5\n')
    assert got == {"ip": "10.0.0.1", "method": "HEAD", "path": "/c/d", "status": 304, "ms": 2500.0}, (
        "parse_line() read a valid line wrongly (a user agent with spaces, a size of '-', a query string)"
    )


@pytest.mark.parametrize("line", [
    '10.0.0.1 - - [01/Apr/2024:00:00:04 +0000] "-" 400 0 "-" "-" 0.001',
    '10.0.0.1 - - [01/Apr/2024:00:00:04 +0000] "GET / HTTP/1.1" 200',
    '10.0.0.1 - - [01/Apr/2024:00:00:04 +0000] "GET / HTTP/1.1" 2000 5 "-" "-" 0.1',
    '10.0.0.1 - - [01/Apr/2024:00:00:04 +0000] "GET / HTTP/1.1" 200 5 "-" "-" fast',
    '10.0.0.1 - - [01/Apr/2024:00:00:04 +0000] "GET / HTTP/1.1" 200 5 "-" "-" 0.1 trailing junk',
    'Apr  1 00:00:04 host CRON[123]: (root) CMD (backup.sh)',
])
def test_parse_line_malformed(submission, line):
    """parse_line() returns None for lines without the full shape"""
    assert submission.parse_line(line) is None, (
        "parse_line() accepted a malformed line (no request, truncated, a 4-digit status, a non-numeric time or "
        "a line from another program, text after the request time); match the whole line (re.fullmatch)"
    )
