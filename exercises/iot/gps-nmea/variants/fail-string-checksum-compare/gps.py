import serial


def nmea_checksum_ok(sentence):
    text = sentence.strip()
    if not text.startswith("$") or "*" not in text:
        return False
    body, given = text[1:].split("*", 1)
    value = 0
    for ch in body:
        value ^= ord(ch)
    return f"{value:02X}" == given          # compares text: lower-case hex fails


def to_decimal(value, hemisphere):
    """Decimal degrees from NMEA's (d)ddmm.mmmm and N/S/E/W; south and west are negative."""
    if hemisphere not in ("N", "S", "E", "W"):
        raise ValueError(f"not a hemisphere: {hemisphere!r}")
    point = value.find(".")
    if point < 3 or not value.replace(".", "", 1).isdigit():
        raise ValueError(f"not an NMEA coordinate: {value!r}")
    degrees = int(value[: point - 2])
    minutes = float(value[point - 2:])
    if minutes >= 60:
        raise ValueError(f"minutes must be below 60: {value!r}")
    decimal = degrees + minutes / 60
    return -decimal if hemisphere in ("S", "W") else decimal


def parse_sentence(line):
    """A dict for a $GPGGA or $GPRMC sentence that holds a fix; None for anything else."""
    if not isinstance(line, str) or not nmea_checksum_ok(line):
        return None
    fields = line.strip()[1:].split("*")[0].split(",")
    try:
        if fields[0] == "GPGGA" and len(fields) >= 10 and fields[6] not in ("", "0"):
            return {"type": "GGA", "time": fields[1], "latitude": to_decimal(fields[2], fields[3]),
                    "longitude": to_decimal(fields[4], fields[5]), "satellites": int(fields[7]),
                    "altitude": float(fields[9])}
        if fields[0] == "GPRMC" and len(fields) >= 8 and fields[2] == "A":
            return {"type": "RMC", "time": fields[1], "latitude": to_decimal(fields[3], fields[4]),
                    "longitude": to_decimal(fields[5], fields[6]), "speed_knots": float(fields[7])}
    except (ValueError, IndexError):
        return None
    return None


def read_positions(port, count):
    """The next `count` fixes as {'time', 'latitude', 'longitude'}, one per time, in order."""
    positions = []
    with serial.Serial(port, 9600, timeout=1) as link:
        while len(positions) < count:
            line = link.readline().decode("ascii", errors="replace")
            fix = parse_sentence(line)
            if fix is None or (positions and positions[-1]["time"] == fix["time"]):
                continue
            positions.append({"time": fix["time"], "latitude": fix["latitude"], "longitude": fix["longitude"]})
    return positions
