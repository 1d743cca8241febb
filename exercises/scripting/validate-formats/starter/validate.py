import re


def is_valid_username(value):
    """3-16 characters: an ASCII letter, then ASCII letters, digits or underscores."""
    # TODO
    raise NotImplementedError


def is_valid_hex_color(value):
    """'#' and exactly 3 or 6 hex digits."""
    # TODO
    raise NotImplementedError


def is_valid_ipv4(value):
    """Four numbers 0-255 without leading zeros, separated by dots."""
    # TODO
    raise NotImplementedError


def is_valid_time(value):
    """A 24-hour time HH:MM."""
    # TODO
    raise NotImplementedError


def invalid_fields(record):
    """Sorted names of the fields (username, color, ip, time) that are missing or invalid."""
    # TODO
    raise NotImplementedError
