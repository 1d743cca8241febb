import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FORMAT = "%d/%m/%Y %H:%M"


def type_name(value):
    if value is None:
        return "None"
    return "a " + getattr(value, "type_name", type(value).__name__)


def fetch(submission, name, what):
    try:
        return submission.get(name)
    except AttributeError:
        raise AssertionError(f"the notebook defines no variable `{name}`; store {what} in it") from None


def expected_trips(data_dir):
    trips = pd.read_csv(data_dir / "trips.csv")
    trips["start"] = pd.to_datetime(trips["start"], format=FORMAT)
    trips["end"] = pd.to_datetime(trips["end"], format=FORMAT)
    trips["member"] = trips["member"] == "yes"
    trips["bike"] = trips["bike"].astype("category")
    trips["distance"] = trips["distance"].str.removesuffix(" km").astype(float)
    trips["minutes"] = (trips["end"] - trips["start"]).dt.total_seconds() / 60
    return trips


def trips_frame(submission, data_dir, *columns):
    trips = fetch(submission, "trips", "the converted trips")
    assert isinstance(trips, pd.DataFrame), f"trips is {type_name(trips)}; it must be the DataFrame of trips.csv"
    for column in columns:
        assert column in trips.columns, f"trips has no column {column!r}"
    expected = expected_trips(data_dir)
    assert len(trips) == len(expected), (
        "trips does not hold every trip of the file; keep every trip"
    )
    if "trip_id" in trips.columns:
        order = list(trips["trip_id"])
        assert sorted(order) == sorted(expected["trip_id"]), "trips holds other trips than the file"
        trips = trips.set_index("trip_id").loc[expected["trip_id"]].reset_index()
    return trips.reset_index(drop=True), expected


def check_dates(trips, expected, column):
    values = trips[column]
    assert pd.api.types.is_datetime64_any_dtype(values), (
        f"trips' {column} column has dtype {values.dtype}; convert it with pd.to_datetime"
    )
    assert values.dt.tz is None, f"trips' {column} should be plain local times, without a time zone"
    if (values == expected[column]).all():
        return
    month_first = pd.to_datetime(expected[column].dt.strftime(FORMAT), format="%m/%d/%Y %H:%M", errors="coerce")
    outside = ~values.dt.strftime("%Y-%m").isin(["2024-03"])
    if outside.any() or (values == month_first).sum() > len(values) / 2:
        raise AssertionError(
            f"trips' {column} dates fall outside March 2024: the file writes day/month/year and they were read "
            "month first; use pd.to_datetime(..., format='%d/%m/%Y %H:%M') or dayfirst=True"
        )
    raise AssertionError(f"some of trips' {column} times differ from the file")


@pytest.mark.points(2)
def test_start_end(submission, data_dir):
    """start and end are datetimes read day first"""
    trips, expected = trips_frame(submission, data_dir, "start", "end")
    check_dates(trips, expected, "start")
    check_dates(trips, expected, "end")


def test_member(submission, data_dir):
    """member is True for "yes" and False for "no\""""
    trips, expected = trips_frame(submission, data_dir, "member")
    values = list(trips["member"])
    assert all(isinstance(v, (bool, np.bool_)) for v in values), (
        "trips' member column must hold True/False, not text; compare with 'yes'"
    )
    assert not all(values), (
        "trips' member column is True for every trip; astype(bool) makes any non-empty text True, 'no' included "
        "— compare with 'yes' instead"
    )
    assert values == list(expected["member"]), "trips' member column must be True exactly where the file says 'yes'"


def test_bike_category(submission, data_dir):
    """bike has the category dtype"""
    trips, expected = trips_frame(submission, data_dir, "bike")
    assert isinstance(trips["bike"].dtype, pd.CategoricalDtype), (
        f"trips' bike column has dtype {trips['bike'].dtype}; convert it with astype('category')"
    )
    assert list(trips["bike"].astype(str)) == list(expected["bike"].astype(str)), "trips' bike values changed"
    assert sorted(map(str, trips["bike"].cat.categories)) == ["classic", "electric"], (
        "trips' bike categories must be exactly 'classic' and 'electric'"
    )


def test_distance(submission, data_dir):
    """distance is a float number of kilometres"""
    trips, expected = trips_frame(submission, data_dir, "distance")
    assert pd.api.types.is_float_dtype(trips["distance"]), (
        f"trips' distance column has dtype {trips['distance'].dtype}; remove ' km' and convert it to float"
    )
    assert np.allclose(trips["distance"].to_numpy(), expected["distance"].to_numpy()), (
        "trips' distances differ from the file's numbers"
    )


@pytest.mark.points(2)
def test_minutes(submission, data_dir):
    """minutes is the length of each trip, also across midnight"""
    trips, expected = trips_frame(submission, data_dir, "minutes")
    values = trips["minutes"]
    assert pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_timedelta64_dtype(values), (
        f"trips' minutes column has dtype {values.dtype}; turn the timedeltas into numbers: "
        ".dt.total_seconds() / 60"
    )
    got = values.astype(float).to_numpy()
    want = expected["minutes"].to_numpy()
    if np.allclose(got, want):
        return
    dates_ok = all(pd.api.types.is_datetime64_any_dtype(trips[c]) and (trips[c] == expected[c]).all()
                   for c in ("start", "end") if c in trips.columns)
    assert dates_ok, "trips' minutes is wrong because start and end are not the file's times; see the date check"
    crosses = (expected["end"].dt.normalize() != expected["start"].dt.normalize()).to_numpy()
    assert not np.allclose(got[~crosses], want[~crosses]), (
        "trips' minutes is wrong for the trip that ends after midnight; subtract the full datetimes "
        "(end - start), not the times of day"
    )
    assert not np.allclose(got, want * 60), "trips' minutes holds seconds; divide by 60"
    raise AssertionError("trips' minutes is not end - start in minutes; check the dates are read day first")


