import math

import numpy as np
import pytest

REL = 1e-6


def kind(value):
    return getattr(value, "type_name", type(value).__name__)


def close(a, b):
    return math.isclose(a, b, rel_tol=REL, abs_tol=1e-12)


def number(value, what):
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.item()
    assert isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool), (
        f"{what} returned a {kind(value)}; return a single number"
    )
    return float(value)


def vector(value, what, length):
    assert isinstance(value, (list, tuple, np.ndarray)), f"{what} returned a {kind(value)}; return an array"
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"{what} returned something that is not a list of numbers") from None
    assert array.ndim == 1, f"{what} returned an array with more than one dimension; return a flat array"
    assert len(array) == length, f"{what} returned the wrong number of values; return one per input row or holding"
    return array


def raises_value_error(call, what, advice):
    try:
        result = call()
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{what} raised {getattr(exc, 'type_name', type(exc).__name__)}, "
                             f"not ValueError; {advice}") from None
    raise AssertionError(f"{what} returned a {kind(result)} instead of raising ValueError; {advice}")


def market(seed=7, periods=60):
    """Daily returns of three assets: the first two move together, the third against them."""
    rng = np.random.default_rng(seed)
    common = rng.normal(0.0005, 0.01, periods)
    a = common + rng.normal(0.0002, 0.004, periods)
    b = 1.5 * common + rng.normal(0.0001, 0.006, periods)
    c = -0.8 * common + rng.normal(0.0003, 0.005, periods)
    return np.column_stack([a, b, c])


SHORT = [0.012, -0.007, 0.004, 0.009, -0.011]


# ------------------------------------------------------------------ weights


@pytest.mark.points(2)
def test_weights(submission):
    """weights divides each holding by the total"""
    for holdings in ([2000, 6000, 2000], [1, 1, 1, 1], [12500.5, 0, 37499.5], [7]):
        got = vector(submission.weights(holdings), "weights", len(holdings))
        expected = np.asarray(holdings, dtype=float) / sum(holdings)
        assert np.allclose(got, expected, rtol=REL), "weights returned wrong values; divide each holding by the total"
        assert close(got.sum(), 1.0), "the weights must add up to 1"


def test_weights_bad_input(submission):
    """weights raises ValueError for a negative holding or a zero total"""
    raises_value_error(lambda: submission.weights([100, -50, 200]), "weights with a negative holding",
                       "check that no holding is negative")
    raises_value_error(lambda: submission.weights([0, 0]), "weights of holdings adding up to zero",
                       "check the total before dividing by it")


# ------------------------------------------------------------------ portfolio_returns


@pytest.mark.points(2)
def test_portfolio_returns(submission):
    """portfolio_returns is the weighted sum of each period's asset returns"""
    matrix = market()
    w = [0.5, 0.3, 0.2]
    got = vector(submission.portfolio_returns(matrix.tolist(), w), "portfolio_returns", len(matrix))
    expected = matrix @ np.asarray(w)
    if not np.allclose(got, expected, rtol=REL, atol=1e-12):
        raise AssertionError(
            "portfolio_returns returned wrong values; each period's return is the sum over assets of "
            "weight × that asset's return (rows are periods, columns are assets): R @ w"
        )


def test_portfolio_returns_not_square(submission):
    """portfolio_returns works when there are more periods than assets, and for one asset"""
    matrix = [[0.01, 0.02], [0.03, -0.01], [0.0, 0.05], [-0.02, 0.01]]
    got = vector(submission.portfolio_returns(matrix, [0.25, 0.75]),
                 "portfolio_returns of more periods than assets", 4)
    assert np.allclose(got, np.asarray(matrix) @ [0.25, 0.75]), (
        "portfolio_returns of more periods than assets is wrong; rows are periods and columns are assets"
    )
    got = vector(submission.portfolio_returns([[0.01], [0.02]], [1.0]), "portfolio_returns of one asset", 2)
    assert np.allclose(got, [0.01, 0.02]), "portfolio_returns of a single asset with weight 1 is that asset's returns"


def test_portfolio_returns_mismatch(submission):
    """portfolio_returns raises ValueError when the weights don't match the assets"""
    raises_value_error(lambda: submission.portfolio_returns([[0.01, 0.02], [0.0, 0.01]], [0.2, 0.3, 0.5]),
                       "portfolio_returns with more weights than assets",
                       "check that there is one weight per column")


# ------------------------------------------------------------------ volatility


def check_volatility(got, returns, periods, what, advice=""):
    """Explain the usual mistakes, then compare with the sample std times √periods."""
    sample = np.std(returns, ddof=1)
    if close(got, np.std(returns) * math.sqrt(periods)):
        raise AssertionError(f"{what} used the population standard deviation (divides by n); "
                             "use the sample one: np.std(x, ddof=1)")
    if close(got, sample):
        raise AssertionError(f"{what} returned the per-period volatility; "
                             "multiply by √periods_per_year to annualise it")
    if close(got, sample * periods):
        raise AssertionError(f"{what} multiplied by periods_per_year; volatility grows with the "
                             "square root of time: multiply by √periods_per_year")
    if periods != 252 and close(got, sample * math.sqrt(252)):
        raise AssertionError(f"{what} ignored periods_per_year and used 252")
    assert close(got, sample * math.sqrt(periods)), f"{what} returned a wrong value{advice}"


@pytest.mark.points(3)
def test_volatility_sample_and_annualised(submission):
    """annualized_volatility uses the sample standard deviation (n - 1) and √periods_per_year"""
    got = number(submission.annualized_volatility(SHORT), "annualized_volatility")
    check_volatility(got, SHORT, 252, "annualized_volatility")


