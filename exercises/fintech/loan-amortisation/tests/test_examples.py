from decimal import Decimal


def test_payment_example(submission):
    """monthly_payment of 200000 at 6 % over 30 years is 1199.10"""
    assert submission.monthly_payment("200000", "0.06", 360) == Decimal("1199.10")


def test_first_row_example(submission):
    """The first month of that loan's schedule"""
    rows = submission.schedule("200000", "0.06", 360)
    assert rows[0] == {"month": 1, "payment": Decimal("1199.10"), "interest": Decimal("1000.00"),
                       "principal": Decimal("199.10"), "balance": Decimal("199800.90")}


def test_paid_off_example(submission):
    """After the last month the balance is exactly 0.00"""
    rows = submission.schedule("200000", "0.06", 360)
    assert rows[-1]["balance"] == Decimal("0.00")
