import re

import serial

NUMBER = r"-?\d+(?:\.\d+)?"
LINE = re.compile(rf"T=({NUMBER}),H=({NUMBER}),L=(\d+)", re.ASCII)
RANGES = {"temperature": (-40, 85), "humidity": (0, 100), "light": (0, 1023)}


def parse_reading(line):
    """{'temperature': float, 'humidity': float, 'light': int} for a valid line; ValueError otherwise."""
    if not isinstance(line, str):
        raise ValueError(f"a reading must be text, not {type(line).__name__}")
    match = LINE.fullmatch(line.strip())
    if match is None:
        raise ValueError(f"not a reading: {line!r}")
    reading = {"temperature": float(match[1]), "humidity": float(match[2]), "light": int(match[3])}
    return reading


def read_readings(port, count):
    """The next `count` valid readings from the sensor on `port`, skipping lines that do not parse."""
    readings = []
    with serial.Serial(port, 9600, timeout=1) as link:
        while len(readings) < count:
            text = link.readline().decode("ascii", errors="replace")
            try:
                readings.append(parse_reading(text))
            except ValueError:
                continue
    return readings
