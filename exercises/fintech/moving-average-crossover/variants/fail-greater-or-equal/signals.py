import pandas as pd


def load_prices(path="prices.csv"):
    """The closing prices as a Series indexed by date, sorted by date."""
    frame = pd.read_csv(path, parse_dates=["date"], index_col="date")
    return frame["close"].astype(float).sort_index()


def moving_average(prices, window):
    """The simple moving average of `prices` over `window` values (NaN until the window is full)."""
    if window < 1:
        raise ValueError("window must be at least 1")
    return prices.rolling(window).mean()


def crossover_signals(prices, short=5, long=20):
    """A DataFrame with columns close, short_ma, long_ma, position and signal."""
    if short >= long:
        raise ValueError("the short window must be smaller than the long one")
    frame = pd.DataFrame({
        "close": prices,
        "short_ma": moving_average(prices, short),
        "long_ma": moving_average(prices, long),
    })
    frame["position"] = (frame["short_ma"] >= frame["long_ma"]).astype(int)
    frame["signal"] = frame["position"].diff().fillna(0).astype(int)
    return frame


def trades(prices, short=5, long=20):
    """The buy and sell events as a list of {"date", "action", "price"} dicts, in date order."""
    frame = crossover_signals(prices, short, long)
    events = frame[frame["signal"] != 0]
    return [
        {"date": date, "action": "buy" if row.signal > 0 else "sell", "price": float(row.close)}
        for date, row in events.iterrows()
    ]
