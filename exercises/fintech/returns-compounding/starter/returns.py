import math


def simple_returns(prices):
    """Return [prices[i] / prices[i - 1] - 1 for each i >= 1]; ValueError for a price <= 0."""
    raise NotImplementedError("write simple_returns")


def log_returns(prices):
    """Return [ln(prices[i] / prices[i - 1]) for each i >= 1]; ValueError for a price <= 0."""
    raise NotImplementedError("write log_returns")


def total_return(returns):
    """Compound a sequence of simple returns into one total return."""
    raise NotImplementedError("write total_return")


def annualized_return(total, years):
    """The yearly return that compounds to `total` over `years` years."""
    raise NotImplementedError("write annualized_return")


def future_value(principal, annual_rate, years, periods_per_year=1):
    """`principal` compounded `periods_per_year` times a year (None: continuously) for `years`."""
    raise NotImplementedError("write future_value")
