from decimal import Decimal


def test_to_money_rounds_half_even(submission):
    """to_money rounds a half cent to the even cent"""
    assert submission.to_money("0.125") == Decimal("0.12")
    assert submission.to_money("0.135") == Decimal("0.14")


def test_apply_rate_example(submission):
    """apply_rate("1.15", "0.5") is 0.58"""
    assert submission.apply_rate("1.15", "0.5") == Decimal("0.58")


def test_split_bill_example(submission):
    """split_bill("100.00", 3) gives the extra cent to the first share"""
    assert submission.split_bill("100.00", 3) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
