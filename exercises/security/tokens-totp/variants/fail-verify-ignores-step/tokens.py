import base64
import binascii
import hashlib
import hmac
import math
import secrets


def new_token(nbytes=32):
    """A URL-safe random token of `nbytes` random bytes (ValueError below 16)."""
    if nbytes < 16:
        raise ValueError("a token needs at least 16 random bytes")
    return secrets.token_urlsafe(nbytes)


def one_time_code(digits=6):
    """A uniformly random code of exactly `digits` decimal digits, as a str."""
    if not 4 <= digits <= 10:
        raise ValueError("digits must be from 4 to 10")
    return f"{secrets.randbelow(10 ** digits):0{digits}d}"


def hotp(secret, counter, digits=6, algorithm="sha1"):
    """The RFC 4226 one-time password for `counter`, as a zero-padded str."""
    mac = hmac.new(secret, counter.to_bytes(8, "big"), algorithm).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset:offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 10 ** digits:0{digits}d}"


def totp(secret, for_time, step=30, digits=6, algorithm="sha1", t0=0):
    """The RFC 6238 time-based one-time password for the Unix time `for_time`."""
    return hotp(secret, math.floor((for_time - t0) / step), digits, algorithm)


def verify_totp(secret, code, for_time, window=1, step=30, digits=6):
    """True if `code` is the SHA-1 TOTP of a step within `window` steps of `for_time`."""
    if not isinstance(code, str) or len(code) != digits or not (code.isascii() and code.isdigit()):
        return False
    current = math.floor(for_time / 30)
    matched = False
    for counter in range(current - window, current + window + 1):
        if counter >= 0 and hmac.compare_digest(hotp(secret, counter, digits), code):
            matched = True
    return matched


def secret_from_base32(text):
    """The bytes of a base32 secret written in any case, with or without spaces and padding."""
    cleaned = text.replace(" ", "").upper().rstrip("=")
    cleaned += "=" * (-len(cleaned) % 8)
    try:
        return base64.b32decode(cleaned)
    except binascii.Error as exc:
        raise ValueError(f"not valid base32: {exc}") from None
