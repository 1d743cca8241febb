from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

CENT = Decimal("0.01")


def to_money(amount):
    """Return `amount` (str, int or Decimal) as a Decimal rounded to cents, half-even.

    Raise TypeError for a float and ValueError for text that is not a finite number.
    """
    raise NotImplementedError("write to_money")


def apply_rate(amount, rate):
    """Return to_money(amount) multiplied by `rate`, rounded to cents, half-even."""
    raise NotImplementedError("write apply_rate")


def split_bill(total, people):
    """Split to_money(total) into `people` shares that add up exactly, larger shares first."""
    raise NotImplementedError("write split_bill")
