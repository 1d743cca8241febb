from decimal import ROUND_HALF_EVEN, Decimal

import pytest

CENT = Decimal("0.01")
KEYS = ("month", "payment", "interest", "principal", "balance")
CASES = [("200000", "0.06", 360), ("10000", "0.05", 36), ("25000", "0.0399", 60), ("1000", "0.12", 1),
         ("5000", "0", 12), (Decimal("350000.00"), Decimal("0.0725"), 240), (18500, "0.089", 48)]


def cents(value):
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def reference_payment(principal, annual_rate, months):
    p, r = Decimal(principal), Decimal(annual_rate) / 12
    return cents(p / months) if r == 0 else cents(p * r / (1 - (1 + r) ** -months))


def reference_schedule(principal, annual_rate, months):
    r = Decimal(annual_rate) / 12
    payment = reference_payment(principal, annual_rate, months)
    balance, rows = cents(Decimal(principal)), []
    for month in range(1, months + 1):
        interest = cents(balance * r)
        pay = balance + interest if month == months else payment
        balance -= pay - interest
        rows.append({"month": month, "payment": pay, "interest": interest, "principal": pay - interest,
                     "balance": balance})
    return rows


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def loan(principal, rate, months):
    """Describe a loan in words, without its figures."""
    if months == 1:
        return "a one-month loan"
    if Decimal(rate) == 0:
        return "a loan at 0 %"
    if isinstance(principal, Decimal):
        return "a long loan given as Decimals"
    if isinstance(principal, int):
        return "a loan whose principal is an int"
    if months >= 240:
        return "a long, mortgage-sized loan"
    if len(str(rate).split(".")[-1]) > 2:
        return "a loan whose rate has four decimal places"
    return "a loan of a few years"


def money(value, what):
    assert isinstance(value, Decimal), f"{what} is a {kind(value)}; use Decimal for money, never float"
    assert value.is_finite() and value.as_tuple().exponent == -2, (
        f"{what} does not have exactly two decimal places; round it to cents with .quantize"
    )
    return value


def rows_of(submission, principal, rate, months):
    what = f"schedule of {loan(principal, rate, months)}"
    rows = submission.schedule(principal, rate, months)
    assert isinstance(rows, list), f"{what} returned a {kind(rows)}; return a list of dicts"
    assert len(rows) == months, f"{what} has the wrong number of rows; return one row per month"
    for i, row in enumerate(rows, start=1):
        assert isinstance(row, dict), f"{what}: row {i} is a {kind(row)}; each row must be a dict"
        missing = [k for k in KEYS if k not in row]
        assert not missing, f"{what}: row {i} has no key {missing[0]!r}; each row needs {list(KEYS)}"
        assert row["month"] == i, f"{what}: row {i} has the wrong month; number the months 1, 2, 3, ..."
        for key in KEYS[1:]:
            money(row[key], f"{what}: month {i}'s {key}")
    return rows


@pytest.mark.points(3)
def test_monthly_payment(submission):
    """monthly_payment follows the annuity formula, rounded to cents"""
    for principal, rate, months in CASES:
        got = money(submission.monthly_payment(principal, rate, months), "monthly_payment")
        expected = reference_payment(principal, rate, months)
        if got != expected and rate != "0":
            yearly = reference_payment(principal, Decimal(rate) * 12, months)
            if abs(got - yearly) <= CENT:
                raise AssertionError("monthly_payment used the annual rate as the monthly one; divide it by 12")
        assert got == expected, (
            f"monthly_payment of {loan(principal, rate, months)} is not the annuity payment "
            "P × r / (1 − (1 + r)^−n) with r = annual_rate / 12, rounded half-even to cents"
        )


def test_zero_rate_payment(submission):
    """monthly_payment with a 0 % rate is the loan divided by the months"""
    got = money(submission.monthly_payment("5000", "0", 12), "monthly_payment at 0 %")
    assert got == Decimal("416.67"), (
        "monthly_payment at 0 % is wrong; with no interest the formula divides by zero: "
        "use principal / months instead"
    )


