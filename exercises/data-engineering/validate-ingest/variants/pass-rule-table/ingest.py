import csv
import datetime
import json
import re

DIGITS = re.compile(r"[0-9]+")
DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
LETTERS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _as_int(value):
    """(number, ok) for an int or a string of digits; bools and floats are refused."""
    if type(value) is int:
        return value, True
    if isinstance(value, str) and DIGITS.fullmatch(value.strip()):
        return int(value.strip()), True
    return None, False


def _check_id(value):
    number, ok = _as_int(value)
    if not ok or number < 1:
        raise ValueError("must be a whole number above 0")
    return number


def _check_email(value):
    email = str(value).strip().lower()
    local, at, domain = email.partition("@")
    head, dot, tail = domain.rpartition(".")
    bad = (not at or not local or not head or not dot or "@" in domain
           or any(ch.isspace() for ch in email) or len(tail) < 2 or not (tail.isascii() and tail.isalpha()))
    if bad:
        raise ValueError("not a valid address")
    return email


def _check_country(value):
    code = str(value).strip()
    if len(code) != 2 or not set(code) <= LETTERS:
        raise ValueError("must be two capital letters")
    return code


def _check_date(value):
    text = str(value).strip()
    match = DATE.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise ValueError("not a real YYYY-MM-DD date") from None
    return text


def _check_age(value):
    number, ok = _as_int(value)
    if not ok or not 13 <= number <= 120:
        raise ValueError("must be a whole number from 13 to 120")
    return number


RULES = [  # field, required, check
    ("customer_id", True, _check_id),
    ("email", True, _check_email),
    ("country", True, _check_country),
    ("signup_date", True, _check_date),
    ("age", False, _check_age),
]


def validate_record(record):
    """Return (clean, errors): the cleaned record (or None when invalid) and a list of "field: reason" strings."""
    clean, errors = {}, []
    for field, required, check in RULES:
        value = record.get(field)
        if _blank(value):
            if required:
                errors.append(f"{field}: missing")
            clean[field] = None
            continue
        try:
            clean[field] = check(value)
        except ValueError as problem:
            errors.append(f"{field}: {problem}")
    return (None, errors) if errors else (clean, [])


def _collect(numbered, key):
    accepted_ids = set()
    result = {"valid": [], "rejected": []}
    for number, record in numbered:
        clean, errors = validate_record(record)
        if not errors and clean["customer_id"] in accepted_ids:
            errors = ["customer_id: duplicate"]
        if errors:
            result["rejected"].append({key: number, "errors": errors})
        else:
            accepted_ids.add(clean["customer_id"])
            result["valid"].append(clean)
    return result


def ingest_csv(path):
    """Validate every row of the CSV at `path`: {"valid": [...], "rejected": [{"line": n, "errors": [...]}]}."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        numbered = [(line, dict(zip(header, row))) for line, row in enumerate(rows, start=2)]
    return _collect(numbered, "line")


def ingest_json(path):
    """Validate every object of the JSON array at `path`: rejected ones carry "record" (position from 1)."""
    with open(path, encoding="utf-8") as handle:
        return _collect(enumerate(json.load(handle), start=1), "record")
