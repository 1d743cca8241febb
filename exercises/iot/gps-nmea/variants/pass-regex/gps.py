import operator
import re
from functools import reduce

import serial

SENTENCE = re.compile(r"\$([^$*]*)\*([0-9A-Fa-f]{2})")
COORDINATE = re.compile(r"(\d{2,3})(\d{2}\.\d+)")


def nmea_checksum_ok(sentence):
    match = SENTENCE.fullmatch(sentence.rstrip("\r\n"))
    return bool(match) and reduce(operator.xor, map(ord, match[1]), 0) == int(match[2], 16)


def to_decimal(value, hemisphere):
    match = COORDINATE.fullmatch(value)
    sign = {"N": 1, "E": 1, "S": -1, "W": -1}.get(hemisphere)
    if match is None or sign is None or float(match[2]) >= 60:
        raise ValueError(f"bad coordinate {value!r} {hemisphere!r}")
    return sign * (int(match[1]) + float(match[2]) / 60)


def _position(lat, ns, lon, ew):
    return {"latitude": to_decimal(lat, ns), "longitude": to_decimal(lon, ew)}


def parse_sentence(line):
    try:
        if not nmea_checksum_ok(line):
            return None
        kind, *fields = SENTENCE.fullmatch(line.rstrip("\r\n"))[1].split(",")
        if kind == "GPGGA" and fields[5].isdigit() and int(fields[5]) > 0:
            return {"type": "GGA", "time": fields[0], **_position(*fields[1:5]),
                    "satellites": int(fields[6]), "altitude": float(fields[8])}
        if kind == "GPRMC" and fields[1] == "A":
            return {"type": "RMC", "time": fields[0], **_position(*fields[2:6]), "speed_knots": float(fields[6])}
    except (ValueError, IndexError, TypeError):
        pass
    return None


def read_positions(port, count):
    seen = set()
    positions = []
    link = serial.Serial(port, 9600, timeout=0.5)
    try:
        while len(positions) < count:
            fix = parse_sentence(link.readline().decode("latin-1"))
            if fix and fix["time"] not in seen:
                seen.add(fix["time"])
                positions.append({key: fix[key] for key in ("time", "latitude", "longitude")})
    finally:
        link.close()
    return positions
