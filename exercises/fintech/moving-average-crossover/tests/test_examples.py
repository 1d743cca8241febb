import pandas as pd
import pytest


def test_load_prices_example(submission):
    """load_prices returns the 140 closes indexed by date"""
    prices = submission.load_prices("prices.csv")
    assert isinstance(prices, pd.Series)
    assert len(prices) == 140
    assert prices.index[0] == pd.Timestamp("2024-01-02")


def test_moving_average_example(submission):
    """The 3-day moving average of the first three closes"""
    prices = submission.load_prices("prices.csv")
    ma = submission.moving_average(prices, 3)
    assert ma.iloc[2] == pytest.approx((101.63 + 104.04 + 105.89) / 3)


def test_first_trades(submission):
    """The first three trades of the 5/20-day crossover are buy, sell, buy"""
    prices = submission.load_prices("prices.csv")
    assert [t["action"] for t in submission.trades(prices)][:3] == ["buy", "sell", "buy"]
