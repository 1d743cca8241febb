import re

import serial

NUMBER = r"-?\d+(?:\.\d+)?"
LINE = re.compile(rf"T=({NUMBER}),H=({NUMBER}),L=(\d+)", re.ASCII)
RANGES = {"temperature": (-40, 85), "humidity": (0, 100), "light": (0, 1023)}


def parse_reading(line):
    match = LINE.fullmatch(line.strip())
    if match is None:
        raise ValueError(f"not a reading: {line!r}")
    reading = {"temperature": float(match[1]), "humidity": float(match[2]), "light": int(match[3])}
    for name, (low, high) in RANGES.items():
        if not low <= reading[name] <= high:
            raise ValueError(f"{name} {reading[name]} is outside {low}..{high}")
    return reading


class Session:
    """What the logger knows: the readings so far, and whether the sensor must be told START."""

    def __init__(self, link, max_silences):
        self.link = link
        self.max_silences = max_silences
        self.readings = []
        self.restarts = 0
        self.quiet = 0
        self.must_start = True

    def step(self):
        if self.must_start:
            self.link.write(b"START\r\n")
            self.must_start = False
        chunk = self.link.readline(64)
        if chunk == b"":
            self.quiet += 1
            if self.quiet == self.max_silences:
                raise ConnectionError(f"no data after {self.quiet} timeouts in a row")
            self.must_start = True
            return
        self.quiet = 0
        line = chunk.decode("latin-1").rstrip("\r\n")
        if line.endswith("READY"):
            self.restarts += 1
            self.must_start = True
        elif line.startswith("T="):
            try:
                self.readings.append(parse_reading(line))
            except ValueError:
                pass


def collect(port, count, timeout=0.5, max_silences=3):
    link = serial.Serial(port, 9600, timeout=timeout)
    try:
        session = Session(link, max_silences)
        while len(session.readings) < count:
            session.step()
        link.write(b"STOP\r\n")
        return {"readings": session.readings, "restarts": session.restarts}
    finally:
        link.close()
