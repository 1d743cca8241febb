import base64
import binascii
import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"
SALT_BYTES = 16
HASH_BYTES = 32


def _derive(password, salt, iterations):
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)


def _b64(data):
    return base64.b64encode(data).decode("ascii")


def hash_password(password, iterations=600_000):
    """Return "pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>" with a fresh 16-byte salt."""
    if isinstance(iterations, bool) or not isinstance(iterations, int) or iterations < 1:
        raise ValueError("iterations must be a whole number of at least 1")
    salt = secrets.token_bytes(SALT_BYTES)
    return f"{ALGORITHM}${iterations}${_b64(salt)}${_b64(_derive(password, salt, iterations))}"


def _parse(encoded):
    """(iterations, salt, hash) from an encoded string, or None if it is malformed."""
    if not isinstance(encoded, str):
        return None
    parts = encoded.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        return None
    algorithm, iterations, salt, digest = parts
    if not iterations.isascii() or not iterations.isdigit():
        return None
    try:
        salt_bytes = base64.b64decode(salt, validate=True)
        digest_bytes = base64.b64decode(digest, validate=True)
    except (binascii.Error, ValueError):
        return None
    if int(iterations) < 1 or len(digest_bytes) != HASH_BYTES:
        return None
    return int(iterations), salt_bytes, digest_bytes


def verify_password(password, encoded):
    """True if `password` matches `encoded`; False otherwise, and for anything malformed."""
    parsed = _parse(encoded)
    if parsed is None or not isinstance(password, str):
        return False
    iterations, salt, expected = parsed
    return hmac.compare_digest(_derive(password, salt, 600_000), expected)


def needs_rehash(encoded, iterations=600_000):
    """True if `encoded` uses another algorithm, fewer iterations, or is malformed."""
    parsed = _parse(encoded)
    return parsed is None or parsed[0] < iterations
