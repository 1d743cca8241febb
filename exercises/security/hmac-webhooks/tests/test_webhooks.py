import hashlib
import hmac

import pytest

SECRET = b"whsec_5f2b9c0e1d7a4e3b"
OTHER = b"whsec_rotated_9a8b7c6d"
BODY = b'{"id":"evt_9","type":"charge.refunded","amount":1999,"currency":"eur","note":"caf\xc3\xa9"}'
T = 1712345678


def signature(secret, body, timestamp):
    return hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def check(submission, header, expected, what, advice, body=BODY, secret=SECRET, now=T + 10, **kwargs):
    try:
        got = submission.verify(secret, body, header, now, **kwargs)
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"verify raised {getattr(exc, 'type_name', type(exc).__name__)} for {what}; it must "
                             "return False for a header it can't parse, never raise") from None
    assert isinstance(got, bool), f"verify returned a {kind(got)} for {what}; return True or False"
    assert got is expected, f"verify returned {got} for {what}; {advice}"


GOOD = f"t={T},v1={signature(SECRET, BODY, T)}"


def genuine_first(submission):
    """Make sure a plain genuine request verifies before testing finer rules."""
    check(submission, GOOD, True, "a genuine request 10 s old",
          "fix the signature check first (see the other tests): sign f'{t}.' + body with HMAC-SHA256")


@pytest.mark.points(3)
def test_sign(submission):
    """sign() signs the timestamp, a dot and the body with HMAC-SHA256"""
    for body, timestamp in ((BODY, T), (b"", 1), (b"\x00\xffbinary\n", 1600000000)):
        got = submission.sign(SECRET, body, timestamp)
        assert isinstance(got, str), f"sign returned a {kind(got)}; return the header as a str"
        expected = f"t={timestamp},v1={signature(SECRET, body, timestamp)}"
        if got.lower() == expected and got != expected:
            raise AssertionError("sign wrote the signature in upper case; use .hexdigest(), which is lower case")
        if got == f"t={timestamp},v1={hmac.new(SECRET, body, hashlib.sha256).hexdigest()}":
            raise AssertionError("sign signed only the body; the signed payload is the timestamp, a dot, then the "
                                 "body, so the timestamp can't be changed without breaking the signature")
        assert got == expected, (
            "sign returned the wrong header; it is 't=<timestamp>,v1=<hex>' with the hex HMAC-SHA256, keyed with "
            "the secret, of f'{timestamp}.'.encode() + body"
        )


@pytest.mark.points(2)
def test_genuine(submission):
    """verify accepts a genuine header, including one made by sign()"""
    check(submission, GOOD, True, "a genuine, fresh request", "recompute the HMAC over f'{t}.' + body and compare")
    header = submission.sign(OTHER, BODY, T)
    check(submission, header, True, "a header made by your own sign()", "sign and verify must agree", secret=OTHER)


@pytest.mark.points(3)
def test_forgeries(submission):
    """verify rejects a tampered body, the wrong key, a changed timestamp and cut-short signatures"""
    sig = signature(SECRET, BODY, T)
    check(submission, GOOD, False, "a tampered body", "the signature must cover the exact body bytes",
          body=BODY.replace(b"1999", b"9999"))
    check(submission, GOOD, False, "a signature made with another key", "compute the HMAC with your own secret",
          secret=OTHER)
    check(submission, f"t={T + 5},v1={sig}", False, "a header whose t was changed",
          "the timestamp is part of the signed payload: sign f'{t}.' + body with the t from the header")
    for cut in (63, 32, 1):
        check(submission, f"t={T},v1={sig[:cut]}", False, "a signature cut short",
              "compare the whole signature with hmac.compare_digest (never startswith or `in`)")
    check(submission, f"t={T},v1=", False, "an empty signature", "an empty v1 must never match")
    check(submission, f"t={T},v1={sig}00", False, "a signature with extra characters", "compare the whole signature")
    check(submission, f"t={T},v1={sig[::-1]}", False, "a scrambled signature", "compare the whole signature")


@pytest.mark.points(3)
def test_replay_window(submission):
    """verify rejects timestamps more than `tolerance` seconds away, in either direction"""
    genuine_first(submission)
    check(submission, GOOD, True, "a request exactly 300 s old", "the window includes its edge: abs(now - t) <= tolerance",
          now=T + 300)
    check(submission, GOOD, False, "a request 301 s old", "refuse requests older than tolerance seconds (replays)",
          now=T + 301)
    check(submission, GOOD, False, "a request from 10 minutes in the future",
          "refuse timestamps too far ahead too: use abs(now - t)", now=T - 600)
    check(submission, GOOD, True, "a request from 5 s in the future", "small clock differences are allowed", now=T - 5)
    check(submission, GOOD, True, "a request older than 300 s but within a larger tolerance you are given",
          "use the tolerance you are given", now=T + 1000, tolerance=3600)
    check(submission, GOOD, False, "a request younger than 300 s but older than a smaller tolerance you are given",
          "use the tolerance you are given", now=T + 100, tolerance=60)


@pytest.mark.points(2)
def test_several_signatures(submission):
    """verify accepts the request when any of several v1 signatures matches, and ignores other schemes"""
    genuine_first(submission)
    good = signature(SECRET, BODY, T)
    old = signature(OTHER, BODY, T)
    check(submission, f"t={T},v1={old},v1={good}", True, "a header with two v1 signatures, the second one valid",
          "check every v1 item, not just the first")
    check(submission, f"t={T},v1={good},v1={old}", True, "a header with two v1 signatures, the first one valid",
          "check every v1 item, not just the last")
    check(submission, f"t={T},v0={'0' * 64},v1={good}", True, "a header with a v0 item", "ignore keys other than t and v1")
    check(submission, f"v1={good},t={T}", True, "a header with t after v1", "the items may come in any order")
    check(submission, f"t={T},v0={good}", False, "a header whose only signature is v0", "only v1 signatures count")


MALFORMED = [
    ("", "an empty header"),
    ("garbage", "a header without '='"),
    (f"t={T}", "a header without v1"),
    (f"v1={signature(SECRET, BODY, T)}", "a header without t"),
    (f"t=,v1={signature(SECRET, BODY, T)}", "an empty t"),
    (f"t=soon,v1={signature(SECRET, BODY, T)}", "a t that is not a number"),
    (f"t={T}.5,v1={signature(SECRET, BODY, T)}", "a t that is not a whole number"),
    (f"t={T},t={T},v1={signature(SECRET, BODY, T)}", "a header with two t items"),
    (f"t={T},v1={signature(SECRET, BODY, T)},junk", "a header with an item without '='"),
    (",,,", "a header of commas"),
    (f"t={T},v1=zz{signature(SECRET, BODY, T)[2:]}", "a v1 that is not hex"),
    (f"t={T},v1=\u00e9\u00e9{signature(SECRET, BODY, T)[4:]}", "a v1 with non-ASCII characters"),
]


@pytest.mark.points(3)
def test_malformed_headers(submission):
    """verify returns False, never raising, for malformed headers"""
    for header, what in MALFORMED:
        check(submission, header, False, what, "reject it: exactly one whole-number t and at least one v1 are required")
