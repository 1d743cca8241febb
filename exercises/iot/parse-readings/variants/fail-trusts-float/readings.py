import serial

RANGES = {"temperature": (-40, 85), "humidity": (0, 100), "light": (0, 1023)}


def parse_reading(line):
    try:
        t, h, light = line.strip().split(",")
        if not (t.startswith("T=") and h.startswith("H=") and light.startswith("L=")):
            raise ValueError("wrong field names")
        reading = {"temperature": float(t[2:]), "humidity": float(h[2:]), "light": int(light[2:])}
    except (ValueError, AttributeError) as exc:
        raise ValueError(f"not a reading: {line!r}") from exc
    for name, (low, high) in RANGES.items():
        if not low <= reading[name] <= high:
            raise ValueError(f"{name} {reading[name]} is outside {low}..{high}")
    return reading


def read_readings(port, count):
    readings = []
    with serial.Serial(port, 9600, timeout=1) as link:
        while len(readings) < count:
            try:
                readings.append(parse_reading(link.readline().decode("ascii", errors="replace")))
            except ValueError:
                continue
    return readings
