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
    """Read with read_until and a size cap; a failed read is anything that does not give a reading."""
    link = serial.Serial(port, baudrate=9600, timeout=timeout)
    got, streak, why = [], 0, ""
    try:
        while len(got) < count:
            chunk = link.read_until(b"\n", size=64)
            reading = None
            if not chunk:
                why = "timed out"
            elif chunk[-1:] != b"\n":
                why = "cut line"
            else:
                try:
                    reading = parse_reading(chunk.decode("ascii"))
                except (UnicodeDecodeError, ValueError) as problem:
                    why = type(problem).__name__
            if reading is None:
                streak += 1
                if streak == max_failures:
                    raise TimeoutError(f"{streak} failed reads in a row, the last: {why}")
            else:
                got.append(reading)
                streak = 0
    finally:
        link.close()
    return got
