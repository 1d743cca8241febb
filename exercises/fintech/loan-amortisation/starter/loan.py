from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")


def monthly_payment(principal, annual_rate, months):
    """The fixed monthly payment of the loan, rounded to cents half-even."""
    raise NotImplementedError("write monthly_payment")


def schedule(principal, annual_rate, months):
    """One dict per month: month, payment, interest, principal, balance."""
    raise NotImplementedError("write schedule")


def total_interest(principal, annual_rate, months):
    """The sum of the interest column of the schedule."""
    raise NotImplementedError("write total_interest")
