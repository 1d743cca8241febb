import base64
import math
import string

import pytest

from gradekit.remote import LearnerError

SEED20 = b"12345678901234567890"
SEED32 = b"12345678901234567890123456789012"
SEED64 = b"1234567890123456789012345678901234567890123456789012345678901234"
RFC4226 = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
RFC6238 = [  # time, sha1, sha256, sha512 (8 digits)
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]
URLSAFE = set(string.ascii_letters + string.digits + "-_")


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def code_str(value, what, digits):
    if isinstance(value, int) and not isinstance(value, bool):
        raise AssertionError(f"{what} returned an int; return the code as a str padded with leading zeros")
    assert isinstance(value, str), f"{what} returned a {kind(value)}; return a str"
    return value


def raises_value_error(call, what, advice):
    try:
        result = call()
    except ValueError:
        return
    except LearnerError as exc:
        if exc.type_name == "Error":  # binascii.Error is a ValueError subclass
            return
        raise AssertionError(f"{what} raised {exc.type_name}, not ValueError; {advice}") from None
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{what} raised {type(exc).__name__}, not ValueError; {advice}") from None
    raise AssertionError(f"{what} returned a {kind(result)} instead of raising ValueError; {advice}")


# ------------------------------------------------------------------ random tokens and codes


@pytest.mark.points(2)
def test_new_token(submission):
    """new_token returns unique URL-safe tokens of the right length"""
    for nbytes in (32, 16, 64, 20):
        token = submission.new_token(nbytes)
        assert isinstance(token, str), f"new_token returned a {kind(token)}; return a str"
        assert set(token) <= URLSAFE, (
            "new_token returned characters outside the URL-safe alphabet (A-Z a-z 0-9 - _); use secrets.token_urlsafe"
        )
        assert len(token) == math.ceil(nbytes * 4 / 3), (
            "new_token(nbytes) returned a token of the wrong length for a size other than 32; n random bytes in "
            "base64url without padding are ceil(n * 4 / 3) characters (secrets.token_urlsafe(nbytes))"
        )
    default = submission.new_token()
    assert isinstance(default, str) and len(default) == 43, "new_token() must use 32 bytes by default (43 characters)"
    tokens = {submission.new_token() for _ in range(40)}
    assert len(tokens) == 40, "new_token returned the same token twice; draw fresh random bytes every call"


def test_new_token_too_short(submission):
    """new_token refuses fewer than 16 bytes"""
    for nbytes in (15, 8, 0):
        raises_value_error(lambda: submission.new_token(nbytes), "new_token with fewer than 16 bytes",
                           "fewer than 16 random bytes are too easy to guess")


@pytest.mark.points(3)
def test_one_time_code_distribution(submission):
    """one_time_code gives every code a chance, leading zeros included"""
    codes = [code_str(submission.one_time_code(), "one_time_code()", 6) for _ in range(300)]
    bad = [c for c in codes if len(c) != 6 or not (c.isascii() and c.isdigit())]
    assert not bad, "one_time_code() returned a code that is not exactly 6 digits; pad with leading zeros"
    assert len(set(codes)) >= 290, "one_time_code() repeats itself far too often; draw a fresh random number every call"
    firsts = {c[0] for c in codes}
    assert "0" in firsts, (
        "none of 300 codes started with 0; codes like '004217' must be possible: use secrets.randbelow(10 ** digits) "
        "and pad with zeros, not a range that starts at 100000"
    )
    assert len(firsts) >= 9, "the first digit of the codes is not spread over 0-9; every code must be equally likely"


def test_one_time_code_lengths(submission):
    """one_time_code honours digits from 4 to 10"""
    for digits in (4, 8, 10):
        for _ in range(20):
            what = "one_time_code with digits other than 6"
            code = code_str(submission.one_time_code(digits), what, digits)
            assert len(code) == digits and code.isdigit(), f"{what} must return exactly `digits` digits"
    for digits in (3, 11, 0):
        raises_value_error(lambda: submission.one_time_code(digits), "one_time_code with digits outside 4 to 10",
                           "digits must be from 4 to 10")


# ------------------------------------------------------------------ HOTP / TOTP


