import hashlib
import hmac


def sign(secret, body, timestamp):
    signature = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def verify(secret, body, header, now, tolerance=300):
    try:
        items = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(items["t"])
        given = items["v1"]
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).split("v1=")[1]
    return hmac.compare_digest(expected.encode(), given.encode())
