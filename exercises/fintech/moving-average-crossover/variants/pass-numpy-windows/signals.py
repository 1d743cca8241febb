"""Moving-average crossover with the csv module and numpy sliding windows instead of pandas rolling."""

import csv

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view


def load_prices(path="prices.csv"):
    with open(path, newline="") as handle:
        rows = sorted((row["date"], float(row["close"])) for row in csv.DictReader(handle))
    dates = pd.to_datetime([date for date, _ in rows])
    return pd.Series([close for _, close in rows], index=dates, dtype=float)


def moving_average(prices, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    values = np.asarray(prices, dtype=float)
    averages = np.full(len(values), np.nan)
    if len(values) >= window:
        averages[window - 1:] = sliding_window_view(values, window).mean(axis=1)
    return pd.Series(averages, index=prices.index)


def crossover_signals(prices, short=5, long=20):
    if short >= long:
        raise ValueError("short must be smaller than long")
    short_ma = moving_average(prices, short)
    long_ma = moving_average(prices, long)
    with np.errstate(invalid="ignore"):
        position = (short_ma.to_numpy() > long_ma.to_numpy()).astype(int)  # NaN compares False
    signal = np.concatenate([[0], np.diff(position)]).astype(int)
    return pd.DataFrame(
        {"close": prices.astype(float), "short_ma": short_ma, "long_ma": long_ma, "position": position, "signal": signal},
        index=prices.index,
    )


def trades(prices, short=5, long=20):
    table = crossover_signals(prices, short, long)
    events = []
    for date, close, signal in zip(table.index, table["close"], table["signal"]):
        if signal:
            events.append({"date": date, "action": "buy" if signal > 0 else "sell", "price": float(close)})
    return events
