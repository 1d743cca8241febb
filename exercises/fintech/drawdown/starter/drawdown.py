def drawdowns(values):
    """The drawdown values[i] / max(values[:i + 1]) - 1 at every index."""
    raise NotImplementedError("write drawdowns")


def max_drawdown(values):
    """A dict with the keys depth, peak, trough and recovery (see the statement)."""
    raise NotImplementedError("write max_drawdown")


def time_under_water(values):
    """The longest run of consecutive indexes with a drawdown below zero."""
    raise NotImplementedError("write time_under_water")
