"""Tokens and one-time codes: struct for the counter and the truncation, hashlib.new for the hash."""

import base64
import hashlib
import hmac
import math
import secrets
import string
import struct


def new_token(nbytes=32):
    if nbytes < 16:
        raise ValueError("a token needs at least 16 random bytes")
    return base64.urlsafe_b64encode(secrets.token_bytes(nbytes)).rstrip(b"=").decode("ascii")


def one_time_code(digits=6):
    if not 4 <= digits <= 10:
        raise ValueError("digits must be from 4 to 10")
    return "".join(secrets.choice(string.digits) for _ in range(digits))


def hotp(secret, counter, digits=6, algorithm="sha1"):
    mac = hmac.new(secret, struct.pack(">Q", counter), lambda *a: hashlib.new(algorithm, *a)).digest()
    offset = mac[len(mac) - 1] % 16
    (number,) = struct.unpack(">I", mac[offset:offset + 4])
    return str((number & 0x7FFFFFFF) % 10 ** digits).zfill(digits)


def totp(secret, for_time, step=30, digits=6, algorithm="sha1", t0=0):
    return hotp(secret, math.floor((for_time - t0) / step), digits, algorithm)


def verify_totp(secret, code, for_time, window=1, step=30, digits=6):
    if not isinstance(code, str) or len(code) != digits or any(c not in string.digits for c in code):
        return False
    current = math.floor(for_time / step)
    found = False
    for counter in range(max(0, current - window), current + window + 1):
        found |= hmac.compare_digest(hotp(secret, counter, digits), code)
    return found


def secret_from_base32(text):
    cleaned = "".join(text.split())
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8), casefold=True)
