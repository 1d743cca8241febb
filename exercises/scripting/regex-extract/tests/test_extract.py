import pytest

TICKET = """From: Bob Stone <Bob.Stone+support@Mail.Example.co.uk>
To: help-desk@shop.io; billing_team@shop.io
Subject: order 1555867530912 (placed 2024-02-29)

Hi, please call me on +1 555 867 5309 or at work (212)555-0147.
My old address (bob_s@old-mail.net) no longer works, write to bob.stone+support@mail.example.co.uk.
Delivery was promised for 31/04/2024, then 01/05/2024, and it's still not here on 2024-05-13!
Ref 2024-13-01 / build 12024-01-01 / v2024-01-015. Fax: 212.555.0199, mobile 917-555-0123.
Thanks -- Bob. (Sent 13/05/2024 from bob@home)
"""


def emails(submission, text):
    result = submission.find_emails(text)
    assert isinstance(result, list), "find_emails() must return a list of strings"
    return result


@pytest.mark.points(2)
def test_emails_ticket(submission):
    """find_emails() finds every address in a support ticket, cleaned up"""
    result = emails(submission, TICKET)
    expected = ["bob.stone+support@mail.example.co.uk", "help-desk@shop.io", "billing_team@shop.io",
                "bob_s@old-mail.net"]
    stray = [e for e in result if e[-1:] in ".,;:)>!" or e[:1] in "(<"]
    assert not stray, (
        "find_emails() kept punctuation (a bracket, full stop or comma) around an address; the pattern is too greedy "
        "(\\S+ also matches brackets and full stops)"
    )
    assert all(e == e.lower() for e in result), "find_emails() must return the addresses lowercased"
    assert "bob@home" not in result, (
        "find_emails() returned an address whose domain has no dot (no top-level domain); it is not an address"
    )
    assert len(result) == len(set(result)), (
        "find_emails() listed an address twice; keep only its first appearance (compare after lowercasing)"
    )
    assert sorted(result) == sorted(expected), (
        "find_emails() missed addresses or found extra ones; check which characters "
        "you allow in the local part (+ . _ -) and in the domain (dots, dashes, several labels)"
    )
    assert result == expected, "find_emails() must list the addresses in the order they first appear"


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("no addresses here, just an @ sign and a.dot", []),
    ("Ping X@Y.ORG, then x@y.org again.", ["x@y.org"]),
    ("[first.last@sub-domain.example.com]", ["first.last@sub-domain.example.com"]),
])
def test_emails_edge_cases(submission, text, expected):
    """find_emails() handles empty text, duplicates in another case and brackets"""
    assert emails(submission, text) == expected, (
        "find_emails() gave the wrong list for a short text (empty text, a repeated address in another "
        "case, or an address in brackets)"
    )


@pytest.mark.points(2)
def test_dates_ticket(submission):
    """find_dates() reads both shapes, skips impossible dates and longer numbers"""
    result = submission.find_dates(TICKET)
    assert isinstance(result, list), "find_dates() must return a list of strings"
    bad = [d for d in result if d in ("2024-04-31", "2024-13-01")]
    assert not bad, (
        "find_dates() returned a date that doesn't exist (a day or month too high); check it with datetime.date"
    )
    assert "2024-01-01" not in result, (
        "find_dates() matched a date inside a longer number (a year with a digit before it); make sure no digit comes "
        "right before or after the date"
    )
    assert all(len(d) == 10 and d[4] == "-" and d[7] == "-" for d in result), (
        "find_dates() must return ISO strings 'YYYY-MM-DD' for both shapes (turn 05/03/2024 into 2024-03-05)"
    )
    expected = ["2024-02-29", "2024-05-01", "2024-05-13", "2024-05-13"]
    assert sorted(result) == sorted(expected), (
        "find_dates() missed dates or found extra ones; a leap day is real, and a date "
        "repeated in the text is listed each time"
    )
    assert result == expected, "find_dates() must list the dates in the order they appear"


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("on 28/02/2023 and 29/02/2023", ["2023-02-28"]),
    ("2023-12-31T23:59 then 01/01/2024,", ["2023-12-31", "2024-01-01"]),
    ("id 99/99/9999 and 2024-00-10 and 00/01/2024", []),
])
def test_dates_edge_cases(submission, text, expected):
    """find_dates() handles empty text, a non-leap year and dates next to letters or punctuation"""
    assert submission.find_dates(text) == expected, (
        "find_dates() gave the wrong list for a short text (empty text, 29 February of a non-leap year, "
        "a date followed by a time or a comma, or zero months and days)"
    )


@pytest.mark.points(2)
def test_phones_ticket(submission):
    """find_phones() reads every written form and normalises it"""
    result = submission.find_phones(TICKET)
    assert isinstance(result, list), "find_phones() must return a list of strings"
    assert "155-586-7530" not in result, (
        "find_phones() found a phone number inside a longer run of digits (an order number); check that "
        "no digit comes right before or after the number"
    )
    assert all(len(p) == 12 and p[3] == "-" and p[7] == "-" and p.replace("-", "").isdigit() for p in result), (
        "find_phones() must return each number as 'AAA-EEE-NNNN' (digits and two dashes only)"
    )
    expected = ["555-867-5309", "212-555-0147", "212-555-0199", "917-555-0123"]
    assert sorted(result) == sorted(expected), (
        "find_phones() missed numbers or found extra ones; accept '+1 ' in front, "
        "'(555)' with or without a space after it, and '-', '.' or ' ' between the groups"
    )
    assert result == expected, "find_phones() must list the numbers in the order they appear"


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("call +1-555-867-5309 twice: 555 867 5309", ["555-867-5309", "555-867-5309"]),
    ("serial 5558675309 and 55-867-5309 and 555-8675-309", []),
    ("tracking 12555-867-5309 / 555-867-53090", []),
])
def test_phones_edge_cases(submission, text, expected):
    """find_phones() keeps repeats and rejects digit runs of the wrong shape"""
    assert submission.find_phones(text) == expected, (
        "find_phones() gave the wrong list for a short text (a repeated number, a run of ten digits "
        "without separators, wrongly sized groups, or a number glued to more digits)"
    )
