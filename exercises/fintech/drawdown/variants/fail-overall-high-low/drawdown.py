def _check(values):
    if any(v <= 0 for v in values):
        raise ValueError("values must be positive")


def drawdowns(values):
    """The drawdown values[i] / max(values[:i + 1]) - 1 at every index."""
    _check(values)
    result, high = [], None
    for value in values:
        high = value if high is None or value > high else high
        result.append(value / high - 1)
    return result


def max_drawdown(values):
    """A dict with the keys depth, peak, trough and recovery (see the statement)."""
    if not values:
        raise ValueError("no values")
    dd = drawdowns(values)
    depth = min(dd)
    if depth == 0:
        return {"depth": 0.0, "peak": None, "trough": None, "recovery": None}
    high = max(values)
    peak = values.index(high)
    trough = values.index(min(values))
    depth = values[trough] / high - 1
    recovery = next((i for i in range(trough + 1, len(values)) if values[i] >= high), None)
    return {"depth": depth, "peak": peak, "trough": trough, "recovery": recovery}


def time_under_water(values):
    """The longest run of consecutive indexes with a drawdown below zero."""
    longest = run = 0
    for d in drawdowns(values):
        run = run + 1 if d < 0 else 0
        longest = max(longest, run)
    return longest
