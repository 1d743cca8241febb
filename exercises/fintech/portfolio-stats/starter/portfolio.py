import numpy as np


def weights(holdings):
    """Each holding's share of the total, as an array adding up to 1."""
    raise NotImplementedError("write weights")


def portfolio_returns(asset_returns, weights):
    """The weighted return of each row (period) of `asset_returns`."""
    raise NotImplementedError("write portfolio_returns")


def annualized_volatility(returns, periods_per_year=252):
    """Sample standard deviation (n - 1) of `returns`, times sqrt(periods_per_year)."""
    raise NotImplementedError("write annualized_volatility")


def sharpe_ratio(returns, risk_free=0.0, periods_per_year=252):
    """mean(excess) / sample std(excess) * sqrt(periods_per_year); risk_free is annual."""
    raise NotImplementedError("write sharpe_ratio")


def portfolio_volatility(asset_returns, weights, periods_per_year=252):
    """sqrt(w @ cov @ w * periods_per_year), with the sample covariance of the asset columns."""
    raise NotImplementedError("write portfolio_volatility")