def day_labels(index, name):
    """Days of an index as dates; Timestamps, datetime.date or 'YYYY-MM-DD' text are accepted."""
    days = []
    for label in index:
        if isinstance(label, str):
            try:
                label = pd.Timestamp(label)
            except ValueError:
                raise AssertionError(f"{name}'s index holds text that is not a day; it must hold the days") from None
        assert isinstance(label, (dt.date, np.datetime64)), (
            f"{name}'s index holds {type_name(label)} values; it must hold the days (Timestamps)"
        )
        label = pd.Timestamp(label)
        assert label == label.normalize(), (
            f"{name}'s index holds times of day; use the days (.dt.normalize())"
        )
        days.append(label)
    return days


@pytest.mark.points(2)
def test_trips_per_day(submission, data_dir):
    """trips_per_day counts the trips that started each day, oldest day first"""
    value = fetch(submission, "trips_per_day", "the number of trips per day")
    assert isinstance(value, pd.Series), f"trips_per_day is {type_name(value)}; it must be a Series"
    expected = expected_trips(data_dir)
    want = expected.groupby(expected["start"].dt.normalize()).size()
    days = day_labels(value.index, "trips_per_day")
    assert all(d.strftime("%Y-%m") == "2024-03" for d in days), (
        "trips_per_day has days outside March 2024; read the dates day first"
    )
    got = pd.Series(list(value), index=days)
    got = got[got != 0]
    assert sorted(got.index) == list(want.index), (
        "trips_per_day must have one entry per day on which trips started (1 to 12 March, Sundays closed)"
    )
    assert list(got.index) == sorted(got.index), "trips_per_day must be sorted by day, oldest first"
    ends = expected.groupby(expected["end"].dt.normalize()).size()
    assert [int(n) for n in got] != list(ends.reindex(got.index, fill_value=0)) or list(ends) == list(want), (
        "trips_per_day counts trips by the day they ended; count them by start"
    )
    assert [int(n) for n in got] == list(want), "trips_per_day's counts are wrong; count the trips by start day"


@pytest.mark.points(2)
def test_by_weekday(submission, data_dir):
    """by_weekday counts trips per weekday, Monday to Sunday, all seven days"""
    value = fetch(submission, "by_weekday", "the number of trips per weekday")
    assert isinstance(value, pd.Series), f"by_weekday is {type_name(value)}; it must be a Series"
    labels = [str(label) for label in value.index]
    expected = expected_trips(data_dir)
    want = expected["start"].dt.day_name().value_counts().reindex(DAYS, fill_value=0)
    assert set(labels) <= set(DAYS), (
        "by_weekday's index holds other labels; label the days by name, 'Monday' to 'Sunday' (.dt.day_name())"
    )
    absent = [d for d in DAYS if d not in labels]
    assert not absent, (
        f"by_weekday has no entry for {absent[0]}; list all seven days, with 0 for a day without trips "
        "(reindex with fill_value=0)"
    )
    assert labels == DAYS, "by_weekday must list the days in calendar order, Monday first, not alphabetically or by count"
    assert [int(n) for n in value] == list(want), (
        "by_weekday's counts are wrong; count the trips by the weekday they started (dates read day first)"
    )


def number(value, name, what):
    assert isinstance(value, (int, float, np.number)) and not isinstance(value, bool), (
        f"{name} is {type_name(value)}; it must be a number ({what})"
    )
    return float(value)


def test_member_share(submission, data_dir):
    """member_share is the share of trips made by members"""
    value = number(fetch(submission, "member_share", "the share of trips by members"), "member_share",
                   "a share between 0 and 1")
    expected = expected_trips(data_dir)["member"].mean()
    assert value != 1.0, "member_share is 1: every trip counts as a member's; 'no' must become False"
    assert not math.isclose(value, expected * 100), "member_share is a percentage; give a share between 0 and 1"
    assert math.isclose(value, expected, rel_tol=1e-9), "member_share is not the share of trips whose member is True"


def test_median_minutes(submission, data_dir):
    """median_minutes is the median trip length per bike type"""
    value = fetch(submission, "median_minutes", "the median minutes per bike type")
    if isinstance(value, pd.Series):
        value = {str(k): v for k, v in value.items()}
    assert isinstance(value, dict), f"median_minutes is {type_name(value)}; make it a Series or a dict"
    expected = expected_trips(data_dir)
    want = expected.groupby("bike", observed=True)["minutes"].median()
    assert sorted(map(str, value)) == ["classic", "electric"], (
        "median_minutes has other keys; key it by bike type, 'classic' and 'electric'"
    )
    means = expected.groupby("bike", observed=True)["minutes"].mean()
    for bike in ("classic", "electric"):
        got = number(value[bike], f"median_minutes[{bike!r}]", "minutes")
        assert not (math.isclose(got, means[bike]) and not math.isclose(got, want[bike])), (
            "median_minutes holds the mean; use median()"
        )
        assert math.isclose(got, want[bike], rel_tol=1e-9), f"median_minutes[{bike!r}] is not that bike type's median"


def test_evening_trips(submission, data_dir):
    """evening_trips counts the trips that started at 18:00 or later"""
    value = number(fetch(submission, "evening_trips", "the number of evening trips"), "evening_trips",
                   "a count of trips")
    start = expected_trips(data_dir)["start"]
    assert value != (start.dt.hour > 18).sum() or value == (start.dt.hour >= 18).sum(), (
        "evening_trips leaves out the trips that started between 18:00 and 18:59; 'at 18:00 or later' is hour >= 18"
    )
    assert value == (start.dt.hour >= 18).sum(), "evening_trips is not the number of trips whose start hour is 18 or later"
