import csv
import datetime
import json
import re


def validate_record(record):
    """Return (clean, errors): the cleaned record (or None when invalid) and a list of "field: reason" strings."""
    # TODO
    raise NotImplementedError


def ingest_csv(path):
    """Validate every row of the CSV at `path`: {"valid": [...], "rejected": [{"line": n, "errors": [...]}]}."""
    # TODO
    raise NotImplementedError


def ingest_json(path):
    """Validate every object of the JSON array at `path`: rejected ones carry "record" (position from 1)."""
    # TODO
    raise NotImplementedError
