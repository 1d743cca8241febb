import serial


def nmea_checksum_ok(sentence):
    """True when `sentence` is `$<body>*<two hex digits>` and the digits are the XOR of the body."""
    text = sentence.strip()
    if not text.startswith("$") or text.count("*") != 1:
        return False
    body, _, given = text[1:].partition("*")
    if len(given) != 2:
        return False
    try:
        expected = int(given, 16)
    except ValueError:
        return False
    value = 0
    for char in body:
        value ^= ord(char)
    return value == expected


def to_decimal(value, hemisphere):
    if hemisphere not in ("N", "S", "E", "W"):
        raise ValueError("bad hemisphere")
    number = float(value)              # ValueError for text that is not a number
    degrees, minutes = divmod(number, 100)
    decimal = degrees + minutes / 60
    return -decimal if hemisphere in "SW" else decimal


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
