"""PBKDF2 password hashes parsed with one anchored regular expression."""

import binascii
import hashlib
import hmac
import os
import re

ALGORITHM = "pbkdf2_sha256"
ENCODED = re.compile(r"pbkdf2_sha256\$([0-9]+)\$([^$]*)\$([^$]*)")


def _b64(data):
    return binascii.b2a_base64(data, newline=False).decode("ascii")


def _derive(password, salt, iterations):
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)


def hash_password(password, iterations=600_000):
    if iterations < 1:
        raise ValueError("iterations must be at least 1")
    salt = os.urandom(16)
    return "$".join([ALGORITHM, str(iterations), _b64(salt), _b64(_derive(password, salt, iterations))])


def _parse(encoded):
    """(iterations, salt, digest) or None when `encoded` is not a well-formed hash."""
    if not isinstance(encoded, str):
        return None
    match = ENCODED.fullmatch(encoded)
    if match is None:
        return None
    iterations = int(match[1])
    try:
        salt = binascii.a2b_base64(match[2], strict_mode=True)
        digest = binascii.a2b_base64(match[3], strict_mode=True)
    except binascii.Error:
        return None
    if iterations < 1 or len(digest) != 32:
        return None
    return iterations, salt, digest


def verify_password(password, encoded):
    parsed = _parse(encoded)
    if parsed is None:
        return False
    iterations, salt, digest = parsed
    return hmac.compare_digest(_derive(password, salt, iterations), digest)


def needs_rehash(encoded, iterations=600_000):
    parsed = _parse(encoded)
    return parsed is None or parsed[0] < iterations
