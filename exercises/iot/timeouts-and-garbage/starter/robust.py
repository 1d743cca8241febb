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


def read_readings(port, count, timeout=0.5, max_failures=5):
    """The next `count` valid readings; TimeoutError after `max_failures` failed reads in a row."""
    readings = []
    # TODO: open the port with the timeout, count failed reads, give up with TimeoutError.
    return readings
