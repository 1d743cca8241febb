import re

USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{2,15}")
HEX_COLOR = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")
OCTET = re.compile(r"0|[1-9][0-9]{0,2}")
TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")


def _full(pattern, value):
    return isinstance(value, str) and re.match(pattern.pattern + "$", value) is not None


def is_valid_username(value):
    """3-16 characters: an ASCII letter, then ASCII letters, digits or underscores."""
    return _full(USERNAME, value)


def is_valid_hex_color(value):
    """'#' and exactly 3 or 6 hex digits."""
    return _full(HEX_COLOR, value)


def is_valid_ipv4(value):
    """Four numbers 0-255 without leading zeros, separated by dots."""
    if not isinstance(value, str):
        return False
    parts = value.split(".")
    return len(parts) == 4 and all(_full(OCTET, part) and int(part) <= 255 for part in parts)


def is_valid_time(value):
    """A 24-hour time HH:MM."""
    return _full(TIME, value)


CHECKS = {"username": is_valid_username, "color": is_valid_hex_color, "ip": is_valid_ipv4, "time": is_valid_time}


def invalid_fields(record):
    """Sorted names of the fields (username, color, ip, time) that are missing or invalid."""
    return sorted(name for name, check in CHECKS.items() if name not in record or not check(record[name]))
