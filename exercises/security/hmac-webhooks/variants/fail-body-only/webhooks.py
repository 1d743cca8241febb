import hashlib
import hmac


def _signature(secret, body, timestamp):
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def sign(secret, body, timestamp):
    """Return "t=<timestamp>,v1=<hex HMAC-SHA256 of b'<timestamp>.' + body>"."""
    return f"t={timestamp},v1={_signature(secret, body, timestamp)}"


def verify(secret, body, header, now, tolerance=300):
    """True if `header` holds a valid, fresh signature of `body`; False otherwise (never raises)."""
    if not isinstance(header, str):
        return False
    times, signatures = [], []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            return False
        if key == "t":
            times.append(value)
        elif key == "v1":
            signatures.append(value)
    if len(times) != 1 or not signatures:
        return False
    text = times[0]
    if not (text.isascii() and text.isdigit()):
        return False
    timestamp = int(text)
    if abs(now - timestamp) > tolerance:
        return False
    expected = _signature(secret, body, timestamp)
    # Check every candidate, so the time taken doesn't depend on which one matched.
    matched = False
    for candidate in signatures:
        if hmac.compare_digest(expected.encode("ascii"), candidate.encode("utf-8", "replace")):
            matched = True
    return matched
