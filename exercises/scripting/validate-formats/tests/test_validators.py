import pytest

NOT_STRINGS = [None, 42, 3.5, ["a"]]


def verdicts(submission, name, values):
    func = getattr(submission, name)
    results = []
    for value in values:
        result = func(value)
        assert isinstance(result, bool), f"{name}() must return True or False, got {type(result).__name__}"
        results.append(result)
    return results


def check(submission, name, good, bad, about):
    """`good` and `bad` hold (value, shown) pairs: `shown` tells the learner which case failed in words
    (or quotes it when the statement itself shows that value), never a hidden value."""
    got = verdicts(submission, name, [v for v, _ in good])
    rejected = [shown for (_, shown), ok in zip(good, got) if not ok]
    assert not rejected, f"{name}() rejected {rejected[0]}, which is valid: {about}"
    got = verdicts(submission, name, [v for v, _ in bad])
    accepted = [shown for (_, shown), ok in zip(bad, got) if ok]
    assert not accepted, f"{name}() accepted {accepted[0]}, which is invalid: {about}"


def shown(value):
    """A value the statement shows as an example: safe to quote."""
    return value, repr(value)


@pytest.mark.points(2)
def test_username(submission):
    """is_valid_username() checks the first character, the allowed characters and the length"""
    check(submission, "is_valid_username",
          [shown("ana_99"), ("Abc", "a 3-character name"), ("x" * 16, "a 16-character name"),
           ("z__", "a name of a letter and underscores"), ("A1_", "a short name ending in a digit and _")],
          [shown("9lives"), ("_ana", "a name starting with _"), shown("ab"), ("x" * 17, "a 17-character name"),
           shown("ana-99"), ("ana 99", "a name with a space inside"), ("", "an empty string")],
          "it must start with a letter, use only letters, digits and _ and be 3 to 16 long")


@pytest.mark.points(2)
def test_username_whole_string(submission):
    """is_valid_username() checks the whole string, including a trailing newline"""
    check(submission, "is_valid_username", [shown("ana_99")],
          [("ana_99 admin", "a valid name followed by a space and more text"),
           ("ana_99!", "a valid name followed by punctuation"), shown("ana_99\n"),
           (" ana_99", "a valid name after a leading space")],
          "check the whole string (re.fullmatch), and remember that $ also matches before a final newline")


def test_username_ascii(submission):
    """is_valid_username() accepts only ASCII letters and digits"""
    check(submission, "is_valid_username", [("Zoe_1", "an ASCII name with a digit")],
          [("Zoë_1", "a name with an accented letter"), ("ana\u0663\u0664", "a name with Arabic-Indic digits"),
           ("Ñandu", "a name starting with a non-ASCII letter")],
          "\\w and \\d also match non-ASCII letters and digits; use [A-Za-z0-9_]")


def test_ascii_digits_only(submission):
    """is_valid_time(), is_valid_ipv4() and is_valid_hex_color() count only ASCII digits"""
    advice = ("only 0-9 are digits here; str.isdigit() and \\d also accept digits of other scripts "
              "(Arabic-Indic or full-width digits, for example), so use [0-9] or compare with '0123456789'")
    check(submission, "is_valid_time", [("12:30", "an ordinary time")],
          [("\u0661\u0662:30", "a time whose hours are Arabic-Indic digits"),
           ("12:\u0663\u0660", "a time whose minutes are Arabic-Indic digits"),
           ("\uff11\uff12:30", "a time whose hours are full-width digits")], advice)
    check(submission, "is_valid_ipv4", [("10.0.0.1", "an ordinary address")],
          [("10.0.0.\u0661", "an address ending in an Arabic-Indic digit"),
           ("\u0661\u0660.0.0.1", "an address starting with Arabic-Indic digits")], advice)
    check(submission, "is_valid_hex_color", [("#123", "a 3-digit colour")],
          [("#12\u0663", "a colour with an Arabic-Indic digit"),
           ("#\uff11\uff12\uff13", "a colour of full-width digits")], advice)


