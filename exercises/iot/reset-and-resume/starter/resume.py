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


def collect(port, count, timeout=0.5, max_silences=3):
    """`count` readings from a sensor that streams on START, surviving its restarts and short silences."""
    readings = []
    restarts = 0
    with serial.Serial(port, 9600, timeout=timeout) as link:
        # TODO: send START, read readings; on the banner or a silence send START again;
        # give up with ConnectionError after max_silences silent reads in a row; send STOP at the end.
        pass
    return {"readings": readings, "restarts": restarts}
