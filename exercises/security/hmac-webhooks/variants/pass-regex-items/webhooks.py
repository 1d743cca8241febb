"""Webhook signatures: the header is checked item by item with regular expressions."""

import hashlib
import hmac
import re

ITEM = re.compile(r"([^=,]+)=([^,]*)")
DIGITS = re.compile(r"[0-9]+")


def _signature(secret, body, timestamp):
    return hmac.new(secret, b"%d." % timestamp + body, hashlib.sha256).hexdigest()


def sign(secret, body, timestamp):
    return f"t={timestamp},v1={_signature(secret, body, timestamp)}"


def verify(secret, body, header, now, tolerance=300):
    if not isinstance(header, str):
        return False
    stamps, signatures = [], []
    for item in header.split(","):
        match = ITEM.fullmatch(item)
        if match is None:
            return False
        key, value = match.groups()
        if key == "t":
            stamps.append(value)
        elif key == "v1":
            signatures.append(value)
    if len(stamps) != 1 or not signatures or DIGITS.fullmatch(stamps[0]) is None:
        return False
    timestamp = int(stamps[0])
    if abs(now - timestamp) > tolerance:
        return False
    expected = _signature(secret, body, timestamp).encode("ascii")
    matched = False
    for given in signatures:
        matched |= hmac.compare_digest(expected, given.encode("utf-8", "replace"))
    return matched
