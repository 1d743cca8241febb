from decimal import Decimal

import pytest


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def money(value, what):
    """Check that `value` is a Decimal with exactly two decimal places and return it."""
    assert isinstance(value, Decimal), (
        f"{what} returned a {kind(value)}; return a decimal.Decimal (floats can't hold cents exactly)"
    )
    assert value.is_finite(), f"{what} returned NaN or Infinity; money values must be finite"
    assert value.as_tuple().exponent == -2, (
        f"{what} returned a Decimal that does not have exactly two decimal places; "
        "use .quantize(Decimal('0.01'), ...)"
    )
    return value


def raises(submission_call, exc_type, what, advice):
    """Call and check that the learner's code raised `exc_type`."""
    try:
        result = submission_call()
    except exc_type:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{what} raised {getattr(exc, 'type_name', type(exc).__name__)}, "
                             f"not {exc_type.__name__}; {advice}") from None
    raise AssertionError(f"{what} returned a {kind(result)} instead of raising {exc_type.__name__}; {advice}")


def bill(total, people):
    """Describe a split_bill case in words, without its figures."""
    if people == 1:
        return "a bill for one person"
    if isinstance(total, Decimal):
        return "a large bill given as a Decimal"
    if isinstance(total, int):
        return "a bill given as an int"
    if Decimal(total) == 0:
        return "a bill of 0.00"
    if Decimal(total) < people * Decimal("0.01"):
        return "a bill of fewer cents than people"
    if Decimal(total) < 1:
        return "a bill of a few cents"
    return "a bill that doesn't divide evenly" if Decimal(total) * 100 % people else "a bill that divides evenly"


# ------------------------------------------------------------------ to_money


@pytest.mark.points(2)
def test_to_money_types_and_places(submission):
    """to_money returns a Decimal with exactly two decimal places for str, int and Decimal input"""
    cases = [("12.5", "12.50"), (7, "7.00"), (Decimal("1.5"), "1.50"), ("-3.456", "-3.46"),
             ("0", "0.00"), (Decimal("19.99"), "19.99"), (-42, "-42.00"), ("1234567.891", "1234567.89")]
    for amount, expected in cases:
        got = money(submission.to_money(amount), f"to_money of a {type(amount).__name__}")
        assert got == Decimal(expected), (
            f"to_money of a {type(amount).__name__} returned the wrong amount; "
            "round to the nearest cent"
        )


@pytest.mark.points(3)
def test_to_money_half_even(submission):
    """to_money rounds exact half cents to the even cent (banker's rounding)"""
    cases = [("0.125", "0.12"), ("0.135", "0.14"), ("2.665", "2.66"), ("2.675", "2.68"),
             ("1.005", "1.00"), ("-0.125", "-0.12"), ("-2.675", "-2.68"), ("10.0050", "10.00"),
             ("0.1251", "0.13"), ("-0.1249", "-0.12")]
    for amount, expected in cases:
        got = money(submission.to_money(amount), "to_money")
        if got != Decimal(expected) and abs(got - Decimal(expected)) == Decimal("0.01"):
            raise AssertionError(
                "to_money is one cent off for a value at or near half a cent; a value exactly halfway goes to the "
                "even cent (ROUND_HALF_EVEN), anything past halfway goes to the nearer cent"
            )
        assert got == Decimal(expected), (
            "to_money of a value with more than two decimal places is not the amount rounded to cents"
        )


@pytest.mark.points(2)
def test_to_money_refuses_floats(submission):
    """to_money refuses floats with TypeError"""
    for value in (0.1, 2.5, 0.0):
        raises(lambda: submission.to_money(value), TypeError, "to_money of a float",
               "check isinstance(amount, float) and raise TypeError")


@pytest.mark.points(2)
def test_to_money_rejects_non_numbers(submission):
    """to_money raises ValueError for text that is not a finite number"""
    for text, shown in (("abc", "text with letters"), ("", "an empty string"),
                        ("12,50", "a number with a decimal comma"), ("NaN", "text for NaN"),
                        ("Infinity", "text for infinity"), ("-inf", "text for minus infinity")):
        raises(lambda: submission.to_money(text), ValueError, f"to_money of {shown}",
               "catch decimal.InvalidOperation and raise ValueError, and reject NaN and Infinity "
               "(Decimal.is_finite())")


# ------------------------------------------------------------------ apply_rate


@pytest.mark.points(2)
def test_apply_rate_amounts(submission):
    """apply_rate multiplies exactly and rounds once to cents"""
    cases = [("19.99", "0.2", "4.00"), ("100", "0.19", "19.00"), ("80.00", "1.0875", "87.00"),
             ("3.33", "3", "9.99"), ("49.95", "0.075", "3.75"), (Decimal("250.00"), Decimal("1.0831"), "270.78"),
             (12, "0.333", "4.00")]
    for amount, rate, expected in cases:
        got = money(submission.apply_rate(amount, rate), "apply_rate")
        assert got == Decimal(expected), (
            "apply_rate returned an amount that is not amount × rate rounded to cents; multiply the "
            "Decimals exactly and round only at the end"
        )


