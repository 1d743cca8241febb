import hashlib
import hmac


def sign(secret, body, timestamp):
    """Return "t=<timestamp>,v1=<hex HMAC-SHA256 of b'<timestamp>.' + body>"."""
    raise NotImplementedError("write sign")


def verify(secret, body, header, now, tolerance=300):
    """True if `header` holds a valid, fresh signature of `body`; False otherwise (never raises)."""
    raise NotImplementedError("write verify")
