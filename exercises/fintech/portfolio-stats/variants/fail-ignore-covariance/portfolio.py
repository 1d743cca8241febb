import numpy as np


def weights(holdings):
    """Each holding's share of the total, as an array adding up to 1."""
    values = np.asarray(holdings, dtype=float)
    if (values < 0).any():
        raise ValueError("holdings must not be negative")
    total = values.sum()
    if total == 0:
        raise ValueError("the holdings add up to zero")
    return values / total


def _matrix_and_weights(asset_returns, weights):
    matrix = np.asarray(asset_returns, dtype=float)
    w = np.asarray(weights, dtype=float)
    if matrix.ndim != 2 or matrix.shape[1] != w.shape[0]:
        raise ValueError("there must be one weight per column of asset_returns")
    return matrix, w


def portfolio_returns(asset_returns, weights):
    """The weighted return of each row (period) of `asset_returns`."""
    matrix, w = _matrix_and_weights(asset_returns, weights)
    return matrix @ w


def _sample(returns):
    values = np.asarray(returns, dtype=float)
    if values.size < 2:
        raise ValueError("need at least two returns")
    return values


def annualized_volatility(returns, periods_per_year=252):
    """Sample standard deviation (n - 1) of `returns`, times sqrt(periods_per_year)."""
    return float(np.std(_sample(returns), ddof=1) * np.sqrt(periods_per_year))


def sharpe_ratio(returns, risk_free=0.0, periods_per_year=252):
    """mean(excess) / sample std(excess) * sqrt(periods_per_year); risk_free is annual."""
    excess = _sample(returns) - risk_free / periods_per_year
    spread = np.std(excess, ddof=1)
    if spread == 0:
        raise ValueError("the returns never vary, so the Sharpe ratio is undefined")
    return float(excess.mean() / spread * np.sqrt(periods_per_year))


def portfolio_volatility(asset_returns, weights, periods_per_year=252):
    """sqrt(w @ cov @ w * periods_per_year), with the sample covariance of the asset columns."""
    matrix, w = _matrix_and_weights(asset_returns, weights)
    cov = np.atleast_2d(np.cov(matrix, rowvar=False))
    return float(np.sqrt(np.sum(w ** 2 * np.diag(cov)) * periods_per_year))
