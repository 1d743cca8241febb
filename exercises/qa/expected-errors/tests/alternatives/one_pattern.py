"""Read and write durations such as "1h30m" or "45s", each checked against whole-text patterns."""

import re

UNITS = {"h": 3600, "m": 60, "s": 1}
PART = re.compile(r"(\d+)([hms])")

_READABLE = re.compile(r"(?:\d+[hms])+")
_IN_ORDER = re.compile(r"(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?")


class DurationError(ValueError):
    """A duration that cannot be read; the message quotes the text that was wrong."""


def parse_duration(text):
    """The number of seconds in `text`, such as "1h30m" or " 45s "."""
    if not isinstance(text, str):
        raise TypeError(f"a duration must be a string, not {type(text).__name__}")
    body = text.strip()
    if _READABLE.fullmatch(body) is None:
        raise DurationError(f"cannot read duration {text!r}")
    found = _IN_ORDER.fullmatch(body)
    if found is None:
        raise DurationError(f"units out of order or repeated in {text!r}")
    return sum(int(digits) * UNITS[unit] for unit, digits in found.groupdict().items() if digits is not None)


def format_duration(seconds):
    """`seconds` written as parts, largest unit first; "0s" for 0."""
    if not isinstance(seconds, int) or type(seconds) is bool:
        raise TypeError(f"seconds must be an int, not {type(seconds).__name__}")
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    hours = seconds // 3600
    minutes = seconds % 3600 // 60
    rest = seconds % 60
    if not (hours or minutes or rest):
        return "0s"
    return (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "") + (f"{rest}s" if rest else "")