@pytest.mark.points(2)
def test_apply_rate_half_even(submission):
    """apply_rate rounds an exact half cent to the even cent, without float errors"""
    cases = [("10.25", "0.5", "5.12"), ("10.35", "0.5", "5.18"), ("1.15", "0.5", "0.58"),
             ("2.05", "0.5", "1.02"), ("0.35", "0.5", "0.18"), ("8.45", "0.1", "0.84")]
    for amount, rate, expected in cases:
        got = money(submission.apply_rate(amount, rate), "apply_rate")
        assert got == Decimal(expected), (
            "apply_rate is wrong for a product that ends in exactly half a cent; "
            "compute with Decimal (never float) and round with ROUND_HALF_EVEN"
        )


def test_apply_rate_rounds_amount_first(submission):
    """apply_rate turns the amount into money (whole cents) before multiplying"""
    got = money(submission.apply_rate("10.004", "100"), "apply_rate")
    assert got == Decimal("1000.00"), (
        "apply_rate of an amount with a fraction of a cent is off; round the amount to cents with to_money "
        "first, then multiply"
    )


def test_apply_rate_refuses_float_rate(submission):
    """apply_rate refuses a float rate with TypeError"""
    raises(lambda: submission.apply_rate("10.00", 0.2), TypeError, "apply_rate with a float rate",
           "the rate must be a str, int or Decimal; raise TypeError for a float")


# ------------------------------------------------------------------ split_bill


def shares_of(submission, total, people, what):
    got = submission.split_bill(total, people)
    assert isinstance(got, list), f"split_bill of {what} returned a {kind(got)}; return a list"
    for share in got:
        money(share, f"split_bill of {what}, one of the shares,")
    return got


@pytest.mark.points(3)
def test_split_bill_adds_up(submission):
    """split_bill returns one share per person, adding up to exactly the total"""
    cases = [("100.00", 3), ("10.00", 7), ("0.05", 3), ("0.01", 3), ("1234.57", 6), ("99.99", 1),
             ("20", 4), ("0.00", 5), (Decimal("1000000.01"), 9), (1, 11)]
    for total, people in cases:
        what = bill(total, people)
        got = shares_of(submission, total, people, what)
        assert len(got) == people, (
            f"split_bill of {what} returned the wrong number of shares; return one share per person"
        )
        assert sum(got, Decimal("0")) == Decimal(str(total)), (
            f"split_bill of {what} returned shares that don't add up to the bill total; "
            "no cent may be lost or created: hand out the leftover cents one by one"
        )


@pytest.mark.points(2)
def test_split_bill_fair_and_ordered(submission):
    """split_bill shares differ by at most one cent, larger shares first"""
    for total, people in [("100.00", 3), ("10.00", 7), ("0.05", 3), ("1234.57", 6), ("0.10", 4), ("7.77", 5)]:
        what = bill(total, people)
        got = shares_of(submission, total, people, what)
        assert len(got) == people, f"split_bill of {what} returned the wrong number of shares; one per person"
        assert max(got) - min(got) <= Decimal("0.01"), (
            f"split_bill of {what} returned shares that differ by more than one cent; "
            "any two shares may differ by at most one cent"
        )
        assert got == sorted(got, reverse=True), (
            f"split_bill of {what} returned a smaller share before a larger one; put the larger shares first"
        )


def test_split_bill_rounds_total_first(submission):
    """split_bill rounds the total to cents (half-even) before splitting"""
    got = shares_of(submission, "10.005", 2, "a total with half a cent")
    assert sum(got, Decimal("0")) == Decimal("10.00"), (
        "split_bill of a total with half a cent returned shares that don't add up to the rounded total; "
        "turn the total into money with to_money first (it rounds half-even)"
    )
    got = shares_of(submission, "0.035", 2, "a small total with half a cent")
    assert got == [Decimal("0.02"), Decimal("0.02")], (
        "split_bill of a small total with half a cent returned the wrong shares; round the total to cents first"
    )


@pytest.mark.points(2)
def test_split_bill_rejects_bad_input(submission):
    """split_bill raises ValueError for no people, negative people or a negative total"""
    raises(lambda: submission.split_bill("10.00", 0), ValueError, "split_bill for 0 people",
           "people must be at least 1")
    raises(lambda: submission.split_bill("10.00", -2), ValueError, "split_bill for a negative number of people",
           "people must be at least 1")
    raises(lambda: submission.split_bill("-10.00", 2), ValueError, "split_bill of a negative total",
           "a bill total can't be negative")


def test_split_bill_rejects_fractional_people(submission):
    """split_bill raises ValueError for a number of people that is not a whole number"""
    raises(lambda: submission.split_bill("10.00", 2.5), ValueError, "split_bill for a fractional number of people",
           "people must be a whole number (an int): check its type, not only that it is at least 1")
