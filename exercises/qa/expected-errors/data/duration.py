"""Read and write durations such as "1h30m" or "45s", as found in configuration files."""

import re

UNITS = {"h": 3600, "m": 60, "s": 1}
PART = re.compile(r"(\d+)([hms])")


class DurationError(ValueError):
    """A duration that cannot be read; the message quotes the text that was wrong."""


def parse_duration(text):
    """The number of seconds in `text`, made of parts such as "2h", "30m" and "15s".

    Parts come in the order h, m, s, each at most once: "1h30m", "45s", "2h15s". Spaces around
    the text are ignored. Raises TypeError when `text` is not a string, and DurationError when
    it is empty or is not made of such parts; the error message quotes the text.
    """
    if not isinstance(text, str):
        raise TypeError(f"a duration must be a string, not {type(text).__name__}")
    cleaned = text.strip()
    parts = PART.findall(cleaned)
    if not cleaned or "".join(number + unit for number, unit in parts) != cleaned:
        raise DurationError(f"cannot read duration {text!r}")
    units = [unit for _, unit in parts]
    if units != sorted(units, key="hms".index) or len(set(units)) != len(units):
        raise DurationError(f"units out of order or repeated in {text!r}")
    return sum(int(number) * UNITS[unit] for number, unit in parts)


def format_duration(seconds):
    """`seconds` written as parts: 5400 gives "1h30m", 45 gives "45s", 0 gives "0s".

    Raises TypeError when `seconds` is not an int (True and False are not accepted either),
    and ValueError when it is negative.
    """
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        raise TypeError(f"seconds must be an int, not {type(seconds).__name__}")
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    if seconds == 0:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return "".join(f"{count}{unit}" for count, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if count)
