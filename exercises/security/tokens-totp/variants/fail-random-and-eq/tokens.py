import base64
import hashlib
import hmac
import math
import random
import string


def new_token(nbytes=32):
    if nbytes < 16:
        raise ValueError("too short")
    raw = bytes(random.getrandbits(8) for _ in range(nbytes))
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def one_time_code(digits=6):
    if not 4 <= digits <= 10:
        raise ValueError("digits must be from 4 to 10")
    return "".join(random.choice(string.digits) for _ in range(digits))


def hotp(secret, counter, digits=6, algorithm="sha1"):
    mac = hmac.new(secret, counter.to_bytes(8, "big"), algorithm).digest()
    offset = mac[-1] & 0x0F
    number = int.from_bytes(mac[offset:offset + 4], "big") & 0x7FFFFFFF
    return str(number % 10 ** digits).zfill(digits)


def totp(secret, for_time, step=30, digits=6, algorithm="sha1", t0=0):
    return hotp(secret, math.floor((for_time - t0) / step), digits, algorithm)


def verify_totp(secret, code, for_time, window=1, step=30, digits=6):
    if not isinstance(code, str) or len(code) != digits or not (code.isascii() and code.isdigit()):
        return False
    current = math.floor(for_time / step)
    for counter in range(max(0, current - window), current + window + 1):
        if hotp(secret, counter, digits) == code:      # plain ==, not compare_digest
            return True
    return False


def secret_from_base32(text):
    cleaned = text.replace(" ", "").upper().rstrip("=")
    cleaned += "=" * (-len(cleaned) % 8)
    return base64.b32decode(cleaned)
