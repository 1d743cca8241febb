import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        value = submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None
    except AssertionError as exc:
        if type(exc).__name__ != "NotPlainValue":
            raise
        raise AssertionError(
            f"{name} can't be checked: it holds Period objects (from to_period); label the periods with "
            "Timestamps instead (resample, or .to_timestamp())"
        ) from None
    if getattr(value, "type_name", None) == "Period":
        raise AssertionError(f"{name} is a Period; use a Timestamp (for example .to_timestamp())")
    return value


def expected(data_dir):
    visits = pd.read_csv(data_dir / "visits.csv", parse_dates=["date"])
    daily = visits.set_index("date")["visits"].sort_index().asfreq("D", fill_value=0)
    weekly = daily.resample("W").sum()
    monthly = daily.resample("MS").sum()
    return visits, daily, weekly, monthly


def no_periods(index, name):
    if any(getattr(label, "type_name", None) == "Period" for label in index):
        raise AssertionError(
            f"{name}'s index holds Period objects (from to_period), which can't be checked; label the periods "
            "with Timestamps instead (resample, or .to_timestamp())"
        )


def as_timestamps(index, name):
    no_periods(index, name)
    labels = []
    for label in index:
        if isinstance(label, str):
            try:
                label = pd.Timestamp(label)
            except ValueError:
                raise AssertionError(f"{name}'s index holds text that is not a date; it must hold dates") from None
        assert isinstance(label, (dt.date, np.datetime64)), (
            f"{name}'s index holds {type_name(label)} values; it must hold dates — put the dates in the index "
            "(set_index('date'))"
        )
        labels.append(pd.Timestamp(label))
    return labels


def series(submission, name, what):
    value = fetch(submission, name, what)
    if isinstance(value, pd.DataFrame) and value.shape[1] == 1:
        value = value.iloc[:, 0]
    assert isinstance(value, pd.Series), f"{name} is {type_name(value)}; it must be a Series ({what})"
    return value


# ------------------------------------------------------------------------------------ daily


@pytest.mark.points(3)
def test_daily(submission, data_dir):
    """daily is sorted, with one entry per calendar day and 0 for the missing days"""
    value = series(submission, "daily", "the visits indexed by date")
    visits, want, _, _ = expected(data_dir)
    days = as_timestamps(value.index, "daily")
    assert days == sorted(days), "daily is not sorted by date; the late rows sit at the end of the file — sort_index()"
    assert len(set(days)) == len(days), "daily lists a day twice; one entry per day"
    absent = [d for d in want.index if d not in set(days)]
    assert not absent, (
        "daily has no entry for some days: the file has no row for the "
        "outage days — add them with 0 visits (asfreq('D', fill_value=0) or resample('D').sum())"
    )
    assert days == list(want.index), "daily must run from the first to the last date of the file, one entry per day"
    got = pd.Series(value.to_numpy(), index=days)
    assert not got.isna().any(), "daily has NaN for the days without a row; they had 0 visits (fill_value=0)"
    assert np.allclose(got.astype(float).to_numpy(), want.to_numpy()), "daily's visits differ from the file's"


# ------------------------------------------------------------------------------------ weekly


@pytest.mark.points(2)
def test_weekly(submission, data_dir):
    """weekly totals each Monday-to-Sunday week"""
    value = series(submission, "weekly", "the visits per week")
    _, _, want, _ = expected(data_dir)
    labels = as_timestamps(value.index, "weekly")
    got = value.astype(float).to_numpy()
    assert len(labels) == len(want), (
        "weekly has the wrong number of weeks; it needs one per week from Monday to Sunday that January to "
        "March 2024 touches"
    )
    mondays = [d - pd.Timedelta(days=6) for d in want.index]
    assert labels in (list(want.index), mondays), (
        "weekly's labels are not the Sundays that end the weeks (resample('W')) nor the Mondays that start them"
    )
    assert np.allclose(got, want.to_numpy()), (
        "weekly's totals are wrong; add up the visits of each Monday-to-Sunday week of daily (outage days count 0)"
    )


# ------------------------------------------------------------------------------------ monthly


