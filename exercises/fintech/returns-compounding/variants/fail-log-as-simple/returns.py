import math


def _check_prices(prices):
    if any(p <= 0 for p in prices):
        raise ValueError("prices must be positive")


def simple_returns(prices):
    """Return [prices[i] / prices[i - 1] - 1 for each i >= 1]; ValueError for a price <= 0."""
    _check_prices(prices)
    return [math.log(now / before) for before, now in zip(prices, prices[1:])]


def log_returns(prices):
    """Return [ln(prices[i] / prices[i - 1]) for each i >= 1]; ValueError for a price <= 0."""
    _check_prices(prices)
    return [math.log(now / before) for before, now in zip(prices, prices[1:])]


def total_return(returns):
    """Compound a sequence of simple returns into one total return."""
    growth = 1.0
    for r in returns:
        growth *= 1 + r
    return growth - 1


def annualized_return(total, years):
    """The yearly return that compounds to `total` over `years` years."""
    if years <= 0:
        raise ValueError("years must be positive")
    return (1 + total) ** (1 / years) - 1


def future_value(principal, annual_rate, years, periods_per_year=1):
    """`principal` compounded `periods_per_year` times a year (None: continuously) for `years`."""
    if periods_per_year is None:
        return principal * math.exp(annual_rate * years)
    if periods_per_year <= 0:
        raise ValueError("periods_per_year must be positive")
    return principal * (1 + annual_rate / periods_per_year) ** (periods_per_year * years)
