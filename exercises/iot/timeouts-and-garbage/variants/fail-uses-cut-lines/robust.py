import re

import serial

NUMBER = r"-?\d+(?:\.\d+)?"
LINE = re.compile(rf"T=({NUMBER}),H=({NUMBER}),L=(\d+)", re.ASCII)
RANGES = {"temperature": (-40, 85), "humidity": (0, 100), "light": (0, 1023)}


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


MAX_LINE = 64  # a reading is about 20 bytes; more without a newline is garbage


def read_one(link):
    """One reading from the next line, or raise ValueError saying why this read failed."""
    raw = link.readline(MAX_LINE)
    if not raw:
        raise ValueError("timed out")
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise ValueError("garbage") from None
    return parse_reading(text)


def read_readings(port, count, timeout=0.5, max_failures=5):
    """The next `count` valid readings; TimeoutError after `max_failures` failed reads in a row."""
    readings = []
    failures = 0
    with serial.Serial(port, 9600, timeout=timeout) as link:
        while len(readings) < count:
            try:
                readings.append(read_one(link))
            except ValueError as problem:
                failures += 1
                if failures >= max_failures:
                    raise TimeoutError(
                        f"no valid reading in {failures} reads in a row (last one: {problem})"
                    ) from None
            else:
                failures = 0
    return readings
