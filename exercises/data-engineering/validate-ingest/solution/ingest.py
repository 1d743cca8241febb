import csv
import datetime
import json
import re

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
COUNTRY = re.compile(r"[A-Z]{2}")


def _text(value):
    if value is None:
        return ""
    return str(value).strip()


def _whole_number(value):
    """An int from an int or a string of digits; None otherwise (bools and floats are not accepted)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    return None


def validate_record(record):
    """Return (clean, errors): the cleaned record, or None, and a list of "field: reason" strings."""
    errors = []
    customer_id = _whole_number(record.get("customer_id"))
    if _text(record.get("customer_id")) == "":
        errors.append("customer_id: missing")
    elif customer_id is None or customer_id <= 0:
        errors.append("customer_id: must be a whole number above 0")
    email = _text(record.get("email")).lower()
    if not email:
        errors.append("email: missing")
    elif not EMAIL.fullmatch(email):
        errors.append("email: not a valid address")
    country = _text(record.get("country"))
    if not country:
        errors.append("country: missing")
    elif not COUNTRY.fullmatch(country):
        errors.append("country: must be two capital letters")
    signup = _text(record.get("signup_date"))
    if not signup:
        errors.append("signup_date: missing")
    else:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", signup):
                raise ValueError
            datetime.date.fromisoformat(signup)
        except ValueError:
            errors.append("signup_date: not a real YYYY-MM-DD date")
    age = None
    if _text(record.get("age")) != "":
        age = _whole_number(record.get("age"))
        if age is None or not 13 <= age <= 120:
            errors.append("age: must be a whole number from 13 to 120")
    if errors:
        return None, errors
    return {"customer_id": customer_id, "email": email, "country": country, "signup_date": signup, "age": age}, []


def _ingest(records, where):
    valid, rejected, seen = [], [], set()
    for position, record in records:
        clean, errors = validate_record(record)
        if clean is not None and clean["customer_id"] in seen:
            clean, errors = None, ["customer_id: duplicate"]
        if clean is None:
            rejected.append({where: position, "errors": errors})
        else:
            seen.add(clean["customer_id"])
            valid.append(clean)
    return {"valid": valid, "rejected": rejected}


def ingest_csv(path):
    """Validate every row of the CSV at `path`; rejected rows carry their line number."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [(reader.line_num, row) for row in reader]
    return _ingest(rows, "line")


def ingest_json(path):
    """Validate every object of the JSON array at `path`; rejected ones carry their position (from 1)."""
    with open(path, encoding="utf-8") as handle:
        records = json.load(handle)
    return _ingest(list(enumerate(records, start=1)), "record")
