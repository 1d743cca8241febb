import re
from functools import reduce

import serial

SENTENCE = re.compile(r"\$(?P<body>[^$*]*)\*(?P<sum>[0-9A-Fa-f]{2})")
COORD = {"N": 2, "S": 2, "E": 3, "W": 3}


def nmea_checksum_ok(sentence):
    m = SENTENCE.fullmatch(sentence.rstrip("\r\n"))
    if not m:
        return False
    return reduce(lambda acc, ch: acc ^ ord(ch), m["body"], 0) == int(m["sum"], 16)


def to_decimal(value, hemisphere):
    width = COORD.get(hemisphere)
    if width is None:
        raise ValueError(f"hemisphere must be N, S, E or W, not {hemisphere!r}")
    if not re.fullmatch(r"\d+\.\d*", value) or value.index(".") < width + 2:
        raise ValueError(f"bad coordinate {value!r}")
    head = value.index(".") - 2
    result = int(value[:head]) + float(value[head:]) / 60
    return -result if hemisphere in ("S", "W") else result


def parse_sentence(line):
    try:
        if not nmea_checksum_ok(line):
            return None
        f = line.strip()[1:line.strip().index("*")].split(",")
        if f[0] == "GPGGA" and f[6].isdigit() and int(f[6]) > 0:
            return {"type": "GGA", "time": f[1], "latitude": to_decimal(f[2], f[3]),
                    "longitude": to_decimal(f[4], f[5]), "satellites": int(f[7]), "altitude": float(f[9])}
        if f[0] == "GPRMC" and f[2] == "A":
            return {"type": "RMC", "time": f[1], "latitude": to_decimal(f[3], f[4]),
                    "longitude": to_decimal(f[5], f[6]), "speed_knots": float(f[7])}
    except Exception:
        return None
    return None


def read_positions(port, count):
    seen = set()
    out = []
    ser = serial.Serial(port=port, baudrate=9600, timeout=2)
    try:
        while len(out) < count:
            raw = ser.readline()
            fix = parse_sentence(raw.decode("ascii", errors="ignore"))
            if fix and fix["time"] not in seen:
                seen.add(fix["time"])
                out.append({k: fix[k] for k in ("time", "latitude", "longitude")})
    finally:
        ser.close()
    return out
