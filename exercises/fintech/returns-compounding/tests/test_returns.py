import math

import numpy as np
import pytest

REL = 1e-9


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def close(a, b):
    return math.isclose(a, b, rel_tol=REL, abs_tol=1e-12)


def number(value, what):
    assert isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool), (
        f"{what} returned a {kind(value)}; return a number (a float)"
    )
    return float(value)


def floats(value, what):
    assert isinstance(value, (list, tuple, np.ndarray)), f"{what} returned a {kind(value)}; return a list of floats"
    try:
        return [float(v) for v in value]
    except (TypeError, ValueError):
        raise AssertionError(f"{what} returned a list holding something other than numbers") from None


def raises_value_error(call, what, advice):
    try:
        result = call()
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{what} raised {getattr(exc, 'type_name', type(exc).__name__)}, "
                             f"not ValueError; {advice}") from None
    raise AssertionError(f"{what} returned a {kind(result)} instead of raising ValueError; {advice}")


PRICES = [50.0, 52.5, 51.975, 55.0, 49.5, 49.5, 60.0]


@pytest.mark.points(2)
def test_simple_returns_values(submission):
    """simple_returns divides each price by the one before it"""
    got = floats(submission.simple_returns(PRICES), "simple_returns")
    expected = [b / a - 1 for a, b in zip(PRICES, PRICES[1:])]
    assert len(got) == len(expected), (
        "simple_returns returned the wrong number of returns; n prices give n - 1 returns"
    )
    wrong_base = [(b - a) / b for a, b in zip(PRICES, PRICES[1:])]
    if all(close(g, w) for g, w in zip(got, wrong_base)):
        raise AssertionError("simple_returns divided the change by the later price; a return is relative "
                             "to the earlier price: prices[i] / prices[i - 1] - 1")
    assert all(close(g, e) for g, e in zip(got, expected)), (
        "simple_returns returned wrong values; each return is prices[i] / prices[i - 1] - 1, in order"
    )
    got = floats(submission.simple_returns([10, 20]), "simple_returns of two prices")
    assert len(got) == 1 and close(got[0], 1.0), (
        "simple_returns of two prices is wrong; two prices give one return: the later price / the earlier - 1"
    )


def test_short_price_lists(submission):
    """simple_returns and log_returns of fewer than two prices are empty"""
    for name in ("simple_returns", "log_returns"):
        for prices, shown in (([], "no prices"), ([42.0], "a single price")):
            got = floats(getattr(submission, name)(prices), f"{name} of {shown}")
            assert got == [], f"{name} of {shown} returned a non-empty list; it must return []"


@pytest.mark.points(2)
def test_non_positive_prices(submission):
    """simple_returns and log_returns raise ValueError for a zero or negative price"""
    for name in ("simple_returns", "log_returns"):
        for prices in ([10.0, 0.0, 12.0], [10.0, 11.0, -1.0], [-5.0, 5.0]):
            raises_value_error(lambda: getattr(submission, name)(prices), f"{name} of a list with a price <= 0",
                               "check every price (the last and the first too) before computing")


@pytest.mark.points(2)
def test_log_returns(submission):
    """log_returns are the logs of price ratios and add up to ln(last / first)"""
    got = floats(submission.log_returns(PRICES), "log_returns")
    expected = [math.log(b / a) for a, b in zip(PRICES, PRICES[1:])]
    assert len(got) == len(expected), "log_returns returned the wrong number of values; n prices give n - 1"
    assert all(close(g, e) for g, e in zip(got, expected)), (
        "log_returns returned wrong values; each is math.log(prices[i] / prices[i - 1])"
    )
    assert close(sum(got), math.log(PRICES[-1] / PRICES[0])), "log_returns should add up to ln(last / first)"


@pytest.mark.points(3)
def test_total_return_compounds(submission):
    """total_return compounds the returns instead of adding them"""
    cases = [([0.5, -0.5], -0.25), ([0.1, 0.1, 0.1], 0.331), ([-0.2, 0.25], 0.0), ([0.03], 0.03),
             ([0.01] * 12, 1.01 ** 12 - 1), ([-1.0, 0.5], -1.0)]
    for returns, expected in cases:
        got = number(submission.total_return(returns), "total_return")
        if not close(got, expected) and close(got, sum(returns)):
            raise AssertionError("total_return added the returns up; returns compound: multiply the "
                                 "growth factors (1 + r) and subtract 1 at the end")
        assert close(got, expected), "total_return returned a wrong value; it is (1 + r1) × (1 + r2) × … − 1"


