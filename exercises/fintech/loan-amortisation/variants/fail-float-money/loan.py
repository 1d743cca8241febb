def _terms(principal, annual_rate, months):
    principal, annual_rate = float(principal), float(annual_rate)
    if principal <= 0:
        raise ValueError("the principal must be positive")
    if annual_rate < 0:
        raise ValueError("the rate must not be negative")
    if months < 1:
        raise ValueError("there must be at least one month")
    return principal, annual_rate / 12, months


def monthly_payment(principal, annual_rate, months):
    p, r, n = _terms(principal, annual_rate, months)
    if r == 0:
        return round(p / n, 2)
    return round(p * r / (1 - (1 + r) ** -n), 2)


def schedule(principal, annual_rate, months):
    p, r, n = _terms(principal, annual_rate, months)
    payment = monthly_payment(principal, annual_rate, months)
    balance = p
    rows = []
    for month in range(1, n + 1):
        interest = round(balance * r, 2)
        pay = round(balance + interest, 2) if month == n else payment
        balance = round(balance - (pay - interest), 2)
        rows.append({"month": month, "payment": pay, "interest": interest,
                     "principal": round(pay - interest, 2), "balance": balance})
    return rows


def total_interest(principal, annual_rate, months):
    return round(sum(row["interest"] for row in schedule(principal, annual_rate, months)), 2)
