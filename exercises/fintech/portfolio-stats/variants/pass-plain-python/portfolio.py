"""Portfolio statistics written with the statistics module and plain loops instead of numpy."""

import math
import statistics


def weights(holdings):
    values = [float(h) for h in holdings]
    if any(v < 0 for v in values):
        raise ValueError("a holding is negative")
    total = math.fsum(values)
    if total == 0:
        raise ValueError("the holdings add up to zero")
    return [v / total for v in values]


def portfolio_returns(asset_returns, weights):
    w = [float(x) for x in weights]
    result = []
    for row in asset_returns:
        row = [float(x) for x in row]
        if len(row) != len(w):
            raise ValueError(f"{len(w)} weights for {len(row)} assets")
        result.append(math.fsum(r * x for r, x in zip(row, w)))
    return result


def annualized_volatility(returns, periods_per_year=252):
    values = [float(r) for r in returns]
    if len(values) < 2:
        raise ValueError("need at least two returns")
    return statistics.stdev(values) * math.sqrt(periods_per_year)


def sharpe_ratio(returns, risk_free=0.0, periods_per_year=252):
    per_period = risk_free / periods_per_year
    excess = [float(r) - per_period for r in returns]
    if len(excess) < 2:
        raise ValueError("need at least two returns")
    spread = statistics.stdev(excess)
    if spread == 0:
        raise ValueError("the returns never vary")
    return statistics.fmean(excess) / spread * math.sqrt(periods_per_year)


def portfolio_volatility(asset_returns, weights, periods_per_year=252):
    rows = [[float(x) for x in row] for row in asset_returns]
    w = [float(x) for x in weights]
    if any(len(row) != len(w) for row in rows):
        raise ValueError("one weight per asset")
    columns = list(zip(*rows))
    n = len(w)
    variance = 0.0
    for i in range(n):
        for j in range(n):
            variance += w[i] * w[j] * statistics.covariance(columns[i], columns[j])
    return math.sqrt(variance * periods_per_year)
