from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def _decimal(value, what):
    """`value` as an exact Decimal; floats are refused."""
    if isinstance(value, float):
        raise TypeError(f"{what} must be a str, int or Decimal, not a float")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, (int, str)):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"{what} {value!r} is not a number") from None
    else:
        raise TypeError(f"{what} must be a str, int or Decimal, not {type(value).__name__}")
    if not number.is_finite():
        raise ValueError(f"{what} {value!r} is not a finite number")
    return number


def to_money(amount):
    """Return `amount` (str, int or Decimal) as a Decimal rounded to cents, half-even.

    Raise TypeError for a float and ValueError for text that is not a finite number.
    """
    return _decimal(amount, "amount").quantize(CENT, rounding=ROUND_HALF_UP)


def apply_rate(amount, rate):
    """Return to_money(amount) multiplied by `rate`, rounded to cents, half-even."""
    return (to_money(amount) * _decimal(rate, "rate")).quantize(CENT, rounding=ROUND_HALF_UP)


def split_bill(total, people):
    """Split to_money(total) into `people` shares that add up exactly, larger shares first."""
    if isinstance(people, bool) or not isinstance(people, int) or people < 1:
        raise ValueError("people must be a whole number of at least 1")
    total = to_money(total)
    if total < 0:
        raise ValueError("the total must not be negative")
    cents = int(total * 100)
    base, extra = divmod(cents, people)
    return [(Decimal(base + 1) if i < extra else Decimal(base)) * CENT for i in range(people)]
