import serial

BAUD = 115200


def is_banner(text):
    return text.endswith("READY")


def read_lines(port, count):
    """Return the next `count` reading lines from the sensor on `port`, as str without line endings."""
    lines = []
    with serial.Serial(port, BAUD, timeout=1) as link:
        while len(lines) < count:
            raw = link.readline()
            text = raw.decode("ascii", errors="replace").strip()
            if not text or is_banner(text):
                continue
            lines.append(text)
    return lines
