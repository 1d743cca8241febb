import base64
import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"


def hash_password(password, iterations=600_000):
    """Return "pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>" with a fresh 16-byte salt."""
    raise NotImplementedError("write hash_password")


def verify_password(password, encoded):
    """True if `password` matches `encoded`; False otherwise, and for anything malformed."""
    raise NotImplementedError("write verify_password")


def needs_rehash(encoded, iterations=600_000):
    """True if `encoded` uses another algorithm, fewer iterations, or is malformed."""
    raise NotImplementedError("write needs_rehash")
