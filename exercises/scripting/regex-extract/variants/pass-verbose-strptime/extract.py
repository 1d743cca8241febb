import re
from datetime import datetime

EMAIL = re.compile(
    r"""
    [\w.%+-]+          # local part
    @
    (?:[a-z\d-]+\.)+   # labels
    [a-z]{2,}          # top-level domain
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)
ISO = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
EUROPEAN = re.compile(r"(?<!\d)(\d{2}/\d{2}/\d{4})(?!\d)")
PHONE = re.compile(
    r"""
    (?<![\d+])
    (?:\+1[ -])?
    (?: \( (\d{3}) \) \ ? | (\d{3}) [-. ] )
    (\d{3}) [-. ] (\d{4})
    (?!\d)
    """,
    re.VERBOSE,
)


def find_emails(text):
    return list(dict.fromkeys(m.group().lower() for m in EMAIL.finditer(text)))


def find_dates(text):
    found = []
    for pattern, shape in ((ISO, "%Y-%m-%d"), (EUROPEAN, "%d/%m/%Y")):
        for match in pattern.finditer(text):
            try:
                found.append((match.start(), datetime.strptime(match.group(1), shape).date().isoformat()))
            except ValueError:
                pass
    return [iso for _, iso in sorted(found)]


def find_phones(text):
    return ["-".join((m.group(1) or m.group(2), m.group(3), m.group(4))) for m in PHONE.finditer(text)]
