import serial

BAUD = 9600


def is_banner(text):
    return text.endswith("READY")


def read_lines(port, count):
    """Return the next `count` reading lines from the sensor on `port`, as str without line endings."""
    lines = []
    with serial.Serial(port, BAUD, timeout=1) as link:
        while len(lines) < count:
            raw = link.readline()
            text = raw.decode("ascii", errors="replace").rstrip("\n")
            if not text.strip() or is_banner(text.strip()):
                continue
            lines.append(text)
    return lines