@pytest.mark.points(3)
def test_hotp_rfc4226(submission):
    """hotp matches all ten RFC 4226 test vectors"""
    for counter, expected in enumerate(RFC4226):
        got = code_str(submission.hotp(SEED20, counter), "hotp", 6)
        assert got == expected, (
            "hotp doesn't give RFC 4226's value for one of its test counters; write the counter as 8 big-endian bytes "
            "(counter.to_bytes(8, 'big')) and follow the dynamic truncation steps"
        )
    assert code_str(submission.hotp(SEED20, 0, digits=8), "hotp", 8) == "84755224", (
        "hotp with more digits than 6 must keep the last `digits` digits: number % 10 ** digits"
    )


@pytest.mark.points(4)
def test_totp_rfc6238(submission):
    """totp matches the RFC 6238 test vectors for SHA-1, SHA-256 and SHA-512"""
    for algorithm, seed, column in (("sha1", SEED20, 1), ("sha256", SEED32, 2), ("sha512", SEED64, 3)):
        for row in RFC6238:
            got = code_str(submission.totp(seed, row[0], digits=8, algorithm=algorithm), "totp", 8)
            expected = row[column]
            if expected.startswith("0") and got == expected.lstrip("0"):
                raise AssertionError("totp dropped a leading zero; pad the code to `digits` characters")
            assert got == expected, (
                f"totp with {algorithm} gives the wrong code for one of the RFC 6238 test times; "
                + ("take the offset from the LAST byte of the HMAC (mac[-1] & 0x0F): SHA-256/512 digests are longer"
                   if algorithm != "sha1" else "counter = floor(time / 30), then HOTP")
            )


@pytest.mark.points(2)
def test_totp_step_and_t0(submission):
    """totp uses step and t0, and floors fractional times"""
    expected = {counter: code for counter, code in enumerate(RFC4226)}
    cases = [((SEED20, 59), {"step": 60}, 0, "a step other than 30"),
             ((SEED20, 1000), {"t0": 970}, 1, "a t0 other than 0"),
             ((SEED20, 89.99), {}, 2, "a float time"), ((SEED20, 0), {}, 0, "time 0"),
             ((SEED20, 450), {"step": 50}, 9, "another step other than 30")]
    for args, kwargs, counter, what in cases:
        got = code_str(submission.totp(*args, **kwargs), "totp", 6)
        assert got == expected[counter], (
            f"totp with {what} returned the wrong code; counter = floor((for_time - t0) / step) "
            "(and hotp must pass its test)"
        )


# ------------------------------------------------------------------ verify_totp


@pytest.mark.points(3)
def test_verify_window(submission):
    """verify_totp accepts the codes of nearby steps only"""
    now = 1234567890  # step 41152263
    step = now // 30

    def code_at(offset):
        import hashlib
        import hmac as _hmac
        mac = _hmac.new(SEED20, (step + offset).to_bytes(8, "big"), hashlib.sha1).digest()
        o = mac[-1] & 0x0F
        return f"{(int.from_bytes(mac[o:o + 4], 'big') & 0x7FFFFFFF) % 10 ** 6:06d}"

    def check(offset, window, expected):
        got = submission.verify_totp(SEED20, code_at(offset), now, window=window)
        assert isinstance(got, bool), f"verify_totp returned a {kind(got)}; return True or False"
        assert got is expected, (
            f"verify_totp {'accepted' if got else 'rejected'} the code of {where(offset)}, "
            f"{'inside' if expected else 'outside'} the window you gave it; it should return {expected}: accept "
            "steps from -window to +window around the current one"
        )

    current = submission.verify_totp(SEED20, code_at(0), now, window=1)
    assert current is True, (
        "verify_totp rejected the code of the current step; make hotp and totp pass their tests first, then "
        "compare against hotp(secret, floor(for_time / step) + offset) for each offset"
    )
    for offset in (-1, 0, 1):
        check(offset, 1, True)
    for offset in (-2, 2, 5):
        check(offset, 1, False)
    check(2, 2, True)
    check(-1, 0, False)
    check(0, 0, True)
    got = submission.verify_totp(SEED20, code_at(0), now)
    assert got is True, "verify_totp without window must accept the current code (window=1 by default)"


@pytest.mark.points(2)
def test_verify_bad_codes(submission):
    """verify_totp returns False, never raising, for codes that aren't 6 ASCII digits"""
    now = 59
    good = "287082"
    for code, what in ((int(good), "an int"), (good[:-1], "a code that is too short"), (good + "0", "a code that is too long"),
                       ("", "an empty code"), ("abcdef", "letters"), (" 28708", "a code with a space"),
                       ("٢٨٧٠٨٢", "non-ASCII digits"), (None, "None")):
        try:
            got = submission.verify_totp(SEED20, code, now)
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"verify_totp raised {kind(exc)} for {what}; check the code is a str of `digits` "
                                 "ASCII digits first and return False otherwise") from None
        assert got is False, f"verify_totp didn't return False for {what}; it must be exactly False"
    assert submission.verify_totp(SEED20, good, now) is True, "verify_totp must accept the current code"


