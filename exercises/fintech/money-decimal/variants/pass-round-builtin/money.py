"""Money helpers built on Python's round(), which rounds a Decimal half-even and keeps it a Decimal."""

from decimal import Decimal, InvalidOperation


def _decimal(value, what):
    if isinstance(value, float):
        raise TypeError(f"{what} must not be a float, got {value!r}")
    if not isinstance(value, (str, int, Decimal)):
        raise TypeError(f"{what} must be str, int or Decimal, got {type(value).__name__}")
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise ValueError(f"{what} is not a number: {value!r}") from None
    if number.is_nan() or number.is_infinite():
        raise ValueError(f"{what} is not finite: {value!r}")
    return number


def to_money(amount):
    return round(_decimal(amount, "amount"), 2)


def apply_rate(amount, rate):
    return round(to_money(amount) * _decimal(rate, "rate"), 2)


def split_bill(total, people):
    if not isinstance(people, int) or isinstance(people, bool) or people < 1:
        raise ValueError("people must be a whole number of at least 1")
    money = to_money(total)
    if money < 0:
        raise ValueError("the total must not be negative")
    left = int(money.scaleb(2))
    shares = []
    for remaining_people in range(people, 0, -1):
        cents = -(-left // remaining_people)
        shares.append(Decimal(cents).scaleb(-2))
        left -= cents
    return shares
