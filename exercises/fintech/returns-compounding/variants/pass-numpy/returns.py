"""Returns and compounding, vectorised with numpy."""

import numpy as np


def _prices(prices):
    array = np.asarray(list(prices), dtype=float)
    if (array <= 0).any():
        raise ValueError("every price must be positive")
    return array


def simple_returns(prices):
    array = _prices(prices)
    return (array[1:] / array[:-1] - 1).tolist()


def log_returns(prices):
    array = _prices(prices)
    return np.diff(np.log(array)).tolist()


def total_return(returns):
    return float(np.prod(1 + np.asarray(list(returns), dtype=float)) - 1)


def annualized_return(total, years):
    if years <= 0:
        raise ValueError("years must be positive")
    return float(np.power(1.0 + total, 1.0 / years) - 1)


def future_value(principal, annual_rate, years, periods_per_year=1):
    if periods_per_year is None:
        return float(principal * np.exp(annual_rate * years))
    if periods_per_year <= 0:
        raise ValueError("periods_per_year must be positive")
    periods = periods_per_year * years
    return float(principal * np.exp(periods * np.log1p(annual_rate / periods_per_year)))
