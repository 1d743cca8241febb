import datetime
import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
DATE = re.compile(
    r"(?<!\d)(?:(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2})|(?P<d2>\d{2})/(?P<m2>\d{2})/(?P<y2>\d{4}))(?!\d)"
)
PHONE = re.compile(
    r"(?<![\d+])(?:\+1[ -])?(?:\((?P<a1>\d{3})\) ?|(?P<a2>\d{3})[-. ])(?P<e>\d{3})[-. ](?P<n>\d{4})(?!\d)"
)


def find_emails(text):
    """Email addresses in `text`, lowercased, each once, in order of first appearance."""
    found = []
    for match in EMAIL.finditer(text):
        address = match.group().lower()
        found.append(address)
    return found


def find_dates(text):
    """Real dates written YYYY-MM-DD or DD/MM/YYYY, as ISO strings, in order."""
    dates = []
    for match in DATE.finditer(text):
        year = match.group("y1") or match.group("y2")
        month = match.group("m1") or match.group("m2")
        day = match.group("d1") or match.group("d2")
        try:
            dates.append(datetime.date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return dates


def find_phones(text):
    """North American phone numbers, normalised to AAA-EEE-NNNN, in order."""
    return [
        f"{m.group('a1') or m.group('a2')}-{m.group('e')}-{m.group('n')}" for m in PHONE.finditer(text)
    ]