def test_volatility_periods(submission):
    """annualized_volatility honours periods_per_year"""
    monthly = [0.02, -0.01, 0.035, 0.0, -0.025, 0.015, 0.01, -0.005, 0.03, 0.02, -0.015, 0.005]
    got = number(submission.annualized_volatility(monthly, periods_per_year=12), "annualized_volatility")
    check_volatility(got, monthly, 12, "annualized_volatility with periods_per_year=12")


def test_volatility_too_few(submission):
    """annualized_volatility raises ValueError for fewer than two returns"""
    for returns, shown in (([], "no returns"), ([0.01], "a single return")):
        raises_value_error(lambda: submission.annualized_volatility(returns),
                           f"annualized_volatility of {shown}",
                           "a sample standard deviation needs at least two values")


# ------------------------------------------------------------------ Sharpe


def expected_sharpe(returns, risk_free=0.0, periods=252):
    excess = np.asarray(returns) - risk_free / periods
    return excess.mean() / excess.std(ddof=1) * math.sqrt(periods)


@pytest.mark.points(2)
def test_sharpe_ratio(submission):
    """sharpe_ratio is mean / sample std of the returns, times √periods_per_year"""
    for returns in (SHORT, market()[:, 1].tolist()):
        got = number(submission.sharpe_ratio(returns), "sharpe_ratio")
        if close(got, np.mean(returns) / np.std(returns) * math.sqrt(252)):
            raise AssertionError("sharpe_ratio used the population standard deviation; use ddof=1")
        if close(got, np.mean(returns) / np.std(returns, ddof=1)):
            raise AssertionError("sharpe_ratio is not annualised; multiply by √periods_per_year")
        assert close(got, expected_sharpe(returns)), "sharpe_ratio returned a wrong value"


@pytest.mark.points(2)
def test_sharpe_risk_free(submission):
    """sharpe_ratio subtracts the annual risk-free rate divided by periods_per_year"""
    returns = market()[:, 0].tolist()
    got = number(submission.sharpe_ratio(returns, risk_free=0.04), "sharpe_ratio with a risk-free rate")
    if close(got, expected_sharpe(returns)):
        raise AssertionError("sharpe_ratio ignored risk_free; subtract risk_free / periods_per_year from each return")
    if close(got, (np.mean(returns) - 0.04) / np.std(returns, ddof=1) * math.sqrt(252)):
        raise AssertionError("sharpe_ratio subtracted the annual risk_free rate from daily returns; "
                             "divide it by periods_per_year first")
    assert close(got, expected_sharpe(returns, 0.04)), "sharpe_ratio with a risk-free rate is wrong"
    monthly = [0.02, -0.01, 0.035, 0.0, -0.025, 0.015, 0.01, -0.005, 0.03, 0.02, -0.015, 0.005]
    got = number(submission.sharpe_ratio(monthly, risk_free=0.03, periods_per_year=12), "sharpe_ratio")
    assert close(got, expected_sharpe(monthly, 0.03, 12)), (
        "sharpe_ratio with periods_per_year=12 is wrong; use periods_per_year both for the risk-free rate "
        "per period and for annualising"
    )


def test_sharpe_undefined(submission):
    """sharpe_ratio raises ValueError for constant returns or fewer than two"""
    raises_value_error(lambda: submission.sharpe_ratio([0.01, 0.01, 0.01]), "sharpe_ratio of constant returns",
                       "the standard deviation is 0, so raise ValueError instead of dividing by it")
    raises_value_error(lambda: submission.sharpe_ratio([0.01]), "sharpe_ratio of one return",
                       "a sample standard deviation needs at least two values")


# ------------------------------------------------------------------ portfolio volatility


@pytest.mark.points(3)
def test_portfolio_volatility_uses_covariance(submission):
    """portfolio_volatility accounts for how the assets move together"""
    matrix = market()
    for w in ([0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [1.0, 0.0, 0.0]):
        got = number(submission.portfolio_volatility(matrix.tolist(), w), "portfolio_volatility")
        cov = np.cov(matrix, rowvar=False)
        wa = np.asarray(w)
        expected = math.sqrt(wa @ cov @ wa * 252)
        ignoring = math.sqrt(np.sum(wa ** 2 * np.diag(cov)) * 252)
        if not close(got, expected) and close(got, ignoring):
            raise AssertionError("portfolio_volatility ignored the covariances between assets; "
                                 "use the full covariance matrix: w @ cov @ w")
        if close(got, math.sqrt(wa @ np.cov(matrix, rowvar=False, ddof=0) @ wa * 252)):
            raise AssertionError("portfolio_volatility used the population covariance; use the sample one (n - 1)")
        assert close(got, expected), "portfolio_volatility returned a wrong value; compute √(wᵀ Σ w × periods_per_year)"


def test_portfolio_volatility_matches_returns(submission):
    """portfolio_volatility agrees with the volatility of the portfolio's returns"""
    matrix = market(seed=11, periods=40)
    w = [0.4, 0.4, 0.2]
    got = number(submission.portfolio_volatility(matrix.tolist(), w, periods_per_year=52), "portfolio_volatility")
    check_volatility(got, matrix @ np.asarray(w), 52, "portfolio_volatility of weekly returns (periods_per_year "
                     "other than 252)",
                     "; it must equal the sample volatility of the portfolio's own returns, which is what "
                     "the full covariance matrix gives you")
