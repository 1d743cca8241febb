"""Loan schedule kept in whole cents (ints); Decimal only for the rate maths and the results."""

from decimal import ROUND_HALF_EVEN, Decimal


def _inputs(principal, annual_rate, months):
    principal, annual_rate = Decimal(principal), Decimal(annual_rate)
    if principal <= 0:
        raise ValueError("the principal must be positive")
    if annual_rate < 0:
        raise ValueError("the rate must not be negative")
    if months < 1:
        raise ValueError("there must be at least one month")
    return principal, annual_rate / 12, months


def _cents(amount):
    return int(amount.scaleb(2).to_integral_value(rounding=ROUND_HALF_EVEN))


def _money(cents):
    return Decimal(cents).scaleb(-2).quantize(Decimal("0.01"))


def _payment_cents(principal, rate, months):
    if rate == 0:
        return _cents(principal / months)
    growth = (1 + rate) ** months
    return _cents(principal * rate * growth / (growth - 1))


def monthly_payment(principal, annual_rate, months):
    return _money(_payment_cents(*_inputs(principal, annual_rate, months)))


def schedule(principal, annual_rate, months):
    principal, rate, months = _inputs(principal, annual_rate, months)
    payment = _payment_cents(principal, rate, months)
    balance = _cents(principal)
    rows = []
    for month in range(1, months + 1):
        interest = _cents(_money(balance) * rate)
        paid = balance + interest if month == months else payment
        balance -= paid - interest
        rows.append({
            "month": month,
            "payment": _money(paid),
            "interest": _money(interest),
            "principal": _money(paid - interest),
            "balance": _money(balance),
        })
    return rows


def total_interest(principal, annual_rate, months):
    return _money(sum(_cents(row["interest"]) for row in schedule(principal, annual_rate, months)))
