import csv
import re
import time
from datetime import datetime, timezone
from pathlib import Path

import serial

NUMBER = r"-?\d+(?:\.\d+)?"
LINE = re.compile(rf"T=({NUMBER}),H=({NUMBER}),L=(\d+)", re.ASCII)
RANGES = {"temperature": (-40, 85), "humidity": (0, 100), "light": (0, 1023)}
COLUMNS = ["timestamp", "temperature", "humidity", "light"]


def parse_reading(line):
    match = LINE.fullmatch(line.strip())
    if match is None:
        raise ValueError(f"not a reading: {line!r}")
    reading = {"temperature": float(match[1]), "humidity": float(match[2]), "light": int(match[3])}
    for name, (low, high) in RANGES.items():
        if not low <= reading[name] <= high:
            raise ValueError(f"{name} {reading[name]} is outside {low}..{high}")
    return reading


def utc_stamp(seconds):
    return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec="milliseconds")


def readings(link):
    """Endless (arrival time, reading) pairs of valid lines."""
    while True:
        line = link.readline()
        arrived = time.time()
        try:
            yield arrived, parse_reading(line.decode("ascii", "replace"))
        except ValueError:
            pass


def log_readings(port, path, count):
    target = Path(path)
    needs_header = not (target.is_file() and target.stat().st_size)
    with serial.Serial(port, 9600, timeout=0.5) as link, target.open("a", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if needs_header:
            writer.writerow(COLUMNS)
        stream = readings(link)
        for _ in range(count):
            arrived, reading = next(stream)
            writer.writerow([utc_stamp(arrived), reading["temperature"], reading["humidity"], reading["light"]])
            handle.flush()
    return target.read_text()
