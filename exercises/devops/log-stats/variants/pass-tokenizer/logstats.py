import re
from collections import Counter
from urllib.parse import urlsplit

TOKEN = re.compile(r'\[[^\]]*\]|"[^"]*"|[^\s"\[]+')


def _number(text):
    try:
        return float(text)
    except ValueError:
        return None


def parse_line(line):
    line = line.strip()
    tokens = TOKEN.findall(line)
    if len(tokens) != 10 or " ".join(tokens) != " ".join(line.split(" ")) or "  " in line:
        return None
    ip, _ident, _user, when, request, status, size, referer, agent, seconds = tokens
    if not (when.startswith("[") and request.startswith('"') and referer.startswith('"') and agent.startswith('"')):
        return None
    if ip[0] in '"[' or _ident[0] in '"[' or _user[0] in '"[':
        return None
    parts = request[1:-1].split(" ")
    if len(parts) != 3 or not parts[0].isalpha() or not parts[0].isupper() or not all(parts):
        return None
    if not (len(status) == 3 and status.isdigit() and (size == "-" or size.isdigit())):
        return None
    if not re.fullmatch(r"\d+(\.\d+)?", seconds):
        return None
    return {"ip": ip, "method": parts[0], "path": urlsplit(parts[1]).path if "?" in parts[1] else parts[1],
            "status": int(status), "ms": _number(seconds) * 1000}


def log_stats(path):
    entries, malformed = [], 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                entry = parse_line(line)
                if entry:
                    entries.append(entry)
                else:
                    malformed += 1
    n = len(entries)
    times = sorted(e["ms"] for e in entries)
    rank = -(-95 * n // 100)
    paths = Counter(e["path"] for e in entries)
    return {
        "requests": n,
        "malformed": malformed,
        "status_counts": {s: c for s, c in sorted(Counter(e["status"] for e in entries).items())},
        "error_rate": round(sum(500 <= e["status"] <= 599 for e in entries) / n, 4) if n else 0.0,
        "p95_ms": round(times[max(rank, 1) - 1], 1) if n else None,
        "top_paths": [[p, c] for p, c in sorted(paths.items(), key=lambda kv: (-kv[1], kv[0]))][:3],
    }
