import string

LETTERS = set(string.ascii_letters)
DIGITS = set(string.digits)
HEX = set(string.hexdigits)


def is_valid_username(value):
    return (isinstance(value, str) and 3 <= len(value) <= 16 and value[0] in LETTERS
            and all(c in LETTERS or c in DIGITS or c == "_" for c in value))


def is_valid_hex_color(value):
    return (isinstance(value, str) and len(value) in (4, 7) and value.startswith("#")
            and all(c in HEX for c in value[1:]))


def _octet(part):
    if not part or len(part) > 3 or any(c not in DIGITS for c in part):
        return False
    return part == "0" or (part[0] != "0" and int(part) <= 255)


def is_valid_ipv4(value):
    if not isinstance(value, str):
        return False
    parts = value.split(".")
    return len(parts) == 4 and all(_octet(p) for p in parts)


def is_valid_time(value):
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        return False
    hh, mm = value[:2], value[3:]
    if any(c not in DIGITS for c in hh + mm):
        return False
    return int(hh) < 24 and int(mm) < 60


def invalid_fields(record):
    checks = [("color", is_valid_hex_color), ("ip", is_valid_ipv4), ("time", is_valid_time),
              ("username", is_valid_username)]
    return [key for key, check in checks if not check(record.get(key))]
