import base64
import binascii
import hashlib
import string

import pytest

SALT = bytes(range(16))


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def derive(password, salt, iterations, name="sha256"):
    return hashlib.pbkdf2_hmac(name, password.encode("utf-8"), salt, iterations)


def encode(password, salt=SALT, iterations=1000, digest=None, algorithm="pbkdf2_sha256"):
    digest = derive(password, salt, iterations) if digest is None else digest
    return f"{algorithm}${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def parts_of(stored, what):
    """Split an encoded hash made by the learner and check its shape; return (iterations, salt, digest)."""
    assert isinstance(stored, str), f"hash_password {what} returned a {kind(stored)}; return the encoded str"
    parts = stored.split("$")
    assert len(parts) == 4, (
        f"hash_password {what} returned a string with the wrong number of '$'-separated parts; "
        "it needs 4: pbkdf2_sha256$<iterations>$<salt>$<hash>"
    )
    algorithm, iterations, salt, digest = parts
    assert algorithm == "pbkdf2_sha256", f"hash_password {what}: the first part must be exactly 'pbkdf2_sha256'"
    assert iterations.isdigit(), f"hash_password {what}: the iterations part is not a plain number (digits only)"
    for name, text, size in (("salt", salt, 16), ("hash", digest, 32)):
        if len(text) == 2 * size and all(c in string.hexdigits for c in text):
            raise AssertionError(f"hash_password {what}: the {name} looks like hex; write it in base64 "
                                 "(base64.b64encode(...).decode('ascii'))")
        if "-" in text or "_" in text:
            raise AssertionError(f"hash_password {what}: the {name} uses URL-safe base64; use standard base64 "
                                 "(base64.b64encode), with + and /")
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise AssertionError(f"hash_password {what}: the {name} is not valid base64") from None
        assert len(raw) == size, (
            f"hash_password {what}: the {name} has the wrong length; it must decode to {size} bytes"
        )
    return int(iterations), base64.b64decode(salt), base64.b64decode(digest)


def verify(submission, password, stored, what):
    got = submission.verify_password(password, stored)
    assert isinstance(got, bool), f"verify_password {what} returned a {kind(got)}; return True or False"
    return got


# ------------------------------------------------------------------ hash_password


@pytest.mark.points(3)
def test_format_and_hash(submission):
    """hash_password writes pbkdf2_sha256$iterations$salt$hash with the right PBKDF2 hash"""
    for password in ("correct horse battery staple", "pässwörd ✓ 密码", ""):
        what = "of an empty password" if not password else "of a password"
        stored = submission.hash_password(password, iterations=1000)
        iterations, salt, digest = parts_of(stored, what)
        assert iterations == 1000, (
            f"hash_password {what} didn't write the iterations it was given; use the iterations argument"
        )
        if digest == derive(password, salt, 1000, "sha1")[:32] or digest == hashlib.sha256(salt + password.encode()).digest():
            raise AssertionError(f"hash_password {what} used the wrong hash function; use "
                                 "hashlib.pbkdf2_hmac('sha256', ...)")
        if digest == derive(password, password.encode()[:16].ljust(16, b"\0"), 1000):
            raise AssertionError("hash_password derived the salt from the password; the salt must be random")
        assert digest == derive(password, salt, 1000), (
            f"hash_password {what}: the hash is not pbkdf2_hmac('sha256', password.encode('utf-8'), salt, "
            "iterations) for the salt and iterations written in the string"
        )


@pytest.mark.points(2)
def test_random_salt(submission):
    """Every hash gets a fresh random salt"""
    salts = [parts_of(submission.hash_password("same password", iterations=1000), "called again")[1] for _ in range(6)]
    assert len(set(salts)) == len(salts), (
        "hash_password reused a salt; generate 16 new random bytes (secrets.token_bytes(16)) on every call"
    )
    other = parts_of(submission.hash_password("another password", iterations=1000), "of another password")[1]
    assert other not in salts, "hash_password gave two passwords the same salt; make a new random salt every time"


@pytest.mark.points(2)
def test_default_iterations(submission):
    """hash_password defaults to at least 600 000 iterations"""
    stored = submission.hash_password("default strength")
    iterations, salt, digest = parts_of(stored, "with the default iterations")
    assert iterations >= 600_000, (
        "hash_password uses too few iterations by default; use at least 600 000 (iterations=600_000)"
    )


def test_bad_iterations(submission):
    """hash_password raises ValueError for iterations below 1"""
    for iterations in (0, -5):
        try:
            result = submission.hash_password("pw", iterations=iterations)
        except ValueError:
            continue
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"hash_password with iterations below 1 raised {kind(exc)}; "
                                 "raise ValueError") from None
        raise AssertionError(f"hash_password with iterations below 1 returned a {kind(result)}; raise ValueError")


# ------------------------------------------------------------------ verify_password


@pytest.mark.points(3)
def test_verify_stored_hashes(submission):
    """verify_password checks hashes made elsewhere, with their own salt and iteration count"""
    for password, iterations in (("s3cret!", 1000), ("s3cret!", 4321), ("ünïcødé", 1), ("", 2000)):
        stored = encode(password, iterations=iterations)
        if not verify(submission, password, stored, "of a stored hash"):
            raise AssertionError(
                "verify_password rejected the right password for a correctly stored hash; read the iteration "
                "count and the salt from the stored string (don't use the defaults) and encode the password as UTF-8"
            )
        assert not verify(submission, password + "x", stored, "of a stored hash"), (
            "verify_password accepted a wrong password"
        )
    assert not verify(submission, "S3cret!", encode("s3cret!"), "with different case"), (
        "verify_password accepted a password that differs only in case"
    )