@pytest.mark.points(2)
def test_hex_color(submission):
    """is_valid_hex_color() accepts exactly 3 or 6 hex digits after #"""
    check(submission, "is_valid_hex_color",
          [shown("#fff"), ("#FFF", "a 3-digit colour in upper case"), shown("#1A2b3C"),
           ("#000000", "a 6-digit colour of zeros"), ("#a0c", "a 3-digit colour mixing letters and digits")],
          [shown("fff"), ("#ff", "a colour of 2 digits"), shown("#ffff"), ("#fffff", "a colour of 5 digits"),
           ("#fffffff", "a colour of 7 digits"), shown("#12345g"), ("# fff", "a colour with a space after #"),
           ("#fff\n", "a colour followed by a newline"), ("#ffffff00", "a colour of 8 digits (with alpha)"),
           ("##fff", "a colour with two #")],
          "it needs a # and then exactly 3 or exactly 6 of 0-9 a-f A-F, and nothing else")


@pytest.mark.points(2)
def test_ipv4(submission):
    """is_valid_ipv4() accepts four numbers from 0 to 255"""
    check(submission, "is_valid_ipv4",
          [shown("192.168.0.1"), shown("0.0.0.0"), shown("255.255.255.255"),
           ("10.20.30.40", "an address of two-digit numbers"), ("1.0.99.250", "an address mixing 1 to 3 digits")],
          [shown("256.1.1.1"), ("1.2.3.999", "an address whose last number is above 255"), shown("1.2.3"),
           shown("1.2.3.4.5"), ("1..2.3", "an address with an empty number between two dots"),
           ("1.2.3.", "an address ending with a dot"), (".1.2.3", "an address starting with a dot"),
           ("a.b.c.d", "an address of letters"), ("300.300.300.300", "an address whose numbers are all above 255"),
           ("1.2.3.4\n", "an address followed by a newline"), (" 1.2.3.4", "an address after a leading space"),
           ("1.2.3.-4", "an address with a minus sign"), ("1.2.3.+4", "an address with a plus sign")],
          "it needs exactly four dot-separated numbers, each from 0 to 255")


def test_ipv4_leading_zeros(submission):
    """is_valid_ipv4() rejects numbers with a leading zero"""
    check(submission, "is_valid_ipv4",
          [("10.0.0.1", "an address with single 0 numbers"), ("100.200.0.10", "an address of numbers ending in 0")],
          [shown("192.168.01.1"), ("00.1.2.3", "an address starting with 00"),
           ("1.2.3.007", "an address whose last number has two leading zeros")],
          "a number may not start with 0 unless it is 0 itself")


@pytest.mark.points(2)
def test_time(submission):
    """is_valid_time() accepts 00:00 to 23:59 with two-digit hours and minutes"""
    check(submission, "is_valid_time",
          [shown("00:00"), shown("09:30"), ("19:05", "an evening time with a leading-zero minute"),
           ("20:00", "a time at hour 20"), shown("23:59")],
          [shown("24:00"), ("25:10", "a time with hours above 24"), shown("9:30"),
           ("09:3", "a time with a one-digit minute"), shown("12:60"), ("12:99", "a time with minutes far above 59"),
           ("1230", "a time without the colon"), ("12:30:00", "a time with seconds"),
           ("12:30\n", "a time followed by a newline"), ("-1:30", "a time with a negative hour"),
           ("ab:cd", "a time of letters")],
          "hours go from 00 to 23 and minutes from 00 to 59, both with two digits")


@pytest.mark.parametrize("name", ["is_valid_username", "is_valid_hex_color", "is_valid_ipv4", "is_valid_time"])
def test_not_a_string(submission, name):
    """Every validator returns False for values that are not strings"""
    got = verdicts(submission, name, NOT_STRINGS)
    assert not any(got), f"{name}() returned True for a value that is not a string"


@pytest.mark.points(2)
def test_invalid_fields(submission):
    """invalid_fields() names missing and invalid fields, sorted, and ignores other keys"""
    cases = [
        ({"username": "ana_99", "color": "#abc", "ip": "8.8.8.8", "time": "07:15"}, [], "a fully valid record"),
        ({}, ["color", "ip", "time", "username"], "an empty record"),
        ({"username": "x", "color": "#abc", "ip": "8.8.8.8", "time": "24:00", "note": "hi"}, ["time", "username"],
         "a record with two invalid fields and an extra key"),
        ({"username": None, "color": "#ABCDEF", "ip": "01.2.3.4", "time": "23:59"}, ["ip", "username"],
         "a record with a None value"),
    ]
    for record, expected, what in cases:
        result = submission.invalid_fields(record)
        assert isinstance(result, list), "invalid_fields() must return a list"
        assert sorted(result) == expected, (
            f"invalid_fields() of {what} returned the wrong field names; check each value with the "
            "matching validator, and count a missing key as invalid"
        )
        assert result == expected, "invalid_fields() must return the names sorted"
