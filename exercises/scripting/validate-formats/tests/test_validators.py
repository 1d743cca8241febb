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
    got = verdicts(submission, name, good)
    rejected = [v for v, ok in zip(good, got) if not ok]
    assert not rejected, f"{name}() rejected {rejected[0]!r}, which is valid"
    got = verdicts(submission, name, bad)
    accepted = [v for v, ok in zip(bad, got) if ok]
    assert not accepted, f"{name}() accepted {accepted[0]!r}, which is invalid: {about}"


@pytest.mark.points(2)
def test_username(submission):
    """is_valid_username() checks the first character, the allowed characters and the length"""
    check(submission, "is_valid_username", ["ana_99", "Abc", "x" * 16, "z__", "A1_"],
          ["9lives", "_ana", "ab", "x" * 17, "ana-99", "ana 99", ""], "it must start with a letter, use only "
          "letters, digits and _ and be 3 to 16 long")


@pytest.mark.points(2)
def test_username_whole_string(submission):
    """is_valid_username() checks the whole string, including a trailing newline"""
    check(submission, "is_valid_username", ["ana_99"], ["ana_99 admin", "ana_99!", "ana_99\n", " ana_99"],
          "check the whole string (re.fullmatch), and remember that $ also matches before a final newline")


def test_username_ascii(submission):
    """is_valid_username() accepts only ASCII letters and digits"""
    check(submission, "is_valid_username", ["Zoe_1"], ["Zoë_1", "ana\u0663\u0664", "Ñandu"],
          "\\w and \\d also match non-ASCII letters and digits; use [A-Za-z0-9_]")


def test_ascii_digits_only(submission):
    """is_valid_time(), is_valid_ipv4() and is_valid_hex_color() count only ASCII digits"""
    advice = ("only 0-9 are digits here; str.isdigit() and \\d also accept digits of other scripts "
              "(such as \u0661\u0662), so use [0-9] or compare with '0123456789'")
    check(submission, "is_valid_time", ["12:30"], ["\u0661\u0662:30", "12:\u0663\u0660", "\uff11\uff12:30"], advice)
    check(submission, "is_valid_ipv4", ["10.0.0.1"], ["10.0.0.\u0661", "\u0661\u0660.0.0.1"], advice)
    check(submission, "is_valid_hex_color", ["#123"], ["#12\u0663", "#\uff11\uff12\uff13"], advice)


@pytest.mark.points(2)
def test_hex_color(submission):
    """is_valid_hex_color() accepts exactly 3 or 6 hex digits after #"""
    check(submission, "is_valid_hex_color", ["#fff", "#FFF", "#1A2b3C", "#000000", "#a0c"],
          ["fff", "#ff", "#ffff", "#fffff", "#fffffff", "#12345g", "# fff", "#fff\n", "#ffffff00", "##fff"],
          "it needs a # and then exactly 3 or exactly 6 of 0-9 a-f A-F, and nothing else")


@pytest.mark.points(2)
def test_ipv4(submission):
    """is_valid_ipv4() accepts four numbers from 0 to 255"""
    check(submission, "is_valid_ipv4", ["192.168.0.1", "0.0.0.0", "255.255.255.255", "10.20.30.40", "1.0.99.250"],
          ["256.1.1.1", "1.2.3.999", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "a.b.c.d", "300.300.300.300",
           "1.2.3.4\n", " 1.2.3.4", "1.2.3.-4", "1.2.3.+4"],
          "it needs exactly four dot-separated numbers, each from 0 to 255")


def test_ipv4_leading_zeros(submission):
    """is_valid_ipv4() rejects numbers with a leading zero"""
    check(submission, "is_valid_ipv4", ["10.0.0.1", "100.200.0.10"], ["192.168.01.1", "00.1.2.3", "1.2.3.007"],
          "a number may not start with 0 unless it is 0 itself")


@pytest.mark.points(2)
def test_time(submission):
    """is_valid_time() accepts 00:00 to 23:59 with two-digit hours and minutes"""
    check(submission, "is_valid_time", ["00:00", "09:30", "19:05", "20:00", "23:59"],
          ["24:00", "25:10", "9:30", "09:3", "12:60", "12:99", "1230", "12:30:00", "12:30\n", "-1:30", "ab:cd"],
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
            f"invalid_fields() of {what} returned {result}, expected {expected}; check each value with the "
            "matching validator, and count a missing key as invalid"
        )
        assert result == expected, "invalid_fields() must return the names sorted"
