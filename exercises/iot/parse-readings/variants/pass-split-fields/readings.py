import serial

FIELDS = (("T", "temperature", -40, 85), ("H", "humidity", 0, 100), ("L", "light", 0, 1023))


def _decimal(text):
    body = text[1:] if text.startswith("-") else text
    whole, _, fraction = body.partition(".")
    if not whole.isdigit() or not whole.isascii() or ("." in body and not (fraction.isdigit() and fraction.isascii())):
        raise ValueError(f"not a number: {text!r}")
    return float(text)


def parse_reading(line):
    if not isinstance(line, str):
        raise ValueError("a reading is text")
    parts = line.strip().split(",")
    if len(parts) != len(FIELDS):
        raise ValueError(f"expected 3 fields, got {len(parts)}")
    reading = {}
    for part, (key, name, low, high) in zip(parts, FIELDS):
        label, sep, value = part.partition("=")
        if label != key or not sep:
            raise ValueError(f"expected {key}=..., got {part!r}")
        if key == "L":
            if not (value.isdigit() and value.isascii()):
                raise ValueError(f"light must be a whole number, got {value!r}")
            number = int(value)
        else:
            number = _decimal(value)
        if number < low or number > high:
            raise ValueError(f"{name} out of range: {number}")
        reading[name] = number
    return reading


def read_readings(port, count):
    found = []
    link = serial.Serial(port, 9600, timeout=1)
    try:
        while len(found) < count:
            try:
                found.append(parse_reading(link.readline().decode("latin-1")))
            except ValueError:
                pass
    finally:
        link.close()
    return found