@pytest.mark.points(2)
def test_verify_tampering(submission):
    """verify_password rejects a stored hash whose iterations, salt or hash were changed"""
    good = encode("letmein", iterations=1000)
    algorithm, iterations, salt, digest = good.split("$")
    other_salt = base64.b64encode(bytes(range(1, 17))).decode()
    flipped = bytearray(base64.b64decode(digest))
    flipped[-1] ^= 1
    cases = [
        (f"{algorithm}$1001${salt}${digest}", "a changed iteration count"),
        (f"{algorithm}${iterations}${other_salt}${digest}", "a changed salt"),
        (f"{algorithm}${iterations}${salt}${base64.b64encode(bytes(flipped)).decode()}", "a changed hash"),
    ]
    for stored, what in cases:
        assert not verify(submission, "letmein", stored, f"of a hash with {what}"), (
            f"verify_password accepted a stored hash with {what}; recompute with the stored salt and iterations "
            "and compare the whole hash"
        )


@pytest.mark.points(2)
def test_verify_truncated(submission):
    """verify_password rejects a hash that is not exactly 32 bytes"""
    full = derive("letmein", SALT, 1000)
    for size in (16, 8):
        stored = encode("letmein", digest=full[:size])
        assert not verify(submission, "letmein", stored, "of a truncated hash"), (
            "verify_password accepted a stored hash shorter than 32 bytes; a shorter hash is easier to forge, "
            "so require exactly 32 bytes"
        )
    longer = encode("letmein", digest=hashlib.pbkdf2_hmac("sha256", b"letmein", SALT, 1000, dklen=64))
    assert not verify(submission, "letmein", longer, "of a 64-byte hash"), (
        "verify_password accepted a 64-byte hash; require exactly 32 bytes"
    )


MALFORMED = [
    ("", "an empty string"),
    ("pbkdf2_sha256", "a string without '$'"),
    ("pbkdf2_sha256$1000$AAAA", "a string with 3 parts"),
    ("pbkdf2_sha256$1000$AAAA$BBBB$CCCC", "a string with 5 parts"),
    (encode("pw", algorithm="md5"), "an unknown algorithm"),
    (encode("pw", digest=derive("pw", SALT, 1000, "sha1") + b"\0" * 12, algorithm="pbkdf2_sha1"), "another algorithm"),
    (encode("pw").replace("$1000$", "$abc$"), "non-numeric iterations"),
    (encode("pw").replace("$1000$", "$0$"), "zero iterations"),
    (encode("pw").replace("$1000$", "$-1000$"), "negative iterations"),
    (encode("pw").replace("$1000$", "$1e3$"), "iterations in scientific notation"),
    (encode("pw").replace("$1000$", "$$"), "empty iterations"),
    ("pbkdf2_sha256$1000$!!!notbase64!!!$" + base64.b64encode(derive("pw", SALT, 1000)).decode(), "a salt that is not base64"),
    ("pbkdf2_sha256$1000$" + base64.b64encode(SALT).decode() + "$@@@@", "a hash that is not base64"),
    (encode("pw")[:-1], "a hash with its base64 padding cut off"),
]


@pytest.mark.points(3)
def test_verify_never_raises(submission):
    """verify_password returns False, without raising, for malformed stored strings"""
    for stored, what in MALFORMED:
        try:
            got = submission.verify_password("pw", stored)
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(
                f"verify_password raised {getattr(exc, 'type_name', type(exc).__name__)} for {what}; it must "
                "return False for anything malformed (catch ValueError and check every part)"
            ) from None
        assert got is False, f"verify_password didn't return False for {what}; it must be exactly False"


# ------------------------------------------------------------------ needs_rehash


@pytest.mark.points(2)
def test_needs_rehash(submission):
    """needs_rehash flags weaker, foreign or malformed hashes"""
    cases = [
        (encode("pw", iterations=600_000, digest=b"\1" * 32), {}, False, "a hash with 600 000 iterations"),
        (encode("pw", iterations=900_000, digest=b"\1" * 32), {}, False, "a hash with more iterations than required"),
        (encode("pw", iterations=1000), {}, True, "a hash with far fewer iterations than 600 000"),
        (encode("pw", iterations=599_999, digest=b"\1" * 32), {}, True, "a hash with one iteration fewer than 600 000"),
        (encode("pw", iterations=5000), {"iterations": 4000}, False, "a hash with more iterations than asked"),
        (encode("pw", iterations=5000), {"iterations": 8000}, True, "a hash with fewer iterations than asked"),
        (encode("pw", algorithm="pbkdf2_sha1", iterations=900_000, digest=b"\1" * 32), {}, True, "another algorithm"),
        ("garbage", {}, True, "a malformed string"),
    ]
    for stored, kwargs, expected, what in cases:
        try:
            got = submission.needs_rehash(stored, **kwargs)
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"needs_rehash raised {kind(exc)} for {what}; "
                                 "treat malformed strings as needing a rehash") from None
        assert got is expected, f"needs_rehash of {what} must return {expected}"
