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


def log_readings(port, path, count):
    """Append the next `count` valid readings to the CSV file `path`; return the file's whole text."""
    # TODO: open the file for appending and the port; write the header only into a new file;
    # one row per valid reading with the UTC time it arrived.
    return ""