# ------------------------------------------------------------------ base32


@pytest.mark.points(2)
def test_secret_from_base32(submission):
    """secret_from_base32 accepts lower case, spaces and missing padding"""
    raw = bytes(range(0, 200, 7))
    encoded = base64.b32encode(raw).decode()
    cases = [("JBSWY3DPEHPK3PXP", b"Hello!\xde\xad\xbe\xef"), ("jbsw y3dp ehpk 3pxp", b"Hello!\xde\xad\xbe\xef"),
             ("MFRGG", b"abc"), ("MFRGG===", b"abc"), ("mzxw6ytb", b"fooba"), (encoded.rstrip("=").lower(), raw),
             ("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", SEED20)]
    for text, expected in cases:
        got = submission.secret_from_base32(text)
        assert isinstance(got, bytes), f"secret_from_base32 returned a {kind(got)}; return bytes"
        assert got == expected, (
            "secret_from_base32 decoded a secret wrongly; remove spaces, upper-case, pad with '=' to a multiple "
            "of 8 characters, then base64.b32decode"
        )


def test_secret_from_base32_invalid(submission):
    """secret_from_base32 raises ValueError for text that isn't base32"""
    for text in ("JBSW1!", "0OOO", "MFRGG=A"):
        raises_value_error(lambda: submission.secret_from_base32(text), "secret_from_base32 of invalid text",
                           "let b32decode complain and raise ValueError")


def test_verify_first_step(submission):
    """verify_totp works in the very first time step, where there is no step before"""
    for now in (0, 10, 29):
        try:
            got = submission.verify_totp(SEED20, RFC4226[0], now)
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(f"verify_totp raised {getattr(exc, 'type_name', type(exc).__name__)} for a time in the "
                                 "first 30-second step; the window would reach counter -1 there, so skip counters "
                                 "below 0") from None
        assert got is True, "verify_totp must accept the current code in the first time step (counter 0)"


def where(offset):
    """A step described in words, relative to the current one."""
    return "the current step" if offset == 0 else f"a {'later' if offset > 0 else 'earlier'} step"


def reference_code(counter, digits=6):
    import hashlib
    import hmac as _hmac
    mac = _hmac.new(SEED20, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    o = mac[-1] & 0x0F
    return f"{(int.from_bytes(mac[o:o + 4], 'big') & 0x7FFFFFFF) % 10 ** digits:0{digits}d}"


@pytest.mark.points(2)
def test_verify_step(submission):
    """verify_totp uses the step it is given"""
    now = 1234567890
    for step in (60, 45):
        current = now // step
        for offset, expected in ((0, True), (-1, True), (1, True), (2, False)):
            got = submission.verify_totp(SEED20, reference_code(current + offset), now, step=step)
            assert got is expected, (
                f"verify_totp with a step other than 30 {'accepted' if got else 'rejected'} the code of "
                f"{where(offset)}, {'inside' if expected else 'outside'} the window; it should return {expected}: "
                "the current step "
                "is floor(for_time / step), with the step you are given"
            )
        got = submission.verify_totp(SEED20, reference_code(now // 30), now, step=step)
        assert got is False, (
            "verify_totp with a step other than 30 accepted the code of the current 30-second step; count the steps "
            "with the step you are given, not 30"
        )


def test_not_predictable(submission):
    """new_token and one_time_code don't depend on the random module's state"""
    try:
        submission.random.seed(0)
    except Exception:  # noqa: BLE001 - no `random` module in the learner's code: nothing to check here
        return
    try:
        for what, call in (("new_token()", submission.new_token), ("one_time_code(digits)",
                                                                    lambda: submission.one_time_code(10))):
            submission.random.seed(0)
            first = call()
            submission.random.seed(0)
            second = call()
            assert first != second, (
                f"{what} returned the same value twice after random.seed(0): the random module is predictable, "
                "so an attacker could guess it; use the secrets module (secrets.token_urlsafe, secrets.randbelow)"
            )
    finally:
        submission.random.seed()
