import csv
import os
import re
from datetime import datetime, timezone

import serial

NUMBER = r"-?\d+(?:\.\d+)?"
LINE = re.compile(rf"T=({NUMBER}),H=({NUMBER}),L=(\d+)", re.ASCII)
RANGES = {"temperature": (-40, 85), "humidity": (0, 100), "light": (0, 1023)}
COLUMNS = ["timestamp", "temperature", "humidity", "light"]


def parse_reading(line):
    """{'temperature': float, 'humidity': float, 'light': int} for a valid line; ValueError otherwise."""
    match = LINE.fullmatch(line.strip())
    if match is None:
        raise ValueError(f"not a reading: {line!r}")
    reading = {"temperature": float(match[1]), "humidity": float(match[2]), "light": int(match[3])}
    for name, (low, high) in RANGES.items():
        if not low <= reading[name] <= high:
            raise ValueError(f"{name} {reading[name]} is outside {low}..{high}")
    return reading


def timestamp():
    """Now, in UTC, as ISO 8601 with milliseconds: 2026-11-21T20:46:32.123+00:00."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def log_readings(port, path, count):
    """Append the next `count` valid readings to the CSV file `path`; return the file's whole text."""
    new_file = not os.path.exists(path) or os.path.getsize(path) == 0
    with open(path, "a", newline="", encoding="utf-8") as out, serial.Serial(port, 9600, timeout=1) as link:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        written = 0
        while written < count:
            raw = link.readline()
            when = timestamp()  # the moment the line arrived, not when the loop started
            try:
                reading = parse_reading(raw.decode("ascii", errors="replace"))
            except ValueError:
                continue
            writer.writerow({"timestamp": when, **reading})
            out.flush()  # a logger that crashes later keeps what it already wrote
            written += 1
    with open(path, newline="", encoding="utf-8") as written_file:
        return written_file.read()
