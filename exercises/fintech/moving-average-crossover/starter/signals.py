import pandas as pd


def load_prices(path="prices.csv"):
    """The closing prices as a Series indexed by date, sorted by date."""
    # TODO: read the file with pandas.
    return None


def moving_average(prices, window):
    """The simple moving average of `prices` over `window` values (NaN until the window is full)."""
    raise NotImplementedError("write moving_average")


def crossover_signals(prices, short=5, long=20):
    """A DataFrame with columns close, short_ma, long_ma, position and signal."""
    raise NotImplementedError("write crossover_signals")


def trades(prices, short=5, long=20):
    """The buy and sell events as a list of {"date", "action", "price"} dicts, in date order."""
    raise NotImplementedError("write trades")
