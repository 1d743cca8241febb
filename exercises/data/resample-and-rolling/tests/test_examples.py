import pandas as pd


def test_daily_calendar(submission):
    """daily has one entry per day, January to March 2024"""
    daily = submission.get("daily")
    assert isinstance(daily, pd.Series), "daily must be a Series"
    assert len(daily) == 91, "1 January to 31 March 2024 is 91 days"
    assert daily.index[0] == pd.Timestamp("2024-01-01")


def test_weekly_first(submission):
    """weekly: the first week had 2398 visits"""
    weekly = submission.get("weekly")
    assert isinstance(weekly, pd.Series), "weekly must be a Series"
    assert int(weekly.iloc[0]) == 2398


def test_rolling_start(submission):
    """rolling_7: the first full week ends on 7 January"""
    rolling = submission.get("rolling_7")
    assert isinstance(rolling, pd.Series), "rolling_7 must be a Series"
    assert rolling.iloc[:6].isna().all(), "the first 6 days have no full week behind them"
    assert round(float(rolling.iloc[6]), 2) == 342.57