@pytest.mark.points(2)
def test_rows_add_up(submission):
    """Every row's payment is interest plus principal, and the balance goes down by the principal"""
    for principal, rate, months in CASES[:4]:
        rows = rows_of(submission, principal, rate, months)
        balance = cents(Decimal(principal))
        for row in rows:
            assert row["payment"] == row["interest"] + row["principal"], (
                f"month {row['month']} of {loan(principal, rate, months)}: payment is not interest + principal"
            )
            assert row["balance"] == balance - row["principal"], (
                f"month {row['month']} of {loan(principal, rate, months)}: the balance is not the previous "
                "balance minus this month's principal part"
            )
            balance = row["balance"]


@pytest.mark.points(3)
def test_paid_off_to_the_cent(submission):
    """The principal parts add up to the loan and the balance ends at exactly 0.00"""
    for principal, rate, months in CASES:
        rows = rows_of(submission, principal, rate, months)
        last = rows[-1]["balance"]
        assert last == 0, (
            f"{loan(principal, rate, months)} does not end at a balance of 0.00; in the last month pay the "
            "remaining balance plus interest so it ends at exactly 0.00"
        )
        paid = sum((r["principal"] for r in rows), Decimal(0))
        assert paid == Decimal(principal), (
            f"the principal parts of {loan(principal, rate, months)} do not add up to the loan"
        )


@pytest.mark.points(2)
def test_last_payment_adjusted(submission):
    """Only the last payment differs from the fixed monthly payment"""
    for principal, rate, months in (("200000", "0.06", 360), ("5000", "0", 12)):
        rows = rows_of(submission, principal, rate, months)
        fixed = reference_payment(principal, rate, months)
        early = [r["month"] for r in rows[:-1] if r["payment"] != fixed]
        assert not early, (
            f"month {early[0]} of {loan(principal, rate, months)} doesn't pay the fixed monthly payment; "
            "only the last month may differ"
        )
        expected_last = reference_schedule(principal, rate, months)[-1]["payment"]
        assert rows[-1]["payment"] == expected_last, (
            f"the last payment of {loan(principal, rate, months)} is wrong; it must be the remaining "
            "balance plus the last month's interest"
        )


@pytest.mark.points(3)
def test_interest_each_month(submission):
    """Each month's interest is the balance times the monthly rate, rounded to cents"""
    for principal, rate, months in (("10000", "0.05", 36), ("25000", "0.0399", 60), (18500, "0.089", 48)):
        rows = rows_of(submission, principal, rate, months)
        expected = reference_schedule(principal, rate, months)
        if rows[1]["interest"] == rows[0]["interest"] and expected[1]["interest"] != expected[0]["interest"]:
            raise AssertionError("the interest stays the same every month; charge interest on the remaining "
                                 "balance, not on the original loan")
        for row, want in zip(rows, expected):
            assert row["interest"] == want["interest"], (
                f"month {row['month']} of {loan(principal, rate, months)} has the wrong interest; it is the balance "
                "before this month's payment × annual_rate / 12, rounded half-even to cents, every month"
            )
            for key in KEYS[1:]:
                assert row[key] == want[key], (
                    f"month {row['month']} of {loan(principal, rate, months)} has a {key} that is off; keep the "
                    "balance as an exact Decimal in cents and follow the steps of the statement in order"
                )


@pytest.mark.points(2)
def test_total_interest(submission):
    """total_interest adds up the interest of every month"""
    for principal, rate, months in (("200000", "0.06", 360), ("10000", "0.05", 36), ("5000", "0", 12)):
        got = money(submission.total_interest(principal, rate, months), "total_interest")
        expected = sum((r["interest"] for r in reference_schedule(principal, rate, months)), Decimal("0.00"))
        assert got == expected, (
            f"total_interest of {loan(principal, rate, months)} is wrong; add up the interest column of the schedule"
        )


@pytest.mark.points(2)
def test_bad_terms(submission):
    """monthly_payment and schedule raise ValueError for impossible loans"""
    for name in ("monthly_payment", "schedule"):
        for args, what in ((("0", "0.05", 12), "a principal of 0"), (("-100", "0.05", 12), "a negative principal"),
                           (("1000", "-0.01", 12), "a negative rate"), (("1000", "0.05", 0), "0 months")):
            try:
                result = getattr(submission, name)(*args)
            except ValueError:
                continue
            except Exception as exc:  # noqa: BLE001
                raise AssertionError(f"{name} with {what} raised {getattr(exc, 'type_name', type(exc).__name__)}; "
                                     "raise ValueError") from None
            raise AssertionError(f"{name} with {what} returned a {kind(result)}; raise ValueError")