def test_total_return_empty(submission):
    """total_return of no returns is 0"""
    got = number(submission.total_return([]), "total_return([])")
    assert close(got, 0.0), "total_return([]) is wrong; no returns means no gain: 0.0"


def test_prices_round_trip(submission):
    """Compounding the simple returns of a price list gives last / first - 1"""
    returns = floats(submission.simple_returns(PRICES), "simple_returns")
    got = number(submission.total_return(returns), "total_return")
    assert close(got, PRICES[-1] / PRICES[0] - 1), (
        "total_return(simple_returns(prices)) is not prices[-1] / prices[0] - 1; check both functions"
    )


@pytest.mark.points(2)
def test_annualized_return(submission):
    """annualized_return finds the yearly rate that compounds to the total, for whole and partial years"""
    cases = [(0.21, 2, 0.1), (0.1, 1, 0.1), (0.05, 0.5, 1.05 ** 2 - 1), (-0.19, 2, -0.1),
             (1.0, 3, 2 ** (1 / 3) - 1), (0.0, 7, 0.0)]
    for total, years, expected in cases:
        got = number(submission.annualized_return(total, years), "annualized_return")
        if not close(got, expected) and close(got, total / years):
            raise AssertionError("annualized_return divided the total by the years; the yearly rate compounds: "
                                 "(1 + total) ** (1 / years) - 1")
        assert close(got, expected), "annualized_return returned a wrong value; use (1 + total) ** (1 / years) - 1"


def test_annualized_return_bad_years(submission):
    """annualized_return raises ValueError when years is zero or negative"""
    for years, shown in ((0, "zero years"), (-2, "a negative number of years")):
        raises_value_error(lambda: submission.annualized_return(0.1, years), f"annualized_return with {shown}",
                           "years must be positive")


@pytest.mark.points(2)
def test_future_value_periods(submission):
    """future_value compounds periods_per_year times a year"""
    cases = [((1000, 0.06, 1, 12), 1000 * 1.005 ** 12), ((2500, 0.04, 3, 4), 2500 * 1.01 ** 12),
             ((100, 0.1, 2.5, 1), 100 * 1.1 ** 2.5), ((500, 0.0, 10, 12), 500.0),
             ((1000, 0.0365, 1, 365), 1000 * 1.0001 ** 365), ((1000, -0.02, 5, 1), 1000 * 0.98 ** 5)]
    compounding = {1: "yearly", 4: "quarterly", 12: "monthly", 365: "daily"}
    for args, expected in cases:
        got = number(submission.future_value(*args), "future_value")
        assert close(got, expected), (
            f"future_value with {compounding[args[3]]} compounding returned a wrong value; each period earns "
            "annual_rate / periods_per_year and there are periods_per_year × years periods"
        )


def test_future_value_default_yearly(submission):
    """future_value compounds once a year by default"""
    got = number(submission.future_value(200, 0.07, 4), "future_value without periods_per_year")
    assert close(got, 200 * 1.07 ** 4), "future_value without periods_per_year must compound once a year"


@pytest.mark.points(2)
def test_future_value_continuous(submission):
    """future_value with periods_per_year=None compounds continuously"""
    for principal, rate, years in ((1000, 0.06, 1), (50, 0.12, 2.5), (1, 1.0, 1)):
        got = number(submission.future_value(principal, rate, years, periods_per_year=None),
                     "future_value with periods_per_year=None")
        assert close(got, principal * math.exp(rate * years)), (
            "future_value with periods_per_year=None must compound continuously: principal × e^(rate × years)"
        )


def test_future_value_bad_periods(submission):
    """future_value raises ValueError for periods_per_year of zero or less"""
    for periods, shown in ((0, "zero"), (-12, "negative")):
        raises_value_error(lambda: submission.future_value(100, 0.05, 1, periods_per_year=periods),
                           f"future_value with periods_per_year {shown}", "it must be positive (or None)")
