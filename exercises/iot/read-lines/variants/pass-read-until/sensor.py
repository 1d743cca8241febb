import serial


def reading_lines(link):
    """Every non-empty line that is not a banner, as text, forever."""
    while True:
        text = link.read_until(b"\n").decode("latin-1").rstrip("\r\n").strip()
        if text and not text.endswith("READY"):
            yield text


def read_lines(port, count):
    link = serial.Serial(port=port, baudrate=9600, timeout=2)
    try:
        stream = reading_lines(link)
        return [next(stream) for _ in range(count)]
    finally:
        link.close()
