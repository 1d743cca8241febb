import base64
import hashlib
import hmac
import secrets
import struct

_HASHES = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


def new_token(nbytes=32):
    if nbytes < 16:
        raise ValueError("need at least 16 bytes")
    return base64.urlsafe_b64encode(secrets.token_bytes(nbytes)).rstrip(b"=").decode("ascii")


def one_time_code(digits=6):
    if digits not in range(4, 11):
        raise ValueError("digits out of range")
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def hotp(secret, counter, digits=6, algorithm="sha1"):
    mac = hmac.digest(secret, struct.pack(">Q", counter), _HASHES[algorithm])
    off = mac[-1] % 16
    (value,) = struct.unpack(">I", mac[off:off + 4])
    return str((value & 0x7FFFFFFF) % (10 ** digits)).rjust(digits, "0")


def totp(secret, for_time, step=30, digits=6, algorithm="sha1", t0=0):
    counter = int((for_time - t0) // step)
    return hotp(secret, counter, digits, algorithm)


def verify_totp(secret, code, for_time, window=1, step=30, digits=6):
    if type(code) is not str or len(code) != digits or any(c not in "0123456789" for c in code):
        return False
    current = int(for_time // step)
    results = [hmac.compare_digest(hotp(secret, c, digits).encode(), code.encode())
               for c in range(current - window, current + window + 1) if c >= 0]
    return any(results)


def secret_from_base32(text):
    compact = "".join(text.split()).upper().rstrip("=")
    padded = compact + "=" * ((8 - len(compact) % 8) % 8)
    try:
        return base64.b32decode(padded, casefold=True)
    except Exception as exc:
        raise ValueError("invalid base32") from exc
