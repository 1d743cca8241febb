from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")


def _cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def _terms(principal, annual_rate, months):
    principal, annual_rate = Decimal(principal), Decimal(annual_rate)
    if principal <= 0:
        raise ValueError("the principal must be positive")
    if annual_rate < 0:
        raise ValueError("the rate must not be negative")
    if months < 1:
        raise ValueError("there must be at least one month")
    return principal, annual_rate / 12, months


def monthly_payment(principal, annual_rate, months):
    """The fixed monthly payment of the loan, rounded to cents half-even."""
    p, r, n = _terms(principal, annual_rate, months)
    if r == 0:
        return _cents(p / n)
    return _cents(p * r / (1 - (1 + r) ** -n))


def schedule(principal, annual_rate, months):
    """One dict per month: month, payment, interest, principal, balance."""
    p, r, n = _terms(principal, annual_rate, months)
    payment = monthly_payment(principal, annual_rate, months)
    balance = p
    rows = []
    for month in range(1, n + 1):
        interest = balance * r
        pay = balance + interest if month == n else payment
        paid_down = pay - interest
        balance -= paid_down
        rows.append({"month": month, "payment": _cents(pay), "interest": _cents(interest),
                     "principal": _cents(paid_down), "balance": _cents(balance)})
    return rows


def total_interest(principal, annual_rate, months):
    """The sum of the interest column of the schedule."""
    return sum((row["interest"] for row in schedule(principal, annual_rate, months)), Decimal("0.00"))
