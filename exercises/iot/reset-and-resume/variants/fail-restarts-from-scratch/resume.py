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


def is_banner(text):
    return text.endswith("READY")


def collect(port, count, timeout=0.5, max_silences=3):
    """`count` readings from a sensor that streams on START, surviving its restarts and short silences."""
    readings = []
    restarts = 0
    silences = 0
    with serial.Serial(port, 9600, timeout=timeout) as link:
        link.write(b"START\n")
        while len(readings) < count:
            raw = link.readline(64)
            if not raw:
                silences += 1
                if silences >= max_silences:
                    raise ConnectionError(f"the sensor stayed silent for {silences} reads in a row")
                link.write(b"START\n")  # it may have restarted while we were not listening
                continue
            silences = 0
            text = raw.decode("ascii", errors="replace").strip()
            if is_banner(text):
                restarts += 1
                readings = []  # start over after a restart
                link.write(b"START\n")  # it restarted and waits to be told again
                continue
            try:
                readings.append(parse_reading(text))
            except ValueError:
                continue  # OK, a cut line, noise
        link.write(b"STOP\n")
    return {"readings": readings, "restarts": restarts}
