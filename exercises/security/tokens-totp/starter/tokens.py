import base64
import hashlib
import hmac
import secrets


def new_token(nbytes=32):
    """A URL-safe random token of `nbytes` random bytes (ValueError below 16)."""
    raise NotImplementedError("write new_token")


def one_time_code(digits=6):
    """A uniformly random code of exactly `digits` decimal digits, as a str."""
    raise NotImplementedError("write one_time_code")


def hotp(secret, counter, digits=6, algorithm="sha1"):
    """The RFC 4226 one-time password for `counter`, as a zero-padded str."""
    raise NotImplementedError("write hotp")


def totp(secret, for_time, step=30, digits=6, algorithm="sha1", t0=0):
    """The RFC 6238 time-based one-time password for the Unix time `for_time`."""
    raise NotImplementedError("write totp")


def verify_totp(secret, code, for_time, window=1, step=30, digits=6):
    """True if `code` is the SHA-1 TOTP of a step within `window` steps of `for_time`."""
    raise NotImplementedError("write verify_totp")


def secret_from_base32(text):
    """The bytes of a base32 secret written in any case, with or without spaces and padding."""
    raise NotImplementedError("write secret_from_base32")
