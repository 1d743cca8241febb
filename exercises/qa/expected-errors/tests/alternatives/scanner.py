"""Read and write durations such as "1h30m" or "45s", with a hand-written scanner."""

import re

UNITS = {"h": 3600, "m": 60, "s": 1}
PART = re.compile(r"(\d+)([hms])")

_ORDER = "hms"


class DurationError(ValueError):
    """A duration that cannot be read; the message quotes the text that was wrong."""


def _scan(text):
    """The (digits, unit) pairs that make up `text`, or None when it is not made of such pairs."""
    pairs = []
    digits = ""
    for char in text:
        if char.isdecimal():
            digits += char
        elif char in _ORDER and digits:
            pairs.append((digits, char))
            digits = ""
        else:
            return None
    if digits or not pairs:
        return None
    return pairs


def parse_duration(text):
    """The number of seconds in `text`, such as "1h30m" or " 45s "."""
    if not isinstance(text, str):
        raise TypeError(f"a duration must be a string, not {type(text).__name__}")
    pairs = _scan(text.strip())
    if pairs is None:
        raise DurationError(f"cannot read duration {text!r}")
    last = -1
    for _, unit in pairs:
        position = _ORDER.index(unit)
        if position <= last:
            raise DurationError(f"units out of order or repeated in {text!r}")
        last = position
    seconds = 0
    for digits, unit in pairs:
        seconds += int(digits) * UNITS[unit]
    return seconds


def format_duration(seconds):
    """`seconds` written as parts, largest unit first; "0s" for 0."""
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        raise TypeError(f"seconds must be an int, not {type(seconds).__name__}")
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    pieces = []
    left = seconds
    for unit, size in (("h", 3600), ("m", 60), ("s", 1)):
        count, left = divmod(left, size)
        if count:
            pieces.append(f"{count}{unit}")
    return "".join(pieces) or "0s"