def month_labels(index, name):
    no_periods(index, name)
    months = []
    for label in index:
        if isinstance(label, str):
            assert re.fullmatch(r"\d{4}-\d{2}", label), (
                f"{name}'s index holds text in another form; label the months by Timestamps (resample('MS')) or as "
                "'YYYY-MM'"
            )
            months.append(label)
            continue
        assert isinstance(label, (dt.date, np.datetime64)), (
            f"{name}'s index holds {type_name(label)} values; label the months by Timestamps (resample('MS'))"
        )
        label = pd.Timestamp(label)
        assert label.day == 1 or label.is_month_end, (
            f"{name}'s index holds a date inside a month; label each month by its first (or last) day"
        )
        months.append(label.strftime("%Y-%m"))
    return months


@pytest.mark.points(2)
def test_monthly(submission, data_dir):
    """monthly totals each month"""
    value = series(submission, "monthly", "the visits per month")
    _, _, _, want = expected(data_dir)
    months = month_labels(value.index, "monthly")
    assert months == [d.strftime("%Y-%m") for d in want.index], (
        "monthly has the wrong months; one entry per month, January to March 2024, in order"
    )
    assert np.allclose(value.astype(float).to_numpy(), want.to_numpy()), "monthly's totals are wrong"


# ------------------------------------------------------------------------------------ rolling_7


@pytest.mark.points(3)
def test_rolling_7(submission, data_dir):
    """rolling_7 is the trailing 7-day mean of daily, NaN for the first 6 days"""
    value = series(submission, "rolling_7", "the 7-day rolling mean")
    _, daily, _, _ = expected(data_dir)
    want = daily.rolling(7).mean()
    days = as_timestamps(value.index, "rolling_7")
    assert days == list(want.index), (
        "rolling_7 must have the same index as daily: every day, sorted (compute it on the completed daily series)"
    )
    got = value.astype(float).to_numpy()
    if np.allclose(got, want.to_numpy(), equal_nan=True):
        return
    centred = daily.rolling(7, center=True).mean().to_numpy()
    assert not np.allclose(got[6:-3], centred[6:-3], equal_nan=True), (
        "rolling_7 is centred on each day; it must average the day and the 6 days before it (no center=True)"
    )
    for window in (6, 8):
        other = daily.rolling(window).mean().to_numpy()
        assert not np.allclose(got[8:], other[8:]), (
            f"rolling_7 averages {window} days; the window is 7 days: the day and the 6 before it"
        )
    assert np.isnan(got[:6]).all(), (
        "rolling_7 has values for the first 6 days; they have no full week behind them and must be NaN "
        "(leave min_periods at its default)"
    )
    raise AssertionError(
        "rolling_7's values are wrong; compute daily.rolling(7).mean() on the sorted series with every day filled in"
    )


# ------------------------------------------------------------------------------------ best_week, growth


def test_best_week(submission, data_dir):
    """best_week is the label of the busiest week"""
    value = fetch(submission, "best_week", "the label of the busiest week")
    _, _, weekly, _ = expected(data_dir)
    assert not isinstance(value, (int, float, np.number)), (
        "best_week is a number of visits; give the week's label (idxmax)"
    )
    assert isinstance(value, (dt.date, np.datetime64)), f"best_week is {type_name(value)}; it must be a Timestamp"
    sunday = weekly.idxmax()
    assert pd.Timestamp(value) in (sunday, sunday - pd.Timedelta(days=6)), (
        "best_week is not the label of the week with the most visits"
    )


def test_growth(submission, data_dir):
    """growth is the month-over-month change in percent"""
    value = series(submission, "growth", "the monthly growth in percent")
    _, _, _, monthly = expected(data_dir)
    want = (monthly.pct_change() * 100).to_numpy()
    months = month_labels(value.index, "growth")
    assert months == [d.strftime("%Y-%m") for d in monthly.index], "growth must have the same months as monthly"
    got = value.astype(float).to_numpy()
    assert np.isnan(got[0]), "growth's first month has no month before it: it must be NaN"
    assert not np.allclose(got[1:], want[1:] / 100), "growth is a fraction (0.19); give it in percent (19.0)"
    close = np.allclose(got[1:], want[1:], rtol=0, atol=0.01)
    assert close or not np.allclose(got[1:], want[1:], rtol=0, atol=0.051), (
        "growth is rounded too much; keep at least 2 decimals (or don't round at all)"
    )
    assert close, "growth is not the change from the month before, in percent"
