import csv
import datetime
import json
import re


def _present(value):
    return value is not None and str(value).strip() != ""


def _integer(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def validate_record(record):
    """Return (clean, errors): the cleaned record (or None when invalid) and a list of "field: reason" strings."""
    errors = []
    raw_id = record.get("customer_id")
    customer_id = _integer(raw_id)
    if not _present(raw_id):
        errors.append("customer_id: missing")
    elif customer_id is None or customer_id <= 0:
        errors.append("customer_id: must be a whole number above 0")
    email = str(record.get("email") or "").strip().lower()
    if not email:
        errors.append("email: missing")
    elif not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", email):
        errors.append("email: not a valid address")
    country = str(record.get("country") or "").strip()
    if not country:
        errors.append("country: missing")
    elif not re.fullmatch(r"[A-Z]{2}", country):
        errors.append("country: must be two capital letters")
    date = str(record.get("signup_date") or "").strip()
    if not date:
        errors.append("signup_date: missing")
    else:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                raise ValueError
            datetime.date.fromisoformat(date)
        except ValueError:
            errors.append("signup_date: not a real date")
    age = None
    if _present(record.get("age")):
        age = _integer(record.get("age"))
        if age is None or not 13 <= age <= 120:
            errors.append("age: must be from 13 to 120")
    if errors:
        return None, errors
    return {"customer_id": customer_id, "email": email, "country": country, "signup_date": date, "age": age}, []


def _ingest(numbered, key):
    valid, rejected, seen = [], [], set()
    for number, record in numbered:
        clean, errors = validate_record(record)
        if clean is not None and clean["customer_id"] in seen:
            clean, errors = None, ["customer_id: duplicate"]
        seen.add(_integer(record.get("customer_id")))
        if clean is None:
            rejected.append({key: number, "errors": errors})
        else:
            seen.add(clean["customer_id"])
            valid.append(clean)
    return {"valid": valid, "rejected": rejected}


def ingest_csv(path):
    """Validate every row of the CSV at `path`: {"valid": [...], "rejected": [{"line": n, "errors": [...]}]}."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        numbered = [(reader.line_num, row) for row in reader]
    return _ingest(numbered, "line")


def ingest_json(path):
    """Validate every object of the JSON array at `path`: rejected ones carry "record" (position from 1)."""
    with open(path, encoding="utf-8") as handle:
        return _ingest(enumerate(json.load(handle), start=1), "record")
